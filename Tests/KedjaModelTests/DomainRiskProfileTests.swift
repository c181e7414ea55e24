import KedjaModel
import Testing

@Suite("Risk profiles")
struct DomainRiskProfileTests {
    @Test func combinesLayersPerAreaAmongTheAssessed() {
        let category = RiskProfile(
            humanRights: .high, labourRights: .low, environment: .unknown, antiCorruption: .unknown)
        let country = RiskProfile(
            humanRights: .low, labourRights: .high, environment: .unknown, antiCorruption: .medium)
        #expect(
            category.combined(with: country)
                == RiskProfile(
                    humanRights: .high, labourRights: .high, environment: .unknown, antiCorruption: .medium))
        #expect(category.combined(with: .unassessed) == category)
    }

    @Test func overallIsTheHighestAssessedArea() {
        #expect(RiskProfile(environment: .low).overall == .low)
        #expect(RiskProfile(humanRights: .medium, antiCorruption: .high).overall == .high)
        #expect(RiskProfile.unassessed.overall == .unknown)
    }

    @Test func subscriptReadsAndWritesEachArea() {
        var profile = RiskProfile()
        for (offset, area) in RiskArea.allCases.enumerated() {
            profile[area] = RiskLevel(rawValue: offset) ?? .unknown
        }
        #expect(
            profile
                == RiskProfile(humanRights: .unknown, labourRights: .low, environment: .medium, antiCorruption: .high))
        #expect(RiskArea.allCases.map { profile[$0] } == [.unknown, .low, .medium, .high])
    }
}
