import Foundation
import Testing

/// `kedja convert BOOK.xlsx -o OUT.csv [--sheet NAME]`: a worksheet to CSV in any dialect, checked against
/// workbooks written by others and read back with Python's own readers.
@Suite struct XlsxConvertEndToEndTests {
    static let cpiWorkbook = Kedja.sharedTestData.appendingPathComponent("reference/ti-CPI2017-original.xlsx").path

    /// A sheet's cells as openpyxl reads them, each as the text Kedja should write, compared with Kedja's CSV as
    /// Python's csv module reads it; prints the first difference, or `same`.
    static let compareWithOpenpyxl = """
        import csv, datetime, json, sys, warnings
        import openpyxl
        warnings.simplefilter("ignore")
        path, sheet, output, delimiter, encoding = sys.argv[1:6]
        book = openpyxl.load_workbook(path, data_only=True)
        ws = book[sheet] if sheet else book.worksheets[0]
        def text(value):
            if value is None: return ""
            if isinstance(value, bool): return "TRUE" if value else "FALSE"
            if isinstance(value, datetime.datetime):
                return value.strftime("%Y-%m-%d") if value.time() == datetime.time(0) else value.strftime("%Y-%m-%d %H:%M:%S")
            if isinstance(value, (int, float)): return None
            return str(value)
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        while rows and all(v is None for v in rows[-1]): rows.pop()
        width = max((max((i + 1 for i, v in enumerate(r) if v is not None), default=0) for r in rows), default=0)
        with open(output, newline="", encoding=encoding) as f:
            records = list(csv.reader(f, delimiter=delimiter))
        if len(records) != len(rows):
            print(f"{len(records)} records for {len(rows)} rows"); sys.exit()
        for number, (row, record) in enumerate(zip(rows, records), start=1):
            if len(record) != width:
                print(f"row {number}: {len(record)} fields, widest row has {width}"); sys.exit()
            for column, value in enumerate(row[:width] + [None] * (width - len(row))):
                expected = text(value)
                written = record[column]
                if expected is None:
                    ok = float(written) == float("%.15g" % value) and "e" not in written.lower()
                else:
                    ok = written == expected
                if not ok:
                    print(f"row {number} column {column + 1}: wrote {written!r} for {value!r}"); sys.exit()
        print("same")
        """

    @Test func aThirdPartyWorkbookWithAMultiRowHeaderConverts() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("cpi.csv").path
        let result = try Kedja.run(["convert", Self.cpiWorkbook, "-o", output, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let input = try #require(json["input"] as? [String: Any])
        #expect(input["sheet"] as? String == "CPI 2017")
        #expect(input["columns"] as? Int == 9)
        #expect(json["rows_written"] as? Int == 184)
        #expect(json["outputs"] as? [String] == [output])
        #expect(try Kedja.python(Self.compareWithOpenpyxl, [Self.cpiWorkbook, "", output, ",", "utf-8-sig"]) == "same")
        // The title, the blank row and the header rows come through as rows; nothing is taken for a header.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "Corruption Perceptions Index 2017: Global Scores ,,,,,,,,")
        #expect(lines[1] == ",,,,,,,,")
        #expect(lines[3] == "New Zealand,NZL,AP,89,1,2.4,85,93,8")
    }

    @Test func anotherSheetByNameInAnotherDialect() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("history.csv").path
        let result = try Kedja.run([
            "convert", Self.cpiWorkbook, "-o", output, "--sheet", "cpi historical data 2012-2017", "--delimiter", ";",
            "--encoding", "windows-1252", "--line-ending", "lf",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try Kedja.python(
            Self.compareWithOpenpyxl, [Self.cpiWorkbook, "CPI historical data 2012-2017", output, ";", "cp1252"])
        #expect(check == "same")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(!bytes.contains(0x0D))
        #expect(bytes.prefix(3) != Data([0xEF, 0xBB, 0xBF]))
    }

    @Test func cellsAreWrittenAsTheyHold() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("cells.xlsx").path
        _ = try Kedja.python(
            """
            import datetime, sys
            import openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "Blad1"
            sheet.append(["Text", "Tal", "Datum", "Flagga"])
            sheet.append(['Kaffe, "te"\\noch kakao', 0.1 + 0.2, datetime.date(2025, 3, 31), True])
            sheet.append(["007", 1234567.5, datetime.datetime(2025, 1, 2, 13, 45, 10), False])
            sheet.append([None, -0.000123, None, None])
            sheet["F6"] = 1e20
            book.save(sys.argv[1])
            """, [workbook])
        let output = folder.appendingPathComponent("cells.tsv").path
        let result = try Kedja.run(["convert", workbook, "-o", output, "--no-bom"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(
            text
                == [
                    "Text\tTal\tDatum\tFlagga\t\t",
                    "\"Kaffe, \"\"te\"\"\noch kakao\"\t0.3\t2025-03-31\tTRUE\t\t",
                    "007\t1234567.5\t2025-01-02 13:45:10\tFALSE\t\t",
                    "\t-0.000123\t\t\t\t",
                    "\t\t\t\t\t",
                    "\t\t\t\t\t100000000000000000000",
                    "",
                ].joined(separator: "\r\n"))
    }

    @Test func mistakesGetTheirExitCodes() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.csv").path

        let noSheet = try Kedja.run(["convert", Self.cpiWorkbook, "-o", output, "--sheet", "CPI 2099", "--lang", "en"])
        #expect(noSheet.status == 64, "a sheet that does not exist is a usage error")
        #expect(noSheet.stderr.contains("no worksheet named 'CPI 2099'"))
        #expect(noSheet.stderr.contains("'CPI historical data 2012-2017'"))

        let missing = try Kedja.run(["convert", folder.appendingPathComponent("saknas.xlsx").path, "-o", output])
        #expect(missing.status == 66)

        let toWorkbook = try Kedja.run(
            ["convert", Self.cpiWorkbook, "-o", folder.appendingPathComponent("copy.xlsx").path])
        #expect(toWorkbook.status == 64)

        let sheetOfCSV = try Kedja.run(["convert", Kedja.sampleLedger, "-o", output, "--sheet", "Blad1"])
        #expect(sheetOfCSV.status == 64)
        #expect(sheetOfCSV.stderr.contains("är en CSV-fil, ingen arbetsbok"), "Swedish by default")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
