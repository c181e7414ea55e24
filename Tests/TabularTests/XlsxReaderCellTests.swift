import Foundation
import Tabular
import Testing

/// Cell types as real producers write them: openpyxl (inline strings, `date1904`) and XlsxWriter
/// (shared strings, rich text), each run at test time.
@Suite("XlsxReader cell values")
struct XlsxReaderCellTests {
    /// The same values written as inline strings by openpyxl and as shared strings by XlsxWriter.
    static let textAndNumbers = """
        [["Supplier", "Amount", "Invoice", "Paid"],
         ["Örebro kommun – ÅÄÖ €", 0.1, "12345678901234567.89", true],
         ["  padded  ", 1234.56, "00012", false],
         ["two\\nlines", -0.5, "=SUM(A1)", null],
         ["Lång & <kort>", 12345678901234567, "", 42.0]]
        """

    /// What both producers' first four rows must read as.
    static let expectedTextAndNumbers: [[XlsxCell]] = [
        [.string("Supplier"), .string("Amount"), .string("Invoice"), .string("Paid")],
        [.string("Örebro kommun – ÅÄÖ €"), .number("0.1", 0.1), .string("12345678901234567.89"), .boolean(true)],
        [.string("  padded  "), .number("1234.56", 1234.56), .string("00012"), .boolean(false)],
        [.string("two\nlines"), .number("-0.5", -0.5), .string("=SUM(A1)")],
    ]

