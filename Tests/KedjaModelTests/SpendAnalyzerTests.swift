import Foundation
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaModel

/// The tagger and aggregation, layer by layer, on small ledgers written for each case.
@Suite struct SpendAnalyzerTests {
    struct Tagged {
        var tags: [LineTag]
        var result: AnalysisResult
        var reasons: [String]
        var compactReasons: [String]
    }

    static func analyse(_ ledger: String, suppliers: String? = nil, language: Language = .en) throws -> Tagged {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-analyzer")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledgerURL = folder.appendingPathComponent("ledger.csv")
        try Data(ledger.utf8).write(to: ledgerURL)
        let vocabulary = try ColumnVocabulary.load(from: TemplateFixtures.templatesDirectory)
        let file = try SpendFile(path: ledgerURL.path, vocabulary: vocabulary)
        var list = SupplierList()
        if let suppliers {
            let url = folder.appendingPathComponent("suppliers.csv")
            try Data(suppliers.utf8).write(to: url)
            list = try SupplierList(
                path: url.path, vocabulary: vocabulary, legalForms: try TemplateFixtures.bundled().legalForms)
        }
        let analyzer = SpendAnalyzer(
            templates: try TemplateFixtures.bundled(), suppliers: list, mapping: file.mapping, language: language)
        var tags: [LineTag] = []
        var rejects: [RejectedRecord] = []
        let counts = try file.forEachLine(
            accepted: { record, amount in
                tags.append(analyzer.tag(record, amount: amount))
            }, rejected: { _, reject in rejects.append(reject) })
        let start = try #require(CivilDate(year: 2027, month: 1, day: 1))
        let result = analyzer.finish(counts: counts, rejects: rejects, planStart: start)
        return Tagged(tags: tags, result: result, reasons: analyzer.reasons, compactReasons: analyzer.compactReasons)
    }

    @Test func theLinesOwnCPVCodeWinsByLongestPrefix() throws {
        let tagged = try Self.analyse(
            "Leverantör;CPV-kod;Beskrivning;Belopp\nA;15861000-1;Möbler;10,00\nB;15000000;x;5,00\n")
        #expect(tagged.tags[0].category?.code == "15860000")
        #expect(tagged.tags[0].categorySource == .cpv)
        #expect(tagged.tags[1].category?.code == "15000000")
    }

    @Test func theSupplierListComesBeforeKeywordsAndAccounts() throws {
        let tagged = try Self.analyse(
            "Leverantörsnummer;Leverantör;Konto;Beskrivning;Belopp\n7;Textil AB;6410;Kaffe;10,00\n8;Annan AB;6410;Kaffe;10,00\n9;Tredje AB;6510;;10,00\n",
            suppliers: "Leverantörsnummer;Leverantörsnamn;Land;CPV-kod\n0007;Textil AB;Bangladesh;18100000\n")
        #expect(tagged.tags[0].categorySource == .supplier, "matched on id despite the leading zeros")
        #expect(tagged.tags[0].category?.code == "18000000")
        #expect(tagged.tags[0].country?.alpha2 == "BD")
        #expect(tagged.tags[1].categorySource == .keyword)
        #expect(tagged.tags[1].category?.code == "15860000")
        #expect(tagged.tags[2].categorySource == .account)
        #expect(tagged.result.quality.unmatchedSuppliers == 2)
    }

    @Test func theProductionCountryBeatsTheRegisteredOne() throws {
        let tagged = try Self.analyse(
            "Leverantör;Belopp\nSol AB;100,00\n",
            suppliers: "Leverantörsnamn;Land;Tillverkningsland;CPV-kod\nSol AB;Sverige;Kina;09331200\n")
        #expect(tagged.tags[0].country?.alpha2 == "CN")
        #expect(tagged.tags[0].levels.overall == .high)
    }

    @Test func perAreaTheHigherAssessedLayerWins() throws {
        // Goods made in Bangladesh: Freedom House PF (human rights medium), ITUC 5 (labour high), CPI 24
        // (corruption high), no environmental index. Printed matter is low, medium, medium, low; office supplies
        // are high in all four. The country only ever raises an area: it never lowers one.
        let tagged = try Self.analyse(
            "Leverantör;Tillverkningsland;CPV-kod;Belopp\nA;BGD;22100000;10,00\nB;BGD;30192000;10,00\n")
        let printed = tagged.tags[0]
        #expect(printed.category?.code == "22000000")
        #expect(printed.country?.alpha2 == "BD")
        #expect(printed.levels.humanRights == .medium, "low raised to the country's medium")
        #expect(printed.levels.labourRights == .high, "medium raised to the country's high")
        #expect(printed.levels.antiCorruption == .high, "low raised to the country's high")
        #expect(
            printed.levels.environment == .medium, "no country index for the environment: the category's level stands")
        let reason = tagged.reasons[printed.reasonID]
        #expect(reason.contains("CPV 22100000"))
        #expect(reason.contains("BD Bangladesh"))
        #expect(reason.contains("production country"))
        #expect(reason.contains("2026 5"), "names the ITUC rating and its edition")

