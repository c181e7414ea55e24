import Foundation
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaModel

/// The rating rules a specialist checks row by row (DOMAIN.md): goods vs services performed in Sweden, the
/// combining rule, what is not procurement, matching, and reasons that name every input.
@Suite struct RatingRulesTests {
    static let supplierHeader =
        "Leverantörsnummer;Leverantörsnamn;Organisationsnummer;Land;Tillverkningsland;CPV-kod;Kategori\n"

    @Test func aCoffeeWholesalerNamedOnlyByItsCategoryTextIsCoffeeNotGenericFood() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantörsnummer;Leverantör;Belopp\n1;Norrlands Grossist AB;500 000,00\n",
            suppliers: Self.supplierHeader + "1;Norrlands Grossist AB;556036-0793;Sverige;Etiopien;;Livsmedel - kaffe\n"
        )
        let tag = tagged.tags[0]
        #expect(tag.categorySource == .supplier)
        let category = try #require(tag.category)
        #expect(category.nameSv.lowercased().contains("kaffe"), "the most specific category wins: \(category.nameSv)")
        #expect(category.kind == .goods)
        #expect(tag.country?.alpha2 == "ET", "the production country is used for goods")
        #expect(tag.levels.humanRights == .high)
        #expect(tag.levels.labourRights == .high)
    }

    @Test func aFuelDealerListedUnderTransportIsFuel() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantörsnummer;Leverantör;Belopp\n3;Strömbergs Drivmedel AB;80 000,00\n",
            suppliers: Self.supplierHeader + "3;Strömbergs Drivmedel AB;556036-0793;Sverige;;;Transporter och fordon\n")
        let category = try #require(tagged.tags[0].category)
        #expect(
            category.code.hasPrefix("091"),
            "the name's 'drivmedel' says more than the list's 'transport': \(category.code)")
        #expect(category.kind == .goods)
        #expect(
            tagged.reasons[tagged.tags[0].reasonID].contains(
                "which says more than the category 'Transporter och fordon'"))
    }

    @Test func theListsProductionCountryBeatsTheLinesRegisteredCountry() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantörsnummer;Leverantör;Land;CPV-kod;Belopp\n4;Möbelbolaget AB;Sverige;39130000;10 000,00\n",
            suppliers: Self.supplierHeader + "4;Möbelbolaget AB;556036-0793;Sverige;Kina;;\n")
        #expect(tagged.tags[0].country?.alpha2 == "CN", "where the goods are made beats where the line says")
        #expect(tagged.reasons[tagged.tags[0].reasonID].contains("production country"))
    }

    @Test func servicesInSwedenGetNoChainAnalysisAndNoFactoryAudit() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;CPV-kod;Belopp\nRena Lokaler AB;90910000;900 000,00\nAvfall AB;90500000;900 000,00\n")
        for row in tagged.result.rows {
            #expect(!row.tasks.contains { $0.id == "T2" || $0.id == "O3" }, "\(row.supplierName)")
            #expect(!row.followUp.contains { $0.taskID == "O3" }, "\(row.supplierName)")
        }
        #expect(!tagged.result.plan.contains { $0.step.taskID == "O3" })
    }

    @Test func aCompanyNamedAfterAPlaceIsNotAPublicBody() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Belopp\nStad & Land Städ AB;10,00\nRegion Syd Transport AB;10,00\nFalun\u{00A0}kommun;10,00\n")
        #expect(tagged.tags[0].categorySource != .excluded)
        #expect(tagged.tags[1].categorySource != .excluded)
        #expect(tagged.tags[2].categorySource == .excluded, "a no-break space separates words too")
    }

    @Test func aPurchaseWithItsOwnCPVCodeIsNeverTakenOutByItsAccount() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Organisationsnummer;Konto;CPV-kod;Beskrivning;Belopp\n"
                + "Kursbolaget AB;556036-0793;5810;80500000;Kurs i Excel;10 000,00\n"
                + "Kursbolaget AB;556036-0793;5810;;Löneväxling;5 000,00\n")
        #expect(tagged.tags[0].categorySource == .cpv)
        #expect(tagged.tags[1].categorySource == .excluded)
    }

    @Test func materialityAndSharesAreOfProcurementSpend() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Organisationsnummer;CPV-kod;Belopp\nFalun kommun;212000-2262;;9 000 000,00\n"
                + "Textil AB;556036-0793;18100000;1 000 000,00\n")
        let row = try #require(tagged.result.rows.first)
        #expect(row.share == 1, "the only purchase is all of the procurement spend")
        #expect(row.priority == 1)
    }

    @Test func theMostSpecificKeywordWinsAcrossTheLinesTexts() throws {
        let tagged = try SpendAnalyzerTests.analyse("Leverantör;Kontotext;Belopp\nGevalia Kaffe AB;Livsmedel;10,00\n")
        #expect(tagged.tags[0].category?.nameSv.lowercased().contains("kaffe") == true)
    }

    @Test func twoCategoriesMayNotShareTheirFirstCode() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("categories.csv")
        let text =
            try String(contentsOf: url, encoding: .utf8)
            + "30200000|30237000;Datortillbehör;Computer accessories;goods;low;low;low;low;;;Test.;Kedjas bedömning;;2026\r\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        let error = try #require(throws: TemplateError.self) { try TemplateSet.load(from: folder) }
        #expect(error.description.contains("30200000 already names the category on line"))
    }

    @Test func aChineseRegisteredBuilderIsRatedAsWorksInSwedenWithTheLabourConditionsTrack() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantörsnummer;Leverantör;CPV-kod;Beskrivning;Belopp\n5;China Build Co;45210000;Nybyggnad förskola;2 000 000,00\n",
            suppliers: Self.supplierHeader + "5;China Build Co;;Kina;;;Bygg\n", language: .sv)
        let tag = tagged.tags[0]
        let category = try #require(tag.category)
        #expect(category.kind == .works)
        #expect(tag.levels == category.levels, "no country layer for works performed in Sweden")
        let reason = tagged.reasons[tag.reasonID]
        #expect(reason.contains("utförs i Sverige"))
        #expect(reason.contains("kollektivavtal"))
        #expect(!reason.contains("Freedom"), "China's indices say nothing about work done here")
        let row = try #require(tagged.result.rows.first)
        #expect(row.followUp.first?.method(.sv).contains("kollektivavtal") == true)
        #expect(row.followUp.allSatisfy { $0.track == .labourConditions })
        let planned = tagged.result.plan.filter { $0.row.supplierName == "China Build Co" }
        #expect(!planned.isEmpty)
        #expect(planned.contains { $0.step.method(.sv).contains("lönebesked") })
        #expect(!planned.contains { $0.step.taskID == "O3" }, "no factory audit for work performed in Sweden")
    }

    @Test func aLaundryServiceGetsNoGarmentCountryRisk() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Land;CPV-kod;Belopp\nTvätt AB;Bangladesh;98310000;100 000,00\n")
        let tag = tagged.tags[0]
        #expect(tag.category?.kind == .service)
        #expect(tag.levels == tag.category?.levels)
    }

    @Test func aMunicipalityIsOutsideTheScopeCountedButNeverRatedOrPlanned() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Organisationsnummer;CPV-kod;Belopp\nFalun kommun;212000-2262;90910000;300 000,00\nStäd AB;556036-0793;90910000;100 000,00\n"
        )
        #expect(tagged.tags[0].categorySource == .excluded)
        #expect(tagged.tags[0].category == nil)
        #expect(tagged.result.rows.count == 1, "the municipality never enters the register")
        #expect(tagged.result.rows.allSatisfy { $0.supplierName == "Städ AB" })
        #expect(tagged.result.plan.allSatisfy { $0.row.supplierName == "Städ AB" })
        #expect(tagged.result.quality.excludedLines == 1)
        #expect(tagged.result.quality.excludedSpend == Amount("300000.00"))
        #expect(tagged.reasons[tagged.tags[0].reasonID].contains("outside the scope"))
        #expect(
            tagged.result.rows.map(\.spend).reduce(.zero, +) + tagged.result.quality.excludedSpend
                == tagged.result.total)
    }

    @Test func stockholmsStadIsACityNotACleaningCompany() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Belopp\nStockholms stad;10 000,00\nStädbolaget i Umeå AB;5 000,00\n")
        #expect(tagged.tags[0].categorySource == .excluded, "'stad' is a city: outside the scope")
        #expect(tagged.tags[0].category?.code != "90910000")
        #expect(tagged.tags[1].category?.prefixes.contains("9091") == true, "'städ' still finds cleaning")
    }

    @Test func foldingKeepsSwedishLettersButDropsOtherAccents() {
        #expect(TextFolding.searchBytes("STAD") != TextFolding.searchBytes("städ"))
        #expect(TextFolding.searchBytes("Städ") == TextFolding.searchBytes("STÄD"))
        #expect(String(decoding: TextFolding.searchBytes("Kaffé, IT-Tjänster"), as: UTF8.self) == "kaffe it tjänster")
        #expect(
            String(decoding: TextFolding.searchBytes("Ölfabrik Čapek"), as: UTF8.self) == "ölfabrik capek",
            "beyond Latin-1 too, å, ä, ö stay and other accents go")
        #expect(TextFolding.lookupKey("Österrike") == TextFolding.lookupKey("Osterrike"), "country names stay lenient")
    }

    @Test func theMostSpecificCategoryWinsThenTheLongestWord() throws {
        let templates = try TemplateFixtures.bundled()
        let coffee = try #require(templates.categoryForKeywordText("Livsmedel - kaffe"))
        #expect(coffee.category.nameSv.lowercased().contains("kaffe"))
        let fuel = try #require(templates.categoryForKeywordText("Drivmedel och transport AB"))
        #expect(fuel.category.code.hasPrefix("091"), "a fuel dealer is fuel: \(fuel.category.code)")
    }

    @Test func unknownGoodsMadeInBangladeshCanBeHighButNeverMediumOrLow() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantörsnummer;Leverantör;Belopp\n9;Dhaka Trading Ltd;50 000,00\n",
            suppliers: Self.supplierHeader + "9;Dhaka Trading Ltd;;;Bangladesh;;\n")
        let levels = tagged.tags[0].levels
        #expect(tagged.tags[0].category == nil)
        #expect(levels.labourRights == .high, "ITUC 5 raises labour rights to high")
        #expect(levels.antiCorruption == .high, "CPI below 40 raises anti-corruption to high")
        #expect(levels.humanRights == .unknown, "Freedom House Partly Free would be medium: the area stays unknown")
        #expect(levels.environment == .unknown)
        #expect(tagged.result.quality.classifyNext.first?.name == "Dhaka Trading Ltd")
    }

    @Test func countryAloneNeverClearsALine() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Land;Belopp\nNordisk AB;Sverige;10 000,00\nDansk A/S;Danmark;10 000,00\n")
        for tag in tagged.tags {
            #expect(tag.levels == .unassessed, "Sweden's and Denmark's low indices never clear an uncategorised line")
        }
        #expect(tagged.result.quality.unknownRiskSpend == Amount("20000.00"))
        #expect(tagged.result.quality.classifyNext.count == 2)
    }

    @Test func aSwedishRegisteredCountrySaysNothingWhereGoodsAreMadeButAForeignOneStandsIn() throws {
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Land;CPV-kod;Belopp\nKontor AB;Sverige;30192000;10,00\nBüro GmbH;Tyskland;30192000;10,00\n")
        let swedish = tagged.reasons[tagged.tags[0].reasonID]
        let german = tagged.reasons[tagged.tags[1].reasonID]
        #expect(swedish.contains("registered in Sweden"))
        #expect(german.contains("standing in for the unknown production country"))
        #expect(tagged.tags[0].levels == tagged.tags[0].category?.levels)
    }

    @Test func theCompactReasonFitsAnERPFieldAndNamesEveryInput() throws {
        let description = String(repeating: "Mycket lång beskrivning av kontorsmaterial ", count: 10)
        let tagged = try SpendAnalyzerTests.analyse(
            "Leverantör;Tillverkningsland;Beskrivning;Belopp\nPapper AB;Kina;\(description)kontorsmaterial;10,00\n"
                + "Lång Leverantör AB;Bangladesh;Arbetskläder;10,00\nOkänd;;;1,00\n",
            language: .sv)
        let compact = tagged.compactReasons
        #expect(!compact.isEmpty)
        for reason in compact {
            #expect(reason.count <= 255, "\(reason.count): \(reason)")
        }
        let office = compact[tagged.tags[0].reasonID]
        let category = try #require(tagged.tags[0].category)
        #expect(office.contains(category.nameSv))
        #expect(office.contains(category.year))
        #expect(office.contains("CN tillverkningsland"))
        #expect(office.contains("CPI 2025"))
        #expect(office.contains("ITUC 2026"))
        #expect(office.contains("FH 2025"))
    }

    @Test func aCategoryWithoutASourceIsRefused() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("categories.csv")
        let text =
            try String(contentsOf: url, encoding: .utf8)
            + "75000000;Offentlig förvaltning;Public administration;service;low;low;low;low;;;Nobody rates it.;;;2026\r\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        let error = try #require(throws: TemplateError.self) { try TemplateSet.load(from: folder) }
        #expect(error.description.contains("source is empty"))
        #expect(error.description.contains("categories.csv, line"))
    }

    @Test func theCompactReasonKeepsTheSourcesYearWhenItShortens() throws {
        let category = Category(
            code: "30192000", nameSv: String(repeating: "Mycket långt kategorinamn ", count: 8), nameEn: "Long",
            levels: RiskProfile(humanRights: .high, labourRights: .high, environment: .high, antiCorruption: .high),
            source: "Upphandlingsmyndigheten, riskanalys: " + String(repeating: "Kontorsartiklar ", count: 10),
            year: "2026")
        let country = Country(alpha2: "CN", alpha3: "CHN", nameEn: "China", nameSv: "Kina")
        let rating = CountryRating(
            level: .high, index: "cpi", indexName: "Corruption Perceptions Index",
            publisher: "TI", edition: "2025", value: "43", source: "TI")
        let inputs = ReasonText.Inputs.rated(
            category: category, evidence: "CPV 30192000-1", country: country, countryEvidence: "",
            layer: CountryLayer(category: category, country: country, isProduction: true),
            ratings: [.antiCorruption: rating], levels: category.levels)
        let compact = ReasonText.compact(inputs, areas: try TemplateFixtures.bundled().areaNames, language: .sv)
        #expect(compact.unicodeScalars.count <= 255)
        #expect(compact.contains(", 2026]"))
        #expect(compact.contains("MR hög AR hög MI hög AK hög"))
        #expect(compact.hasSuffix("CN tillverkningsland: CPI 2025 43"))
    }

    @Test func everyCategoryNamesItsSourceAndEveryAgencyRowItsPage() throws {
        for category in try TemplateFixtures.bundled().categories {
            #expect(!category.source.isEmpty, "\(category.code) has no source")
            if category.source.hasPrefix("Upphandlingsmyndigheten") {
                #expect(category.url.hasPrefix("https://"), "\(category.code) names the agency without its page")
            } else {
                #expect(!category.rationale.isEmpty, "\(category.code) is Kedja's assessment without a rationale")
            }
            // Construction, solar panels, batteries, bananas, fish and catering: the regions' pages never name them.
            let neverNamed = ["45", "0933", "314", "0322211", "0331", "152", "555", "553"]
            #expect(
                !category.source.contains("regionernas prioriterade")
                    || !category.prefixes.contains { prefix in neverNamed.contains { prefix.hasPrefix($0) } },
                "\(category.code): the regions' pages never name it")
        }
    }
}

