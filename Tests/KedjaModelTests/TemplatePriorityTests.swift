import KedjaModel
import Tabular
import Testing

@Suite("Materiality and priority")
struct TemplatePriorityTests {
    private func amount(_ text: String) throws -> Amount { try #require(Amount(text)) }

    @Test func bundledThresholds() throws {
        let settings = try TemplateFixtures.bundled().settings
        #expect(settings.priority1MinShareMillionths == 5_000)
        #expect(settings.priority1MinShare == 0.005)
        #expect(settings.priority1MinSpend == (try amount("500000")))
        #expect(settings.priority2MinSpend == (try amount("50000")))
    }

    @Test func materialBySpendOrByShare() throws {
        let settings = try TemplateFixtures.bundled().settings
        let total = try amount("1000000000")
        #expect(settings.isMaterial(spend: try amount("500000"), total: total))
        #expect(!settings.isMaterial(spend: try amount("499999.99"), total: total))
        let smallTotal = try amount("2000000")
        #expect(settings.isMaterial(spend: try amount("10000"), total: smallTotal), "exactly 0.5 %")
        #expect(!settings.isMaterial(spend: try amount("9999.99"), total: smallTotal))
        #expect(!settings.isMaterial(spend: try amount("100"), total: .zero), "no shares of a zero total")
    }

    @Test func priorityFollowsRiskAndMateriality() throws {
        let settings = try TemplateFixtures.bundled().settings
        let total = try amount("1000000000")
        #expect(settings.priority(overall: .high, spend: try amount("600000"), total: total) == 1)
        #expect(settings.priority(overall: .high, spend: try amount("100000"), total: total) == 2)
        #expect(settings.priority(overall: .high, spend: try amount("10000"), total: total) == 3)
        #expect(settings.priority(overall: .medium, spend: try amount("600000"), total: total) == 2)
        #expect(settings.priority(overall: .medium, spend: try amount("100000"), total: total) == 3)
        #expect(settings.priority(overall: .unknown, spend: try amount("600000"), total: total) == 2)
        #expect(settings.priority(overall: .low, spend: try amount("90000000"), total: total) == 3)
    }
}