        let office = tagged.tags[1]
        #expect(office.category?.code == "30190000")
        #expect(
            office.levels
                == RiskProfile(humanRights: .high, labourRights: .high, environment: .high, antiCorruption: .high),
            "the country's medium for human rights does not lower the category's high")
    }

    @Test func nothingKnownIsUnknownNotLow() throws {
        let tagged = try Self.analyse("Leverantör;Belopp\nOkänd;10,00\n")
        #expect(tagged.tags[0].levels == .unassessed)
        #expect(tagged.tags[0].levels.overall == .unknown)
        #expect(tagged.tags[0].categorySource == .none)
        #expect(tagged.reasons[tagged.tags[0].reasonID].contains("risk unknown, not low"))
    }

    @Test func aggregationPerSupplierAndCategoryIsExact() throws {
        let tagged = try Self.analyse(
            "Leverantör;CPV-kod;Belopp\nA;18100000;0,10\nA;18100000;0,20\nA;79411000;1 000 000,00\nB;18100000;-0,10\n")
        let rows = tagged.result.rows
        #expect(rows.count == 3)
        let textilesA = try #require(rows.first { $0.supplierName == "A" && $0.category?.code == "18000000" })
        #expect(textilesA.spend == Amount("0.30"))
        #expect(textilesA.lines == 2)
        #expect(tagged.result.total == Amount("1000000.20"))
        #expect(rows.map(\.spend).reduce(.zero, +) == tagged.result.total)
    }

    @Test func priorityTasksAndPlanFollowTheTemplates() throws {
        let tagged = try Self.analyse(
            "Leverantör;Land;CPV-kod;Belopp\nTextil AB;Bangladesh;18100000;900 000,00\nKonsult AB;Sverige;79411000;100 000,00\n"
        )
        let textiles = try #require(tagged.result.rows.first { $0.supplierName == "Textil AB" })
        #expect(textiles.priority == 1)
        #expect(textiles.tasks.map(\.id).contains("O2"))
        #expect(textiles.followUp.map(\.taskID).first == "O1")
        let consultancy = try #require(tagged.result.rows.first { $0.supplierName == "Konsult AB" })
        #expect(consultancy.priority == 3)
        #expect(tagged.result.rows.first?.supplierName == "Textil AB", "priority 1 first")
        let planned = tagged.result.plan.filter { $0.row.supplierName == "Textil AB" }
        #expect(planned.count == textiles.followUp.count)
        #expect(planned.first?.due == CivilDate(year: 2027, month: 1, day: 31), "30 days to answer")
        #expect(tagged.result.plan.allSatisfy { $0.row.priority <= 2 })
    }

    @Test func reasonsFollowTheLanguage() throws {
        let tagged = try Self.analyse("Leverantör;Land;CPV-kod;Belopp\nA;Sverige;15860000;10,00\n", language: .sv)
        let reason = tagged.reasons[tagged.tags[0].reasonID]
        #expect(reason.contains("Kaffe"))
        #expect(reason.contains("land på raden"))
        #expect(!reason.contains("country"))
    }
}

