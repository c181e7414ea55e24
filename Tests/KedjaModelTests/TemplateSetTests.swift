import Foundation
import KedjaTestSupport
import Testing

@testable import KedjaModel

/// The bundled templates and the reference material.
enum TemplateFixtures {
    static let templatesDirectory = TestLocations.packageRoot.appendingPathComponent("Templates", isDirectory: true)
    static let cpvList = TestLocations.testData("reference/cpv2008-en.csv")

    private static let loaded = Result { try TemplateSet.load(from: templatesDirectory) }

    /// The repository's template set, loaded once for all tests.
    static func bundled() throws -> TemplateSet { try loaded.get() }

    /// A copy of the bundled tables in a fresh temporary folder, to break on purpose.
    ///
    /// Copies file by file from the resolved folder, so a symlinked `Templates/` is never edited through.
    static func copyOfBundled() throws -> URL {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-templates")
        let source = templatesDirectory.resolvingSymlinksInPath()
        for file in TemplateSet.tableFileNames {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        return folder
    }

    /// Rewrites one physical line (from 1) of a table, keeping its BOM and CRLF line endings.
    static func replaceLine(_ number: Int, of file: String, in folder: URL, with transform: (String) -> String) throws {
        let url = folder.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
        lines[number - 1] = transform(lines[number - 1])
        try lines.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// Appends a data row to a table.
    static func appendRow(_ row: String, to file: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + row + "\r\n").write(to: url, atomically: true, encoding: .utf8)
    }
}

@Suite("Bundled template set")
struct TemplateSetTests {
    /// The CPV 2008 list compiled in (scripts/embed-cpv.py) is the reference list, code for code and check digit
    /// for check digit: a wrong check digit in a rule table is found without `--cpv`.
    @Test func compiledCPVListIsTheReferenceList() throws {
        let reference = try TemplateSet.readCPVCodeList(contentsOf: TemplateFixtures.cpvList)
        #expect(reference.count == 9_454)
        #expect(CPV2008.codes == reference)
    }

    @Test func loadsWithoutDoubts() throws {
        let templates = try TemplateFixtures.bundled()
        let codes = try TemplateSet.readCPVCodeList(contentsOf: TemplateFixtures.cpvList)
        #expect(templates.problems(cpvCodes: codes).map(\.description) == [])
        #expect(templates.problems().map(\.description) == [], "against the CPV 2008 list compiled in")
        #expect(templates.categories.count >= 20)
        #expect(templates.keywords.count >= 60)
        #expect(templates.tasks.count == 12)
    }

    @Test func everyCategoryCodeIsInCPV2008() throws {
        let templates = try TemplateFixtures.bundled()
        let listed = try TemplateSet.readCPVCodeList(contentsOf: TemplateFixtures.cpvList)
        #expect(listed.count == 9454)
        let digits = Set(listed.map { String($0.prefix(8)) })
        let named =
            templates.categories.map(\.code) + templates.keywords.map(\.cpvCode)
            + templates.accountGroups.compactMap(\.cpvCode)
        #expect(Set(templates.categories.map(\.code)).count >= 20)
        for code in named {
            #expect(digits.contains(code), "\(code) is not in CPV 2008")
        }
    }

    @Test func coversEveryCategoryInTheDomainNotes() throws {
        let templates = try TemplateFixtures.bundled()
        // Each code of the domain notes and the row that must rate it (a row may own several codes, so a
        // domain code can be one of them or fall under one by longest prefix), never a division-wide fallback.
        let domain: [(code: String, category: String)] = [
            ("18000000", "18000000"), ("19200000", "18000000"), ("39500000", "18000000"), ("30200000", "30200000"),
            ("30230000", "30200000"), ("32000000", "30200000"), ("33140000", "33140000"), ("33141420", "33140000"),
            ("18424300", "33140000"), ("39100000", "39100000"), ("24000000", "24000000"), ("39800000", "24000000"),
            ("44000000", "44000000"), ("14000000", "44000000"), ("37000000", "37000000"), ("15860000", "15860000"),
            ("15840000", "15860000"), ("15830000", "03211000"), ("15611000", "03211000"), ("15112000", "15112000"),
            ("90910000", "90910000"), ("55500000", "55500000"), ("15000000", "15000000"), ("98310000", "98310000"),
            ("33600000", "33600000"), ("09331200", "09331200"), ("31400000", "31400000"), ("03220000", "03220000"),
            ("03222111", "03220000"), ("03310000", "03310000"), ("45000000", "45000000"), ("79400000", "79400000"),
            ("72000000", "72000000"), ("79800000", "79800000"),
        ]
        let wrong = domain.filter { templates.categoryForCPV($0.code)?.code != $0.category }
        #expect(wrong.map { "\($0.code) → \(templates.categoryForCPV($0.code)?.code ?? "none")" } == [])
    }

