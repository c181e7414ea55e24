import Foundation
import KedjaTestSupport
import Testing

/// Issue 12 item 4: one language at a time. Under `--lang sv` (the default) everything Kedja says about a ledger
/// with a broken amount is Swedish, under `--lang en` English, on standard error, in the rejects CSV, in `--json`
/// and on the register's rejected sheet; `--lang` ignores case.
@Suite struct LanguageEndToEndTests {
    /// Three records, the third with an amount that is not a number; the two others make 1 234,50 kr.
    static let ledger = "Leverantör;Belopp\nKontorsvaror AB;1 000,00\nStädbolaget AB;234,50\nTrasig AB;n/a\n"

    /// Words only English messages use.
    static let englishWords: Set<String> = [
        "record", "records", "line", "lines", "row", "rows", "rejected", "accepted", "amount", "not", "number",
        "wrote", "total", "and", "more", "sheet", "the", "of", "is", "are", "in", "without", "priority",
    ]

    /// Words only Swedish messages use.
    static let swedishWords: Set<String> = [
        "post", "poster", "rad", "rader", "avvisad", "avvisade", "godtagen", "godtagna", "beloppet", "är", "inget",
        "tal", "skrev", "totalt", "och", "bladet", "kr", "med", "utan", "prioritet",
    ]

    /// The words of `text` (letters only, lowercased), with the test's folder taken out of it first.
    static func words(_ text: String, besides folder: URL) -> Set<String> {
        let cleaned = text.replacingOccurrences(of: folder.path, with: "")
        return Set(cleaned.lowercased().split { !$0.isLetter }.map(String.init))
    }

    /// A folder holding the ledger, and the ledger's path.
    static func folderWithLedger() throws -> (URL, String) {
        let folder = try Kedja.temporaryDirectory()
        let path = folder.appendingPathComponent("reskontra.csv").path
        try Data(ledger.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    /// The reason field of the first rejected record in the rejects CSV at `path`.
    static func firstReason(inRejectsFile path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasPrefix("kedja_record;kedja_line;kedja_reason;") == true, "the kedja_* columns stay")
        let fields = try #require(lines.dropFirst().first).split(separator: ";", omittingEmptySubsequences: false)
        return String(fields[2])
    }

    /// What a register run and a tag run with `arguments` (the language options) say about the broken record.
    struct Said {
        var registerStderr: String
        var tagStderr: String
        var rejectsCSV: String
        var json: String
        var sheetName: String
        var sheetReason: String
        var sheetHeaders: [String]
    }

    static func runs(_ language: [String], in folder: URL, ledger: String) throws -> Said {
        let register = folder.appendingPathComponent("register.xlsx").path
        let registered = try Kedja.run(["register", ledger, "-o", register] + language)
        #expect(registered.status == 0, "\(registered.stderr)")
        let tagged = folder.appendingPathComponent("tagged.csv").path
        let tag = try Kedja.run(["tag", ledger, "-o", tagged] + language)
        #expect(tag.status == 0, "\(tag.stderr)")
        let json = try Kedja.run(
            ["tag", ledger, "-o", folder.appendingPathComponent("j.csv").path, "--json"] + language)
        let rejects = try #require(try json.json()["rejects"] as? [[String: Any]])
        let book = try WorkbookProbe.read(register)
        let sheet = try #require(book.sheets.last, "the rejected sheet comes last")
        return Said(
            registerStderr: registered.stderr, tagStderr: tag.stderr,
            rejectsCSV: try firstReason(inRejectsFile: folder.appendingPathComponent("tagged.rejects.csv").path),
            json: rejects.first?["reason"] as? String ?? "", sheetName: sheet.name,
            sheetReason: sheet.values(row: 1).last.flatMap { $0 as? String } ?? "",
            sheetHeaders: sheet.values(row: 0).compactMap { $0 as? String })
    }

    @Test func swedishIsTheDefaultAndWhollySwedish() throws {
        let (folder, ledger) = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let said = try Self.runs([], in: folder, ledger: ledger)
        let reason = "beloppet 'n/a' är inget tal"
        #expect(said.tagStderr.contains("\(ledger): 3 poster, 2 godtagna, 1 avvisad; totalt 1\u{00A0}234,50 kr;"))
        #expect(said.tagStderr.contains("  avvisad post 3 (rad 4): \(reason)\n"), "\(said.tagStderr)")
        #expect(said.tagStderr.contains("skrev \(folder.path)/tagged.csv\n"))
        #expect(said.rejectsCSV == reason)
        #expect(said.json == reason)
        #expect(said.sheetName == "Avvisade")
        #expect(said.sheetHeaders == ["Post", "Rad i filen", "Orsak"])
        #expect(said.sheetReason == reason)
        for text in [said.registerStderr, said.tagStderr, said.rejectsCSV, said.json, said.sheetReason] {
            let english = Self.words(text, besides: folder).intersection(Self.englishWords)
            #expect(english.isEmpty, "English words \(english.sorted()) in: \(text)")
        }
        #expect(
            Self.words(said.sheetHeaders.joined(separator: " "), besides: folder).isDisjoint(with: Self.englishWords))
        // Spelled another way, the language is the same.
        let mixedCase = try Self.runs(["--lang", "Sv"], in: folder, ledger: ledger)
        #expect(mixedCase.tagStderr == said.tagStderr)
        #expect(mixedCase.json == said.json)
    }

