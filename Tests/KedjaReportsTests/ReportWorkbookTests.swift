import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaReports

@Suite("Committee report workbook")
struct ReportWorkbookTests {
    /// Writes the fixture's report and reads it back.
    static func written(_ language: Language) throws -> (TemporaryFolder, ProbeReport) {
        let folder = try TemporaryFolder()
        let path = folder.path("report.xlsx")
        try ReportWorkbook.write(try AnalysisFixture.result(language), to: path)
        return (folder, try XlsxProbe.read(path))
    }

    @Test("sheet names", arguments: Language.allCases)
    func sheetNames(language: Language) throws {
        let (_, report) = try Self.written(language)
        let expected =
            language == .sv
            ? ["Översikt", "Diagram", "Största risker", "Riskkarta", "Datakvalitet", "Metod"]
            : ["Overview", "Charts", "Top risks", "Heat map", "Data quality", "Method"]
        #expect(report.sheets.map(\.name) == expected)
        let labels = ReportLabels(language)
        #expect(
            [
                labels.overviewSheet, labels.chartsSheet, labels.topRisksSheet, labels.heatMapSheet,
                labels.dataQualitySheet, labels.methodSheet,
            ] == expected)
    }

    @Test("every sheet prints on A4 landscape, one page wide, with a repeated row, title and page numbers")
    func printSetup() throws {
        let (_, report) = try Self.written(.sv)
        for sheet in report.sheets {
            #expect(sheet.print.orientation == "landscape", "\(sheet.name)")
            #expect(sheet.print.paperSize == 9, "\(sheet.name)")
            #expect(sheet.print.fitToPage, "\(sheet.name)")
            #expect(sheet.print.fitToWidth == 1, "\(sheet.name)")
            #expect(sheet.print.printArea != nil, "\(sheet.name)")
            #expect(sheet.print.printTitleRows != nil, "\(sheet.name)")
            #expect(sheet.print.header?.contains("Ansvarsfulla leveranskedjor – rapport") == true, "\(sheet.name)")
            #expect(sheet.print.footer?.contains("&P") == true, "\(sheet.name)")
        }
    }

    @Test("the charts: spend by level stacked per area, and spend per priority")
    func charts() throws {
        let (_, report) = try Self.written(.en)
        #expect(report.chartFiles == 2)
        let sheet = try report.sheet("Charts")
        let stacked = try #require(sheet.charts.first { $0.grouping == "stacked" })
        #expect(stacked.type == "barChart")
        #expect(stacked.barDir == "col")
        #expect(stacked.series.map(\.name) == ["High", "Medium", "Low", "Unknown"])
        #expect(sheet.charts.count == 2)

        // The table the stacked chart reads: each area's levels add up to the total.
        let humanRights = try #require(sheet.cells.first { $0.first?.v == .string("Human rights") })
        #expect(humanRights[1].v == .number(1_333_333.32))
        #expect(humanRights[5].v == .number(AnalysisFixture.total.doubleValue))
    }

    @Test("key figures: total, classified share, high risk per area, priority 1, tasks due in the first quarter")
    func keyFigures() throws {
        let (_, report) = try Self.written(.en)
        let sheet = try report.sheet("Overview")
        func row(_ label: String) throws -> [ProbeCell] {
            try #require(sheet.cells.first { $0.first?.v == .string(label) }, "no key figure '\(label)'")
        }
        #expect(try row("Total spend")[1].v == .number(AnalysisFixture.total.doubleValue))
        #expect(
            try row("Total spend")[1].fmt == "#,##0.0,, \"Mkr\"", "millions of kronor; the cell holds the exact sum")
        #expect(try row("Suppliers")[1].v == .number(4))
        let classified = AnalysisFixture.total - AnalysisFixture.unclassifiedSpend
        #expect(
            try row("Spend with a category (classified)")[2].v
                == .number(classified.fraction(of: AnalysisFixture.total)))
        #expect(try row("Spend with a category (classified)")[2].fmt == "0.0%")
        #expect(try row("Spend at high risk: Labour rights")[1].v == .number(1_333_333.32))
        #expect(try row("Suppliers with priority 1")[1].v == .number(1))
        // Due in 2026-01-05 … 2026-04-04: four first steps at day 0, the desk audit at day 60.
        #expect(try row("Follow-up tasks due in the plan's first quarter")[1].v == .number(5))
        #expect(try row("Follow-up tasks due in the plan's first quarter")[3].v == .string("2026-01-05 – 2026-04-04"))
    }

    @Test("the top risks leave out low risk and order by priority, then spend")
    func topRisks() throws {
        let (_, report) = try Self.written(.sv)
        let sheet = try report.sheet("Största risker")
        #expect(sheet.cells[0].first?.v == .string("De tio största riskerna"), "the sheet has its title")
        let suppliers = sheet.cells.dropFirst(4).prefix { $0[0].t == "n" }.map { $0[1].v }
        #expect(suppliers == [.string("Textilia AB"), .string("Kaffekompaniet AB"), .string("Okänd Handel")])
        #expect(sheet.conditionalFormats.contains { $0.range == "G5:K7" })
    }

    @Test("no more than ten top risks")
    func topTen() throws {
        let row = AnalysisFixture.rows[0]
        let rows = (0..<25).map { index in
            var copy = row
            copy.supplierName = "Leverantör \(index)"
            copy.spend = Amount(micros: Int128(index) * 1_000_000)
            return copy
        }
        let top = ReportWorkbook.topRisks(rows)
        #expect(top.count == 10)
        #expect(top.first?.supplierName == "Leverantör 24")
    }

    @Test("data quality: unmatched suppliers, lines without country, unknown names, spend by category source")
    func dataQuality() throws {
        let (_, report) = try Self.written(.sv)
        let sheet = try report.sheet("Datakvalitet")
        func row(_ label: String) throws -> [ProbeCell] {
            try #require(sheet.cells.first { $0.first?.v == .string(label) }, "no row '\(label)'")
        }
        #expect(try row("Leverantörer som inte finns i leverantörsregistret")[1].v == .number(1))
        #expect(try row("Fakturarader utan känt land")[1].v == .number(3))
        #expect(try row("Spend utan kategori")[1].v == .number(AnalysisFixture.unclassifiedSpend.doubleValue))
        #expect(try row("Kína")[1].v == .number(2))
        #expect(try row("Atlantis")[1].v == .number(1))
        #expect(try row("CPV-kod på fakturaraden")[2].fmt == "0.0%")
        #expect(try row("Ingen (ej klassificerad)")[1].v == .number(AnalysisFixture.unclassifiedSpend.doubleValue))
        #expect(try row("Okänd Handel").count >= 1)
    }

    @Test("two writes of the same report give identical bytes")
    func reproducible() throws {
        let folder = try TemporaryFolder()
        let result = try AnalysisFixture.result(.sv)
        try ReportWorkbook.write(result, to: folder.path("first.xlsx"))
        try ReportWorkbook.write(result, to: folder.path("second.xlsx"))
        let first = try Data(contentsOf: folder.url.appendingPathComponent("first.xlsx"))
        let second = try Data(contentsOf: folder.url.appendingPathComponent("second.xlsx"))
        #expect(first == second)
    }
}
