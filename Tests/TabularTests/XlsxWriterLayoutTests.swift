import Foundation
import KedjaTestSupport
import Tabular
import Testing

@Suite("XLSX writer: layout and print setup")
struct XlsxWriterLayoutTests {
    @Test("freeze panes, autofilter, column widths, row heights, merges, zoom, tab colour and gridlines")
    func layout() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "Riskregister")
            try sheet.mergeRange(
                CellRange(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 3), string: "Riskregister 2026",
                style: CellStyle(bold: true, fontSize: 16))
            for (col, header) in ["Leverantör", "Land", "Kategori", "Belopp"].enumerated() {
                try sheet.write(row: 1, col: col, string: header, style: CellStyle(bold: true))
            }
            try sheet.write(row: 2, col: 0, string: "Kaffe AB")
            try sheet.freezePanes(row: 2, col: 1)
            try sheet.autofilter(CellRange(firstRow: 1, firstCol: 0, lastRow: 2, lastCol: 3))
            try sheet.setColumn(first: 0, last: 0, width: 40)
            try sheet.setColumn(first: 1, last: 3, width: 12.5, style: CellStyle(wrapText: true))
            try sheet.setRow(0, height: 30)
            try sheet.setZoom(85)
            try sheet.setTabColor(XlsxColor(red: 0xC0, green: 0, blue: 0))
            try sheet.hideGridlines()
        }
        let sheet = try report.sheet("Riskregister")
        #expect(sheet.freezePanes == "B3")
        #expect(sheet.autoFilter == "A2:D3")
        #expect(sheet.merged == ["A1:D1"])
        #expect(try sheet.cell(0, 0).v == .string("Riskregister 2026"))
        #expect(sheet.rowHeights["1"] == 30)
        #expect(sheet.zoom == 85)
        #expect(sheet.tabColor == "FFC00000")
        #expect(!sheet.showGridlines)
        let first = try #require(sheet.columnWidths.first { $0.min == 1 })
        #expect(first.max == 1)
        #expect(abs(first.width - 40) < 1)
        let others = try #require(sheet.columnWidths.first { $0.min == 2 })
        #expect(others.max == 4)
        #expect(abs(others.width - 12.5) < 1)
    }

    @Test("landscape A4, fit to one page wide, repeated header row, print area, margins, header and footer")
    func printSetup() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "Risk register")
            try sheet.write(row: 0, col: 0, string: "Supplier")
            try sheet.setLandscape()
            try sheet.setPaper(.a4)
            try sheet.fitToPages(width: 1, height: 0)
            try sheet.repeatRows(first: 0, last: 0)
            try sheet.setPrintArea(CellRange(firstRow: 0, firstCol: 0, lastRow: 99, lastCol: 14))
            try sheet.setMargins(.centimetres(left: 1.8, right: 1.8, top: 1.9, bottom: 1.9))
            try sheet.setHeader(HeaderFooter(left: [.text("Kedja – R&D")], right: [.sheetName]))
            try sheet.setFooter(HeaderFooter(center: [.text("Sida "), .pageNumber, .text(" av "), .pageCount]))
        }
        let print = try report.sheet("Risk register").print
        #expect(print.orientation == "landscape")
        #expect(print.paperSize == 9)
        #expect(print.fitToPage)
        #expect(print.fitToWidth == 1)
        #expect(print.fitToHeight == 0)
        #expect(print.printTitleRows == "$1:$1")
        #expect(print.printArea == "'Risk register'!$A$1:$O$100")
        #expect(abs((print.margins.left ?? 0) - 1.8 / 2.54) < 0.001)
        #expect(abs((print.margins.top ?? 0) - 1.9 / 2.54) < 0.001)
        #expect(print.header == "&LKedja – R&&D&R&A")
        #expect(print.footer == "&CSida &P av &N")
    }

    @Test("a header longer than Excel's 255 characters is refused")
    func headerTooLong() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            let error = #expect(throws: XlsxError.self) {
                try sheet.setHeader(HeaderFooter(center: [.text(String(repeating: "x", count: 254))]))
            }
            #expect(error?.code == .textLongerThan255)
        }
    }

    @Test("header text that libxlsxwriter would read as an image placeholder is refused")
    func imagePlaceholderText() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            for text in ["R&G Leverantör AB", "&[Picture]"] {
                let error = #expect(throws: XlsxError.self) { try sheet.setFooter(HeaderFooter(left: [.text(text)])) }
                #expect(error?.code == .invalidParameter)
            }
            try sheet.setFooter(HeaderFooter(left: [.text("R & G Leverantör AB")]))
        }
    }

    @Test("out-of-range layout values are refused")
    func badLayoutValues() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            #expect(throws: XlsxError.self) { try sheet.setZoom(5) }
            #expect(throws: XlsxError.self) { try sheet.setColumn(first: 0, last: 0, width: 256) }
            #expect(throws: XlsxError.self) { try sheet.setColumn(first: 3, last: 1, width: 10) }
            #expect(throws: XlsxError.self) { try sheet.setRow(0, height: 500) }
            #expect(throws: XlsxError.self) { try sheet.fitToPages(width: -1, height: 0) }
            #expect(throws: XlsxError.self) { try sheet.setMargins(PageMargins(left: -1)) }
            #expect(throws: XlsxError.self) { try sheet.freezePanes(row: ExcelLimits.rowCount, col: 0) }
            #expect(throws: XlsxError.self) { try sheet.mergeRange(CellRange(row: 0, col: 0), string: "one cell") }
            let reversed = CellRange(firstRow: 5, firstCol: 0, lastRow: 1, lastCol: 0)
            let error = #expect(throws: XlsxError.self) { try sheet.autofilter(reversed) }
            #expect(error?.code == .invalidParameter)
        }
    }
}
