import KedjaModel
import Testing

@Suite("Countries and country risk")
struct TemplateCountryTests {
    @Test(arguments: ["Bangladesh", "BD", "BGD", "bangladesh ", "Folkrepubliken Bangladesh"])
    func findsBangladesh(name: String) throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.country(named: name)?.alpha2 == "BD")
    }

    @Test func bangladeshIsHighForLabourAndCorruption() throws {
        let templates = try TemplateFixtures.bundled()
        let risk = templates.countryRisk("BD")
        let labour = try #require(risk[.labourRights])
        #expect(labour.level == .high)
        #expect(labour.index == "ituc")
        #expect(labour.value == "5")
        #expect(labour.edition == "2026")
        let corruption = try #require(risk[.antiCorruption])
        #expect(corruption.level == .high)
        #expect(corruption.value == "24")
        #expect(corruption.source == "Transparency International, Corruption Perceptions Index 2025")
        #expect(risk[.humanRights]?.level == .medium, "Freedom House: partly free")
        #expect(risk[.environment] == nil, "no environmental index: not assessed")
    }

    @Test(arguments: ["Sverige", "SE", "Sweden", "SWE", "sverige"])
    func findsSweden(name: String) throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.country(named: name)?.alpha2 == "SE")
    }

    @Test func swedenIsLowWhereAssessed() throws {
        let templates = try TemplateFixtures.bundled()
        let profile = templates.countryRiskProfile("SE")
        #expect(
            profile == RiskProfile(humanRights: .low, labourRights: .low, environment: .unknown, antiCorruption: .low))
        #expect(templates.countryRisk("se")[.antiCorruption]?.value == "80")
    }

    @Test func findsCommonVariants() throws {
        let templates = try TemplateFixtures.bundled()
        let expected = [
            "Storbritannien": "GB", "UK": "GB", "England": "GB", "USA": "US", "U.S.A.": "US",
            "Förenta staterna": "US", "forenta staterna": "US", "Holland": "NL", "Nederländerna": "NL",
            "Kina": "CN", "Folkrepubliken Kina": "CN", "Côte d'Ivoire": "CI", "Elfenbenskusten": "CI",
            "Sydkorea": "KR", "Tyskland": "DE", "Kosovo": "XK", "XK": "XK",
        ]
        for (name, alpha2) in expected {
            #expect(templates.country(named: name)?.alpha2 == alpha2, "\(name)")
        }
        #expect(templates.country(named: "Atlantis") == nil)
        #expect(templates.country(named: " ") == nil)
    }

    @Test func notAssessedStaysNotAssessed() throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.countryRisk("XK")[.labourRights] == nil, "ITUC does not rate Kosovo")
        #expect(templates.countryRisk("XK")[.antiCorruption]?.level == .medium)
        #expect(templates.countryRisk("ZZ").isEmpty)
        #expect(templates.countryRiskProfile("ZZ") == .unassessed)
    }

    @Test func ratingsFollowTheBands() throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.countryRisk("AF")[.labourRights]?.value == "5+")
        #expect(templates.countryRisk("AF")[.labourRights]?.level == .high)
        #expect(templates.countryRisk("CN")[.humanRights]?.level == .high, "Freedom House: not free")
        #expect(templates.countryRisk("CN")[.antiCorruption]?.level == .medium, "CPI 43")
        #expect(templates.countryIndexValues("SE").contains { $0.index == "fh_score" && $0.value == "99" })
    }
}
