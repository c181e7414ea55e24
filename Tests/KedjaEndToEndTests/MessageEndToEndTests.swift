import Foundation
import KedjaTestSupport
import Testing

/// Issue 13, item 8: messages say what is really wrong, and advice comes only where it fits.
@Suite struct MessageEndToEndTests {
    static let ledger = "Leverantör;Belopp\nA AB;1,00\n"

    @Test func sheetOptionOnAFolderSaysItIsAFolder() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [
            ["tag", folder.path, "--sheet", "Blad1", "-o", "-"],
            ["convert", folder.path, "--sheet", "Blad1", "-o", "x.csv"],
        ] {
            let result = try Kedja.run(command, in: folder)
            #expect(result.status == 66, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("is a CSV file"), "\(result.stderr)")
            #expect(result.stderr.contains("directory") || result.stderr.contains("folder"), "\(result.stderr)")
        }
    }

    @Test func aFullDiskNamesTheDestinationAndAdvisesSpace() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.ledger.utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        // /dev/full fails every write with ENOSPC; a link to it in the test's folder stands for a full disk.
        let full = folder.appendingPathComponent("full.xlsx").path
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: "/dev/full")
        for command in ["tag", "register"] {
            let result = try Kedja.run([command, "ledger.csv", "-o", "full.xlsx", "--quiet"], in: folder)
            #expect(result.status == 73, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("full.xlsx: cannot write the output"), "\(result.stderr)")
            #expect(result.stderr.contains("free some space"), "\(result.stderr)")
            #expect(!result.stderr.contains("[ERROR]"), "\(result.stderr)")
        }
    }

    @Test func aRefusalCarriesNoFreeSpaceAdvice() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.ledger.utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        let result = try Kedja.run(["tag", "ledger.csv", "-o", "ledger.csv"], in: folder)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("also an input"), "\(result.stderr)")
        #expect(!result.stderr.contains("free"), "\(result.stderr)")
    }

    @Test func aFailedRunSaysWhichOutputsItWrote() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.ledger + "B AB;n/a\n").utf8).write(to: folder.appendingPathComponent("ledger.csv"))
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // The register's destination is a full disk: the enriched CSV and its rejects are complete before it fails.
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("ledger-risk-register.xlsx").path, withDestinationPath: "/dev/full")
        let result = try Kedja.run(["run", "ledger.csv", "--out-dir", "out", "--lang", "en", "--quiet"], in: folder)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("ledger-risk-register.xlsx: cannot write the output"), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "written before the failure: out/ledger-tagged.csv, out/ledger-tagged.rejects.csv; "
                    + "the run's other outputs were not written"), "\(result.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names == ["ledger-tagged.csv", "ledger-tagged.rejects.csv", "ledger-risk-register.xlsx"])
    }
}
