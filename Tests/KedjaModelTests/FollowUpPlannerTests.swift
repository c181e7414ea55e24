import Foundation
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaModel

/// The follow-up plan per supplier: one cascade per supplier, the first step planned and the rest conditional,
/// capacity per plan year, coverage by recent audits, and contracts that end.
@Suite struct FollowUpPlannerTests {
    static let start = CivilDate(year: 2026, month: 1, day: 1)!

    /// A priority 1 goods row of the built-in textiles or electronics category for `supplier`.
    static func row(_ supplier: String, cpv: String = "18100000", spend: Int) throws -> RegisterRow {
        let templates = try TemplateSet.load(from: .builtIn)
        let category = try #require(templates.categoryForCPV(cpv))
        var row = RegisterRow(
            supplierKey: supplier, supplierName: supplier, orgNumber: nil, country: nil, category: category,
            categorySource: .cpv, spend: Amount(micros: Int128(spend) * 1_000_000), lines: 1, share: 0.1,
            levels: category.levels, priority: 1, reason: "", tasks: [],
            followUp: templates.followUp(priority: 1), matchedSupplierList: false)
        row.recommendedCondition = .advanced
        return row
    }

    static func plan(
        _ rows: [RegisterRow], settings: PlanningSettings = PlanningSettings(), audits: AuditList = AuditList()
    )
        throws -> [PlannedTask]
    {
        let templates = try TemplateSet.load(from: .builtIn)
        return FollowUpPlanner.plan(
            rows: rows, tasks: templates.tasks, start: start,
            context: FollowUpContext(audits: audits, settings: settings, language: .en))
    }

    static func contract(end: CivilDate) -> Contract {
        Contract(
            id: "A-1", supplierID: "", orgNumber: nil, supplierName: "Textil AB", category: nil, categoryText: "",
            start: nil, end: end, conditions: .basic, codeOfConduct: true, line: 2)
    }

    @Test func oneSelfAssessmentCoversAllTheSuppliersCategories() throws {
        let plan = try Self.plan([
            try Self.row("Textil AB", spend: 900_000), try Self.row("Textil AB", cpv: "30200000", spend: 800_000),
        ])
        #expect(plan.filter { $0.step.taskID == "O1" }.count == 1)
        #expect(plan.allSatisfy { $0.otherCategories.map(\.code) == ["30200000"] })
        #expect(plan.map(\.status) == [.planned] + Array(repeating: .conditional, count: plan.count - 1))
        #expect(plan.first { $0.step.taskID == "O2" }?.note.contains("self-assessment") == true)
    }

    @Test func onSiteAuditsAreSpreadOverPlanYearsWithinTheCapacity() throws {
        var settings = PlanningSettings()
        settings.onsiteAuditsPerYear = 1
        let plan = try Self.plan(
            [
                try Self.row("A", spend: 3_000_000), try Self.row("B", spend: 2_000_000),
                try Self.row("C", spend: 1_000_000),
            ], settings: settings)
        let onsite = plan.filter { $0.step.taskID == "O3" }
        #expect(onsite.count == 3)
        let years = onsite.map { FollowUpPlanner.planYear(of: $0.due, start: Self.start) }
        #expect(Set(years).count == 3, "one on-site audit per plan year: \(years)")
        // The supplier with the most spend goes first; the others' on-site audits wait a year each, and say so, while
        // every self-assessment keeps its date.
        #expect(onsite.map(\.row.supplierName) == ["A", "B", "C"])
        #expect(
            plan.first { $0.row.supplierName == "C" && $0.step.taskID == "O3" }?.note.contains("plan year 3") == true)
        #expect(Set(plan.filter { $0.step.taskID == "O1" }.map(\.due)).count == 1)
    }

    /// Labour-law conditions a works contract already has make the check of them due now, not conditional on
    /// conditions being put in.
    @Test func aContractThatHasTheConditionsMakesTheirCheckPlanned() throws {
        let templates = try TemplateSet.load(from: .builtIn)
        var row = try Self.row("Bygg AB", cpv: "45000000", spend: 900_000)
        row.followUp = templates.followUp(priority: 1, track: .labourConditions, performedInSweden: true)
        row.recommendedCondition = .collectiveAgreement
        let without = try Self.plan([row])
        #expect(without.map(\.step.taskID).prefix(2) == ["T4", "O2"])
        #expect(without.map(\.status).prefix(2) == [.planned, .conditional])

        var contract = Self.contract(end: CivilDate(year: 2029, month: 6, day: 30)!)
        contract.conditions = .collectiveAgreement
        row.contract = contract
        let with = try Self.plan([row])
        #expect(with.map(\.status).prefix(3) == [.covered, .planned, .conditional])
        #expect(with[1].note.contains("contract A-1 already has the conditions"), "\(with[1].note)")
    }

    @Test func aContractWithLessThanAYearLeftMovesFollowUpToTheNextProcurement() throws {
        var row = try Self.row("Textil AB", spend: 900_000)
        row.contract = Self.contract(end: CivilDate(year: 2026, month: 6, day: 30)!)
        let plan = try Self.plan([row])
        #expect(plan.count == 1)
        #expect(plan[0].movedToNextProcurement && plan[0].due <= row.contract!.end)
        #expect(plan[0].note.contains("next procurement"))
    }

    @Test func stepsThatCapacityPushesPastTheContractsEndMoveToTheNextProcurement() throws {
        var settings = PlanningSettings()
        settings.onsiteAuditsPerYear = 1
        var second = try Self.row("Textil AB", spend: 900_000)
        second.contract = Self.contract(end: CivilDate(year: 2027, month: 3, day: 1)!)
        let plan = try Self.plan([try Self.row("Först AB", spend: 2_000_000), second], settings: settings)
        let textile = plan.filter { $0.row.supplierName == "Textil AB" }
        #expect(textile.allSatisfy { $0.due <= second.contract!.end })
        #expect(textile.first?.step.taskID == "O1" && textile.first?.status == .planned)
        #expect(textile.last?.movedToNextProcurement == true)
        #expect(textile.last?.step.taskID == "T4")
        #expect(textile.last?.note.contains("after the contract's end") == true)
    }

    @Test func aRecentJointAuditCoversTheStepsItIsAtLeastAsStrictAsAndAnOldOneIsHistory() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-audits")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("audits.csv").path
        try Data(
            """
            Leverantör;Datum;Typ;Resultat;Källa
            A;2024-05-01;kontorsrevision;inga avvikelser;Hållbarhetskollen
            B;2022-12-31;revision på plats;;amfori BSCI

            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let templates = try TemplateSet.load(from: .builtIn)
        let audits = try AuditList(
            path: path, vocabulary: try ContractVocabulary.load(from: .builtIn), legalForms: templates.legalForms)
        let plan = try Self.plan(
            [try Self.row("A", spend: 2_000_000), try Self.row("B", spend: 1_000_000)], audits: audits)
        func status(_ supplier: String, _ task: String) -> PlanStepStatus? {
            plan.first { $0.row.supplierName == supplier && $0.step.taskID == task }?.status
        }
        #expect(status("A", "O1") == .covered)
        #expect(status("A", "O2") == .covered)
        #expect(status("A", "O3") == .conditional, "a desk audit does not cover an on-site audit")
        #expect(
            plan.first { $0.row.supplierName == "A" && $0.step.taskID == "O2" }?.note.contains("Hållbarhetskollen")
                == true)
        #expect(status("B", "O1") == .planned, "an audit more than 3 years old covers nothing")
        #expect(plan.first { $0.row.supplierName == "B" && $0.step.taskID == "O3" }?.note.contains("History") == true)
    }
}
