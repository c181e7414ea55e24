import Foundation
import Tabular
import Testing

/// Choosing a sheet: by name, ignoring case, the first by default; a clear error otherwise.
@Suite("XlsxReader sheet selection")
struct XlsxReaderSheetTests {
    /// Three worksheets in tab order "Plan", "Ledger", "Notes" (created in another order) and a chart
    /// sheet; written once and shared by the tests, which only read it.
    static func workbook() throws -> URL {
        try sharedWorkbook.get()
    }

    private static let sharedWorkbook = Result {
        try XlsxReaderFixtures.pythonWorkbook(
            """
            import sys, openpyxl
            from openpyxl.chart import BarChart, Reference
            book = openpyxl.Workbook()
            ledger = book.active
            ledger.title = "Ledger"
            ledger.append(["ledger", 1])
            ledger.append(["ledger", 2])
            plan = book.create_sheet("Plan", 0)
            plan.append(["plan"])
            notes = book.create_sheet("Notes")
            notes["B2"] = "notes"
            chart_sheet = book.create_chartsheet("Chart")
            chart = BarChart()
            chart.add_data(Reference(ledger, min_col=2, min_row=1, max_row=2))
            chart_sheet.add_chart(chart)
            book.save(sys.argv[1])
            """)
    }

    @Test("sheet names list the worksheets in tab order; chart sheets are left out")
    func names() throws {
        let reader = try XlsxReader(url: try Self.workbook())
        #expect(reader.sheetNames == ["Plan", "Ledger", "Notes"])
    }

    @Test("nil reads the first worksheet; names match exactly or ignoring case")
    func selection() throws {
        let reader = try XlsxReader(url: try Self.workbook())
        #expect(try reader.readSheet() == [[.string("plan")]])
        #expect(
            try reader.readSheet("Ledger") == [
                [.string("ledger"), .number("1", 1)], [.string("ledger"), .number("2", 2)],
            ])
        #expect(try reader.readSheet("notes") == [[], [.empty, .string("notes")]])
        // The same reader serves several sheets, in any order, more than once.
        #expect(try reader.readSheet("Plan") == [[.string("plan")]])
    }

    @Test("a missing sheet names the sheets that exist")
    func missingSheet() throws {
        let url = try Self.workbook()
        let reader = try XlsxReader(url: url)
        let error = try #require(throws: XlsxReadError.self) { try reader.readSheet("Budget") }
        #expect(error.reason == .sheetNotFound("Budget", available: ["Plan", "Ledger", "Notes"]))
        #expect(error.path == url.path)
        #expect(error.description.contains("'Budget'"))
        #expect(error.description.contains("'Plan', 'Ledger', 'Notes'"))
        #expect(error.description.hasPrefix(url.path))
    }

    @Test("a chart sheet is named as such, not as missing")
    func chartSheet() throws {
        let reader = try XlsxReader(url: try Self.workbook())
        let error = try #require(throws: XlsxReadError.self) { try reader.readSheet("Chart") }
        #expect(error.reason == .notAWorksheet("Chart"))
    }

    @Test("a row handler may read another sheet of the same reader while its own sheet streams")
    func nestedReading() throws {
        let reader = try XlsxReader(url: try Self.workbook())
        var plans: [[[XlsxCell]]] = []
        try reader.forEachRow(sheet: "Ledger") { _ in
            plans.append(try reader.readSheet("Plan"))
        }
        #expect(plans == [[[.string("plan")]], [[.string("plan")]]])
    }

    @Test("an error thrown by the row handler stops reading and reaches the caller unchanged")
    func handlerError() throws {
        struct Stop: Error, Equatable {}
        let reader = try XlsxReader(url: try Self.workbook())
        var seen: [Int] = []
        #expect(throws: Stop()) {
            try reader.forEachRow(sheet: "Ledger") { row in
                seen.append(row.index)
                throw Stop()
            }
        }
        #expect(seen == [1])
    }
}
