import KedjaModel
import Testing

@Suite("Keyword matching")
struct TemplateKeywordTests {
    @Test func keywordMatchesAtAWordStartAndRunsIntoTheWord() throws {
        let templates = try TemplateFixtures.bundled()
        let machine = try #require(templates.categoryForKeywordText("Kaffeautomater"))
        #expect(machine.category.code == "15860000")
        #expect(machine.keyword == "kaffe")
        #expect(templates.categoryForKeywordText("Gevalia kaffe AB")?.category.code == "15860000")
    }

    @Test func keywordDoesNotMatchInsideAWord() throws {
        let templates = try TemplateFixtures.bundled()
        let match = try #require(templates.categoryForKeywordText("Kontorsmaterial"))
        #expect(match.keyword == "kontorsmaterial")
        #expect(match.category.code == "30190000")
        #expect(templates.categoryForKeywordText("Smaktest AB") == nil)
    }

    @Test func shortKeywordsMatchWholeWordsOnly() throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.categoryForKeywordText("Lipton te 100 st")?.keyword == "te")
        #expect(templates.categoryForKeywordText("Teknikbolaget") == nil)
        #expect(templates.categoryForKeywordText("Risk Konsult AB")?.keyword == "konsult")
        let rice = try #require(templates.categoryForKeywordText("Ris, jasmin"))
        #expect(rice.keyword == "ris")
        #expect(rice.category.code == "03211000", "rice (15611000) is in the cereals-and-sugar row")
    }

    @Test func longestKeywordWins() throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.categoryForKeywordText("Te och kaffe")?.keyword == "kaffe")
        #expect(templates.categoryForKeywordText("Arbetskläder Norr AB")?.keyword == "arbetskläder")
        #expect(templates.categoryForKeywordText("Byggmaterial i Väst")?.category.code == "44000000")
        #expect(templates.categoryForKeywordText("Bygg & Montage")?.category.code == "45000000")
        #expect(templates.categoryForKeywordText("IT-konsult Syd")?.category.code == "72000000")
        // "el" (electricity, 0931) and "el installation" (4531) are equally specific: the longer word wins.
        let installation = try #require(templates.categoryForKeywordText("El-installation Norr AB"))
        #expect(installation.keyword == "el installation")
        #expect(installation.category.code == "45310000")
        #expect(templates.categoryForKeywordText("Laddkabel USB-C 2 m")?.keyword == "laddkabel")
        #expect(templates.categoryForKeywordText("USB-C laddare")?.category.code == "30200000")
    }

    @Test func mostSpecificCategoryWinsBeforeTheLongestKeyword() throws {
        let templates = try TemplateFixtures.bundled()
        // "livsmedel" (food, prefix 15) is longer than "kaffe" (coffee, prefix 1586), but coffee is more specific.
        let coffee = try #require(templates.categoryForKeywordText("Livsmedel - kaffe"))
        #expect(coffee.keyword == "kaffe")
        #expect(coffee.category.code == "15860000")
        #expect(templates.categoryForKeywordText("Livsmedel")?.category.code == "15000000")
    }

    @Test func matchingIgnoresCaseAccentsAndPunctuation() throws {
        let templates = try TemplateFixtures.bundled()
        #expect(templates.categoryForKeywordText("STÄDTJÄNST I NORR")?.category.code == "90910000")
        #expect(templates.categoryForKeywordText("Städtjänst i norr")?.category.code == "90910000")
        #expect(templates.categoryForKeywordText("KAFFÉ & KAKA")?.category.code == "15860000", "é folds to e")
        // å, ä and ö are letters of their own: "stad" (city) is not "städ" (cleaning).
        #expect(templates.categoryForKeywordText("STADTJANST I NORR")?.category.code != "90910000")
        #expect(templates.categoryForKeywordText("Stadsbyggnadskontoret")?.category.code != "90910000")
        #expect(templates.categoryForKeywordText("IT tjänster")?.category.code == "72000000")
        #expect(templates.categoryForKeywordText("it-tjänster")?.category.code == "72000000")
        #expect(templates.categoryForKeywordText("") == nil)
        #expect(templates.categoryForKeywordText("—") == nil)
    }
}