/// The bundled categories against the agency's own risk analyses in `../shared/data/`: every product area is a
/// category with the page's levels (the overall level where the page gives one, else the highest stage), its
/// stage levels and its URL.
@Suite struct AgencyAnalysesTests {
    struct AreaRows {
        /// The page's address as the rows give it (one page is written with and without `www.`).
        var urls: Set<String> = []
        var stages: [ChainStage: RiskProfile] = [:]
        var overall: RiskProfile?
    }

    static func agencyAreas() throws -> [String: AreaRows] {
        let url = TestLocations.sharedTestData.deletingLastPathComponent().appendingPathComponent(
            "data/uhm-risk-analyses.csv")
        let table = try CSVTable.read(contentsOf: url)
        func column(_ name: String) throws -> Int { try #require(table.column(named: name)) }
        var areas: [String: AreaRows] = [:]
        for row in table.rows {
            var profile = RiskProfile()
            for area in RiskArea.allCases {
                profile[area] = try #require(RiskLevel(code: row[try column(area.rawValue)]))
            }
            let name = row[try column("product_area_sv")]
            areas[name, default: AreaRows()].urls.insert(row[try column("url")])
            let stage = row[try column("stage_sv")]
            if let chainStage = ChainStage(code: stage) {
                areas[name]?.stages[chainStage] = profile
            } else {
                areas[name]?.overall = profile
            }
        }
        return areas
    }

    @Test func everyProductAreaIsACategoryWithThePagesLevels() throws {
        let areas = try Self.agencyAreas()
        #expect(areas.count == 22)
        let categories = try TemplateFixtures.bundled().categories
        for (name, area) in areas {
            let category = try #require(
                categories.first {
                    $0.source.split(separator: ";").first.map(String.init)
                        == "Upphandlingsmyndigheten, riskanalys: \(name)"
                },
                "no category names the agency's page \(name)")
            #expect(area.urls.contains(category.url), "\(name)")
            #expect(category.kind == .goods)
            for area in RiskArea.allCases {
                let stages = areas[name]!.stages.values.map { $0[area] }
                let expected =
                    areas[name]!.overall.map { $0[area] }.flatMap { $0.isAssessed ? $0 : nil }
                    ?? RiskLevel.highestAssessed(stages)
                #expect(category.levels[area] == expected, "\(name) \(area.rawValue)")
            }
            for (stage, levels) in area.stages {
                #expect(category.stages[stage] == levels, "\(name) \(stage.rawValue)")
            }
        }
    }
}
