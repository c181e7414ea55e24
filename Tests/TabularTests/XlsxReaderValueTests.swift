import Testing

@testable import Tabular

/// The pure conversions behind cell values: number text, serial dates, date formats, references.
@Suite("XlsxReader value conversions")
struct XlsxReaderValueTests {
    @Test(
        "number text: plain notation, integers without a fraction, digits never lost",
        arguments: [
            ("42", "42"), ("42.0", "42"), ("-42.000", "-42"), ("2.50", "2.50"), ("0.1", "0.1"),
            ("1234567.891", "1234567.891"), ("1.5E-3", "0.0015"), ("1e-05", "0.00001"),
            ("1.234567890123457E+16", "12345678901234570"), ("1E+17", "100000000000000000"),
            ("-2.5e+2", "-250"), ("1.25E0", "1.25"), ("-0.0", "0"), ("0E+5", "0"),
            ("1E+300", "1E+300"), ("5E-324", "5E-324"), ("abc", "abc"), ("", ""),
        ])
    func numberText(literal: String, expected: String) {
        #expect(XlsxCell.number(literal, Double(literal) ?? 0).text == expected)
    }

    @Test("cell text for each kind")
    func cellText() {
        #expect(XlsxCell.empty.text == "")
        #expect(XlsxCell.string(" kept ").text == " kept ")
        #expect(XlsxCell.boolean(true).text == "TRUE")
        #expect(XlsxCell.boolean(false).text == "FALSE")
        #expect(XlsxCell.error("#N/A").text == "#N/A")
        #expect(XlsxCell.date(year: 2024, month: 3, day: 1).text == "2024-03-01")
        #expect(XlsxCell.date(year: 987, month: 1, day: 2, seconds: 3_723).text == "0987-01-02 01:02:03")
        #expect(XlsxCell.date(year: 2024, month: 12, day: 31, seconds: 86_399).text == "2024-12-31 23:59:59")
        #expect(XlsxCell.empty.isEmpty && !XlsxCell.string("").isEmpty)
    }

    @Test(
        "1900 date system: Lotus's 29 February 1900, then the real calendar",
        arguments: [
            (0.0, XlsxCell.date(year: 1899, month: 12, day: 31)),
            (1.0, .date(year: 1900, month: 1, day: 1)),
            (59.0, .date(year: 1900, month: 2, day: 28)),
            (60.0, .date(year: 1900, month: 2, day: 29)),
            (61.0, .date(year: 1900, month: 3, day: 1)),
            (45352.0, .date(year: 2024, month: 3, day: 1)),
            (45352.5, .date(year: 2024, month: 3, day: 1, seconds: 43_200)),
            (45352.999999999, .date(year: 2024, month: 3, day: 2)),
            (2_958_465.0, .date(year: 9999, month: 12, day: 31)),
        ])
    func serial1900(serial: Double, expected: XlsxCell) {
        #expect(XlsxSerialDate.cell(fromSerial: serial, uses1904: false) == expected)
    }

    @Test("1904 date system")
    func serial1904() {
        #expect(XlsxSerialDate.cell(fromSerial: 0, uses1904: true) == .date(year: 1904, month: 1, day: 1))
        #expect(XlsxSerialDate.cell(fromSerial: 59, uses1904: true) == .date(year: 1904, month: 2, day: 29))
        #expect(XlsxSerialDate.cell(fromSerial: 43890, uses1904: true) == .date(year: 2024, month: 3, day: 1))
        #expect(XlsxSerialDate.cell(fromSerial: 2_957_003, uses1904: true) == .date(year: 9999, month: 12, day: 31))
    }

    @Test("serials Excel cannot show as dates stay numbers")
    func serialOutOfRange() {
        for serial in [-1, 2_958_466, .infinity, .nan] {
            #expect(XlsxSerialDate.cell(fromSerial: serial, uses1904: false) == nil)
        }
        #expect(XlsxSerialDate.cell(fromSerial: 2_957_004, uses1904: true) == nil)
    }

