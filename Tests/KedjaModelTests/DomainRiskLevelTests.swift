import KedjaModel
import Testing

@Suite("Risk levels and areas")
struct DomainRiskLevelTests {
    @Test func codesAndLabels() throws {
        #expect(RiskLevel.allCases.map(\.code) == ["unknown", "low", "medium", "high"])
        #expect(RiskLevel.allCases.map { $0.label(.sv) } == ["Okänd", "Låg", "Medel", "Hög"])
        #expect(RiskLevel.allCases.map { $0.label(.en) } == ["Unknown", "Low", "Medium", "High"])
        #expect(
            RiskArea.allCases.map(\.rawValue) == ["human_rights", "labour_rights", "environment", "anti_corruption"])
        let names = try TemplateFixtures.bundled().areaNames
        #expect(
            RiskArea.allCases.map { names.label($0, .en) } == [
                "Human rights", "Labour rights", "Environment", "Anti-corruption",
            ])
        #expect(names.label(.labourRights, .sv) == "Arbetares rättigheter")
        #expect(names.word(.antiCorruption, .sv) == "anti-korruption")
        #expect(names.shortLabel(.environment, .sv) == "MI")
    }

    @Test(arguments: [
        ("high", RiskLevel.high), ("Hög", .high), ("hog", .high), (" MEDIUM ", .medium), ("medel", .medium),
        ("låg", .low), ("Low", .low), ("okänd", .unknown), ("unknown", .unknown),
    ])
    func readsEnglishAndSwedish(text: String, level: RiskLevel) {
        #expect(RiskLevel(code: text) == level)
    }

    @Test func rejectsAnythingElse() {
        #expect(RiskLevel(code: "") == nil)
        #expect(RiskLevel(code: "hgh") == nil)
        #expect(RiskLevel(code: "3") == nil)
    }

    @Test func highestAssessedIgnoresUnknown() {
        #expect(RiskLevel.highestAssessed([.unknown, .low]) == .low)
        #expect(RiskLevel.highestAssessed([.medium, .unknown, .high]) == .high)
        #expect(RiskLevel.highestAssessed([.unknown, .unknown]) == .unknown)
        #expect(RiskLevel.highestAssessed([]) == .unknown)
        #expect(!RiskLevel.unknown.isAssessed)
        #expect(RiskLevel.low.isAssessed)
    }
}
