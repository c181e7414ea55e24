import Foundation
import KedjaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            let result = try Kedja.run(
                [command, "ledger.csv", "-o", "full.xlsx", "--quiet", "--lang", "en"], in: folder)
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
        let result = try Kedja.run(["tag", "ledger.csv", "-o", "ledger.csv", "--lang", "en"], in: folder)
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

    /// Whether this machine lets a test mount a small tmpfs in a private mount namespace (`unshare`).
    static let canMountSmallDisk: Bool = {
        guard let folder = try? Kedja.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try? Kedja.runProcess(
            "/usr/bin/env",
            [
                "unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mkdir small && mount -t tmpfs tmpfs small",
            ],
            in: folder)
        return result?.status == 0
    }()

    /// Runs `setup` (which mounts the small disk) and then kedja with `arguments` (`$1` is the sample ledger) in
    /// `folder`, in a private user and mount namespace.
    static func runOnSmallDisk(_ setup: String, _ arguments: String, in folder: URL) throws -> Kedja.Result {
        try Kedja.runProcess(
            "/usr/bin/env",
            [
                "unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "\(setup) && exec \"$0\" \(arguments)",
                Kedja.binary, Kedja.sampleLedger,
            ],
            in: folder)
    }

    @Test(
        .enabled(
            if: canMountSmallDisk,
            "needs `unshare --user --map-root-user --mount` and tmpfs to make a full disk, which this machine does not allow"
        ))
    func aFullDiskWhileSavingAWorkbookNamesTheDestinationAndHidesLibraryLines() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("small"), withIntermediateDirectories: true)
        // 40 KiB of disk: the register of the sample ledger does not fit.
        let result = try Self.runOnSmallDisk(
            "mount -t tmpfs -o size=40k tmpfs small", "register \"$1\" -o small/register.xlsx --lang en", in: folder)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(
            result.stderr.contains("small/register.xlsx: cannot write the output: No space left on device"),
            "\(result.stderr)")
        #expect(result.stderr.contains("free some space"), "\(result.stderr)")
        #expect(!result.stderr.contains("[ERROR]"), "\(result.stderr)")
        #expect(!result.stderr.contains(".kedja-"), "the temporary file is not named: \(result.stderr)")
    }

    @Test func aFIFOInputIsRefusedRatherThanWaitedOn() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("in.csv").path, 0o600) == 0)
        for command in [
            ["inspect", "in.csv"], ["tag", "in.csv", "-o", "out.csv"], ["convert", "in.csv", "-o", "out.xlsx"],
        ] {
            // `timeout` ends a run that would hang, as every run did: it opened the pipe and waited for a writer.
            let result = try Kedja.runProcess("/usr/bin/env", ["timeout", "20", Kedja.binary] + command, in: folder)
            #expect(result.status == 66, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("in.csv: kan inte läsa en namngiven pipe (FIFO)"), "\(result.stderr)")
            #expect(result.stderr.contains("Spara den i en fil först"), "\(result.stderr)")
            let english = try Kedja.runProcess(
                "/usr/bin/env", ["timeout", "20", Kedja.binary] + command + ["--lang", "en"], in: folder)
            #expect(english.stderr.contains("in.csv: cannot read a pipe (FIFO)"), "\(english.stderr)")
            #expect(english.stderr.contains("Save it to a file first"), "\(english.stderr)")
        }
    }

    @Test(
        .enabled(
            if: canMountSmallDisk,
            "needs `unshare --user --map-root-user --mount` and tmpfs to make a full disk, which this machine does not allow"
        ))
    func aFullTemporaryFolderFailsTheWorkbookRatherThanSavingItBroken() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["small", "out"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        // $TMPDIR with 8 KiB free: libxlsxwriter's temporary parts do not fit, the output folder has room.
        let result = try Self.runOnSmallDisk(
            "mount -t tmpfs -o size=200k tmpfs small && head -c 194560 /dev/zero > small/filler && export TMPDIR=small",
            "register \"$1\" -o out/register.xlsx --lang en", in: folder)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(
            result.stderr.contains("out/register.xlsx: cannot write the output: No space left on device"),
            "\(result.stderr)")
        #expect(result.stderr.contains("free space in the temporary folder small"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == [])
    }

    /// Swedish messages group a count's thousands as they group amounts; English ones print it plain.
    @Test func swedishCountsAreGroupedInThousands() throws {
        let folder = try Kedja.temporaryDirectory()
        let ledger = folder.appendingPathComponent("reskontra.csv")
        let lines = (1...1_500).map { "Konsult AB;79411000;\($0),00" }
        try Data((["Leverantör;CPV-kod;Belopp"] + lines + [""]).joined(separator: "\n").utf8).write(to: ledger)
        let swedish = try Kedja.run(["tag", ledger.path, "-o", "-"])
        #expect(swedish.status == 0, "\(swedish.stderr)")
        #expect(swedish.stderr.contains("1\u{00A0}500 poster, 1\u{00A0}500 godtagna, 0 avvisade"), "\(swedish.stderr)")
        let english = try Kedja.run(["tag", ledger.path, "-o", "-", "--lang", "en"])
        #expect(english.stderr.contains("1500 records, 1500 accepted, 0 rejected"), "\(english.stderr)")
    }
}
