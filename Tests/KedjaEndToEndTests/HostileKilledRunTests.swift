import Foundation
import Testing

/// Issue 6: a run killed mid-way (SIGKILL: no handler runs, nothing is cleaned up) leaves the outputs of the
/// previous run byte for byte and no spool files behind, because outputs appear only by rename and spool
/// files have no name from the moment they are created.
@Suite struct HostileKilledRunTests {
    static func generateLedger(lines: Int, to path: URL) throws {
        let script = Kedja.packageRoot.appendingPathComponent("scripts/generate_ledger.py").path
        let suppliers = path.deletingLastPathComponent().appendingPathComponent("suppliers-\(lines).csv").path
        let result = try Kedja.runProcess(
            "/usr/bin/env",
            ["python3", script, "--lines", "\(lines)", "--out-ledger", path.path, "--out-suppliers", suppliers])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Starts `kedja run` with its own temporary folder, so the test can see every file it creates there.
    static func startRun(_ ledger: URL, outDir: URL, temporaryDirectory: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Kedja.binary)
        process.arguments = ["run", ledger.path, "--out-dir", outDir.path, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporaryDirectory.path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func killedRunLeavesTheEarlierOutputsAndNoSpoolFiles() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.csv")
        let outDir = folder.appendingPathComponent("out")
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)

        try Self.generateLedger(lines: 200, to: ledger)
        let first = try Self.startRun(ledger, outDir: outDir, temporaryDirectory: temporary)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let earlier = try Self.contents(of: outDir)
        #expect(earlier.count >= 4, "the first run wrote \(earlier.keys.sorted())")

        // The same input name, now large enough that the run is still writing when it is killed.
        try Self.generateLedger(lines: 60_000, to: ledger)
        let second = try Self.startRun(ledger, outDir: outDir, temporaryDirectory: temporary)
        let deadline = Date().addingTimeInterval(120)
        var writing = false
        while second.isRunning && !writing && Date() < deadline {
            writing = try FileManager.default.contentsOfDirectory(atPath: outDir.path).contains {
                $0.contains(".kedja-")
            }
            if !writing { usleep(10_000) }
        }
        kill(second.processIdentifier, SIGKILL)
        second.waitUntilExit()
        #expect(
            writing && second.terminationReason == .uncaughtSignal, "the run ended before it could be killed mid-way")

        // SIGKILL leaves the named temporary file an output was being written to (`.NAME.kedja-XXXXXX`): a
        // known gap, reported with issue 6. It is not an output; every output must be as the first run left it.
        let after = try Self.contents(of: outDir).filter { !$0.key.contains(".kedja-") }
        #expect(after.keys.sorted() == earlier.keys.sorted())
        for (name, bytes) in earlier {
            #expect(after[name] == bytes, "\(name) changed")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }
}