    @Test("inline strings (openpyxl): text, exact number text, booleans, blanks")
    func inlineStrings() throws {
        let url = try XlsxReaderFixtures.pythonWorkbook(
            """
            import json, sys, openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "Ledger"
            for r, row in enumerate(json.loads(r'''\(Self.textAndNumbers)'''), start=1):
                for c, value in enumerate(row, start=1):
                    cell = sheet.cell(row=r, column=c, value=value)
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"
            book.save(sys.argv[1])
            """)
        let rows = try XlsxReader(url: url).readSheet()
        try #require(rows.count == 5)
        #expect(Array(rows.prefix(4)) == Self.expectedTextAndNumbers)
        // openpyxl writes numbers with "%.16g": 17 digits become an exponent form, shown in plain
        // notation; an empty string is a blank cell; 42.0 is written "42".
        #expect(
            rows[4] == [
                .string("Lång & <kort>"), .number("1.234567890123457e+16", 1.234567890123457e16), .empty,
                .number("42", 42),
            ])
        #expect(rows[4].map(\.text) == ["Lång & <kort>", "12345678901234570", "", "42"])
    }

    @Test("shared strings (XlsxWriter) read the same as inline ones, rich text joined")
    func sharedStrings() throws {
        let url = try XlsxReaderFixtures.pythonWorkbook(
            """
            import json, sys, xlsxwriter
            book = xlsxwriter.Workbook(sys.argv[1])
            sheet = book.add_worksheet("Ledger")
            for r, row in enumerate(json.loads(r'''\(Self.textAndNumbers)''')):
                for c, value in enumerate(row):
                    if isinstance(value, str):
                        sheet.write_string(r, c, value)
                    elif isinstance(value, bool):
                        sheet.write_boolean(r, c, value)
                    elif value is not None:
                        sheet.write_number(r, c, value)
            bold = book.add_format({"bold": True})
            sheet.write_rich_string(6, 0, "plain ", bold, "bold", " tail")
            book.close()
            """)
        let rows = try XlsxReader(url: url).readSheet("Ledger")
        try #require(rows.count == 7)
        #expect(Array(rows.prefix(4)) == Self.expectedTextAndNumbers)
        // XlsxWriter keeps an empty string as a shared string and writes numbers with "%.16G".
        #expect(
            rows[4] == [
                .string("Lång & <kort>"), .number("1.234567890123457E+16", 1.234567890123457e16), .string(""),
                .number("42", 42),
            ])
        #expect(rows[5].isEmpty)
        #expect(rows[6] == [.string("plain bold tail")])
    }

    @Test("dates in the 1900 system, with and without time, built-in and custom formats")
    func dates1900() throws {
        let url = try XlsxReaderFixtures.pythonWorkbook(
            """
            import sys, datetime, openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append([datetime.date(2024, 3, 1), datetime.datetime(2024, 3, 1, 13, 45, 30)])
            sheet.append([60, 61, 59, 1])
            for cell in sheet[2]:
                cell.number_format = "yyyy-mm-dd"
            sheet.append([45352, 45352, 45352.5, 1.5, 45352])
            sheet["A3"].number_format = '[$-41D]d mmmm yyyy;@'
            sheet["B3"].number_format = '#,##0.00 "kr";[Red]-#,##0.00 "kr"'
            sheet["C3"].number_format = 'dd/mm/yy\\\\ hh:mm'
            sheet["D3"].number_format = '[h]:mm'
            sheet["E3"].number_format = '"Day" 0'
            book.save(sys.argv[1])
            """)
        let rows = try XlsxReader(url: url).readSheet()
        #expect(rows[0] == [.date(year: 2024, month: 3, day: 1), .date(year: 2024, month: 3, day: 1, seconds: 49_530)])
        #expect(rows[0].map(\.text) == ["2024-03-01", "2024-03-01 13:45:30"])
        #expect(
            rows[1] == [
                .date(year: 1900, month: 2, day: 29), .date(year: 1900, month: 3, day: 1),
                .date(year: 1900, month: 2, day: 28), .date(year: 1900, month: 1, day: 1),
            ])
        #expect(
            rows[2] == [
                .date(year: 2024, month: 3, day: 1), .number("45352", 45352),
                .date(year: 2024, month: 3, day: 1, seconds: 43_200), .number("1.5", 1.5), .number("45352", 45352),
            ])
    }

    @Test("dates in the 1904 system")
    func dates1904() throws {
        let url = try XlsxReaderFixtures.pythonWorkbook(
            """
            import sys, datetime, openpyxl
            from openpyxl.utils.datetime import CALENDAR_MAC_1904
            book = openpyxl.Workbook()
            book.epoch = CALENDAR_MAC_1904
            sheet = book.active
            sheet.append([datetime.date(2024, 3, 1), datetime.date(1904, 1, 1), datetime.datetime(1904, 1, 2, 6, 0)])
            sheet.append([0])
            sheet["A2"].number_format = "yyyy-mm-dd"
            book.save(sys.argv[1])
            """)
        let rows = try XlsxReader(url: url).readSheet()
        #expect(
            rows[0] == [
                .date(year: 2024, month: 3, day: 1), .date(year: 1904, month: 1, day: 1),
                .date(year: 1904, month: 1, day: 2, seconds: 21_600),
            ])
        #expect(rows[1] == [.date(year: 1904, month: 1, day: 1)])
    }

    @Test("sparse rows: skipped columns are filled, absent and blank rows are not reported")
    func sparseRows() throws {
        let url = try XlsxReaderFixtures.pythonWorkbook(
            """
            import sys, openpyxl
            from openpyxl.styles import Font
            book = openpyxl.Workbook()
            sheet = book.active
            sheet["A1"] = "first"
            sheet["C1"] = 3
            sheet["E5"] = "far"
            sheet["B7"].font = Font(bold=True)
            sheet["A9"] = "last"
            book.save(sys.argv[1])
            """)
        let rows = try XlsxReaderFixtures.rows(of: url)
        #expect(
            rows == [
                XlsxRow(index: 1, cells: [.string("first"), .empty, .number("3", 3)]),
                XlsxRow(index: 5, cells: [.empty, .empty, .empty, .empty, .string("far")]),
                XlsxRow(index: 9, cells: [.string("last")]),
            ])
        #expect(rows[0][1] == .empty)
        #expect(rows[0][99] == .empty)

        let sheet = try XlsxReader(url: url).readSheet()
        #expect(sheet.count == 9)
        #expect(sheet[1].isEmpty && sheet[5].isEmpty && sheet[6].isEmpty)
        #expect(sheet[4].last == .string("far"))
    }
}
