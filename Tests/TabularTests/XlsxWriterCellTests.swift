import Foundation
import KedjaTestSupport
import Tabular
import Testing

@Suite("XLSX writer: cells")
struct XlsxWriterCellTests {
    @Test("text starting with =, +, - or @ stays a string cell, never a formula")
    func formulaLikeTextStaysText() throws {
        let texts = ["=1+1", "+46 70 123 45 67", "-5", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0"]
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            for (row, text) in texts.enumerated() {
                try sheet.write(row: row, col: 0, string: text)
            }
        }
        let sheet = try report.sheet("A")
        for (row, text) in texts.enumerated() {
            let cell = try sheet.cell(row, 0)
            #expect(cell.t == "s", "row \(row)")
            #expect(cell.v == .string(text))
        }
    }

    @Test("Swedish and non-Latin text survives unchanged")
    func unicodeText() throws {
        let texts = ["Leverantör Åsa & Co", "Hög", "北京供应商", "tab\there", "rad 1\nrad 2"]
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "Översikt")
            for (row, text) in texts.enumerated() {
                try sheet.write(row: row, col: 0, string: text)
            }
        }
        let sheet = try report.sheet("Översikt")
        for (row, text) in texts.enumerated() {
            #expect(try sheet.cell(row, 0).v == .string(text))
        }
    }

    @Test("numbers are number cells with the given number format")
    func numbers() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: 0, col: 0, number: 1234.5, style: CellStyle(numberFormat: "#,##0.00"))
            try sheet.write(row: 0, col: 1, number: -0.125, style: CellStyle(numberFormat: "0.0%"))
            try sheet.write(row: 0, col: 2, number: 42)
        }
        let sheet = try report.sheet("A")
        #expect(try sheet.cell(0, 0).t == "n")
        #expect(try sheet.cell(0, 0).v == .number(1234.5))
        #expect(try sheet.cell(0, 0).fmt == "#,##0.00")
        #expect(try sheet.cell(0, 1).v == .number(-0.125))
        #expect(try sheet.cell(0, 1).fmt == "0.0%")
        #expect(try sheet.cell(0, 2).v == .number(42))
        #expect(try sheet.cell(0, 2).fmt == "General")
    }

    @Test("non-finite numbers are refused")
    func nonFiniteNumbers() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            for number in [Double.nan, .infinity, -.infinity] {
                let error = #expect(throws: XlsxError.self) { try sheet.write(row: 0, col: 0, number: number) }
                #expect(error?.code == .invalidParameter)
            }
        }
    }

    @Test("dates are date cells: ISO format by default, the style's format otherwise")
    func dates() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: 0, col: 0, date: .day(year: 2024, month: 2, day: 29))
            try sheet.write(row: 0, col: 1, date: .day(year: 2026, month: 12, day: 31), style: CellStyle(bold: true))
            try sheet.write(row: 0, col: 2, date: .serial(45_351), style: CellStyle(numberFormat: "d mmm yyyy"))
            try sheet.write(row: 0, col: 3, date: .day(year: 1900, month: 3, day: 1))
        }
        let sheet = try report.sheet("A")
        #expect(try sheet.cell(0, 0).t == "d")
        #expect(try sheet.cell(0, 0).v == .string("2024-02-29"))
        #expect(try sheet.cell(0, 0).fmt == "yyyy-mm-dd")
        #expect(try sheet.cell(0, 1).v == .string("2026-12-31"))
        #expect(try sheet.cell(0, 1).bold == true)
        #expect(try sheet.cell(0, 2).t == "d")
        #expect(try sheet.cell(0, 2).v == .string("2024-02-29"))
        #expect(try sheet.cell(0, 2).fmt == "d mmm yyyy")
        #expect(try sheet.cell(0, 3).v == .string("1900-03-01"))
    }

    @Test(
        "impossible dates are refused",
        arguments: [
            ExcelDate.day(year: 2023, month: 2, day: 29), .day(year: 1899, month: 12, day: 31),
            .day(year: 2024, month: 13, day: 1), .day(year: 2024, month: 4, day: 31),
            .day(year: 10_000, month: 1, day: 1),
            .serial(-1), .serial(.nan), .serial(2_958_466),
        ])
    func impossibleDates(date: ExcelDate) throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            let error = #expect(throws: XlsxError.self) { try sheet.write(row: 0, col: 0, date: date) }
            #expect(error?.code == .invalidParameter)
            #expect(error?.subject == "sheet 'A', cell A1")
        }
    }

    @Test("booleans, styled blanks and our own formulas")
    func booleansBlanksFormulas() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: 0, col: 0, number: 2)
            try sheet.write(row: 1, col: 0, number: 3)
            try sheet.writeFormula(row: 2, col: 0, formula: "=SUM(A1:A2)", value: 5)
            try sheet.writeFormula(row: 3, col: 0, formula: "A1*2")
            try sheet.writeBoolean(row: 0, col: 1, value: true)
            try sheet.writeBoolean(row: 1, col: 1, value: false)
            try sheet.writeBlank(
                row: 2, col: 1, style: CellStyle(fillColor: XlsxColor(red: 0xFF, green: 0xC7, blue: 0xCE)))
        }
        let sheet = try report.sheet("A")
        #expect(try sheet.cell(2, 0).t == "f")
        #expect(try sheet.cell(2, 0).v == .string("=SUM(A1:A2)"))
        #expect(try sheet.cell(3, 0).v == .string("=A1*2"))
        #expect(try sheet.cell(0, 1).v == .bool(true))
        #expect(try sheet.cell(1, 1).v == .bool(false))
        #expect(try sheet.cell(2, 1).t == "blank")
        #expect(try sheet.cell(2, 1).fill == "FFFFC7CE")
    }

    @Test("empty formulas are refused")
    func emptyFormula() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            #expect(throws: XlsxError.self) { try sheet.writeFormula(row: 0, col: 0, formula: "=") }
            #expect(throws: XlsxError.self) { try sheet.writeFormula(row: 0, col: 0, formula: "") }
        }
    }

    @Test("rows and columns outside the sheet are clear errors; the last row and column work")
    func sheetLimits() throws {
        let report = try XlsxWriterFixture.write(maxRows: 0) { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: ExcelLimits.rowCount - 1, col: ExcelLimits.columnCount - 1, string: "last")
            for (row, col) in [(ExcelLimits.rowCount, 0), (0, ExcelLimits.columnCount), (-1, 0), (0, -1)] {
                let error = #expect(throws: XlsxError.self) { try sheet.write(row: row, col: col, number: 1) }
                #expect(error?.code == .indexOutOfRange)
            }
            let error = #expect(throws: XlsxError.self) {
                try sheet.write(row: ExcelLimits.rowCount, col: 0, string: "spill")
            }
            #expect(error?.subject == "sheet 'A', cell R1048577C1")
        }
        #expect(try report.sheet("A").maxRow == ExcelLimits.rowCount)
        #expect(try report.sheet("A").maxColumn == ExcelLimits.columnCount)
    }

    @Test("a style's font, fill, border and alignment reach the cell")
    func styleParts() throws {
        let style = CellStyle(
            bold: true, italic: true, fontName: "Arial", fontSize: 14,
            fontColor: XlsxColor(red: 0x9C, green: 0, blue: 6),
            fillColor: XlsxColor(hex: "#FFC7CE"), border: .thin, borderColor: .black, wrapText: true,
            horizontalAlignment: .center, verticalAlignment: .top)
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: 0, col: 0, string: "Hög", style: style)
        }
        let cell = try report.sheet("A").cell(0, 0)
        #expect(cell.bold == true)
        #expect(cell.italic == true)
        #expect(cell.fontColor == "FF9C0006")
        #expect(cell.fill == "FFFFC7CE")
        #expect(cell.border == "thin")
        #expect(cell.wrap == true)
        #expect(cell.align == "center")
        #expect(cell.valign == "top")
    }

    @Test("styles libxlsxwriter would cut or Excel would refuse are errors")
    func badStyles() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            let tooLong = CellStyle(numberFormat: String(repeating: "0", count: 128))
            #expect(throws: XlsxError.self) { try sheet.write(row: 0, col: 0, number: 1, style: tooLong) }
            #expect(throws: XlsxError.self) {
                try sheet.write(row: 0, col: 0, number: 1, style: CellStyle(fontSize: 0))
            }
            #expect(throws: XlsxError.self) {
                try sheet.write(row: 0, col: 0, number: 1, style: CellStyle(fontName: ""))
            }
        }
    }

    @Test("colours parse from hex and print as #RRGGBB")
    func colors() {
        #expect(XlsxColor(hex: "#C00000")?.rgb == 0xC00000)
        #expect(XlsxColor(hex: "00b050")?.description == "#00B050")
        #expect(XlsxColor(hex: "#12345") == nil)
        #expect(XlsxColor(hex: "GG0000") == nil)
        #expect(XlsxColor.black.description == "#000000")
    }

    @Test("cell references in A1 notation")
    func a1Names() {
        #expect(CellRange.a1(row: 0, col: 0) == "A1")
        #expect(CellRange.a1(row: 9, col: 25) == "Z10")
        #expect(CellRange.a1(row: 0, col: 26) == "AA1")
        #expect(CellRange.a1(row: 1_048_575, col: 16_383) == "XFD1048576")
        #expect(CellRange(firstRow: 1, firstCol: 1, lastRow: 9, lastCol: 3).a1 == "B2:D10")
        #expect(CellRange(firstRow: 1, firstCol: 1, lastRow: 9, lastCol: 3).absoluteA1 == "$B$2:$D$10")
    }
}
