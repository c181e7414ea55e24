import Foundation
import Testing

/// Issue 12 item 5: the command-line conventions of CONTRACT.md — `-` for standard input and output, workbooks on
/// standard output only off a terminal, usage errors (64) for a malformed `--map` and a mistyped command, help that
/// names the real default files, rejected-record lists that say where the rest are, a missing-amount message that
/// proposes only amounts, and `--strict` leaving only the rejects file.
@Suite struct ConventionsEndToEndTests {
    static var ledger: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: Kedja.sampleLedger)) } }

    /// A copy of the sample ledger in a fresh folder, for runs that write next to SPEND.
    static func folderWithLedger() throws -> (folder: URL, ledger: String) {
        let folder = try Kedja.temporaryDirectory()
        let ledger = folder.appendingPathComponent("reskontra.csv")
        try Self.ledger.write(to: ledger)
        return (folder, ledger.path)
    }

    static func files(in folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    @Test func dashReadsStandardInputInEveryCommand() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Self.ledger
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let commands: [[String]] = [
            ["inspect", "-", "--json"], ["tag", "-", "-o", path("t.csv")], ["register", "-", "-o", path("r.xlsx")],
            ["plan", "-", "-o", path("p.xlsx")], ["report", "-", "-o", path("n.xlsx")],
            ["run", "-", "--out-dir", path("out")], ["convert", "-", "-o", path("c.csv")],
        ]
        for command in commands {
            let result = try Kedja.run(command + ["--quiet"], input: ledger, in: folder)
            #expect(result.status == 0, "\(command[0]): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("c.csv"))) == ledger)
        #expect(
            try Self.files(in: folder.appendingPathComponent("out")) == [
                "stdin-taggad.csv", "stdin-taggad.rejects.csv", "stdin-riskregister.xlsx",
                "stdin-uppfoljningsplan.xlsx", "stdin-namndrapport.xlsx",
            ])
        let inspect = try Kedja.run(["inspect", "-", "--json"], input: ledger).json()
        #expect(inspect["rows_read"] as? Int == 3000)
        #expect((inspect["input"] as? [String: Any])?["path"] as? String == "-")

        // Defaults for standard input are named stdin-… in the current folder.
        let tagged = try Kedja.run(["tag", "-", "--quiet"], input: ledger, in: folder)
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(try Self.files(in: folder).isSuperset(of: ["stdin-taggad.csv", "stdin-taggad.rejects.csv"]))

        // The supplier list may come from standard input too, but not both at once.
        let suppliers = try Data(contentsOf: URL(fileURLWithPath: Kedja.sampleSuppliers))
        let joined = try Kedja.run(
            ["tag", Kedja.sampleLedger, "--suppliers", "-", "-o", path("s.csv"), "--json"], input: suppliers)
        #expect(joined.status == 0, "\(joined.stderr)")
        let fromFile = try Kedja.run(
            ["tag", Kedja.sampleLedger, "--suppliers", Kedja.sampleSuppliers, "-o", path("f.csv"), "--json"])
        #expect(
            (try joined.json()["details"] as? [String: String])
                == (try fromFile.json()["details"] as? [String: String]))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: path("s.csv")))
                == Data(contentsOf: URL(fileURLWithPath: path("f.csv"))))
        let twice = try Kedja.run(["tag", "-", "--suppliers", "-", "--lang", "en"], input: ledger)
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("- (standard input) can be only one of the inputs"))
    }

    @Test func emptyStandardInputIsNamedInTheMessage() throws {
        let result = try Kedja.run(["inspect", "-", "--lang", "en"], input: Data())
        #expect(result.status == 65)
        #expect(result.stderr.contains("standard input: the file is empty"))
    }

    @Test func dashWritesCSVToStandardOutput() throws {
        let (folder, ledger) = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let converted = try Kedja.run(["convert", ledger, "-o", "-", "--lang", "en"])
        #expect(converted.status == 0)
        #expect(converted.stdout == (try Self.ledger))
        #expect(converted.stderr.contains("→ standard output: 3000 records written"))

        let tagged = folder.appendingPathComponent("taggad.csv").path
        let rejects = try Kedja.run(["tag", ledger, "-o", tagged, "--rejects", "-", "--quiet", "--lang", "en"])
        #expect(rejects.status == 0, "\(rejects.stderr)")
        let text = String(decoding: rejects.stdout, as: UTF8.self)
        #expect(text.hasPrefix("kedja_record;kedja_line;kedja_reason;Verifikationsnummer"))
        #expect(text.contains("\r\n509;534;amount 'n/a' is not a number;"))
        #expect(text.contains("\r\n2552;2641;amount 'ca 5 000,00' is not a number;"))
        #expect(try Kedja.run(["tag", ledger, "-o", "-", "--rejects", "-"]).status == 64)
        #expect(try Kedja.run(["convert", ledger, "-o", "-", "--json"]).status == 64)
    }

    @Test func aWorkbookGoesToStandardOutputOnlyWhenItIsNotATerminal() throws {
        let (folder, ledger) = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let piped = try Kedja.run(["register", ledger, "-o", "-", "--quiet"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.starts(with: [0x50, 0x4B, 0x03, 0x04]), "an XLSX (ZIP) on standard output")
        #expect(try Self.files(in: folder) == ["reskontra.csv"], "and no file beside it")

        // On a terminal (a pseudo-terminal here) the bytes would garble the screen: a usage error with a hint.
        let onTerminal = try Kedja.python(
            """
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], sys.argv[1:])
            out = b''
            while True:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                out += data
            _, status = os.waitpid(pid, 0)
            print(os.waitstatus_to_exitcode(status), out.decode(errors='replace').replace('\\r\\n', ' '))
            """, [Kedja.binary, "report", ledger, "-o", "-", "--lang", "en"])
        #expect(onTerminal.hasPrefix("64 "), "\(onTerminal)")
        #expect(onTerminal.contains("standard output is a terminal. Redirect it"))
        #expect(try Self.files(in: folder) == ["reskontra.csv"])
    }

    @Test func aMalformedMapIsAUsageError() throws {
        for map in ["bogus", "amount", "price=Belopp"] {
            let result = try Kedja.run(["inspect", Kedja.sampleLedger, "--map", map, "--lang", "en"])
            #expect(result.status == 64, "--map \(map)")
            #expect(result.stderr.contains("--map \(map): write ROLE=COLUMN"))
        }
    }

    @Test func aMistypedCommandGetsDidYouMean() throws {
        for (typed, meant) in [("regster", "register"), ("inspekt", "inspect"), ("tga", "tag"), ("conv", "convert")] {
            let result = try Kedja.run([typed, Kedja.sampleLedger, "--lang", "en"])
            #expect(result.status == 64)
            #expect(result.stderr.contains("'\(typed)' is not a command. Did you mean '\(meant)'?"), "\(result.stderr)")
        }
        let unknown = try Kedja.run(["frobnicate", "--lang=en"])
        #expect(unknown.status == 64)
        #expect(!unknown.stderr.contains("Did you mean"))
        #expect(unknown.stderr.contains("The commands are inspect, tag, register"))
    }

    @Test func helpStatesTheDefaultFileNames() throws {
        let expected: [(String, [String])] = [
            ("tag", ["NAME-taggad.csv", "NAME-tagged.csv"]),
            ("register", ["NAME-riskregister.xlsx", "NAME-risk-register.xlsx"]),
            ("plan", ["NAME-uppfoljningsplan.xlsx", "NAME-follow-up-plan.xlsx"]),
            ("report", ["NAME-namndrapport.xlsx", "NAME-committee-report.xlsx"]),
            (
                "run",
                ["NAME-taggad.csv", "NAME-riskregister.xlsx", "NAME-uppfoljningsplan.xlsx", "NAME-namndrapport.xlsx"]
            ),
        ]
        for (command, names) in expected {
            let help = try Kedja.run([command, "--help"]).stdoutText.replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "  ", with: " ")
            for name in names { #expect(help.contains(name), "\(command) --help: \(name)") }
            #expect(!help.contains("-tagged before the extension"))
        }
    }

    /// A ledger with `bad` records whose amount is not a number.
    static func ledgerWithRejects(_ bad: Int) -> Data {
        var text = "Leverantör;Belopp\n"
        for index in 1...30 { text += "Leverantör \(index) AB;\(index <= bad ? "n/a" : "100,00")\n" }
        return Data(text.utf8)
    }

    @Test func aLongRejectListSaysHowManyMoreAndWhere() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("brister.csv").path
        try Self.ledgerWithRejects(25).write(to: URL(fileURLWithPath: ledger))
        let tagged = folder.appendingPathComponent("t.csv").path
        let tag = try Kedja.run(["tag", ledger, "-o", tagged, "--lang", "en"])
        #expect(tag.status == 0)
        #expect(tag.stderr.components(separatedBy: "  rejected record").count - 1 == 20)
        #expect(tag.stderr.contains("… and 5 more rejected records; all 25 are in \(folder.path)/t.rejects.csv."))

        let register = folder.appendingPathComponent("r.xlsx").path
        let withSheet = try Kedja.run(["register", ledger, "-o", register, "--lang", "en"])
        #expect(withSheet.stderr.contains("all 25 are in the sheet Rejected of \(register)."), "\(withSheet.stderr)")
        let report = try Kedja.run([
            "report", ledger, "-o", folder.appendingPathComponent("n.xlsx").path, "--lang", "en",
        ])
        #expect(report.stderr.contains("all 25 are in the --json summary (rejects)."))
        try Self.ledgerWithRejects(3).write(to: URL(fileURLWithPath: ledger))
        #expect(!(try Kedja.run(["tag", ledger, "-o", tagged, "--lang", "en"]).stderr.contains("more rejected")))
    }

    @Test func theMissingAmountMessageProposesOnlyAmountsAndSpotsASupplierList() throws {
        let swapped = try Kedja.run([
            "register", Kedja.sampleSuppliers, "--suppliers", Kedja.sampleLedger, "--lang", "en",
        ])
        #expect(swapped.status == 65)
        #expect(swapped.stderr.contains("It looks like a supplier list"))
        #expect(swapped.stderr.contains("were the files swapped?"))
        #expect(!swapped.stderr.contains("--map amount=\"Leverantörsnummer\""))

        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("l.csv").path
        try Data("Nummer;Leverantör;Värde\n1001;A AB;1 200,50\n1002;B AB;99,00\n".utf8)
            .write(to: URL(fileURLWithPath: ledger))
        let proposed = try Kedja.run(["tag", ledger, "--lang", "en"])
        #expect(proposed.status == 65)
        #expect(proposed.stderr.contains("e.g. --map amount=\"Värde\""), "\(proposed.stderr)")
        try Data("Nummer;Leverantör\n1001;A AB\n1002;B AB\n".utf8).write(to: URL(fileURLWithPath: ledger))
        let none = try Kedja.run(["tag", ledger, "--lang", "en"])
        #expect(none.stderr.contains("--map amount=COLUMN"))
        #expect(!none.stderr.contains("--map amount=\""), "neither a number column nor a name is proposed")
    }

    @Test func strictWritesTheRejectsFileAndNoOtherOutput() throws {
        let (folder, ledger) = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tag = try Kedja.run(["tag", ledger, "--strict"])
        #expect(tag.status == 1)
        #expect(try Self.files(in: folder) == ["reskontra.csv", "reskontra-taggad.rejects.csv"])
        #expect(tag.stderr.contains("--strict: poster avvisades, så inga utdata skrevs utom de avvisade posterna"))

        let toStandardOutput = try Kedja.run(["tag", ledger, "--strict", "-o", "-", "--quiet"])
        #expect(toStandardOutput.status == 1)
        #expect(toStandardOutput.stdout.isEmpty)
        #expect(try Self.files(in: folder).contains("reskontra.rejects.csv"))

        let out = folder.appendingPathComponent("out")
        #expect(try Kedja.run(["run", ledger, "--strict", "--out-dir", out.path, "--quiet"]).status == 1)
        #expect(try Self.files(in: out) == ["reskontra-taggad.rejects.csv"])

        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("reskontra.rejects.csv").path)
        for command in ["register", "plan", "report"] {
            let result = try Kedja.run([command, ledger, "--strict", "--json"])
            #expect(result.status == 1, "\(command)")
            #expect(try result.json()["outputs"] as? [String] == ["\(folder.path)/reskontra.rejects.csv"])
        }
        #expect(
            try Self.files(in: folder) == [
                "reskontra.csv", "reskontra-taggad.rejects.csv", "reskontra.rejects.csv", "out",
            ])

        // Without rejected records --strict changes nothing.
        let clean = folder.appendingPathComponent("ren.csv").path
        try Data("Leverantör;Belopp\nA AB;1,00\n".utf8).write(to: URL(fileURLWithPath: clean))
        #expect(try Kedja.run(["register", clean, "--strict", "--quiet"]).status == 0)
        #expect(try Self.files(in: folder).contains("ren-riskregister.xlsx"))
    }
}
