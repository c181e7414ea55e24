import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaReports

@Suite("Comparison with last period's register")
struct CarryoverRegisterTests {
    /// The fixture's register as `kedja register` writes it, read back as last period's.
    static func writtenRegister(_ result: AnalysisResult) throws -> (TemporaryFolder, PreviousRegister) {
        let folder = try TemporaryFolder()
        let path = folder.path("register.xlsx")
        try RegisterWorkbook.write(result, to: path, rowsPerSheet: 3)
        return (folder, try PreviousRegister.read(path: path, areas: AnalysisFixture.areaNames()))
    }

    /// The fixture with `rows` instead of its own.
    static func result(_ language: Language, rows: [RegisterRow]) throws -> AnalysisResult {
        let fixture = try AnalysisFixture.result(language)
        return AnalysisResult(
            rows: rows, total: fixture.total, counts: fixture.counts, rejects: fixture.rejects,
            quality: fixture.quality,
            sources: fixture.sources, legalForms: fixture.legalForms, areaNames: fixture.areaNames,
            language: language, plan: fixture.plan, planStart: fixture.planStart)
    }

    @Test("a written register reads back exactly, across its spilled sheets", arguments: Language.allCases)
    func readBack(language: Language) throws {
        let result = try AnalysisFixture.result(language)
        let (_, previous) = try Self.writtenRegister(result)
        #expect(previous.rows.count == result.rows.count)
        #expect(Set(previous.rows.map(\.sheet)).count == 2)
        for (read, row) in zip(previous.rows, result.rows) {
            #expect(read.supplier == row.supplierName)
            #expect(read.orgNumber == row.orgNumber)
            #expect(read.category == CommonPhrases.categoryName(row.category, language))
            #expect(read.spend == row.spend)
            #expect(read.levels == row.levels)
            #expect(read.overall == row.overall)
            #expect(read.priority == row.priority)
            #expect(read.reason == row.reason)
        }
    }

    @Test("an unchanged period shows no changes")
    func unchanged() throws {
        let result = try AnalysisFixture.result(.sv)
        let (_, previous) = try Self.writtenRegister(result)
        let comparison = RegisterComparison(previous: previous, current: result, threshold: Amount(micros: 1))
        #expect(comparison.joined.isEmpty)
        #expect(comparison.left.isEmpty)
        #expect(comparison.levelChanges.isEmpty)
        #expect(comparison.spendShifts.isEmpty)
    }

    @Test("new and gone high-risk suppliers, changed levels and spend shifts, matched across languages")
    func changes() throws {
        // Last period (in English): no Textilia, coffee at medium risk, and a supplier that has since gone.
        var coffee = AnalysisFixture.rows[1]
        coffee.levels = RiskProfile(
            humanRights: .medium, labourRights: .medium, environment: .medium, antiCorruption: .medium)
        coffee.reason = "Kategori 15860000; land SE (förra årets index)"
        coffee.spend = Amount(micros: 48_765_430_000)
        let gone = AnalysisFixture.row(
            "Borta Bomull AB", org: "212000-0142", country: AnalysisFixture.china, category: AnalysisFixture.textiles,
            spend: Amount(micros: 700_000_000_000), levels: AnalysisFixture.textiles.levels, priority: 1,
            tasks: [], followUp: [])
        // The fixture's consultancy shares Textilia's org number; give it its own, as a real register would.
        var consultancy = AnalysisFixture.rows[3]
        consultancy.orgNumber = "556677-8899"
        let previousRows = [gone, coffee, AnalysisFixture.rows[2], consultancy]
        let (_, previous) = try Self.writtenRegister(try Self.result(.en, rows: previousRows))

        let current = try Self.result(.sv, rows: Array(AnalysisFixture.rows[0...2]) + [consultancy])
        let comparison = RegisterComparison(
            previous: previous, current: current, threshold: Amount(micros: 100_000_000_000))

        #expect(comparison.joined.map { $0.rows[0].supplierName } == ["Textilia AB", "Kaffekompaniet AB"])
        #expect(comparison.joined.map(\.previousLevel) == [nil, .medium])
        #expect(comparison.joined[0].spend == AnalysisFixture.textilesSpend)
        #expect(comparison.left.map { $0.rows[0].supplier } == ["Borta Bomull AB"])
        #expect(comparison.left.map(\.currentLevel) == [nil])
        #expect(comparison.levelChanges.count == 1)
        #expect(comparison.levelChanges.first?.current.supplierName == "Kaffekompaniet AB")
        #expect(comparison.levelChanges.first?.areas == [.humanRights, .labourRights, .antiCorruption])
        #expect(comparison.levelChanges.first?.previous.reason == coffee.reason)
        // Textilia +1 234 567,89 and Borta −700 000 pass 100 000; coffee's +50 000 does not.
        #expect(
            comparison.spendShifts == [
                RegisterComparison.SpendShift(
                    supplier: "Textilia AB", orgNumber: "556036-0793", previous: .zero,
                    current: AnalysisFixture.textilesSpend),
                RegisterComparison.SpendShift(
                    supplier: "Borta Bomull AB", orgNumber: "212000-0142", previous: Amount(micros: 700_000_000_000),
                    current: .zero),
            ])

