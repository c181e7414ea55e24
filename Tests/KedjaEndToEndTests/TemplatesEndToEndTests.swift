import Foundation
import Testing

/// `kedja templates export | check` and `--templates DIR`: the rule tables users edit.
@Suite struct TemplatesEndToEndTests {
    @Test func exportedTablesCheckCleanAndNameRealCPVCodes() throws {
        let folder = try Kedja.temporaryDirectory().appendingPathComponent("mina-regler")
        let export = try Kedja.run(["templates", "export", folder.path])
        #expect(export.status == 0, "\(export.stderr)")
        for table in [
            "categories.csv", "keywords.csv", "accounts.csv", "countries.csv", "country-indices.csv",
            "country-bands.csv", "tasks.csv", "followup.csv", "settings.csv", "roles.csv", "README.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(table).path), "\(table)")
        }
        let cpvList = Kedja.sharedTestData.appendingPathComponent("reference/cpv2008-en.csv").path
        let check = try Kedja.run(["templates", "check", folder.path, "--cpv", cpvList])
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
        #expect(check.stderr.contains("categories.csv, line 7"), "\(check.stderr)")
        let tag = try Kedja.run(["tag", Kedja.sampleLedger, "-o", "-", "--templates", folder.path, "--quiet"])
        #expect(tag.status == 65)
        #expect(tag.stderr.contains("categories.csv, line 7"))
    }

    /// Issue 13, item 8: a check digit is never passed silently: checked against the CPV list when one is given,
    /// and named as unchecked when not.
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
        let unchecked = try Kedja.run(["templates", "check", folder.path])
        #expect(unchecked.status == 0, "\(unchecked.stderr)")
        #expect(unchecked.stdoutText.contains("note: 1 CPV codes in categories.csv carry a check digit"))
        let cpvList = Kedja.sharedTestData.appendingPathComponent("reference/cpv2008-en.csv").path
        let checked = try Kedja.run(["templates", "check", folder.path, "--cpv", cpvList])
        #expect(checked.status == 65)
        #expect(checked.stdoutText.contains("79400000-3 has the wrong check digit: CPV 2008 writes 79400000-8"))
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
