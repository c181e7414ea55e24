import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

/// A small analysis built by hand: textiles high risk priority 1, coffee priority 2, consultancy low priority 3,
/// and unclassified spend of unknown risk, with a plan, one reject and data-quality figures.
enum AnalysisFixture {
    static let textiles = Category(
        code: "18000000", nameSv: "Kläder, skor och textilier", nameEn: "Clothing, footwear and textiles",
        levels: RiskProfile(humanRights: .high, labourRights: .high, environment: .high, antiCorruption: .high))
    static let coffee = Category(
        code: "15860000", nameSv: "Kaffe, te och kakao", nameEn: "Coffee, tea and cocoa",
        levels: RiskProfile(humanRights: .high, labourRights: .high, environment: .medium, antiCorruption: .high))
    static let consultancy = Category(
        code: "79400000", nameSv: "Konsulttjänster", nameEn: "Consultancy services",
        levels: RiskProfile(humanRights: .low, labourRights: .low, environment: .low, antiCorruption: .low))
    static let china = Country(alpha2: "CN", alpha3: "CHN", nameEn: "China", nameSv: "Kina")
    static let sweden = Country(alpha2: "SE", alpha3: "SWE", nameEn: "Sweden", nameSv: "Sverige")

    static let textilesSpend = Amount(micros: 1_234_567_890_000)  // 1 234 567,89
    static let coffeeSpend = Amount(micros: 98_765_430_000)  // 98 765,43
    static let unclassifiedSpend = Amount(micros: 45_678_010_000)  // 45 678,01
    static let consultancySpend = Amount(micros: 250_000_100_000)  // 250 000,10
    /// 1 629 011,43: the exact sum of the four rows.
    static let total = Amount(micros: 1_629_011_430_000)

    static func task(_ id: String, _ textSv: String, _ textEn: String) -> PhaseTask {
        PhaseTask(
            id: id, level: id.hasPrefix("T") ? .tactical : .operative, phaseSv: "Följa upp", phaseEn: "Follow up",
            textSv: textSv, textEn: textEn, trigger: PhaseTask.Trigger(minimumRisk: .any, maxPriority: 3))
    }

    static let chainAnalysis = task("T2", "Riskanalys av kedjan", "Risk analysis of the chain")
    static let selfAssessment = task("O1", "Självskattning", "Self-assessment questionnaire")
    static let deskAudit = task("O2", "Kontorsrevision", "Desk audit")
    static let onSiteAudit = task("O3", "Revision på plats", "On-site audit")

    static func step(_ priority: Int, _ step: Int, _ task: PhaseTask, days: Int) -> FollowUpStep {
        FollowUpStep(
            priority: priority, step: step, taskID: task.id, methodSv: task.textSv, methodEn: task.textEn,
            offsetDays: days)
    }

    static let priority1Steps = [
        step(1, 1, selfAssessment, days: 0), step(1, 2, deskAudit, days: 60), step(1, 3, onSiteAudit, days: 120),
    ]
    static let priority2Steps = [step(2, 1, selfAssessment, days: 0), step(2, 2, deskAudit, days: 90)]
    static let priority3Steps = [
        FollowUpStep(
            priority: 3, step: 1, taskID: "S1", methodSv: "Uppförandekod i avtalet",
            methodEn: "Code of conduct in the contract", offsetDays: 0)
    ]

    static func row(
        _ supplier: String, org: String?, country: Country?, category: Category?, spend: Amount, levels: RiskProfile,
        priority: Int, tasks: [PhaseTask], followUp: [FollowUpStep]
    ) -> RegisterRow {
        RegisterRow(
            supplierKey: supplier.lowercased(), supplierName: supplier, orgNumber: org, country: country,
            category: category, categorySource: category == nil ? .none : .cpv, spend: spend, lines: 3,
            share: spend.fraction(of: total), levels: levels, priority: priority,
            reason: "Kategori \(category?.code ?? "saknas"); land \(country?.alpha2 ?? "okänt")", tasks: tasks,
            followUp: followUp, matchedSupplierList: category != nil)
    }

