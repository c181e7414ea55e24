import Foundation
import KedjaTestSupport
import Testing

/// `kedja templates export | check` and `--templates DIR`: the rule tables users edit.
@Suite struct TemplatesEndToEndTests {
    @Test func exportedTablesCheckCleanAndNameRealCPVCodes() throws {
        let folder = try Kedja.temporaryDirectory().appendingPathComponent("mina-regler")
        let export = try Kedja.run(["templates", "export", folder.path])
        #expect(export.status == 0, "\(export.stderr)")
        for table in [
            "categories.csv", "keywords.csv", "accounts.csv", "countries.csv", "country-indices.csv",
            "country-bands.csv", "tasks.csv", "followup.csv", "settings.csv", "roles.csv", "legal-forms.csv",
            "risk-areas.csv", "questions.csv", "README.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(table).path), "\(table)")
        }
        let cpvList = Kedja.sharedTestData.appendingPathComponent("reference/cpv2008-en.csv").path
        let check = try Kedja.run(["templates", "check", folder.path, "--cpv", cpvList, "--lang", "en"])
        #expect(check.status == 0, "\(check.stdoutText)\(check.stderr)")
        #expect(check.stdoutText.contains("no problems"))
        let again = try Kedja.run(["templates", "export", folder.path])
        #expect(again.status == 64, "an existing export is not overwritten without --force")
    }

    @Test func aBrokenTableIsReportedWithFileAndLine() throws {
        let folder = try Kedja.temporaryDirectory().appendingPathComponent("trasig")
        #expect(try Kedja.run(["templates", "export", folder.path]).status == 0)
        let categories = folder.appendingPathComponent("categories.csv")
        var lines = try String(contentsOf: categories, encoding: .utf8).components(separatedBy: "\r\n")
        var fields = lines[6].components(separatedBy: ";")
        fields[3] = "jättehög"
        lines[6] = fields.joined(separator: ";")
        try Data(lines.joined(separator: "\r\n").utf8).write(to: categories)
        let check = try Kedja.run(["templates", "check", folder.path])
        #expect(check.status == 65)
        #expect(check.stderr.contains("categories.csv, rad 7"), "\(check.stderr)")
        let tag = try Kedja.run([
            "tag", Kedja.sampleLedger, "-o", "-", "--templates", folder.path, "--quiet", "--lang", "en",
        ])
        #expect(tag.status == 65)
        #expect(tag.stderr.contains("categories.csv, line 7"))
    }

