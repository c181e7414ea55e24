import Foundation
import Testing

/// Spend files and supplier lists published as XLSX: every data command reads the first sheet, or `--sheet`, and
/// its messages name the workbook, the sheet and the sheet row.
@Suite struct XlsxInputEndToEndTests {
    /// Saves a CSV file as a workbook with openpyxl, every field a text cell as it stands in the file.
    static let csvToWorkbook = """
        import csv, sys
        import openpyxl
        source, encoding, delimiter, target, title = sys.argv[1:6]
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = title
        with open(source, newline="", encoding=encoding) as f:
            for record in csv.reader(f, delimiter=delimiter):
                sheet.append(record)
        book.save(target)
        """

    @Test func aLedgerAndSupplierListSavedAsWorkbooksGiveTheCSVsFigures() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("reskontra.xlsx").path
        let suppliers = folder.appendingPathComponent("leverantorer.xlsx").path
        _ = try Kedja.python(Self.csvToWorkbook, [Kedja.sampleLedger, "cp1252", ";", ledger, "Reskontra"])
        _ = try Kedja.python(Self.csvToWorkbook, [Kedja.sampleSuppliers, "utf-8-sig", ";", suppliers, "Leverantörer"])

        let fromCSV = try Kedja.run([
            "register", Kedja.sampleLedger, "--suppliers", Kedja.sampleSuppliers, "--json", "--start", "2026-01-01",
            "-o", folder.appendingPathComponent("csv.xlsx").path,
        ])
        let fromWorkbook = try Kedja.run([
            "register", ledger, "--suppliers", suppliers, "--json", "--start", "2026-01-01",
            "-o", folder.appendingPathComponent("xlsx.xlsx").path,
        ])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromWorkbook.status == 0, "\(fromWorkbook.stderr)")
        let csv = try fromCSV.json()
        let xlsx = try fromWorkbook.json()
        for key in ["rows_read", "rows_written", "rows_rejected", "amount_total", "amount_rejected", "reconciled"] {
            #expect("\(csv[key] ?? "")" == "\(xlsx[key] ?? "")", "\(key)")
        }
        let csvDetails = try #require(csv["details"] as? [String: String])
        let xlsxDetails = try #require(xlsx["details"] as? [String: String])
        for key in ["register_rows", "priority_1_rows", "suppliers", "unmatched_suppliers", "lines_without_country"] {
            #expect(csvDetails[key] == xlsxDetails[key], "\(key)")
        }
        #expect(xlsxDetails["sheet"] == "Reskontra")
        #expect(xlsxDetails["input_format"] == "xlsx")
        #expect((xlsx["input"] as? [String: Any])?["path"] as? String == ledger)
        // The sheet has no blank rows, so record n is sheet row n + 1.
        let rejects = try #require(xlsx["rejects"] as? [[String: Any]])
        #expect(!rejects.isEmpty)
        for reject in rejects {
            #expect(reject["line"] as? Int == (reject["record"] as? Int).map { $0 + 1 })
        }
    }

    /// A small ledger as a finance system's Excel export might look: numbers as numbers, a blank row, a bad amount.
    static func writeLedger(_ path: String) throws {
        _ = try Kedja.python(
            """
            import datetime, sys
            import openpyxl
            book = openpyxl.Workbook()
            notes = book.active
            notes.title = "Om filen"
            notes.append(["Leverantörsreskontra, export från ekonomisystemet"])
            ledger = book.create_sheet("Huvudbok")
            ledger.append(["Fakturadatum", "Leverantörsnamn", "Organisationsnummer", "CPV-kod", "Belopp"])
            ledger.append([datetime.date(2025, 2, 3), "Textilhuset AB", "556036-0793", "18100000-0", 1234.5])
            ledger.append([datetime.date(2025, 2, 4), "Kaffebönan AB", "212000-1967", "15861000-1", 0.1 + 0.2])
            ledger.append([datetime.date(2025, 2, 5), "Kontorsgrossisten AB", None, None, 1000])
            ledger.append([])
            ledger.append([datetime.date(2025, 2, 6), "Kontorsgrossisten AB", None, None, "n/a"])
            ledger.append([datetime.date(2025, 2, 7), "Textilhuset AB", "556036-0793", "18100000-0", -34.5])
            book.save(sys.argv[1])
            """, [path])
    }

    @Test func numbersReadExactlyAndRejectsNameTheSheetRow() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("huvudbok.xlsx").path
        try Self.writeLedger(ledger)
        let result = try Kedja.run(["tag", ledger, "--sheet", "Huvudbok", "--json", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["rows_read"] as? Int == 5)
        #expect(json["rows_rejected"] as? Int == 1)
        // 1234.5 + 0.3 + 1000 − 34.5, with Excel's 0.30000000000000004 read as 0.3.
        #expect(json["amount_total"] as? String == "2200.30")
        let reject = try #require((json["rejects"] as? [[String: Any]])?.first)
        // Row 5 is blank, so the fourth record is sheet row 6.
        #expect(reject["line"] as? Int == 6)
        #expect(reject["record"] as? Int == 4)
        // The rejects CSV names the sheet row too, not the line of the workbook's private CSV copy.
        let rejectsFile = folder.appendingPathComponent("huvudbok-tagged.rejects.csv").path
        let rejectFields = try Kedja.python(
            """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                print(json.dumps(list(csv.reader(f))[1][:2]))
            """, [rejectsFile])
        #expect(rejectFields.trimmingCharacters(in: .whitespacesAndNewlines) == #"["4", "6"]"#)

        // The enriched copy goes next to the workbook as CSV, and keeps the sheet's values.
        let tagged = folder.appendingPathComponent("huvudbok-tagged.csv").path
        #expect((json["outputs"] as? [String])?.first == tagged)
        let rows = try Kedja.python(
            """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                print(json.dumps([r[:5] + [r[-4]] for r in csv.reader(f)]))
            """, [tagged])
        let records = try JSONSerialization.jsonObject(with: Data(rows.utf8)) as? [[String]]
        #expect(records?.count == 5)
        #expect(records?[1] == ["2025-02-03", "Textilhuset AB", "556036-0793", "18100000-0", "1234.5", "high"])
        #expect(records?[2][4] == "0.3")

        let text = try Kedja.run([
            "register", ledger, "--sheet", "huvudbok", "-o",
            folder.appendingPathComponent("register.xlsx").path, "--lang", "en",
        ])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.contains("\(ledger), sheet 'Huvudbok': 5 records"))
        #expect(text.stderr.contains("rejected record 4 (row 6): amount 'n/a' is not a number"))
    }

    @Test func errorsNameTheWorkbookNotAPrivateCopy() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("huvudbok.xlsx").path
        try Self.writeLedger(ledger)

        // The first sheet holds a note, not a ledger: no amount column.
        let noAmount = try Kedja.run(["register", ledger, "-o", folder.appendingPathComponent("r.xlsx").path])
        #expect(noAmount.status == 65)
        #expect(
            noAmount.stderr.contains("\(ledger), blad 'Om filen', rad 1: ingen beloppskolumn"), "\(noAmount.stderr)")
        #expect(!noAmount.stderr.contains(".csv"))

        let noSheet = try Kedja.run(["plan", ledger, "--sheet", "Huvudbok 2024"])
        #expect(noSheet.status == 64, "a sheet that does not exist is a usage error")
        #expect(noSheet.stderr.contains("'Om filen', 'Huvudbok'"))

        let missing = try Kedja.run(["report", folder.appendingPathComponent("saknas.xlsx").path])
        #expect(missing.status == 66)

        let sheetOfCSV = try Kedja.run(["register", Kedja.sampleLedger, "--sheet", "Blad1"])
        #expect(sheetOfCSV.status == 64)

        let suppliersSheetAlone = try Kedja.run(["register", ledger, "--suppliers-sheet", "Blad1"])
        #expect(suppliersSheetAlone.status == 64)

        let overwrite = try Kedja.run(["tag", ledger, "--sheet", "Huvudbok", "-o", ledger])
        #expect(overwrite.status == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)).starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    @Test func inspectReadsAWorkbookToo() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("huvudbok.xlsx").path
        try Self.writeLedger(ledger)
        let result = try Kedja.run(["inspect", ledger, "--sheet", "Huvudbok", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["rows_read"] as? Int == 5)
        #expect(json["amount_total"] as? String == "2200.30")
    }

    @Test func privateCopiesAreRemovedWhenTheCommandEnds() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("huvudbok.xlsx").path
        try Self.writeLedger(ledger)
        let scratch = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Kedja.binary)
        process.arguments = [
            "register", ledger, "--sheet", "Huvudbok", "--quiet", "-o",
            folder.appendingPathComponent("r.xlsx").path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { _, new in new }
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
}