    /// The register rows in the analysis's order: priority, then spend descending.
    static let rows = [
        row(
            "Textilia AB", org: "556036-0793", country: china, category: textiles, spend: textilesSpend,
            levels: textiles.levels, priority: 1, tasks: [chainAnalysis, selfAssessment, deskAudit, onSiteAudit],
            followUp: priority1Steps),
        row(
            "Kaffekompaniet AB", org: "212000-1967", country: sweden, category: coffee, spend: coffeeSpend,
            levels: coffee.levels, priority: 2, tasks: [chainAnalysis, selfAssessment], followUp: priority2Steps),
        row(
            "Okänd Handel", org: nil, country: nil, category: nil, spend: unclassifiedSpend, levels: .unassessed,
            priority: 2, tasks: [chainAnalysis], followUp: priority2Steps),
        row(
            "Konsultbolaget i Norden AB", org: "556036-0793", country: sweden, category: consultancy,
            spend: consultancySpend, levels: consultancy.levels, priority: 3, tasks: [], followUp: priority3Steps),
    ]

    static let rejects = [
        RejectedRecord(record: 8, line: 10, reason: .amount(field: "n/a", .notANumber)),
        RejectedRecord(record: 21, line: 24, reason: .fieldCount(found: 3, header: 9)),
    ]

    /// 2026-01-05, a Monday.
    static func planStart() throws -> CivilDate {
        try #require(CivilDate(year: 2026, month: 1, day: 5))
    }

    /// One planned task per cascade step of each row, by due date.
    static func plan(start: CivilDate) throws -> [PlannedTask] {
        let tasks = [selfAssessment, deskAudit, onSiteAudit]
        var plan: [PlannedTask] = []
        for row in rows {
            for step in row.followUp {
                let due = try #require(start.adding(days: step.offsetDays))
                plan.append(PlannedTask(row: row, step: step, task: tasks.first { $0.id == step.taskID }, due: due))
            }
        }
        return plan.sorted { $0.due < $1.due }
    }

    static func quality() -> DataQuality {
        var quality = DataQuality()
        quality.suppliers = 4
        quality.supplierListGiven = true
        quality.unmatchedSuppliers = 1
        quality.unmatchedSupplierNames = ["Okänd Handel"]
        quality.linesWithoutCountry = 3
        quality.unknownCountryNames = ["Kína": 2, "Atlantis": 1]
        quality.linesWithoutCategory = 3
        quality.spendWithoutCategory = unclassifiedSpend
        quality.spendBySource = [.cpv: textilesSpend + coffeeSpend + consultancySpend, .none: unclassifiedSpend]
        return quality
    }

    /// The repository's rule tables, loaded once.
    static func bundledTemplates() throws -> TemplateSet { try loadedTemplates.get() }
    private static let loadedTemplates = Result {
        try TemplateSet.load(from: TestLocations.packageRoot.appendingPathComponent("Templates"))
    }

    /// The repository's names of the risk areas.
    static func areaNames() throws -> RiskAreaNames { try bundledTemplates().areaNames }

    /// The whole analysis in `language`, with or without rejects.
    static func result(_ language: Language, withRejects: Bool = true) throws -> AnalysisResult {
        var counts = IngestionCounts()
        counts.rowsAccepted = 12
        counts.rowsRejected = withRejects ? rejects.count : 0
        counts.rowsRead = counts.rowsAccepted + counts.rowsRejected
        counts.amountTotal = total
        let start = try planStart()
        return AnalysisResult(
            rows: rows, total: total, counts: counts, rejects: withRejects ? rejects : [], quality: quality(),
            sources: [
                TemplateSource(
                    file: "categories.csv",
                    source: "Upphandlingsmyndigheten, riskanalyser för högriskkategorier", year: "2019"),
                TemplateSource(file: "country-indices.csv", source: "Transparency International CPI", year: "2025"),
            ],
            legalForms: try bundledTemplates().legalForms, areaNames: try bundledTemplates().areaNames,
            language: language, plan: try plan(start: start), planStart: start)
    }
}

/// A fresh folder for one test's workbooks, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = try TestLocations.temporaryDirectory(prefix: "kedja-reports")
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path for `name` inside the folder.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}
