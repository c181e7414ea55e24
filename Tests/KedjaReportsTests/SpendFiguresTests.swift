import KedjaModel
import Tabular
import Testing

@testable import KedjaReports

@Suite("Spend figures and heat map")
struct SpendFiguresTests {
    @Test("sums per area and level, per priority, and the classified spend are exact")
    func sums() throws {
        let figures = SpendFigures(try AnalysisFixture.result(.sv))
        #expect(figures.registerSpend == AnalysisFixture.total)
        #expect(figures.classifiedSpend == AnalysisFixture.total - AnalysisFixture.unclassifiedSpend)
        #expect(
            figures.spend(.environment, .medium) == AnalysisFixture.coffeeSpend)
        #expect(figures.spend(.environment, .unknown) == AnalysisFixture.unclassifiedSpend)
        #expect(figures.overallSpend(.low) == AnalysisFixture.consultancySpend)
        let priority2 = figures.group(2)
        #expect(priority2.rows == 2)
        #expect(priority2.suppliers == 2)
        #expect(priority2.spend == AnalysisFixture.coffeeSpend + AnalysisFixture.unclassifiedSpend)
        #expect(figures.group(7).rows == 0)
        for area in RiskArea.allCases {
            let sum = RiskLevel.allCases.reduce(Amount.zero) { $0 + figures.spend(area, $1) }
            #expect(sum == AnalysisFixture.total)
        }
    }

    @Test("the plan's first quarter ends three calendar months after its start")
    func firstQuarter() throws {
        let start = try #require(CivilDate(year: 2025, month: 11, day: 30))
        #expect(start.addingMonths(3) == CivilDate(year: 2026, month: 2, day: 28))
        let leap = try #require(CivilDate(year: 2023, month: 11, day: 29))
        #expect(leap.addingMonths(3) == CivilDate(year: 2024, month: 2, day: 29))
        let plain = try #require(CivilDate(year: 2026, month: 1, day: 5))
        #expect(plain.addingMonths(3) == CivilDate(year: 2026, month: 4, day: 5))
        #expect(SpendFigures(try AnalysisFixture.result(.en)).tasksDueInFirstQuarter == 5)
    }

    @Test("the heat map takes per category and area the highest level among its rows")
    func heatMapLevels() throws {
        var rows = AnalysisFixture.rows
        var coffeeFromChina = rows[1]
        coffeeFromChina.supplierKey = "kina-kaffe"
        coffeeFromChina.levels.environment = .high
        rows.append(coffeeFromChina)
        let coffee = try #require(
            HeatMap(rows, areas: try AnalysisFixture.areaNames()).lines.first { $0.category?.code == "15860000" })
        #expect(coffee.levels.environment == .high)
        #expect(coffee.suppliers.count == 2)
        #expect(coffee.spend == AnalysisFixture.coffeeSpend + AnalysisFixture.coffeeSpend)
        let unclassified = try #require(HeatMap(rows, areas: try AnalysisFixture.areaNames()).lines.last)
        #expect(unclassified.category == nil)
        #expect(unclassified.levels == .unassessed)
    }

    @Test("spilled sheets are named and sized so nothing is cut")
    func spillParts() {
        #expect(SheetSpill.parts(count: 0, rowsPerSheet: 5) == [0..<0])
        #expect(SheetSpill.parts(count: 11, rowsPerSheet: 5) == [0..<5, 5..<10, 10..<11])
        #expect(SheetSpill.parts(count: 2_000_000, rowsPerSheet: SheetSpill.dataRowsPerSheet).count == 2)
        #expect(SheetSpill.sheetName("Riskregister", part: 0) == "Riskregister")
        #expect(SheetSpill.sheetName("Riskregister", part: 2) == "Riskregister (3)")
    }

    @Test("wrapped text gets as many lines as its words need, never fewer")
    func lineCount() {
        #expect(RowHeights.lineCount("kort", width: 20) == 1)
        #expect(RowHeights.lineCount(String(repeating: "ord ", count: 30), width: 20) >= 5)
        #expect(RowHeights.lineCount("rad ett\nrad två", width: 50) == 2)
        #expect(RowHeights.lineCount(String(repeating: "x", count: 100), width: 11) >= 9)
    }
}
