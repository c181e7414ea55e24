import Foundation
import KedjaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 13, items 0 and 2: outputs reach FIFOs and devices by writing through (never replacing them), and a
/// workbook's own bytes are synced before it is renamed into place.
@Suite struct SpecialOutputTests {
    static let ledger = "Leverantör;Belopp\nA AB;1,00\nB AB;2,00\n"

    static func folderWithLedger() throws -> URL {
        let folder = try Kedja.temporaryDirectory()
        try Data(ledger.utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        return folder
    }

    /// Runs kedja with `arguments` in `folder` while `cat` copies the FIFO `pipe` there to the file `received`.
    static func runIntoFIFO(_ arguments: [String], in folder: URL, received: String) throws -> Kedja.Result {
        #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o600) == 0)
        let script = "cat pipe > \(received) & \"$0\" \"$@\"; status=$?; wait; exit $status"
        return try Kedja.runProcess("/bin/sh", ["-c", script, Kedja.binary] + arguments, in: folder)
    }

    @Test func tagWritesThroughAFIFO() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.runIntoFIFO(
            ["tag", "ledger.csv", "-o", "pipe", "--rejects", "rejects.csv"], in: folder, received: "received.csv")
        #expect(result.status == 0, "\(result.stderr)")
        let received = try String(contentsOf: folder.appendingPathComponent("received.csv"), encoding: .utf8)
        #expect(received.hasPrefix("Leverantör;Belopp;kedja_category_code"))
        #expect(received.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 3)
        var status = stat()
        #expect(stat(folder.appendingPathComponent("pipe").path, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func registerWritesAWholeWorkbookThroughAFIFO() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.runIntoFIFO(
            ["register", "ledger.csv", "-o", "pipe", "--lang", "en"], in: folder, received: "received.xlsx")
        #expect(result.status == 0, "\(result.stderr)")
        let received = folder.appendingPathComponent("received.xlsx").path
        #expect(try XlsxProbe.malformedParts(received) == [])
        #expect(try XlsxProbe.read(received).sheets.map(\.name).contains("Risk register"))
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
                "ledger.csv", "pipe", "received.xlsx",
            ])
    }

    @Test func aDeviceStaysADevice() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A link in the test's folder to /dev/null: a regression would replace the link, never the device.
        let null = folder.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: null, withDestinationPath: "/dev/null")
        for command in ["tag", "register"] {
            let result = try Kedja.run([command, "ledger.csv", "-o", "null", "--quiet"], in: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: null) == "/dev/null")
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["ledger.csv", "null"])
    }

    @Test func theRejectsOfAWriteThroughOutputGoNextToTheInput() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.ledger + "C AB;n/a\n").utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        let null = folder.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: null, withDestinationPath: "/dev/null")
        let result = try Kedja.run(["tag", "ledger.csv", "-o", "null", "--quiet", "--lang", "en"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rejects = try String(contentsOf: folder.appendingPathComponent("ledger.rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("amount 'n/a' is not a number"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: null) == "/dev/null")
    }

    /// Whether `strace` can trace a child here (ptrace may be forbidden in a container).
    static let canTrace: Bool = {
        (try? Kedja.runProcess("/usr/bin/env", ["strace", "-o", "/dev/null", "true"]))?.status == 0
    }()

    @Test(.enabled(if: canTrace, "needs strace and permission to trace a child process (ptrace)"))
    func aWorkbooksOwnBytesAreSyncedBeforeItsRename() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Kedja.runProcess(
            "/usr/bin/env",
            [
                "strace", "-f", "-e", "trace=openat,fsync,rename,renameat,renameat2", "-o", "trace.txt", Kedja.binary,
                "register", "ledger.csv", "-o", "register.xlsx", "--quiet",
            ], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: folder.appendingPathComponent("trace.txt"), encoding: .utf8)
            .components(separatedBy: "\n")
        // The last rename onto register.xlsx, and the temporary path it moved.
        let renameIndex = try #require(lines.lastIndex { $0.contains("rename") && $0.contains("\"register.xlsx\"") })
        let temporary = try #require(lines[renameIndex].split(separator: "\"").dropFirst().first.map(String.init))
        // After libxlsxwriter's last open of that path, a descriptor of it is synced before the rename.
        let writes = try #require(lines[..<renameIndex].lastIndex { $0.contains(temporary) && $0.contains("O_TRUNC") })
        let synced = lines[writes..<renameIndex].compactMap { line -> String? in
            guard line.contains("openat"), line.contains(temporary),
                let equals = line.range(of: "= ", options: .backwards)
            else { return nil }
            return String(line[equals.upperBound...]).trimmingCharacters(in: .whitespaces)
        }.contains { descriptor in lines[writes..<renameIndex].contains { $0.contains("fsync(\(descriptor))") } }
        #expect(
            synced,
            "no fsync of the workbook's bytes between its writing and its rename:\n\(lines.joined(separator: "\n"))")
    }
}
