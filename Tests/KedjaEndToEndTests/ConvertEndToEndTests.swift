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
            ragged = [len(a[i]) for i in (899, 2185)]   # records with another field count are kept as they are
            print(len(a), len(b), a == b, ragged)
            """, [Kedja.sampleLedger, output])
        #expect(rows == "3001 3001 True [9, 18]")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("Verifikationsnummer\t".utf8)))
        #expect(String(decoding: bytes.prefix(400), as: UTF8.self).contains("Valuta\n2510"), "records end with LF")
        let json = try result.json()
        #expect(json["rows_written"] as? Int == 3000)
        #expect(json["rows_rejected"] as? Int == 0)
        #expect(json["rows_ragged"] as? Int == 2)
    }

    /// Issue 12 item 6: a conversion that keeps every record says so in one line, and `--quiet` keeps it quiet.
    @Test func aConversionEndsWithOneSummaryLine() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("copy.csv").path
        let result = try Kedja.run(["convert", Kedja.sampleLedger, "-o", output, "--lang", "en"])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "\(Kedja.sampleLedger) → \(output): 3000 records written, 2 of them with another number of fields "
                + "than the header (kept as they are).\n")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: output))
                == Data(contentsOf: URL(fileURLWithPath: Kedja.sampleLedger)))
        let quiet = try Kedja.run(["convert", Kedja.sampleLedger, "-o", output, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func csvToXLSXWritesTypedCells() throws {
        let folder = try Kedja.temporaryDirectory()
        let output = folder.appendingPathComponent("ledger.xlsx").path
        let result = try Kedja.run(["convert", Kedja.sampleLedger, "-o", output, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3000 records written, 2 of them with another number of fields than the header"))
        let book = try WorkbookProbe.read(output, maxRows: 2_200)
        let sheet = try #require(book.sheets.first)
        #expect(sheet.name == "leverantorsreskontra-2025", "the file's name, not a 24-character cut")
        #expect(sheet.raw["auto_filter"] as? String == "A1:Q3001", "the filter covers the header and the data only")
        let print = try #require(sheet.raw["print"] as? [String: Any])
        #expect(print["orientation"] as? String == "landscape")
        #expect(print["paperSize"] as? Int == 9, "A4")
        #expect(print["fitToWidth"] as? Int == 1)
        #expect(print["fitToHeight"] as? Int == 0)
        #expect(print["print_title_rows"] as? String == "$1:$1")
        // The ragged records (9 and 18 fields against the header's 17) are rows like any other.
        let short = sheet.values(row: 899).filter { $0 != nil && !($0 is NSNull) }
        #expect(short.count == 9)
        #expect(short.last as? String == "Anläggnings- och underhållsmaterial")
        let long = sheet.values(row: 2185)
        #expect(long.count == 18)
        #expect(long.last as? String == "SEK")
        let header = sheet.values(row: 0).compactMap { $0 as? String }
        #expect(header.first == "Verifikationsnummer")
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        #expect(Set(sheet.types(column: try column("Organisationsnummer"))) == ["s"], "org numbers stay text")
        #expect(Set(sheet.types(column: try column("Ansvar"))) == ["s"], "codes with leading zeros stay text")
        // Amounts are numbers (on the first 400 rows; broken amounts further down stay text, as does the long
        // ragged record's text that stands in the amount column).
        let amountColumn = try column("Belopp exkl. moms")
        let amounts = Set(sheet.cells[1..<400].compactMap { $0[amountColumn]["t"] as? String })
        #expect(amounts == ["n"], "amounts are numbers")
        #expect(Set(sheet.types(column: try column("Fakturadatum"))) == ["d"], "YYYYMMDD dates are dates")
        #expect(sheet.raw["freeze_panes"] as? String == "A2")
        #expect(sheet.raw["auto_filter"] as? String != nil)
        let first = sheet.values(row: 1)
        #expect(first[try column("Belopp exkl. moms")] as? Double == 924.79)
    }

    /// Only a record over a size limit is left out; under `--strict` that means no output at all (issue 12 item 5).
    @Test(arguments: ["copy.csv", "copy.xlsx"])
    func strictLeavesNoOutputWhenARecordIsLeftOut(name: String) throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.csv").path
        try Data("a;b\n1;kort\n2;\(String(repeating: "x", count: 500))\n".utf8).write(to: URL(fileURLWithPath: input))
        let output = folder.appendingPathComponent(name).path
        let lenient = try Kedja.run(["convert", input, "-o", output, "--max-field-size", "100", "--lang", "en"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("1 record written; 1 not written (over a size limit)"), "\(lenient.stderr)")
        #expect(FileManager.default.fileExists(atPath: output))
        try FileManager.default.removeItem(atPath: output)

        let strict = try Kedja.run([
            "convert", input, "-o", output, "--max-field-size", "100", "--strict", "--lang", "en",
        ])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--strict: records were rejected, so no output was written."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in.csv"])
    }
}