/// Joining the supplier list: id, then org number, then name — never a masked name.
@Suite struct SupplierListTests {
    @Test func joinsOnIdThenOrgNumberThenNameButNeverAMaskedName() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-suppliers")
        let url = folder.appendingPathComponent("suppliers.csv")
        try Data(
            """
            Leverantörsnummer;Leverantörsnamn;Organisationsnummer;Land
            100;Alfa AB;556036-0793;SE
            ;Beta Ltd;;GB
            200;Privatperson (skyddad);;SE

            """.utf8
        ).write(to: url)
        let list = try SupplierList(
            path: url.path, vocabulary: ColumnVocabulary.load(from: TemplateFixtures.templatesDirectory),
            legalForms: try TemplateFixtures.bundled().legalForms)
        #expect(list.match(id: "0100", orgNumber: nil, name: "") == 0)
        #expect(list.match(id: "999", orgNumber: "556036-0793", name: "") == 0)
        #expect(list.match(id: "", orgNumber: nil, name: "BETA  limited") == 1)
        #expect(list.match(id: "", orgNumber: nil, name: "Privatperson (skyddad)") == nil)
        #expect(list.match(id: "200", orgNumber: nil, name: "Privatperson (skyddad)") == 2)
    }

    @Test func aNameNeverJoinsADifferentOrganisation() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-namesakes")
        let url = folder.appendingPathComponent("suppliers.csv")
        try Data(
            """
            Leverantörsnummer;Leverantörsnamn;Organisationsnummer;Land
            1;Värmlands Snickeri KB;716492-4719;SE
            2;Stentryck & Co AB;556677-8899;SE
            3;Stentryck Ek. för.;;SE
            4;Nordbygg AB;969712-3454;SE
            5;Nordbygg HB;556123-4567;SE
            6;Alfa AB;556036-0793;SE

            """.utf8
        ).write(to: url)
        let list = try SupplierList(
            path: url.path, vocabulary: ColumnVocabulary.load(from: TemplateFixtures.templatesDirectory),
            legalForms: try TemplateFixtures.bundled().legalForms)
        // Another legal form is another company, with or without an org number on the line.
        #expect(list.match(id: "57381", orgNumber: "556633-5633", name: "Värmlands Snickeri AB") == nil)
        #expect(list.match(id: "", orgNumber: nil, name: "Värmlands Snickeri AB") == nil)
        #expect(list.match(id: "", orgNumber: nil, name: "VÄRMLANDS  SNICKERI, KB") == 0)
        // The exact name wins over an earlier entry that only shares the name without its legal form.
        #expect(list.match(id: "", orgNumber: nil, name: "Stentryck ek. för.") == 2)
        // Two organisations share "Nordbygg": a line naming neither form joins neither.
        #expect(list.match(id: "", orgNumber: nil, name: "Nordbygg") == nil)
        #expect(list.match(id: "", orgNumber: nil, name: "Nordbygg HB") == 4)
        // A name that matches but an org number that does not: two companies.
        #expect(list.match(id: "", orgNumber: "556677-8899", name: "Alfa AB") == 1)
        #expect(list.match(id: "", orgNumber: "556633-5633", name: "Alfa AB") == nil)
        #expect(list.match(id: "", orgNumber: nil, name: "Alfa") == 5)
    }

    @Test func oneOrganisationPerNameWhateverTheOrderOfTheList() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-namesakes-order")
        let url = folder.appendingPathComponent("suppliers.csv")
        try Data(
            """
            Leverantörsnummer;Leverantörsnamn;Organisationsnummer;Land
            1;Nordbygg AB;;SE
            2;Nordbygg AB;969712-3454;SE
            3;Nordbygg AB;556123-4567;SE
            4;Alfa AB (publ);556036-0793;SE
            5;ООО Ромашка;;RU

            """.utf8
        ).write(to: url)
        let list = try SupplierList(
            path: url.path, vocabulary: ColumnVocabulary.load(from: TemplateFixtures.templatesDirectory),
            legalForms: try TemplateFixtures.bundled().legalForms)
        // Three entries of one exact name, two of them different org numbers: no name join at all.
        #expect(list.match(id: "", orgNumber: nil, name: "Nordbygg AB") == nil)
        #expect(list.match(id: "", orgNumber: "556123-4567", name: "Nordbygg AB") == 2)
        // Spellings of one legal form are one name.
        #expect(list.match(id: "", orgNumber: nil, name: "Alfa AB") == 3)
        let forms = try TemplateFixtures.bundled().legalForms
        #expect(forms.exactNameKey("Beta Limited") == forms.exactNameKey("BETA LTD"))
        #expect(forms.exactNameKey("AB Volvo") == forms.exactNameKey("Volvo AB"))
        // Names in other scripts keep their words.
        #expect(forms.exactNameKey("ООО Ромашка") != "")
        #expect(list.match(id: "", orgNumber: nil, name: "ООО  Ромашка") == 4)
        #expect(forms.exactNameKey("ООО Ромашка") != forms.exactNameKey("ООО Лютик"))
    }

    @Test func aVATNumberJoinsLikeItsOrgNumber() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-vat")
        let url = folder.appendingPathComponent("suppliers.csv")
        try Data("Momsregistreringsnummer;Land\nSE556036079301;Kina\n".utf8).write(to: url)
        let list = try SupplierList(
            path: url.path, vocabulary: ColumnVocabulary.load(from: TemplateFixtures.templatesDirectory),
            legalForms: try TemplateFixtures.bundled().legalForms)
        #expect(list.match(id: "", orgNumber: "556036-0793", name: "Vad som helst AB") == 0)
    }
}
