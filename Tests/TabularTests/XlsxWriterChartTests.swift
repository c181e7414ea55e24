import Foundation
import KedjaTestSupport
import Tabular
import Testing

@Suite("XLSX writer: charts")
struct XlsxWriterChartTests {
    static let red = XlsxColor(red: 0xC0, green: 0, blue: 0)
    static let amber = XlsxColor(red: 0xFF, green: 0xC0, blue: 0)
    static let green = XlsxColor(red: 0, green: 0xB0, blue: 0x50)

    /// A sheet named "Risk register" with categories in A2:A4 and two value columns in B2:C4.
    static func data(_ workbook: Workbook) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(name: "Risk register")
        for (row, level) in ["High", "Medium", "Low"].enumerated() {
            try sheet.write(row: row + 1, col: 0, string: level)
            try sheet.write(row: row + 1, col: 1, number: Double(10 * (row + 1)))
            try sheet.write(row: row + 1, col: 2, number: Double(5 * (row + 1)))
        }
        return sheet
    }

    static let categories = CellRange(firstRow: 1, firstCol: 0, lastRow: 3, lastCol: 0)
    static let firstValues = CellRange(firstRow: 1, firstCol: 1, lastRow: 3, lastCol: 1)
    static let secondValues = CellRange(firstRow: 1, firstCol: 2, lastRow: 3, lastCol: 2)

    @Test("a column chart with title, axis titles, legend, colours and value labels")
    func columnChart() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try Self.data(workbook)
            let chart = try workbook.addChart(.column)
            try chart.setTitle("Spend by risk level")
            try chart.setAxisTitles(category: "Risk level", value: "SEK")
            try chart.setLegend(.bottom)
            try chart.addSeries(
                ChartSeries(
                    name: "2025", sheet: "Risk register", categories: Self.categories, values: Self.firstValues,
                    color: Self.red, dataLabels: .value, dataLabelNumberFormat: "#,##0"))
            try chart.addSeries(
                ChartSeries(
                    name: "2026", sheet: "Risk register", categories: Self.categories, values: Self.secondValues))
            #expect(chart.seriesCount == 2)
            try sheet.insertChart(row: 5, col: 0, chart: chart, xScale: 1.5, yScale: 1.2)
            #expect(chart.isInserted)
        }
        #expect(report.chartFiles == 1)
        let chart = try #require(try report.sheet("Risk register").charts.first)
        #expect(chart.type == "barChart")
        #expect(chart.barDir == "col")
        #expect(chart.title == "Spend by risk level")
        #expect(chart.categoryAxisTitle == "Risk level")
        #expect(chart.valueAxisTitle == "SEK")
        #expect(chart.legend == "b")
        #expect(chart.series.count == 2)
        let first = chart.series[0]
        #expect(first.name == "2025")
        #expect(first.categories == "'Risk register'!$A$2:$A$4")
        #expect(first.values == "'Risk register'!$B$2:$B$4")
        #expect(first.color == "C00000")
        #expect(first.labels?.value == true)
        #expect(first.labels?.percent == false)
        #expect(first.labels?.numFormat == "#,##0")
        #expect(chart.series[1].values == "'Risk register'!$C$2:$C$4")
    }

    @Test("bar chart axis titles land on the category and value axes")
    func barChartAxes() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try Self.data(workbook)
            let chart = try workbook.addChart(.stackedBar)
            try chart.setAxisTitles(category: "Supplier", value: "Spend")
            try chart.addSeries(
                ChartSeries(sheet: "Risk register", categories: Self.categories, values: Self.firstValues))
            try chart.addSeries(
                ChartSeries(sheet: "Risk register", categories: Self.categories, values: Self.secondValues))
            try sheet.insertChart(row: 5, col: 0, chart: chart)
        }
        let chart = try #require(try report.sheet("Risk register").charts.first)
        #expect(chart.barDir == "bar")
        #expect(chart.grouping == "stacked")
        #expect(chart.categoryAxisTitle == "Supplier")
        #expect(chart.valueAxisTitle == "Spend")
    }

    @Test("pie, doughnut, line and stacked column charts, with slice colours and percentage labels")
    func otherKinds() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try Self.data(workbook)
            let pie = try workbook.addChart(.pie)
            try pie.setLegend(.right)
            try pie.addSeries(
                ChartSeries(
                    sheet: "Risk register", categories: Self.categories, values: Self.firstValues,
                    pointColors: [Self.red, Self.amber, Self.green], dataLabels: [.percentage, .category]))
            try sheet.insertChart(row: 5, col: 0, chart: pie)
            let doughnut = try workbook.addChart(.doughnut)
            try doughnut.setLegend(.none)
            try doughnut.addSeries(
                ChartSeries(sheet: "Risk register", categories: Self.categories, values: Self.firstValues))
            try sheet.insertChart(row: 5, col: 8, chart: doughnut)
            let line = try workbook.addChart(.line)
            try line.addSeries(
                ChartSeries(
                    sheet: "Risk register", categories: Self.categories, values: Self.firstValues, color: Self.green))
            let other = try workbook.addWorksheet(name: "Charts")
            try other.insertChart(row: 0, col: 0, chart: line)
            let stacked = try workbook.addChart(.stackedColumn)
            try stacked.addSeries(
                ChartSeries(sheet: "Risk register", categories: Self.categories, values: Self.firstValues))
            try other.insertChart(row: 20, col: 0, chart: stacked)
        }
        #expect(report.chartFiles == 4)
        let first = try report.sheet("Risk register").charts
        #expect(first.map(\.type) == ["pieChart", "doughnutChart"])
        let pie = first[0]
        #expect(pie.legend == "r")
        #expect(pie.series.first?.pointColors == ["C00000", "FFC000", "00B050"])
        #expect(pie.series.first?.labels?.percent == true)
        #expect(pie.series.first?.labels?.category == true)
        #expect(pie.series.first?.labels?.value == false)
        #expect(first[1].legend == nil)
        let second = try report.sheet("Charts").charts
        #expect(second.map(\.type) == ["lineChart", "barChart"])
        #expect(second[0].series.first?.color == "00B050")
        #expect(second[1].grouping == "stacked")
    }

    @Test("series on a sheet whose name needs quoting point at that sheet")
    func quotedSheetName() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "Kim's data")
            try sheet.write(row: 0, col: 0, string: "Hög")
            try sheet.write(row: 0, col: 1, number: 3)
            let chart = try workbook.addChart(.column)
            try chart.addSeries(
                ChartSeries(
                    sheet: "Kim's data", categories: CellRange(row: 0, col: 0), values: CellRange(row: 0, col: 1)))
            try sheet.insertChart(row: 2, col: 0, chart: chart)
        }
        let series = try #require(try report.sheet("Kim's data").charts.first?.series.first)
        #expect(series.categories == "'Kim''s data'!$A$1")
        #expect(series.values == "'Kim''s data'!$B$1")
    }

    @Test("charts refuse what Excel cannot show")
    func chartErrors() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try Self.data(workbook)
            let empty = try workbook.addChart(.column)
            let noSeries = #expect(throws: XlsxError.self) { try sheet.insertChart(row: 0, col: 5, chart: empty) }
            #expect(noSeries?.detail.contains("no series") == true)
            #expect(throws: XlsxError.self) { try empty.setTitle("=A1") }
            let unknownSheet = #expect(throws: XlsxError.self) {
                try empty.addSeries(
                    ChartSeries(sheet: "Nowhere", categories: Self.categories, values: Self.firstValues))
            }
            #expect(unknownSheet?.detail.contains("Nowhere") == true)
            #expect(throws: XlsxError.self) {
                try empty.addSeries(
                    ChartSeries(
                        sheet: "Risk register", categories: Self.categories,
                        values: CellRange(firstRow: 1, firstCol: 1, lastRow: 3, lastCol: 2)))
            }
            #expect(throws: XlsxError.self) {
                try empty.addSeries(
                    ChartSeries(
                        sheet: "Risk register", categories: Self.categories,
                        values: CellRange(firstRow: 1, firstCol: 1, lastRow: 2, lastCol: 1)))
            }
            #expect(throws: XlsxError.self) {
                try empty.addSeries(
                    ChartSeries(
                        sheet: "Risk register", categories: Self.categories, values: Self.firstValues,
                        dataLabels: .percentage))
            }
            #expect(throws: XlsxError.self) {
                try empty.addSeries(
                    ChartSeries(
                        name: "=Sheet!A1", sheet: "Risk register", categories: Self.categories, values: Self.firstValues
                    ))
            }
            #expect(empty.seriesCount == 0)
            let pie = try workbook.addChart(.pie)
            #expect(throws: XlsxError.self) { try pie.setAxisTitles(category: "x", value: "y") }
            try pie.addSeries(
                ChartSeries(sheet: "Risk register", categories: Self.categories, values: Self.firstValues))
            #expect(throws: XlsxError.self) {
                try pie.addSeries(
                    ChartSeries(sheet: "Risk register", categories: Self.categories, values: Self.secondValues))
            }
            try sheet.insertChart(row: 0, col: 5, chart: pie)
            let twice = #expect(throws: XlsxError.self) { try sheet.insertChart(row: 20, col: 5, chart: pie) }
            #expect(twice?.detail.contains("already") == true)
        }
    }
}