    @Test func englishIsWhollyEnglishInAnyLetterCase() throws {
        let (folder, ledger) = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let said = try Self.runs(["--lang", "EN"], in: folder, ledger: ledger)
        let reason = "amount 'n/a' is not a number"
        #expect(said.tagStderr.contains("\(ledger): 3 records, 2 accepted, 1 rejected; total 1234.50;"))
        #expect(said.tagStderr.contains("  rejected record 3 (line 4): \(reason)\n"), "\(said.tagStderr)")
        #expect(said.tagStderr.contains("wrote \(folder.path)/tagged.csv\n"))
        #expect(said.registerStderr.contains("  rejected record 3 (line 4): \(reason)\n"))
        #expect(said.rejectsCSV == reason)
        #expect(said.json == reason)
        #expect(said.sheetName == "Rejected")
        #expect(said.sheetHeaders == ["Record", "Line", "Reason"])
        #expect(said.sheetReason == reason)
        for text in [said.registerStderr, said.tagStderr, said.rejectsCSV, said.json, said.sheetReason] {
            let swedish = Self.words(text, besides: folder).intersection(Self.swedishWords)
            #expect(swedish.isEmpty, "Swedish words \(swedish.sorted()) in: \(text)")
        }
        #expect(try Kedja.run(["tag", ledger, "-o", "-", "--lang", "de"]).status == 64)
    }

    @Test func usageErrorsAndFailuresFollowTheLanguage() throws {
        let (folder, ledger) = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let swedish = try Kedja.run(["plan", ledger, "--start", "snart"])
        #expect(swedish.status == 64)
        #expect(swedish.stderr.contains("--start snart: skriv datumet som ÅÅÅÅ-MM-DD"), "\(swedish.stderr)")
        let english = try Kedja.run(["plan", ledger, "--start", "soon", "--lang", "en"])
        #expect(english.stderr.contains("--start soon: write the date as YYYY-MM-DD"), "\(english.stderr)")

        #expect(
            try Kedja.run(["regster", ledger]).stderr.contains("'regster' är inget kommando. Menade du 'register'?"))

        let onTheInput = try Kedja.run(["tag", ledger, "-o", ledger])
        #expect(onTheInput.status == 73)
        #expect(onTheInput.stderr.contains("utdata kan inte skrivas: den är också indata"), "\(onTheInput.stderr)")