    /// Issue 13, item 8: a check digit is never passed silently: checked against the CPV 2008 list Kedja carries,
    /// or against the list `--cpv` names.
    @Test func aWrongCPVCheckDigitIsFlagged() throws {
        let folder = try Kedja.temporaryDirectory().appendingPathComponent("siffra")
        #expect(try Kedja.run(["templates", "export", folder.path]).status == 0)
        let categories = folder.appendingPathComponent("categories.csv")
        let text = try String(contentsOf: categories, encoding: .utf8)
        // CPV 2008 writes 79400000-8.
        let edited = text.components(separatedBy: "\r\n").map { line -> String in
            guard line.hasPrefix("79400000;") else { return line }
            return "79400000-3" + line.dropFirst("79400000".count)
        }.joined(separator: "\r\n")
        #expect(edited != text)
        try Data(edited.utf8).write(to: categories)
        // A data command with these tables uses them and says they hold a doubt.
        let tag = try Kedja.run([
            "tag", Kedja.sampleLedger, "-o", "-", "--templates", folder.path, "--lang", "en",
        ])
        #expect(tag.status == 0, "\(tag.stderr)")
        #expect(tag.stderr.contains("have 1 doubt, e.g. "), "\(tag.stderr)")
        #expect(tag.stderr.contains("Run `kedja templates check"), "\(tag.stderr)")
        let builtIn = try Kedja.run(["templates", "check", folder.path, "--lang", "en"])
        #expect(builtIn.status == 65, "\(builtIn.stdoutText)\(builtIn.stderr)")
        #expect(builtIn.stdoutText.contains("79400000-3 has the wrong check digit: CPV 2008 writes 79400000-8"))
        // A code CPV 2008 does not have is named too (79400009 is not a code).
        let unknown = edited.replacingOccurrences(of: "79400000-3", with: "79400009")
        try Data(unknown.utf8).write(to: categories)
        let missing = try Kedja.run(["templates", "check", folder.path, "--lang", "en"])
        #expect(missing.status == 65)
        #expect(missing.stdoutText.contains("79400009 is not a CPV 2008 code"), "\(missing.stdoutText)")
        try Data(edited.utf8).write(to: categories)
        let cpvList = Kedja.sharedTestData.appendingPathComponent("reference/cpv2008-en.csv").path
        let checked = try Kedja.run(["templates", "check", folder.path, "--cpv", cpvList])
        #expect(checked.status == 65)
        #expect(
            checked.stdoutText.contains("79400000-3 har fel kontrollsiffra: CPV 2008 skriver 79400000-8"),
            "Swedish by default: \(checked.stdoutText)")
    }

    /// An empty table gets the advice for a rule table, not the CSV layer's advice to export the ledger again.
    @Test func anEmptyTableIsToBeRestored() throws {
        let folder = try Kedja.temporaryDirectory().appendingPathComponent("tom")
        #expect(try Kedja.run(["templates", "export", folder.path]).status == 0)
        for bytes in [Data(), Data([0xEF, 0xBB, 0xBF])] {
            try bytes.write(to: folder.appendingPathComponent("categories.csv"))
            let check = try Kedja.run(["templates", "check", folder.path, "--lang", "en"])
            #expect(check.status == 65)
            #expect(check.stderr.contains("categories.csv: the table is empty. Restore it"), "\(check.stderr)")
            #expect(!check.stderr.contains("ledger"), "\(check.stderr)")
        }
    }

    @Test func anEditedTableChangesTheRating() throws {
        let folder = try Kedja.temporaryDirectory().appendingPathComponent("egna")
        #expect(try Kedja.run(["templates", "export", folder.path]).status == 0)
        let ledger = folder.deletingLastPathComponent().appendingPathComponent("ledger.csv")
        try Data("Leverantör;CPV-kod;Belopp\nKonsult AB;79411000;100,00\n".utf8).write(to: ledger)
        let before = try Kedja.run(["tag", ledger.path, "-o", "-", "--templates", folder.path, "--quiet"])
        #expect(before.stdoutText.contains(";low;"))
        let categories = folder.appendingPathComponent("categories.csv")
        let text = try String(contentsOf: categories, encoding: .utf8)
        let edited = text.components(separatedBy: "\r\n").map { line -> String in
            guard line.hasPrefix("79400000") else { return line }
            var fields = line.components(separatedBy: ";")
            fields[6] = "high"
            return fields.joined(separator: ";")
        }.joined(separator: "\r\n")
        try Data(edited.utf8).write(to: categories)
        let after = try Kedja.run(["tag", ledger.path, "-o", "-", "--templates", folder.path, "--quiet"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdoutText.contains(";high;"))
    }
}

/// The facts that used to be written in code — the risk areas' names and meanings, company legal forms, the
/// words of a VAT column — come from the rule tables: an edited table changes the output, no build needed.
@Suite struct DomainFactTablesEndToEndTests {
    /// An exported set with `transform` applied to the lines of `table`.
    static func exported(editing table: String, _ transform: ([String]) -> [String]) throws -> URL {
        let folder = try Kedja.temporaryDirectory().appendingPathComponent("regler")
        #expect(try Kedja.run(["templates", "export", folder.path]).status == 0)
        let url = folder.appendingPathComponent(table)
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
        try Data(transform(lines).joined(separator: "\r\n").utf8).write(to: url)
        return folder
    }