    @Test func agencyRatingsAreAsPublished() throws {
        let templates = try TemplateFixtures.bundled()
        let coffee = try #require(templates.categoryForCPV("15860000"))
        #expect(
            coffee.levels
                == RiskProfile(humanRights: .high, labourRights: .high, environment: .medium, antiCorruption: .high))
        #expect(coffee.kind == .goods)
        #expect(
            coffee.stages[.rawMaterial]
                == RiskProfile(humanRights: .high, labourRights: .high, environment: .high, antiCorruption: .high))
        let rice = try #require(templates.categoryForCPV("15611000"))
        #expect(
            rice.levels
                == RiskProfile(humanRights: .medium, labourRights: .medium, environment: .high, antiCorruption: .medium)
        )
        let gloves = try #require(templates.categoryForCPV("33141420"))
        #expect(
            gloves.levels
                == RiskProfile(humanRights: .high, labourRights: .high, environment: .high, antiCorruption: .medium))
        #expect(gloves.source.contains("Upphandlingsmyndigheten"))
        #expect(gloves.url.hasPrefix("https://www.upphandlingsmyndigheten.se/riskanalyser/"))
        #expect(gloves.year == "2026", "the year the agency's page was read")
        let cleaning = try #require(templates.categoryForCPV("90911000"))
        #expect(cleaning.code == "90910000")
        #expect(cleaning.kind == .service)
        #expect(cleaning.labourConditions == .risk)
        #expect(cleaning.needsLabourConditions)
        #expect(cleaning.levels.labourRights == .high, "the agency finds a risk of unreasonable working conditions")
    }

    @Test func cpvLookupTakesTheLongestPrefix() throws {
        let templates = try TemplateFixtures.bundled()
        let textiles = try #require(templates.categoryForCPV("18100000"))
        #expect(textiles.code == "18000000")
        #expect(textiles.prefix == "18")
        #expect(textiles.levels.labourRights == .high)

        let coffee = try #require(templates.categoryForCPV(Array("15861000-1".utf8)))
        #expect(coffee.code == "15860000")
        #expect(coffee.nameEn == "Coffee, tea and cocoa (incl. chocolate)")

        let consultancy = try #require(templates.categoryForCPV("79411000"))
        #expect(consultancy.code == "79400000")
        #expect(
            consultancy.levels
                == RiskProfile(humanRights: .low, labourRights: .low, environment: .low, antiCorruption: .low))

        // 18424300 (gloves) starts with textiles' 18, but the medical consumables row owns the longer 184243.
        #expect(templates.categoryForCPV("18424300")?.code == "33140000")
        #expect(templates.categoryForCPV("15000000")?.code == "15000000")
        #expect(templates.categoryForCPV("15511000")?.code == "15500000", "milk falls under dairy's 155")
        #expect(
            templates.categoryForCPV("15981000")?.code == "15000000", "mineral water: only the food division covers it")
    }

    @Test func cpvLookupReadsSpendFileFields() throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.categoryForCPV("  18100000-0 Arbetskläder")?.code == "18000000")
        #expect(
            templates.categoryForCPV("3222111")?.code == "03220000", "a leading zero lost in Excel: 03222111, bananas")
        #expect(templates.categoryForCPV("") == nil)
        #expect(templates.categoryForCPV("181") == nil)
        #expect(templates.categoryForCPV("181000001") == nil)
        #expect(templates.categoryForCPV("75000000") == nil, "no category covers public administration services")
        let bytes: [UInt8] = Array("30213100-6".utf8)
        #expect(bytes.withUnsafeBufferPointer { templates.categoryForCPV($0) }?.code == "30200000")
    }

    @Test func accountLookupUsesTheLongestGroupWithACategory() throws {
        let templates = try TemplateFixtures.bundled()
        let office = try #require(templates.categoryForAccount(Array("6510 Kontorsmaterial".utf8)))
        #expect(office.group.prefix == "65")
        #expect(office.category.code == "30190000")
        #expect(templates.categoryForAccount(Array("70110".utf8))?.category.code == "60000000")
        #expect(templates.categoryForAccount(Array("64110".utf8)) == nil, "group 64 gives no hint")
        #expect(templates.categoryForAccount(Array("99".utf8)) == nil)
        #expect(templates.categoryForAccount(Array("Konto".utf8)) == nil)
    }

    @Test func namesItsSources() throws {
        let templates = try TemplateFixtures.bundled()
        let files = Set(templates.sources.map(\.file))
        #expect(files == ["categories.csv", "accounts.csv", "countries.csv", "country-indices.csv", "tasks.csv"])
        #expect(
            templates.sources.contains { $0.source.contains("Corruption Perceptions Index 2025") && $0.year == "2025" })
        #expect(templates.sources.contains { $0.source.contains("ITUC Global Rights Index 2026") })
        #expect(templates.sources.contains { $0.source.contains("iso-codes") })
    }
}
