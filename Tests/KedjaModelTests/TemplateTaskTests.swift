import KedjaModel
import Testing

@Suite("Tasks and follow-up")
struct TemplateTaskTests {
    private func taskIDs(_ levels: RiskProfile, priority: Int) throws -> [String] {
        let templates = try TemplateFixtures.bundled()
        return templates.tasks(for: levels, overall: levels.overall, priority: priority).map(\.id)
    }

    private let high = RiskProfile(humanRights: .high, labourRights: .high, environment: .medium, antiCorruption: .high)
    private let medium = RiskProfile(humanRights: .medium, labourRights: .low, environment: .low, antiCorruption: .low)
    private let low = RiskProfile(humanRights: .low, labourRights: .low, environment: .low, antiCorruption: .low)

    @Test func listsTheAgencyTasksInOrder() throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.tasks.map(\.id) == ["S1", "S2", "S3", "T1", "T2", "T3", "T4", "O1", "O2", "O3", "O4", "O5"])
        let mapping = try #require(templates.tasks.first { $0.id == "T2" })
        #expect(mapping.level == .tactical)
        #expect(mapping.phase(.sv) == "Kartlägga")
        #expect(mapping.text(.en).hasPrefix("Risk analysis of the product's chain"))
    }

    // These cases are the table in Templates/README.md ("Which tasks apply").
    @Test func highRiskPriorityOneGetsTheWholeModel() throws {
        #expect(
            try taskIDs(high, priority: 1) == ["S1", "S2", "S3", "T1", "T2", "T3", "T4", "O1", "O2", "O3", "O4", "O5"])
    }

    @Test func highRiskBelowMaterialityGetsProcurementAndDeskFollowUp() throws {
        #expect(try taskIDs(high, priority: 2) == ["S1", "S2", "T1", "T2", "T3", "T4", "O1", "O2"])
    }

    @Test func mediumRiskGetsConditionsAndSelfAssessment() throws {
        #expect(try taskIDs(medium, priority: 2) == ["S1", "S2", "T1", "T2", "T3", "T4", "O1"])
        #expect(try taskIDs(medium, priority: 3) == ["S1", "S2"])
    }

    @Test func unknownRiskNeedsMapping() throws {
        #expect(try taskIDs(.unassessed, priority: 2) == ["S1", "S2", "T1", "T2"])
        #expect(try taskIDs(.unassessed, priority: 3) == ["S1", "S2"])
    }

    @Test func lowRiskGetsTheCodeOfConductOnly() throws {
        #expect(try taskIDs(low, priority: 3) == ["S1"])
    }

    @Test func onSiteAuditNeedsAHighAreaAtTheFactory() throws {
        let corruptionOnly = RiskProfile(
            humanRights: .low, labourRights: .low, environment: .low, antiCorruption: .high)
        #expect(try !taskIDs(corruptionOnly, priority: 1).contains("O3"))
        #expect(try taskIDs(corruptionOnly, priority: 1).contains("O2"))
    }

    @Test func followUpCascadesPerPriority() throws {
        let templates = try TemplateFixtures.bundled()
        let first = templates.followUp(priority: 1)
        try #require(first.map(\.taskID) == ["O1", "O2", "O3", "O4", "O5"])
        #expect(first.map(\.offsetDays) == [30, 90, 150, 210, 365])
        #expect(templates.followUp(priority: 2).map(\.offsetDays) == [30, 120])
        #expect(templates.followUpSteps.allSatisfy { $0.offsetDays > 0 }, "nothing is due on the plan's first day")
        #expect(templates.followUp(priority: 3).map(\.taskID) == ["S1"])
        #expect(templates.followUp(priority: 4).isEmpty)
        #expect(first[0].method(.sv) == "Självskattning")
    }
}
