import Foundation
import Testing

/// Issue 6: supplier names that look like spreadsheet formulas (CSV injection) never run as formulas.
///
/// Workbooks hold them as text cells. The enriched CSV keeps them exact for the ERP round trip, and with
/// `--excel-safe` prefixes the ones Excel would evaluate with `'` (numbers stay numbers).
@Suite struct HostileFormulaTests {
    static let formulaNames = [#"=HYPERLINK("http://x","y")"#, "+1", "-cmd", "@SUM(A1)"]
    static let ledger = """
        Leverantörsnamn;Organisationsnummer;Konto;Belopp
        "=HYPERLINK(""http://x"",""y"")";556036-0793;6510;100,00
        +1;;6510;200,00
        -cmd;;6410;300,00
        @SUM(A1);;6410;-50,00
        Vanlig AB;;6410;1,00

        """

    static func writeLedger() throws -> URL {
        let folder = try Kedja.temporaryDirectory()
        let path = folder.appendingPathComponent("ledger.csv")
        try Data(ledger.utf8).write(to: path)
        return path
    }

    /// Every cell of a workbook as the independent probe (openpyxl) reads it: sheet name, value, type.
    static func cells(of workbook: String) throws -> [(sheet: String, value: String, type: String)] {
        let probe = Kedja.packageRoot.appendingPathComponent("Tests/Support/xlsx_probe.py").path
        let result = try Kedja.runProcess("/usr/bin/env", ["python3", probe, workbook])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        return sheets.flatMap { sheet -> [(sheet: String, value: String, type: String)] in
            let name = sheet["name"] as? String ?? ""
            let rows = sheet["cells"] as? [[[String: Any]]] ?? []
            return rows.joined().map { cell in (name, cell["v"].map { "\($0)" } ?? "", cell["t"] as? String ?? "") }
        }
    }

    /// The first column and the amount column of a `;` CSV, read by Python's csv module.
    static func namesAndAmounts(ofCSV path: String) throws -> [[String]] {
        let program = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle, delimiter=";"))
            print(json.dumps([[row[0], row[3]] for row in rows[1:]]))
            """
        let output = try Kedja.python(program, [path])
        return try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
    }

    @Test func workbooksHoldFormulaLikeNamesAsText() throws {
        let ledger = try Self.writeLedger()
        let outDir = ledger.deletingLastPathComponent().appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: ledger.deletingLastPathComponent()) }
        let result = try Kedja.run(["run", ledger.path, "--out-dir", outDir.path, "--lang", "en", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let outputs = try #require(try result.json()["outputs"] as? [String])
        let workbooks = outputs.filter { $0.hasSuffix(".xlsx") }
        #expect(workbooks.count == 3)

        for workbook in workbooks {
            let formulas = try Self.cells(of: workbook).filter { $0.type == "f" }
            #expect(formulas.isEmpty, "\(workbook) holds formulas: \(formulas)")
        }
        let register = try #require(workbooks.first { $0.hasSuffix("risk-register.xlsx") })
        let registerCells = try Self.cells(of: register).filter { $0.sheet == "Risk register" }
        for name in Self.formulaNames {
            let matches = registerCells.filter { $0.value == name }
            #expect(!matches.isEmpty, "'\(name)' is missing from the risk register")
            #expect(matches.allSatisfy { $0.type == "s" }, "'\(name)' is not a text cell: \(matches)")
        }
    }

    @Test func enrichedCSVKeepsNamesExactByDefault() throws {
        let ledger = try Self.writeLedger()
        defer { try? FileManager.default.removeItem(at: ledger.deletingLastPathComponent()) }
        let output = ledger.deletingLastPathComponent().appendingPathComponent("tagged.csv").path
        let result = try Kedja.run(["tag", ledger.path, "-o", output, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try Self.namesAndAmounts(ofCSV: output) == [
                [#"=HYPERLINK("http://x","y")"#, "100,00"], ["+1", "200,00"], ["-cmd", "300,00"],
                ["@SUM(A1)", "-50,00"], ["Vanlig AB", "1,00"],
            ])
    }

    @Test func excelSafeEnrichedCSVPrefixesFormulasButNotNumbers() throws {
        let ledger = try Self.writeLedger()
        defer { try? FileManager.default.removeItem(at: ledger.deletingLastPathComponent()) }
        let output = ledger.deletingLastPathComponent().appendingPathComponent("tagged.csv").path
        let result = try Kedja.run(["tag", ledger.path, "-o", output, "--excel-safe", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        // `+1` and the credit note `-50,00` are numbers: Excel reads them as numbers and runs nothing.
        #expect(
            try Self.namesAndAmounts(ofCSV: output) == [
                [#"'=HYPERLINK("http://x","y")"#, "100,00"], ["+1", "200,00"], ["'-cmd", "300,00"],
                ["'@SUM(A1)", "-50,00"], ["Vanlig AB", "1,00"],
            ])
    }

    /// Rejected records (their amounts are not numbers) that hold formula-like text in the name and amount.
    static let rejectedLedger = """
        Leverantörsnamn;Organisationsnummer;Konto;Belopp
        "=HYPERLINK(""http://x"",""y"")";;6510;n/a
        =1+2;;6510;=1+2
        -1+cmd|' /C calc'!A0;;6410;x
        Vanlig AB;;6410;1,00

        """

    /// The name and amount of each record in a rejects CSV, read by Python's csv module.
    static func rejectedNamesAndAmounts(excelSafe: Bool) throws -> [[String]] {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.csv")
        try Data(rejectedLedger.utf8).write(to: ledger)
        let output = folder.appendingPathComponent("tagged.csv").path
        let rejects = folder.appendingPathComponent("rejects.csv").path
        let result = try Kedja.run(
            ["tag", ledger.path, "-o", output, "--rejects", rejects, "--quiet"] + (excelSafe ? ["--excel-safe"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        let program = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle, delimiter=";"))
            print(json.dumps([[row[3], row[6]] for row in rows[1:]]))
            """
        let fields = try Kedja.python(program, [rejects])
        return try #require(JSONSerialization.jsonObject(with: Data(fields.utf8)) as? [[String]])
    }

    @Test func excelSafeCoversTheRejectsCSV() throws {
        #expect(
            try Self.rejectedNamesAndAmounts(excelSafe: true) == [
                [#"'=HYPERLINK("http://x","y")"#, "n/a"], ["'=1+2", "'=1+2"], ["'-1+cmd|' /C calc'!A0", "x"],
            ])
    }

    @Test func rejectsCSVKeepsFieldsExactByDefault() throws {
        #expect(
            try Self.rejectedNamesAndAmounts(excelSafe: false) == [
                [#"=HYPERLINK("http://x","y")"#, "n/a"], ["=1+2", "=1+2"], ["-1+cmd|' /C calc'!A0", "x"],
            ])
    }
}