    @Test("ISO 8601 dates of t=\"d\" cells")
    func isoDates() {
        #expect(XlsxSerialDate.cell(fromISO8601: "2024-02-29") == .date(year: 2024, month: 2, day: 29))
        #expect(
            XlsxSerialDate.cell(fromISO8601: "2024-03-01T08:30:15.250Z")
                == .date(year: 2024, month: 3, day: 1, seconds: 30_615))
        for invalid in ["2023-02-29", "2024-13-01", "24-03-01", "2024-03-01T25:00:00", "13:45:00", ""] {
            #expect(XlsxSerialDate.cell(fromISO8601: invalid) == nil, "\(invalid)")
        }
    }

    @Test(
        "format codes that show dates",
        arguments: [
            "yyyy-mm-dd", "d/m/yy", "[$-41D]d mmmm yyyy;@", "mmm-yy", "h:mm AM/PM", "dd/mm/yyyy\\ hh:mm",
            "[Red][<0]yyyy-mm-dd;yyyy-mm-dd", "YYYY-MM-DD", "ss.0",
        ])
    func dateCodes(code: String) {
        #expect(XlsxNumberFormat.isDate(code: code))
    }

    @Test(
        "format codes that do not show dates",
        arguments: [
            "General", "0.00", "#,##0.00 \"kr\"", "[Red]-#,##0", "0%", "@", "0.00E+00", "[h]:mm:ss", "[mm]:ss",
            "\"Day\" 0", "0\\d", "#,##0_);(#,##0)", "* #,##0", "[$SEK] #,##0",
        ])
    func numberCodes(code: String) {
        #expect(!XlsxNumberFormat.isDate(code: code))
    }

    @Test("built-in format ids, and custom codes that override them")
    func formatIDs() {
        for id in [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 36, 45, 47, 50, 58] {
            #expect(XlsxNumberFormat.isDate(id: id, custom: [:]), "\(id)")
        }
        for id in [0, 1, 2, 9, 10, 11, 12, 13, 23, 37, 44, 46, 49, 59] {
            #expect(!XlsxNumberFormat.isDate(id: id, custom: [:]), "\(id)")
        }
        #expect(!XlsxNumberFormat.isDate(id: 14, custom: [14: "0.00"]))
        #expect(XlsxNumberFormat.isDate(id: 164, custom: [164: "yyyy"]))
    }

    @Test("cell references, both ways")
    func cellReferences() {
        #expect(XlsxCellReference.column(of: ArraySlice("A1".utf8)) == 1)
        #expect(XlsxCellReference.column(of: ArraySlice("Z9".utf8)) == 26)
        #expect(XlsxCellReference.column(of: ArraySlice("AA10".utf8)) == 27)
        #expect(XlsxCellReference.column(of: ArraySlice("xfd1048576".utf8)) == 16_384)
        for invalid in ["", "A", "12", "A0", "A1B", "$A$1", "AAAAAAAAAAAAAAAAAAAA1"] {
            #expect(XlsxCellReference.column(of: ArraySlice(invalid.utf8)) == nil, "\(invalid)")
        }
        #expect(XlsxCellReference.name(column: 1, row: 1) == "A1")
        #expect(XlsxCellReference.name(column: 28, row: 3) == "AB3")
        #expect(XlsxCellReference.name(column: 16_384, row: 7) == "XFD7")
    }

    @Test("_xHHHH_ escapes")
    func stringEscapes() {
        #expect(XlsxStringEscape.unescape("a_x000D_b") == "a\rb")
        #expect(XlsxStringEscape.unescape("_x005F_x0041_") == "_x0041_")
        #expect(XlsxStringEscape.unescape("_x00e9_t_x00C9_") == "étÉ")
        #expect(XlsxStringEscape.unescape("_x+041_ _xD800_ _x41_ plain_x") == "_x+041_ _xD800_ _x41_ plain_x")
    }
}