    @Test func theAreasAreNamedAsRiskAreasCSVNamesThem() throws {
        let templates = try Self.exported(editing: "risk-areas.csv") { lines in
            lines.map { line in
                guard line.hasPrefix("environment;") else { return line }
                var fields = line.components(separatedBy: ";")
                fields[1] = "Miljö och klimat"
                fields[3] = "MK"
                fields[5] = "Egen förklaring av området."
                return fields.joined(separator: ";")
            }
        }
        let output = templates.deletingLastPathComponent().appendingPathComponent("register.xlsx")
        let run = try Kedja.run([
            "register", Kedja.sampleLedger, "-o", output.path, "--templates", templates.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let workbook = try XlsxProbe.read(output.path)
        let header = try workbook.sheet("Riskregister").cells[0].compactMap { cell -> String? in
            if case .string(let text) = cell.v { return text }
            return nil
        }
        #expect(header.contains("Miljö och klimat"), "\(header)")
        #expect(!header.contains("Miljöskydd"))
        let method = try workbook.sheet("Metod").cells.flatMap { $0 }.compactMap { cell -> String? in
            if case .string(let text) = cell.v { return text }
            return nil
        }
        #expect(method.contains("Egen förklaring av området."))
    }

    @Test func anAreaWithoutARowIsABrokenRuleSet() throws {
        let templates = try Self.exported(editing: "risk-areas.csv") { lines in
            lines.filter { !$0.hasPrefix("anti_corruption;") }
        }
        let check = try Kedja.run(["templates", "check", templates.path])
        #expect(check.status == 65)
        #expect(check.stderr.contains("risk-areas.csv"), "\(check.stderr)")
        #expect(check.stderr.contains("anti_corruption"), "\(check.stderr)")
    }

    @Test func aLegalFormAddedToTheTableJoinsTheNameWithoutIt() throws {
        let folder = try Kedja.temporaryDirectory()
        let ledger = folder.appendingPathComponent("ledger.csv")
        try Data("Leverantör;Belopp\nNordkraft ASA;100,00\n".utf8).write(to: ledger)
        let suppliers = folder.appendingPathComponent("suppliers.csv")
        try Data("Leverantörsnamn;Land\nNordkraft;Norge\n".utf8).write(to: suppliers)
        func country(templates: URL?) throws -> String {
            let run = try Kedja.run(
                ["tag", ledger.path, "--suppliers", suppliers.path, "-o", "-", "--quiet"]
                    + (templates.map { ["--templates", $0.path] } ?? []))
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdoutText.split(whereSeparator: \.isNewline).map { $0.components(separatedBy: ";") }
            let column = try #require(lines.first?.firstIndex(of: "kedja_country"))
            return lines[1][column]
        }
        #expect(try country(templates: nil) == "", "ASA is not in the bundled table: two different names")
        let withASA = try Self.exported(editing: "legal-forms.csv") {
            $0.filter { !$0.isEmpty } + ["ASA;ASA;allmennaksjeselskap (NO)", ""]
        }
        #expect(try country(templates: withASA) == "NO")
    }

    @Test func theVATWordsOfRolesCSVKeepAGrossColumnFromBeingTheAmount() throws {
        let folder = try Kedja.temporaryDirectory()
        let ledger = folder.appendingPathComponent("ledger.csv")
        try Data("Leverantör;Belopp inkl. moms\nAlfa AB;125,00\n".utf8).write(to: ledger)
        let bundled = try Kedja.run(["tag", ledger.path, "-o", "-", "--quiet"])
        #expect(bundled.status == 65, "a gross column is not the spend: \(bundled.stderr)")
        let withoutVATWords = try Self.exported(editing: "roles.csv") { lines in
            lines.filter { !$0.hasPrefix("vat_word;") }
        }
        let edited = try Kedja.run(["tag", ledger.path, "-o", "-", "--quiet", "--templates", withoutVATWords.path])
        #expect(edited.status == 0, "\(edited.stderr)")
    }
}
