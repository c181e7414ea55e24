import Foundation
import KedjaTestSupport
import Tabular
import Testing

@Suite("XLSX writer: constant-memory mode")
struct XlsxWriterConstantMemoryTests {
    @Test("a 100,000-row sheet is written row by row")
    func largeSheet() throws {
        let rowCount = 100_000
        let report = try XlsxWriterFixture.write(constantMemory: true, maxRows: 3) { workbook in
            #expect(workbook.isConstantMemory)
            let sheet = try workbook.addWorksheet(name: "Rader")
            try sheet.setColumn(first: 0, last: 0, width: 30)
            try sheet.freezePanes(row: 1, col: 0)
            try sheet.write(row: 0, col: 0, string: "Leverantör", style: CellStyle(bold: true))
            try sheet.write(row: 0, col: 1, string: "Belopp", style: CellStyle(bold: true))
            try sheet.write(row: 0, col: 2, string: "Datum", style: CellStyle(bold: true))
            let money = CellStyle(numberFormat: "#,##0.00")
            for row in 1..<rowCount {
                try sheet.write(row: row, col: 0, string: "Leverantör \(row % 977)")
                try sheet.write(row: row, col: 1, number: Double(row) / 4, style: money)
                try sheet.write(row: row, col: 2, date: .serial(45_292 + Double(row % 365)))
            }
            try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: rowCount - 1, lastCol: 2))
        }
        let sheet = try report.sheet("Rader")
        #expect(sheet.maxRow == rowCount)
        #expect(sheet.dimensions == "A1:C100000")
        #expect(sheet.autoFilter == "A1:C100000")
        #expect(sheet.cells.count == 3)
        #expect(try sheet.cell(1, 0).v == .string("Leverantör 1"))
        #expect(try sheet.cell(1, 1).v == .number(0.25))
        #expect(try sheet.cell(1, 1).fmt == "#,##0.00")
        #expect(try sheet.cell(1, 2).v == .string("2024-01-02"))
    }

    @Test("going back to an earlier row is a clear error; the current row stays open")
    func rowOrder() throws {
        let report = try XlsxWriterFixture.write(constantMemory: true) { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: 0, col: 0, string: "a")
            try sheet.write(row: 1, col: 0, string: "b")
            try sheet.write(row: 1, col: 1, string: "c")
            let error = #expect(throws: XlsxError.self) { try sheet.write(row: 0, col: 1, string: "late") }
            #expect(error?.code == .rowOutOfOrder)
            #expect(error?.subject == "sheet 'A', cell B1")
            #expect(throws: XlsxError.self) { try sheet.setRow(0, height: 20) }
            // Other sheets keep their own row order.
            let other = try workbook.addWorksheet(name: "B")
            try other.write(row: 0, col: 0, string: "first row of B")
        }
        #expect(try report.sheet("A").cell(1, 1).v == .string("c"))
        #expect(try report.sheet("B").cell(0, 0).v == .string("first row of B"))
    }

    @Test("one sheet streams its rows while the others in the workbook keep tables, merges and any row order")
    func streamingSheetBesideOrdinaryOnes() throws {
        let report = try XlsxWriterFixture.write(constantMemory: false) { workbook in
            let summary = try workbook.addWorksheet(name: "Summering")
            #expect(!summary.streamsRows)
            let list = try workbook.addWorksheet(name: "Lista", streamingRows: true)
            #expect(list.streamsRows)
            for row in 0..<1_000 {
                try list.write(row: row, col: 1, number: Double(row))
                try list.write(row: row, col: 0, string: "Rad \(row)")
                if row % 100 == 0 { try list.setRow(row, height: 30) }
            }
            let late = #expect(throws: XlsxError.self) { try list.write(row: 10, col: 2, string: "för sent") }
            #expect(late?.code == .rowOutOfOrder)
            #expect(throws: XlsxError.self) {
                try list.mergeRange(CellRange(firstRow: 1_000, firstCol: 0, lastRow: 1_000, lastCol: 1), string: "x")
            }
            // The sheet added after the streaming one is ordinary again, and so is the one before it.
            let table = try workbook.addWorksheet(name: "Tabell")
            #expect(!table.streamsRows)
            try table.write(row: 2, col: 0, string: "b")
            try table.write(row: 1, col: 0, string: "a")
            try table.addTable(CellRange(firstRow: 0, firstCol: 0, lastRow: 2, lastCol: 0), headers: ["Namn"])
            try summary.mergeRange(CellRange(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 3), string: "Rubrik")
            try summary.write(row: 5, col: 0, string: "sist")
            try summary.write(row: 1, col: 0, string: "först")
        }
        let list = try report.sheet("Lista")
        #expect(list.maxRow == 1_000)
        #expect(try list.cell(999, 0).v == .string("Rad 999"))
        #expect(try list.cell(999, 1).v == .number(999))
        #expect(list.rowHeights["101"] == 30)
        #expect(try report.sheet("Tabell").tables.map(\.ref) == ["A1:A3"])
        #expect(try report.sheet("Summering").cell(1, 0).v == .string("först"))
        #expect(try report.sheet("Summering").cell(0, 0).v == .string("Rubrik"))
    }

    @Test("tables and merged ranges are refused in constant-memory mode")
    func unsupported() throws {
        _ = try XlsxWriterFixture.write(constantMemory: true) { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            let table = #expect(throws: XlsxError.self) {
                try sheet.addTable(CellRange(firstRow: 0, firstCol: 0, lastRow: 2, lastCol: 0), headers: ["X"])
            }
            #expect(table?.code == .featureNotSupported)
            let merge = #expect(throws: XlsxError.self) {
                try sheet.mergeRange(CellRange(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 2), string: "Title")
            }
            #expect(merge?.code == .featureNotSupported)
        }
    }
}
