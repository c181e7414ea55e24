import Foundation
import Testing

/// `kedja convert`: CSV → CSV keeps every field's text; CSV → XLSX writes typed cells.
@Suite struct ConvertEndToEndTests {
    @Test func csvToCSVInAnotherDialectKeepsEveryField() throws {
        let folder = try Kedja.temporaryDirectory()
        let output = folder.appendingPathComponent("utf8.csv").path
        let result = try Kedja.run([
            "convert", Kedja.sampleLedger, "-o", output, "--encoding", "utf-8", "--bom",
            "--delimiter", "tab", "--line-ending", "lf", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Kedja.python(
            """
            import csv, json, sys
            a = list(csv.reader(open(sys.argv[1], encoding='cp1252', newline=''), delimiter=';'))
            b = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig', newline=''), delimiter='\\t'))
            broken = {899, 2185}   # records with a wrong field count are reported, not written
            kept = [r for i, r in enumerate(a) if i not in broken]
            print(len(a), len(b), kept == b)
            """, [Kedja.sampleLedger, output])
        #expect(rows == "3001 2999 True")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("Verifikationsnummer\t".utf8)))
        #expect(String(decoding: bytes.prefix(400), as: UTF8.self).contains("Valuta\n2510"), "records end with LF")
        let json = try result.json()
        #expect(json["rows_rejected"] as? Int == 2)
    }

    @Test func csvToXLSXWritesTypedCells() throws {
        let folder = try Kedja.temporaryDirectory()
        let output = folder.appendingPathComponent("ledger.xlsx").path
        let result = try Kedja.run(["convert", Kedja.sampleLedger, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        let book = try WorkbookProbe.read(output, maxRows: 400)
        let sheet = try #require(book.sheets.first)
        let header = sheet.values(row: 0).compactMap { $0 as? String }
        #expect(header.first == "Verifikationsnummer")
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        #expect(Set(sheet.types(column: try column("Organisationsnummer"))) == ["s"], "org numbers stay text")
        #expect(Set(sheet.types(column: try column("Ansvar"))) == ["s"], "codes with leading zeros stay text")
        #expect(Set(sheet.types(column: try column("Belopp exkl. moms"))) == ["n"], "amounts are numbers")
        #expect(Set(sheet.types(column: try column("Fakturadatum"))) == ["d"], "YYYYMMDD dates are dates")
        #expect(sheet.raw["freeze_panes"] as? String == "A2")
        #expect(sheet.raw["auto_filter"] as? String != nil)
        let first = sheet.values(row: 1)
        #expect(first[try column("Belopp exkl. moms")] as? Double == 924.79)
    }
}