        let cut = folder.appendingPathComponent("avbruten.csv").path
        try Data("Leverantör;Belopp\nA;1,00\n\"B;2,00\n".utf8).write(to: URL(fileURLWithPath: cut))
        let unterminated = try Kedja.run(["tag", cut, "-o", "-"])
        #expect(unterminated.status == 65)
        #expect(unterminated.stderr.contains("\(cut), rad 3: ett fält inom citattecken börjar här"))
    }

    /// The problems `templates check` finds in a rule table are told wholly in the run's language, place and
    /// message alike: Swedish by default, English under `--lang en`.
    @Test func ruleTableProblemsFollowTheLanguage() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("regler")
        #expect(try Kedja.run(["templates", "export", templates.path]).status == 0)
        let categories = templates.appendingPathComponent("categories.csv")
        let rows = try String(contentsOf: categories, encoding: .utf8).components(separatedBy: "\r\n")
        let consultancy = try #require(rows.firstIndex { $0.hasPrefix("79400000;") })
        let line = consultancy + 1
        func writeCategories(_ edit: (inout [String]) -> Void) throws {
            var fields = rows[consultancy].components(separatedBy: ";")
            edit(&fields)
            var edited = rows
            edited[consultancy] = fields.joined(separator: ";")
            try Data(edited.joined(separator: "\r\n").utf8).write(to: categories)
        }
        func check(_ language: [String]) throws -> (status: Int32, said: String) {
            let run = try Kedja.run(["templates", "check", templates.path] + language)
            return (run.status, run.stdoutText + run.stderr)
        }

        // A risk level that is none: the set cannot be loaded.
        try writeCategories { $0[4] = "jättehög" }
        let swedishLevel = "categories.csv, rad \(line): human_rights 'jättehög' är ingen risknivå. Skriv hög, medel, "
        let englishLevel = "categories.csv, line \(line): human_rights 'jättehög' is not a risk level. Write high, "
        let brokenSv = try check([])
        #expect(brokenSv.status == 65)
        #expect(brokenSv.said.contains(swedishLevel), "\(brokenSv.said)")
        #expect(!brokenSv.said.contains("is not a risk level"))
        let brokenEn = try check(["--lang", "en"])
        #expect(brokenEn.status == 65)
        #expect(brokenEn.said.contains(englishLevel), "\(brokenEn.said)")
        #expect(!brokenEn.said.contains("ingen risknivå"))

        // Doubts the loaded set reports: a wrong check digit (CPV 2008 writes 79400000-8), a keyword pointing at a
        // code no category covers, and a keyword whose code CPV 2008 does not have.
        try writeCategories { $0[0] = "79400000-3" }
        let keywords = templates.appendingPathComponent("keywords.csv")
        var keywordRows = try String(contentsOf: keywords, encoding: .utf8).components(separatedBy: "\r\n")
        while keywordRows.last == "" { keywordRows.removeLast() }
        let added = ["försvarsmateriel;sv;35000000;", "managementrådgivning;sv;79400009;"]
        try Data((keywordRows + added + [""]).joined(separator: "\r\n").utf8).write(to: keywords)
        let uncovered = keywordRows.count + 1
        let swedish = [
            "categories.csv, rad \(line): cpv_code 79400000-3 har fel kontrollsiffra: CPV 2008 skriver 79400000-8. "
                + "Rätta den eller utelämna kontrollsiffran.",
            "keywords.csv, rad \(uncovered): 'försvarsmateriel' pekar på 35000000, som ingen kategori i "
                + "categories.csv täcker, så nyckelordet används inte.",
            "keywords.csv, rad \(uncovered + 1): cpv_code för 'managementrådgivning' 79400009 finns inte i CPV 2008. "
                + "Slå upp koden i CPV-listan och rätta den.",
        ]
        let english = [
            "categories.csv, line \(line): cpv_code 79400000-3 has the wrong check digit: CPV 2008 writes "
                + "79400000-8. Correct it or leave the check digit out.",
            "keywords.csv, line \(uncovered): 'försvarsmateriel' points at 35000000, which no category in "
                + "categories.csv covers, so it is ignored.",
            "keywords.csv, line \(uncovered + 1): cpv_code of 'managementrådgivning' 79400009 is not a CPV 2008 "
                + "code. Look the code up in the CPV list and correct it.",
        ]
        let doubtsSv = try check([])
        #expect(doubtsSv.status == 65)
        for text in swedish { #expect(doubtsSv.said.contains(text), "\(doubtsSv.said)") }
        for text in english { #expect(!doubtsSv.said.contains(text)) }
        let doubtsEn = try check(["--lang", "en"])
        #expect(doubtsEn.status == 65)
        for text in english { #expect(doubtsEn.said.contains(text), "\(doubtsEn.said)") }
        for text in swedish { #expect(!doubtsEn.said.contains(text)) }

        for said in [brokenSv.said, doubtsSv.said] {
            let words = Self.words(said, besides: folder).intersection(Self.englishWords)
            #expect(words.isEmpty, "English words \(words.sorted()) in: \(said)")
        }
        for said in [brokenEn.said, doubtsEn.said] {
            let words = Self.words(said, besides: folder).intersection(Self.swedishWords)
            #expect(words.isEmpty, "Swedish words \(words.sorted()) in: \(said)")
        }
    }

    @Test func convertSaysWhatItLeftOutInTheLanguage() throws {
        let (folder, _) = try Self.folderWithLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.csv").path
        try Data("a;b\n1;kort\n2;\(String(repeating: "x", count: 50))\n".utf8).write(to: URL(fileURLWithPath: input))
        let output = folder.appendingPathComponent("out.csv").path
        let swedish = try Kedja.run(["convert", input, "-o", output, "--max-field-size", "20"])
        #expect(swedish.status == 0)
        #expect(swedish.stderr.contains("1 post skriven; 1 inte skrivna (över en storleksgräns)."), "\(swedish.stderr)")
        #expect(swedish.stderr.contains("post 2 (rad 3) skrevs inte: fält 2 är större än 20 byte"))
        let json = try Kedja.run(["convert", input, "-o", output, "--max-field-size", "20", "--json", "--lang", "EN"])
        let reject = try #require((try json.json()["rejects"] as? [[String: Any]])?.first)
        #expect((reject["reason"] as? String)?.hasPrefix("field 2 is larger than 20 bytes") == true)
    }
}