        let folder = try TemporaryFolder()
        let path = folder.path("report.xlsx")
        try ReportWorkbook.write(current, comparison: comparison, to: path)
        let report = try XlsxProbe.read(path)
        #expect(report.sheets.map(\.name).prefix(2) == ["Översikt", "Förändringar"])
        let sheet = try report.sheet("Förändringar")
        let texts = sheet.cells.flatMap { $0 }.compactMap { cell -> String? in
            if case .string(let text) = cell.v { return text }
            return nil
        }
        for expected in [
            "Nya på högrisklistan", "Textilia AB", "Ny leverantör", "Risken höjd från Medel",
            "Borta från högrisklistan",
            "Borta Bomull AB", "Ingen spend denna period", "Ändrad sammanlagd risk", "MR: Medel → Hög",
            "Spendförändringar",
        ] {
            #expect(texts.contains { $0.contains(expected) }, "\(expected)")
        }
        #expect(!texts.contains(coffee.reason), "reasons are on the detail sheet, not in every row")
        #expect(sheet.print.orientation == "landscape")

        let details = try report.sheet("Förändringar, detaljer")
        let rows = details.cells.map { row in
            row.map { cell -> String in
                if case .string(let text) = cell.v { return text }
                return ""
            }
        }
        let coffeeRow = try #require(rows.first { $0.first == coffee.supplierName && $0[3] == "Mänskliga rättigheter" })
        #expect(Array(coffeeRow[4...5]) == ["Medel", "Hög"])
        #expect(coffeeRow[7] == coffee.reason, "last period's reason beside this period's")
    }

    @Test("the default threshold is the materiality of settings.csv for this period's total")
    func materialShift() {
        let settings = PrioritySettings(
            priority1MinShareMillionths: 5_000, priority1MinSpend: Amount(micros: 500_000_000_000),
            priority2MinSpend: Amount(micros: 50_000_000_000))
        // 0.5 % of 20 000 000 is 100 000, below 500 000.
        #expect(
            RegisterComparison.materialShift(settings: settings, total: Amount(micros: 20_000_000_000_000))
                == Amount(micros: 100_000_000_000))
        #expect(
            RegisterComparison.materialShift(settings: settings, total: Amount(micros: 400_000_000_000_000))
                == Amount(micros: 500_000_000_000))
        #expect(RegisterComparison.materialShift(settings: settings, total: .zero) == Amount(micros: 500_000_000_000))
    }

    @Test("a workbook that is not a register is refused")
    func notARegister() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("plan.xlsx")
        try PlanWorkbook.write(try AnalysisFixture.result(.en), to: path)
        #expect {
            try PreviousRegister.read(path: path, areas: AnalysisFixture.areaNames())
        } throws: { error in
            (error as? PreviousPeriodError)?.description.contains("kedja register") == true
        }
    }
}
