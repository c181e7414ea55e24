import Foundation
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaModel

/// The recommended condition level (DOMAIN.md, "Conditions and follow-up in practice") and how contract levels and
/// audit kinds are read and compared.
@Suite struct ConditionLevelTests {
    static func category(_ cpv: String) throws -> Category {
        try #require(try TemplateSet.load(from: .builtIn).categoryForCPV(cpv))
    }

    @Test func goodsWithAHighAreaGetAdvancedConditionsWhereTheSpendIsMaterialAndBasicOtherwise() throws {
        let textiles = try Self.category("18100000")
        let settings = PlanningSettings()
        #expect(
            ConditionLevel.recommended(category: textiles, overall: .high, priority: 1, settings: settings) == .advanced
        )
        #expect(
            ConditionLevel.recommended(category: textiles, overall: .high, priority: 2, settings: settings) == .advanced
        )
        #expect(
            ConditionLevel.recommended(category: textiles, overall: .high, priority: 3, settings: settings) == .basic)
        var strict = settings
        strict.advancedConditionsMaxPriority = 1
        #expect(ConditionLevel.recommended(category: textiles, overall: .high, priority: 2, settings: strict) == .basic)
    }

    @Test func goodsWithMediumOrUnknownRiskGetBasicAndLowTheCodeOfConductOnly() {
        let settings = PlanningSettings()
        #expect(ConditionLevel.recommended(category: nil, overall: .medium, priority: 2, settings: settings) == .basic)
        #expect(ConditionLevel.recommended(category: nil, overall: .unknown, priority: 2, settings: settings) == .basic)
        #expect(ConditionLevel.recommended(category: nil, overall: .low, priority: 3, settings: settings) == .none)
    }

    @Test func servicesAndWorksInSwedenWithALabourRiskGetCollectiveAgreementConditions() throws {
        let construction = try Self.category("45000000")
        #expect(construction.needsLabourConditions)
        let settings = PlanningSettings()
        #expect(
            ConditionLevel.recommended(category: construction, overall: .high, priority: 1, settings: settings)
                == .collectiveAgreement)
        let electrical = try Self.category("45310000")
        #expect(!electrical.needsLabourConditions)
        #expect(
            ConditionLevel.recommended(category: electrical, overall: .low, priority: 3, settings: settings) == .none)
    }

    @Test(arguments: [
        ("ingen", ConditionLevel.none), ("None", .none), ("bas", .basic), ("Basic", .basic), ("AVANCERAD", .advanced),
        ("advanced", .advanced), ("kollektivavtal", .collectiveAgreement),
        ("collective-agreement", .collectiveAgreement),
        ("Collective agreement", .collectiveAgreement),
    ])
    func readsConditionLevelsInSwedishAndEnglish(text: String, level: ConditionLevel) {
        #expect(ConditionLevel(text: text) == level)
    }

    @Test func aContractMeetsARecommendationWithConditionsAtLeastAsStrictOfTheSameKind() {
        #expect(ConditionLevel.advanced.meets(.basic))
        #expect(!ConditionLevel.basic.meets(.advanced))
        #expect(ConditionLevel.none.meets(.none))
        #expect(!ConditionLevel.collectiveAgreement.meets(.basic), "labour-law conditions say nothing of a chain")
        #expect(!ConditionLevel.advanced.meets(.collectiveAgreement))
        #expect(ConditionLevel.collectiveAgreement.meets(.collectiveAgreement))
        #expect(ConditionLevel(text: "hög") == nil)
    }

    @Test func auditKindsAreReadInBothLanguagesAndOrderedByStrictness() {
        #expect(AuditKind(text: "Revision på plats") == .onSite)
        #expect(AuditKind(text: "desk audit") == .desk)
        #expect(AuditKind(text: "Självskattning") == .selfAssessment)
        #expect(AuditKind(text: "intervju") == nil)
        #expect(AuditKind.onSite > .desk && AuditKind.desk > .selfAssessment)
        #expect(AuditKind(taskID: "O3") == .onSite && AuditKind(taskID: "O4") == nil)
    }
}
