import Foundation
import Testing

/// Issue 13, item 1: two outputs of one run never land on one file, and no output lands on an input, however
/// the paths are spelled (`..`, symbolic links, hard links, bind mounts): files are compared by device and inode.
@Suite struct OutputCollisionTests {
    /// A ledger with one rejected record, so `tag` writes a rejects file too.
    static let ledger = "Leverantör;Belopp\nA AB;1,00\nB AB;n/a\n"

    static func folderWithLedger() throws -> URL {
        let folder = try Kedja.temporaryDirectory()
        try Data(ledger.utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        return folder
    }

    @Test func enrichedAndRejectsOnOnePathIsAUsageError() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.csv").path
        let output = folder.appendingPathComponent("a.csv").path
        let result = try Kedja.run(["tag", ledger, "-o", output, "--rejects", output])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("är samma fil: ge varje utdata en egen sökväg"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        let english = try Kedja.run(["tag", ledger, "-o", output, "--rejects", output, "--lang", "en"])
        #expect(english.stderr.contains("are the same file: give each output its own path"), "\(english.stderr)")
    }

    @Test func otherSpellingsOfOnePathCollideToo() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.csv").path
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let output = sub.appendingPathComponent("a.csv").path
        let dotted = "\(sub.path)/../sub/a.csv"
        #expect(try Kedja.run(["tag", ledger, "-o", output, "--rejects", dotted]).status == 64)

        // An existing file and a symbolic link to it; then the default rejects name given again explicitly.
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: output))
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: output)
        #expect(try Kedja.run(["tag", ledger, "-o", output, "--rejects", link]).status == 64)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "old\n")
        let rejects = sub.appendingPathComponent("a.rejects.csv").path
        #expect(try Kedja.run(["tag", ledger, "-o", rejects, "--rejects", "\(sub.path)/./a.rejects.csv"]).status == 64)
    }

    @Test func aHardLinkToTheInputIsTheInput() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.csv").path
        let alias = folder.appendingPathComponent("alias.csv").path
        try FileManager.default.linkItem(atPath: ledger, toPath: alias)
        let result = try Kedja.run(["tag", ledger, "-o", alias, "--lang", "en"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("also an input"), "\(result.stderr)")
        #expect(try String(contentsOfFile: ledger, encoding: .utf8) == Self.ledger)
    }

    /// Whether this machine lets a test bind-mount a folder in a private mount namespace (`unshare`).
    static let canBindMount: Bool = {
        guard let folder = try? Kedja.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "mkdir a b && mount --bind a b"
        let result = try? Kedja.runProcess(
            "/usr/bin/env", ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script], in: folder)
        return result?.status == 0
    }()

    @Test(
        .enabled(
            if: canBindMount,
            "needs `unshare --user --map-root-user --mount` (user namespaces), which this machine does not allow"))
    func anOutputThroughABindMountOfTheInputsFolderIsRefused() throws {
        let folder = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("view"), withIntermediateDirectories: true)
        // The folder, seen again through a bind mount at view/: view/ledger.csv is ledger.csv.
        let script = "mount --bind . view && exec \"$0\" tag ledger.csv -o view/ledger.csv --lang en"
        let result = try Kedja.runProcess(
            "/usr/bin/env", ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, Kedja.binary],
            in: folder)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("also an input"), "\(result.stderr)")
        let ledger = folder.appendingPathComponent("ledger.csv").path
        #expect(try String(contentsOfFile: ledger, encoding: .utf8) == Self.ledger)
    }
}
