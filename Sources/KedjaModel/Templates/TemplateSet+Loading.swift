import Foundation
import Tabular

extension TemplateSet {
    /// Loads and indexes every table in `directory`.
    ///
    /// Throws a ``TemplateError`` listing every problem that makes the set unusable (a missing table
    /// or column, a level that is not a level, a malformed code or number), each with its file, line
    /// and fix. Doubtful but usable content (duplicates, codes no category covers) loads, and
    /// ``problems(cpvCodes:)`` reports it.
    public static func load(from location: TemplateLocation) throws -> TemplateSet {
        var reader = TemplateReader(location: location)
        let (settings, organisation, planning) = readSettings(&reader)
        var categories = readCategories(&reader)
        readStages(&reader, into: &categories)
        let scope = readScope(&reader)
        let legalForms = readLegalForms(&reader)
        let areaNames = readAreaNames(&reader)
        let keywords = readKeywords(&reader)
        let accounts = readAccounts(&reader)
        let countries = readCountries(&reader)
        let indexValues = readIndexValues(&reader)
        let bands = readBands(&reader)
        let tasks = readTasks(&reader)
        let followUp = readFollowUp(&reader)
        let questions = readQuestions(&reader)
        guard reader.errors.isEmpty, let settings else { throw TemplateError(problems: reader.errors) }

        var builder = IndexBuilder(reader: reader)
        builder.indexCategories(categories)
        builder.indexKeywords(keywords)
        builder.indexAccounts(accounts)
        builder.indexCountries(countries)
        builder.indexCountryRisk(indexValues, bands: bands, countries: countries.map(\.value.country))
        builder.indexFollowUp(followUp, tasks: tasks.map(\.value.task))
        builder.indexScope(scope)
        builder.index.warnings = builder.reader.warnings
        builder.index.paths = Dictionary(uniqueKeysWithValues: tableFileNames.map { ($0, reader.path(of: $0)) })

        return TemplateSet(
            location: location,
            categories: categories.map(\.value.category),
            keywords: keywords.map(\.value),
            accountGroups: accounts.map(\.value),
            countries: countries.map(\.value.country),
            countryIndexValues: indexValues.map(\.value),
            countryBands: bands.map(\.value),
            tasks: tasks.map(\.value.task),
            followUpSteps: followUp.map(\.value),
            scopeRules: scope.map(\.value),
            legalForms: legalForms,
            areaNames: areaNames,
            settings: settings, organisation: organisation, planning: planning,
            sources: collectSources(
                categories: categories.map(\.value.category), accounts: accounts.map(\.value),
                countries: countries, indexValues: indexValues.map(\.value), tasks: tasks),
            index: builder.index, questions: questions)
    }

    /// Loads the tables of a folder.
    public static func load(from directory: URL) throws -> TemplateSet {
        try load(from: .folder(directory))
    }
}

extension RiskAreaNames {
    /// Reads only `risk-areas.csv` of a templates folder: what a previous register's area columns are called,
    /// needed before the whole set is loaded for the run.
    public static func load(from location: TemplateLocation) throws -> RiskAreaNames {
        var reader = TemplateReader(location: location)
        let names = TemplateSet.readAreaNames(&reader)
        guard reader.errors.isEmpty else { throw TemplateError(problems: reader.errors) }
        return names
    }
}

/// A parsed rule with the line it came from.
struct LocatedRule<Value> {
    var value: Value
    var line: Int
}

// MARK: - Reading each table

extension TemplateSet {
    fileprivate static func readSettings(
        _ reader: inout TemplateReader
    ) -> (priorities: PrioritySettings?, organisation: String, planning: PlanningSettings) {
        let file = "settings.csv"
        let required = ["priority1_min_share", "priority1_min_spend", "priority2_min_spend"]
        let known = required + ["organisation"] + PlanningSettings.keys
        var values: [String: (text: String, line: Int)] = [:]
        guard let rows = reader.rows(of: file, columns: ["key", "value", "note"]) else {
            return (nil, "", PlanningSettings())
        }
        for row in rows {
            let key = row["key"].lowercased()
            guard known.contains(key) else {
                let keys = known.joined(separator: ", ")
                reader.warning(
                    file, row.line,
                    Phrase(
                        sv: "nyckeln '\(row["key"])' används inte av Kedja. Kontrollera stavningen (kända nycklar: "
                            + "\(keys)) eller ta bort raden.",
                        en: "the key '\(row["key"])' is not used by Kedja. Check its spelling (known keys: \(keys)) or "
                            + "delete the row."))
                continue
            }
            if values[key] != nil {
                let first = values[key]?.line ?? 0
                reader.warning(
                    file, row.line,
                    Phrase(
                        sv: "'\(key)' anges igen; det första värdet (rad \(first)) används. Ta bort en av raderna.",
                        en: "'\(key)' is set again; the first value (line \(first)) is used. Delete one of the rows."))
                continue
            }
            values[key] = (row["value"], row.line)
        }
        var share: Int?
        var spend1: Amount?
        var spend2: Amount?
        for key in required {
            guard let (text, line) = values[key] else {
                reader.error(
                    file, nil,
                    Phrase(
                        sv: "inställningen '\(key)' saknas. Lägg till en rad '\(key);VÄRDE;KOMMENTAR' (se "
                            + "Templates/README.md för standardvärdet).",
                        en:
                            "the setting '\(key)' is missing. Add a row '\(key);VALUE;NOTE' (see Templates/README.md for "
                            + "the default)."))
                continue
            }
            if key == "priority1_min_share" {
                if let fraction = TemplateNumber.fraction(text), fraction.micros <= 1_000_000 {
                    share = Int(fraction.micros)
                } else {
                    reader.error(
                        file, line,
                        Phrase(
                            sv: "priority1_min_share '\(text)' ska vara en andel av total spend från 0 till 1, t.ex. "
                                + "0,005 för 0,5 %.",
                            en: "priority1_min_share '\(text)' must be a share of total spend from 0 to 1, e.g. 0.005 "
                                + "for 0.5 %."))
                }
            } else if let amount = TemplateNumber.amount(text) {
                if key == "priority1_min_spend" { spend1 = amount } else { spend2 = amount }
            } else {
                reader.error(
                    file, line,
                    Phrase(
                        sv: "\(key) '\(text)' ska vara ett belopp i kronor utan mellanslag, tusentalsavgränsare eller "
                            + "valuta, t.ex. 500000.",
                        en: "\(key) '\(text)' must be an amount in SEK without spaces, thousands separators or "
                            + "currency, e.g. 500000."))
            }
        }
        let organisation = values["organisation"]?.text ?? ""
        // The planning keys are optional: a rule set exported before they existed plans with the defaults.
        var planning = PlanningSettings()
        for key in PlanningSettings.keys {
            guard let (text, line) = values[key], !text.isEmpty else { continue }
            guard let number = Int(text), number >= PlanningSettings.least(key), number <= 10_000 else {
                let least = PlanningSettings.least(key)
                let example = PlanningSettings().value(key)
                reader.error(
                    file, line,
                    Phrase(
                        sv: "\(key) '\(text)' ska vara ett heltal från och med \(least), t.ex. \(example).",
                        en: "\(key) '\(text)' must be a whole number from \(least), e.g. \(example)."))
                continue
            }
            planning.set(key, number)
        }
        guard let share, let spend1, let spend2 else { return (nil, organisation, planning) }
        return (
            PrioritySettings(priority1MinShareMillionths: share, priority1MinSpend: spend1, priority2MinSpend: spend2),
            organisation, planning
        )
    }

    fileprivate static func readCategories(_ reader: inout TemplateReader) -> [LocatedRule<
        (category: Category, checkDigits: [Character?])
    >] {
        let file = "categories.csv"
        let columns =
            ["cpv_code", "category_sv", "category_en", "kind"] + RiskArea.allCases.map(\.rawValue)
            + ["source", "year"]
        let optional = ["labour_conditions", "agency_note", "rationale", "url"]
        var result: [LocatedRule<(category: Category, checkDigits: [Character?])>] = []
        var firstCodes = FirstLines<String>()
        let rows = reader.rows(of: file, columns: columns, optional: optional)
        if let rows, rows.isEmpty {
            // Without categories every line goes untagged and every risk unknown: a broken set, not a quiet one.
            reader.error(
                file, nil,
                Phrase(
                    sv: "tabellen har inga kategorier, så ingen rad skulle kunna klassas. Återställ raderna från den "
                        + "inbyggda uppsättningen (kedja templates export KATALOG) eller från versionshanteringen.",
                    en: "the table has no categories, so no line could be classified. Restore its rows from the "
                        + "bundled set (kedja templates export DIR) or from version control."))
        }
        for row in rows ?? [] {
            let codes = reader.cpvCodes(row, "cpv_code", in: file)
            // The first code names the category in the register and the enriched CSV: two rows must not share it.
            if let first = codes?.first?.code {
                if let line = firstCodes.claim(first, line: row.line) {
                    reader.error(
                        file, row.line,
                        Phrase(
                            sv:
                                "\(first) är redan första koden för kategorin på rad \(line). Ge den här raden en annan "
                                + "första kod, eller slå ihop raderna.",
                            en: "\(first) already names the category on line \(line). Give this row another first "
                                + "code, or merge the rows."))
                    continue
                }
            }
            let nameSv = reader.required(row, "category_sv", in: file)
            let nameEn = reader.required(row, "category_en", in: file)
            let kind = CategoryKind(code: row["kind"])
            if kind == nil {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "kind '\(row["kind"])' ska vara något av vara, tjänst eller entreprenad (eller goods, "
                            + "service, works): tjänster och entreprenader som utförs i Sverige får inget landlager.",
                        en: "kind '\(row["kind"])' must be goods, service or works (or vara, tjänst, entreprenad): "
                            + "services and works performed in Sweden get no country layer."))
            }
            let levels = reader.levels(row, in: file)
            var labourConditions: LabourConditionsRisk?
            var labourConditionsRead = true
            if !row["labour_conditions"].isEmpty {
                labourConditions = LabourConditionsRisk(code: row["labour_conditions"])
                if labourConditions == nil {
                    labourConditionsRead = false
                    reader.error(
                        file, row.line,
                        Phrase(
                            sv:
                                "labour_conditions '\(row["labour_conditions"])' ska vara hög risk, risk, låg risk eller "
                                + "ingen risk (Upphandlingsmyndighetens slutsats om oskäliga arbetsvillkor), eller tom.",
                            en: "labour_conditions '\(row["labour_conditions"])' must be high risk, risk, low risk or "
                                + "no risk (the agency's conclusion on unreasonable working conditions), or empty."))
                }
            }
            let source = reader.required(
                row, "source", in: file,
                why: Phrase(
                    sv: "varje bedömning ska ange sin källa (myndighetens sida, eller Kedjas bedömning med en "
                        + "motivering)",
                    en: "every rating must name its source (the agency's page, or Kedjas bedömning with a rationale)"))
            let year = reader.required(row, "year", in: file)
            guard let codes, let nameSv, let nameEn, let kind, let levels, labourConditionsRead, let source, let year
            else { continue }
            let category = Category(
                code: codes[0].code, codes: codes.map(\.code), nameSv: nameSv, nameEn: nameEn, kind: kind,
                levels: levels, labourConditions: labourConditions, agencyNote: row["agency_note"],
                rationale: row["rationale"], source: source, url: row["url"], year: year)
            result.append(LocatedRule(value: (category, codes.map(\.checkDigit)), line: row.line))
        }
        return result
    }

    /// Reads `category-stages.csv` into the categories its rows name by their first code.
    fileprivate static func readStages(
        _ reader: inout TemplateReader,
        into categories: inout [LocatedRule<(category: Category, checkDigits: [Character?])>]
    ) {
        let file = "category-stages.csv"
        let columns = ["cpv_code", "stage"] + RiskArea.allCases.map(\.rawValue)
        var positionByCode: [String: Int] = [:]
        for (position, located) in categories.enumerated() where positionByCode[located.value.category.code] == nil {
            positionByCode[located.value.category.code] = position
        }
        var seen = FirstLines<String>()
        for row in reader.rows(of: file, columns: columns) ?? [] {
            let code = reader.cpvCode(row, "cpv_code", in: file)
            let stage = ChainStage(code: row["stage"])
            if stage == nil {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "stage '\(row["stage"])' ska vara råvara, bearbetning eller sluttillverkning (eller "
                            + "raw_material, processing, final_manufacture).",
                        en: "stage '\(row["stage"])' must be raw_material, processing or final_manufacture (or råvara, "
                            + "bearbetning, sluttillverkning)."))
            }
            let levels = reader.levels(row, in: file)
            guard let code, let stage, let levels else { continue }
            guard let position = positionByCode[code.code] else {
                reader.warning(
                    file, row.line,
                    Phrase(
                        sv: "\(code.code) är inte första cpv_code på någon rad i categories.csv, så nivåerna för det "
                            + "här ledet i kedjan visas aldrig. Använd kategorins första kod.",
                        en: "\(code.code) is not the first cpv_code of any row in categories.csv, so these stage "
                            + "levels are never shown. Use the category's first code."))
                continue
            }
            let key = "\(code.code)/\(stage.rawValue)"
            if let first = seen.claim(key, line: row.line) {
                reader.warning(
                    file, row.line,
                    Phrase(
                        sv: "\(code.code) \(stage.rawValue) finns redan på rad \(first), som används. Ta bort en av "
                            + "raderna.",
                        en: "\(code.code) \(stage.rawValue) is already on line \(first), which is used. Delete one of "
                            + "the rows."))
                continue
            }
            categories[position].value.category.stages[stage] = levels
        }
    }

    fileprivate static func readScope(_ reader: inout TemplateReader) -> [LocatedRule<ScopeRule>] {
        let file = "scope.csv"
        var result: [LocatedRule<ScopeRule>] = []
        for row in reader.rows(of: file, columns: ["field", "value", "reason_sv", "reason_en"], optional: ["source"])
            ?? []
        {
            let field = ScopeRule.Field(rawValue: row["field"].lowercased())
            if field == nil {
                let names = ScopeRule.Field.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "field '\(row["field"])' ska vara ett av \(names).",
                        en: "field '\(row["field"])' must be one of \(names)."))
            }
            let value = reader.required(row, "value", in: file)
            if let field, let value, field == .orgNumber || field == .account,
                !value.allSatisfy({ $0.isASCII && $0.isNumber })
            {
                let whose =
                    field == .orgNumber
                    ? Phrase(sv: "organisationsnumret", en: "organisation number") : Phrase(sv: "kontot", en: "account")
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "value '\(value)' ska vara de inledande siffrorna i \(whose.sv), t.ex. 2.",
                        en: "value '\(value)' must be the leading digits of the \(whose.en), e.g. 2."))
                continue
            }
            let reasonSv = reader.required(row, "reason_sv", in: file)
            let reasonEn = reader.required(row, "reason_en", in: file)
            guard let field, let value, let reasonSv, let reasonEn else { continue }
            result.append(
                LocatedRule(
                    value: ScopeRule(
                        field: field, value: value, reasonSv: reasonSv,
                        reasonEn: reasonEn, source: row["source"]), line: row.line))
        }
        return result
    }

    static func readAreaNames(_ reader: inout TemplateReader) -> RiskAreaNames {
        let file = "risk-areas.csv"
        let columns = ["area", "label_sv", "label_en", "short_sv", "short_en", "meaning_sv", "meaning_en"]
        var names: [RiskArea: RiskAreaNames.Names] = [:]
        guard let rows = reader.rows(of: file, columns: columns) else { return RiskAreaNames(names) }
        let known = RiskArea.allCases.map(\.rawValue).joined(separator: ", ")
        for row in rows {
            guard let area = RiskArea(rawValue: row["area"].lowercased()) else {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "area '\(row["area"])' är inget riskområde. Använd något av \(known).",
                        en: "area '\(row["area"])' is not a risk area. Use one of \(known)."))
                continue
            }
            guard names[area] == nil else {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "området '\(area.rawValue)' har redan en rad ovanför; ta bort en av dem.",
                        en: "the area '\(area.rawValue)' has a row above; delete one of them."))
                continue
            }
            var words: [String: [Language: String]] = [:]
            for column in columns.dropFirst() {
                guard let text = reader.required(row, column, in: file) else { continue }
                let language: Language = column.hasSuffix("_sv") ? .sv : .en
                words[String(column.dropLast(3)), default: [:]][language] = text
            }
            names[area] = RiskAreaNames.Names(
                label: words["label"] ?? [:], short: words["short"] ?? [:], meaning: words["meaning"] ?? [:])
        }
        for area in RiskArea.allCases where names[area] == nil {
            reader.error(
                file, nil,
                Phrase(
                    sv: "riskområdet '\(area.rawValue)' har ingen rad. Lägg till en med områdets namn och betydelse på "
                        + "svenska och engelska.",
                    en: "the risk area '\(area.rawValue)' has no row. Add one with its names and meaning in Swedish "
                        + "and English."))
        }
        return RiskAreaNames(names)
    }

    fileprivate static func readLegalForms(_ reader: inout TemplateReader) -> LegalForms {
        let file = "legal-forms.csv"
        var spellings: [(spelling: String, form: String)] = []
        for row in reader.rows(of: file, columns: ["spelling", "form"], optional: ["note"]) ?? [] {
            guard let spelling = reader.required(row, "spelling", in: file),
                let form = reader.required(row, "form", in: file)
            else { continue }
            // Both are compared as a name's folded words are, so each must fold to exactly one word.
            let words = (LegalForms.words(of: spelling), LegalForms.words(of: form))
            guard words.0.count == 1, words.1.count == 1 else {
                let word = words.0.count == 1 ? form : spelling
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "'\(word)' ska vara ett ord utan mellanslag eller skiljetecken, så som det står i ett namn "
                            + "(AB, Ltd, GmbH).",
                        en: "'\(word)' must be one word without spaces or punctuation, as it stands in a name (AB, "
                            + "Ltd, GmbH)."))
                continue
            }
            spellings.append((words.0[0], words.1[0]))
        }
        if Set(spellings.map(\.form)).count > LegalForms.capacity {
            reader.error(
                file, nil,
                Phrase(
                    sv: "tabellen anger fler än \(LegalForms.capacity) bolagsformer; slå ihop stavningar av samma "
                        + "bolagsform.",
                    en: "the table names more than \(LegalForms.capacity) legal forms; merge spellings of one form."))
        }
        return LegalForms(spellings: spellings)
    }

    fileprivate static func readKeywords(_ reader: inout TemplateReader) -> [LocatedRule<KeywordRule>] {
        let file = "keywords.csv"
        var result: [LocatedRule<KeywordRule>] = []
        for row in reader.rows(of: file, columns: ["keyword", "language", "cpv_code", "note"]) ?? [] {
            let keyword = reader.required(row, "keyword", in: file)
            let language = Language(rawValue: row["language"].lowercased())
            if language == nil {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "language '\(row["language"])' ska vara sv eller en.",
                        en: "language '\(row["language"])' must be sv or en."))
            }
            let code = reader.cpvCode(row, "cpv_code", in: file)
            guard let keyword, let language, let code else { continue }
            result.append(
                LocatedRule(
                    value: KeywordRule(
                        keyword: keyword, language: language, cpvCode: code.code,
                        note: row["note"]), line: row.line))
        }
        return result
    }

    fileprivate static func readAccounts(_ reader: inout TemplateReader) -> [LocatedRule<AccountGroup>] {
        let file = "accounts.csv"
        let columns = ["account_prefix", "account_group_sv", "account_group_en", "cpv_code", "note", "source", "year"]
        var result: [LocatedRule<AccountGroup>] = []
        for row in reader.rows(of: file, columns: columns) ?? [] {
            let prefix = row["account_prefix"]
            let prefixIsValid = (1...15).contains(prefix.count) && prefix.allSatisfy { $0.isASCII && $0.isNumber }
            if !prefixIsValid {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "account_prefix '\(prefix)' ska vara kontonas inledande siffror (1 till 15 siffror, t.ex. "
                            + "64).",
                        en: "account_prefix '\(prefix)' must be the leading digits of the accounts (1 to 15 digits, "
                            + "e.g. 64)."))
            }
            let nameSv = reader.required(row, "account_group_sv", in: file)
            let nameEn = reader.required(row, "account_group_en", in: file)
            var code: String?
            var codeIsValid = true
            if !row["cpv_code"].isEmpty {
                code = reader.cpvCode(row, "cpv_code", in: file)?.code
                codeIsValid = code != nil
            }
            guard prefixIsValid, let nameSv, let nameEn, codeIsValid else { continue }
            result.append(
                LocatedRule(
                    value: AccountGroup(
                        prefix: prefix, nameSv: nameSv, nameEn: nameEn, cpvCode: code, note: row["note"],
                        source: row["source"], year: row["year"]), line: row.line))
        }
        return result
    }

    fileprivate static func readCountries(_ reader: inout TemplateReader) -> [LocatedRule<
        (country: Country, source: String)
    >] {
        let file = "countries.csv"
        var result: [LocatedRule<(country: Country, source: String)>] = []
        let rows = reader.rows(
            of: file, columns: ["alpha2", "alpha3", "name_en", "name_sv", "variants"],
            optional: ["source"])
        for row in rows ?? [] {
            let alpha2 = row["alpha2"].uppercased()
            let alpha3 = row["alpha3"].uppercased()
            let alpha2IsValid = alpha2.count == 2 && alpha2.allSatisfy { $0.isASCII && $0.isLetter }
            let alpha3IsValid = alpha3.count == 3 && alpha3.allSatisfy { $0.isASCII && $0.isLetter }
            if !alpha2IsValid {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "alpha2 '\(row["alpha2"])' ska vara en ISO 3166-1-kod med två bokstäver, t.ex. SE.",
                        en: "alpha2 '\(row["alpha2"])' must be a two-letter ISO 3166-1 code, e.g. SE."))
            }
            if !alpha3IsValid {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "alpha3 '\(row["alpha3"])' ska vara en ISO 3166-1-kod med tre bokstäver, t.ex. SWE.",
                        en: "alpha3 '\(row["alpha3"])' must be a three-letter ISO 3166-1 code, e.g. SWE."))
            }
            let nameEn = reader.required(row, "name_en", in: file)
            let nameSv = reader.required(row, "name_sv", in: file)
            guard alpha2IsValid, alpha3IsValid, let nameEn, let nameSv else { continue }
            let variants = row["variants"].split(separator: "|")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let country = Country(alpha2: alpha2, alpha3: alpha3, nameEn: nameEn, nameSv: nameSv, variants: variants)
            result.append(LocatedRule(value: (country, row["source"]), line: row.line))
        }
        return result
    }

    fileprivate static func readIndexValues(_ reader: inout TemplateReader) -> [LocatedRule<CountryIndexValue>] {
        let file = "country-indices.csv"
        var result: [LocatedRule<CountryIndexValue>] = []
        for row in reader.rows(of: file, columns: ["alpha2", "index", "edition", "value", "source"]) ?? [] {
            let alpha2 = reader.required(row, "alpha2", in: file)?.uppercased()
            let index = reader.required(row, "index", in: file)?.lowercased()
            let edition = reader.required(row, "edition", in: file)
            let value = reader.required(row, "value", in: file)
            let source = reader.required(row, "source", in: file)
            guard let alpha2, let index, let edition, let value, let source else { continue }
            result.append(
                LocatedRule(
                    value: CountryIndexValue(
                        alpha2: alpha2, index: index, edition: edition,
                        value: value, source: source), line: row.line))
        }
        return result
    }

    fileprivate static func readBands(_ reader: inout TemplateReader) -> [LocatedRule<CountryBand>] {
        let file = "country-bands.csv"
        let columns = ["index", "index_name", "publisher", "area", "lower", "upper", "value", "level"]
        var result: [LocatedRule<CountryBand>] = []
        for row in reader.rows(of: file, columns: columns) ?? [] {
            let index = reader.required(row, "index", in: file)?.lowercased()
            let area = RiskArea(rawValue: row["area"].lowercased())
            if area == nil {
                let names = RiskArea.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "area '\(row["area"])' ska vara ett av \(names).",
                        en: "area '\(row["area"])' must be one of \(names)."))
            }
            let level = reader.level(row, "level", in: file)
            if level == .unknown {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "level 'unknown' (okänd) ger ingen bedömning. Skriv hög, medel eller låg, eller ta bort "
                            + "raden.",
                        en: "level 'unknown' gives no rating. Write high, medium or low, or delete the row."))
            }
            let match = bandMatch(row, file: file, reader: &reader)
            guard let index, let area, let level, level != .unknown, let match else { continue }
            result.append(
                LocatedRule(
                    value: CountryBand(
                        index: index, indexName: row["index_name"].isEmpty ? index : row["index_name"],
                        publisher: row["publisher"], area: area, match: match, level: level), line: row.line))
        }
        return result
    }

    private static func bandMatch(_ row: TemplateRow, file: String, reader: inout TemplateReader) -> CountryBand.Match?
    {
        let lower = row["lower"]
        let upper = row["upper"]
        let exact = row["value"]
        if !exact.isEmpty {
            guard lower.isEmpty, upper.isEmpty else {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "ange antingen value eller lower och upper, inte båda. Töm det ena.",
                        en: "give either a value or lower and upper, not both. Empty one of them."))
                return nil
            }
            return .exact(exact)
        }
        guard let low = TemplateNumber.decimal(lower), let high = TemplateNumber.decimal(upper), low <= high else {
            reader.error(
                file, row.line,
                Phrase(
                    sv: "lower '\(lower)' och upper '\(upper)' ska vara tal med lower ≤ upper (båda inräknade), eller "
                        + "lämna dem tomma och ange value.",
                    en: "lower '\(lower)' and upper '\(upper)' must be numbers with lower ≤ upper (both included), or "
                        + "leave them empty and give a value."))
            return nil
        }
        return .range(lower: low, upper: high)
    }

    fileprivate static func readTasks(_ reader: inout TemplateReader) -> [LocatedRule<
        (task: PhaseTask, source: String, year: String)
    >] {
        let file = "tasks.csv"
        let columns = [
            "id", "level", "phase_sv", "phase_en", "text_sv", "text_en", "min_risk", "areas", "max_priority",
        ]
        var result: [LocatedRule<(task: PhaseTask, source: String, year: String)>] = []
        var seen: [String: Int] = [:]
        for row in reader.rows(of: file, columns: columns, optional: ["applies_to", "source", "year"]) ?? [] {
            let id = reader.required(row, "id", in: file)?.uppercased()
            let appliesTo = row["applies_to"].lowercased()
            guard ["", "any", "goods"].contains(appliesTo) else {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "applies_to '\(row["applies_to"])' ska vara any eller goods (en uppgift om en varas "
                            + "leveranskedja), eller tom för any.",
                        en: "applies_to '\(row["applies_to"])' must be any or goods (a task about a product's chain), "
                            + "or empty for any."))
                continue
            }
            if let id, let first = seen[id] {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "id \(id) används redan av uppgiften på rad \(first). Ge varje uppgift ett eget id.",
                        en: "task id \(id) is already used on line \(first). Give each task its own id."))
                continue
            }
            let level = taskLevel(row["level"])
            if level == nil {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "level '\(row["level"])' ska vara strategisk, taktisk eller operativ (eller strategic, "
                            + "tactical, operative).",
                        en: "level '\(row["level"])' must be strategic, tactical or operative (or strategisk, taktisk, "
                            + "operativ)."))
            }
            let minimum = minimumRisk(row["min_risk"])
            if minimum == nil {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "min_risk '\(row["min_risk"])' ska vara alla, okänd, låg, medel eller hög (eller any, "
                            + "unknown, low, medium, high).",
                        en: "min_risk '\(row["min_risk"])' must be any, unknown, low, medium or high."))
            }
            let areas = taskAreas(row["areas"])
            if areas == nil {
                let names = RiskArea.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "areas '\(row["areas"])' ska vara any, eller områden bland \(names) åtskilda av |.",
                        en: "areas '\(row["areas"])' must be any, or areas from \(names) separated by |."))
            }
            let maxPriority = reader.integer(row, "max_priority", in: file, range: 1...3)
            let texts = ["phase_sv", "phase_en", "text_sv", "text_en"].map { reader.required(row, $0, in: file) }
            guard let id, let level, let minimum, let areas, let maxPriority,
                let phaseSv = texts[0], let phaseEn = texts[1], let textSv = texts[2], let textEn = texts[3]
            else { continue }
            seen[id] = row.line
            let task = PhaseTask(
                id: id, level: level, phaseSv: phaseSv, phaseEn: phaseEn, textSv: textSv, textEn: textEn,
                trigger: PhaseTask.Trigger(
                    minimumRisk: minimum, areas: areas.all ? nil : areas.set,
                    maxPriority: maxPriority, goodsOnly: appliesTo == "goods"))
            result.append(LocatedRule(value: (task, row["source"], row["year"]), line: row.line))
        }
        return result
    }

    private static func taskLevel(_ text: String) -> PhaseTask.Level? {
        switch text.lowercased() {
        case "strategic", "strategisk": return .strategic
        case "tactical", "taktisk": return .tactical
        case "operative", "operativ": return .operative
        default: return nil
        }
    }

    private static func minimumRisk(_ text: String) -> PhaseTask.MinimumRisk? {
        let lowered = text.lowercased()
        if let minimum = PhaseTask.MinimumRisk(rawValue: lowered) { return minimum }
        if lowered == "alla" { return .any }
        guard let level = RiskLevel(code: lowered) else { return nil }
        switch level {
        case .unknown: return .unknown
        case .low: return .low
        case .medium: return .medium
        case .high: return .high
        }
    }

    private static func taskAreas(_ text: String) -> (all: Bool, set: Set<RiskArea>)? {
        if text.isEmpty || text.lowercased() == "any" { return (true, []) }
        var set = Set<RiskArea>()
        for name in text.split(separator: "|") {
            guard let area = RiskArea(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                return nil
            }
            set.insert(area)
        }
        return set.isEmpty ? nil : (false, set)
    }

    fileprivate static func readFollowUp(_ reader: inout TemplateReader) -> [LocatedRule<FollowUpStep>] {
        let file = "followup.csv"
        let columns = ["priority", "step", "task_id", "method_sv", "method_en", "offset_days"]
        var result: [LocatedRule<FollowUpStep>] = []
        for row in reader.rows(of: file, columns: columns, optional: ["track"]) ?? [] {
            var track = FollowUpTrack.supplyChain
            if !row["track"].isEmpty {
                guard let read = FollowUpTrack(rawValue: row["track"].lowercased()) else {
                    reader.error(
                        file, row.line,
                        Phrase(
                            sv: "track '\(row["track"])' ska vara supply_chain eller labour_conditions, eller tom för "
                                + "supply_chain.",
                            en: "track '\(row["track"])' must be supply_chain or labour_conditions, or empty for "
                                + "supply_chain."))
                    continue
                }
                track = read
            }
            let priority = reader.integer(row, "priority", in: file, range: 1...3)
            let step = reader.integer(row, "step", in: file, range: 1...99)
            let taskID = reader.required(row, "task_id", in: file)?.uppercased()
            let methodSv = reader.required(row, "method_sv", in: file)
            let methodEn = reader.required(row, "method_en", in: file)
            let offset = reader.integer(row, "offset_days", in: file, range: 0...3650)
            guard let priority, let step, let taskID, let methodSv, let methodEn, let offset else { continue }
            if offset == 0 {
                reader.warning(
                    file, row.line,
                    Phrase(
                        sv:
                            "offset_days 0 gör att steget ska vara klart planens första dag, utan tid att genomföra det "
                            + "(en självskattning tar veckor att besvara). Ge steget de dagar det behöver, t.ex. 30.",
                        en: "offset_days 0 makes the step due on the plan's first day, leaving no time to carry it out "
                            + "(a self-assessment takes weeks to answer). Give it the days it needs, e.g. 30."))
            }
            result.append(
                LocatedRule(
                    value: FollowUpStep(
                        track: track, priority: priority, step: step, taskID: taskID,
                        methodSv: methodSv, methodEn: methodEn, offsetDays: offset),
                    line: row.line))
        }
        return result
    }

    fileprivate static func readQuestions(_ reader: inout TemplateReader) -> [Question] {
        let file = "questions.csv"
        let columns = ["id", "topic", "level", "text_sv", "text_en", "evidence_sv", "evidence_en"]
        var result: [Question] = []
        var firstLines: [String: Int] = [:]
        let topics = (RoutineRequirement.allCases.map(\.rawValue) + RiskArea.allCases.map(\.rawValue))
            .joined(separator: ", ")
        for row in reader.rows(of: file, columns: columns) ?? [] {
            let id = reader.required(row, "id", in: file)
            if let id, let first = firstLines[id.uppercased()] {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "id '\(id)' används redan på rad \(first); svaren kopplas till frågorna med id. Ge frågan "
                            + "ett eget id.",
                        en: "the id '\(id)' is already used on line \(first); answers are matched by id. Give the "
                            + "question an id of its own."))
                continue
            }
            if let id, id.contains(where: { $0 == "|" || $0.isWhitespace }) {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "id '\(id)' innehåller ett mellanslag eller '|'. Använd bokstäver och siffror, t.ex. L7.",
                        en: "the id '\(id)' contains a space or '|'. Use letters and digits, e.g. L7."))
                continue
            }
            let topic = QuestionTopic(code: row["topic"])
            if topic == nil {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "topic '\(row["topic"])' ska vara ett av \(topics).",
                        en: "topic '\(row["topic"])' must be one of \(topics)."))
            }
            let level = QuestionLevel(code: row["level"])
            if level == nil {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "level '\(row["level"])' ska vara bas, avancerad eller kollektivavtal (eller basic, "
                            + "advanced, collective-agreement).",
                        en: "level '\(row["level"])' must be basic, advanced or collective-agreement."))
            }
            let textSv = reader.required(row, "text_sv", in: file)
            let textEn = reader.required(row, "text_en", in: file)
            guard let id, let topic, let level, let textSv, let textEn else { continue }
            firstLines[id.uppercased()] = row.line
            result.append(
                Question(
                    id: id, topic: topic, level: level, textSv: textSv, textEn: textEn,
                    evidenceSv: row["evidence_sv"], evidenceEn: row["evidence_en"]))
        }
        if result.isEmpty, reader.errors.allSatisfy({ !$0.path.hasSuffix(file) }) {
            reader.error(
                file, nil,
                Phrase(
                    sv: "tabellen har inga frågor; kedja questionnaires behöver minst en. Återställ den från den "
                        + "inbyggda uppsättningen.",
                    en: "the table has no questions; kedja questionnaires needs at least one. Restore it from the "
                        + "bundled set."))
        }
        return result
    }

    fileprivate static func collectSources(
        categories: [Category], accounts: [AccountGroup], countries: [LocatedRule<(country: Country, source: String)>],
        indexValues: [CountryIndexValue], tasks: [LocatedRule<(task: PhaseTask, source: String, year: String)>]
    ) -> [TemplateSource] {
        var sources: [TemplateSource] = []
        var seen = Set<TemplateSource>()
        func add(_ file: String, _ source: String, _ year: String) {
            let entry = TemplateSource(file: file, source: source, year: year)
            guard !source.isEmpty, seen.insert(entry).inserted else { return }
            sources.append(entry)
        }
        categories.forEach { add("categories.csv", $0.source, $0.year) }
        accounts.forEach { add("accounts.csv", $0.source, $0.year) }
        countries.forEach { add("countries.csv", $0.value.source, "") }
        indexValues.forEach { add("country-indices.csv", $0.source, $0.edition) }
        tasks.forEach { add("tasks.csv", $0.value.source, $0.value.year) }
        return sources
    }
}

// MARK: - Building the indexes

/// Builds the lookup indexes from parsed rules, recording doubts as warnings.
private struct IndexBuilder {
    var reader: TemplateReader
    var index = TemplateIndex()

    mutating func indexCategories(_ categories: [LocatedRule<(category: Category, checkDigits: [Character?])>]) {
        var firstLine = FirstLines<Int>()
        for (position, located) in categories.enumerated() {
            let category = located.value.category
            index.categoryLines.append(located.line)
            index.categoryCheckDigits.append(located.value.checkDigits)
            for prefix in category.prefixes {
                guard let key = CPVCode.prefixKey(of: prefix) else { continue }
                if let first = firstLine.claim(key, line: located.line) {
                    reader.warning(
                        "categories.csv", located.line,
                        Phrase(
                            sv: "en kod i kategorin \(category.code) har samma prefix \(prefix) som en kod på rad "
                                + "\(first), som används. Behåll prefixet på en rad.",
                            en: "a code of \(category.code) has the same prefix \(prefix) as a code on line \(first), "
                                + "which is used. Keep the prefix in one row."))
                    continue
                }
                if let value = Int(prefix), let division = Int(prefix.prefix(2)) {
                    var divisor = 1
                    for _ in prefix.count..<8 { divisor *= 10 }
                    index.categoryPrefixesByDivision[division].append(
                        CategoryPrefix(value: value, divisor: divisor, length: prefix.count, category: position))
                }
            }
        }
        for division in index.categoryPrefixesByDivision.indices {
            index.categoryPrefixesByDivision[division].sort { $0.length > $1.length }
        }
    }

    mutating func indexKeywords(_ keywords: [LocatedRule<KeywordRule>]) {
        var firstLine = FirstLines<String>()
        for located in keywords {
            let rule = located.value
            index.keywordLines.append(located.line)
            guard let code = Int(rule.cpvCode), let match = index.categoryPrefix(forCode: code) else {
                reader.warning(
                    "keywords.csv", located.line,
                    Phrase(
                        sv:
                            "'\(rule.keyword)' pekar på \(rule.cpvCode), som ingen kategori i categories.csv täcker, så "
                            + "nyckelordet används inte. Lägg till en kategori för koden eller ändra koden.",
                        en: "'\(rule.keyword)' points at \(rule.cpvCode), which no category in categories.csv covers, "
                            + "so it is ignored. Add a category for it or change the code."))
                continue
            }
            let folded = String(decoding: TextFolding.searchBytes(rule.keyword), as: UTF8.self)
            if let first = firstLine.claim(folded, line: located.line) {
                reader.warning(
                    "keywords.csv", located.line,
                    Phrase(
                        sv: "'\(rule.keyword)' upprepar nyckelordet på rad \(first), som används. Ta bort en av "
                            + "raderna.",
                        en: "'\(rule.keyword)' repeats the keyword on line \(first), which is used. Delete one of "
                            + "the rows."))
                continue
            }
            index.keywordMatcher.insert(rule.keyword, target: match.category, specificity: match.length)
        }
    }

    mutating func indexAccounts(_ accounts: [LocatedRule<AccountGroup>]) {
        var firstLine = FirstLines<Int>()
        for (position, located) in accounts.enumerated() {
            let group = located.value
            index.accountLines.append(located.line)
            guard let key = CPVCode.prefixKey(of: group.prefix) else { continue }
            if let first = firstLine.claim(key, line: located.line) {
                reader.warning(
                    "accounts.csv", located.line,
                    Phrase(
                        sv: "kontoprefixet \(group.prefix) finns redan på rad \(first), som används. Ta bort en av "
                            + "raderna.",
                        en: "account prefix \(group.prefix) is already on line \(first), which is used. Delete one of "
                            + "the rows."))
                continue
            }
            index.accountGroupByPrefix[key] = position
            index.longestAccountPrefix = max(index.longestAccountPrefix, group.prefix.count)
            guard let cpv = group.cpvCode else { continue }
            if let code = Int(cpv), let category = index.category(forCode: code) {
                index.accountCategories[position] = category
            } else {
                reader.warning(
                    "accounts.csv", located.line,
                    Phrase(
                        sv: "kontogruppen \(group.prefix) pekar på \(cpv), som ingen kategori i categories.csv täcker, "
                            + "så den ger ingen ledtråd om kategorin. Lägg till en kategori för koden eller ändra "
                            + "koden.",
                        en: "account group \(group.prefix) points at \(cpv), which no category in categories.csv "
                            + "covers, so it gives no hint. Add a category for it or change the code."))
            }
        }
    }

    mutating func indexCountries(_ countries: [LocatedRule<(country: Country, source: String)>]) {
        var owner: [String: (alpha2: String, line: Int)] = [:]
        for (position, located) in countries.enumerated() {
            let country = located.value.country
            if let existing = owner[country.alpha2.lowercased()], existing.alpha2 == country.alpha2 {
                reader.warning(
                    "countries.csv", located.line,
                    Phrase(
                        sv:
                            "\(country.alpha2) finns redan på rad \(existing.line), som används. Ta bort en av raderna.",
                        en: "\(country.alpha2) is already on line \(existing.line), which is used. Delete one of the "
                            + "rows."))
                continue
            }
            for form in [country.alpha2, country.alpha3, country.nameEn, country.nameSv] + country.variants {
                let key = TextFolding.lookupKey(form)
                guard !key.isEmpty else { continue }
                if let existing = owner[key] {
                    if existing.alpha2 != country.alpha2 {
                        reader.warning(
                            "countries.csv", located.line,
                            Phrase(
                                sv: "'\(form)' betecknar också \(existing.alpha2) (rad \(existing.line)), och där "
                                    + "gäller det. Ta bort det från en av raderna.",
                                en: "'\(form)' also names \(existing.alpha2) (line \(existing.line)), which keeps it. "
                                    + "Remove it from one of the rows."))
                    }
                    continue
                }
                owner[key] = (country.alpha2, located.line)
                index.countryByKey[key] = position
            }
        }
    }

    mutating func indexCountryRisk(
        _ values: [LocatedRule<CountryIndexValue>], bands: [LocatedRule<CountryBand>], countries: [Country]
    ) {
        let known = Set(countries.map(\.alpha2))
        let bandedIndices = Set(bands.map(\.value.index))
        for located in values {
            let value = located.value
            guard known.contains(value.alpha2) else {
                reader.warning(
                    "country-indices.csv", located.line,
                    Phrase(
                        sv: "\(value.alpha2) finns inte i countries.csv, så landets värde för \(value.index) används "
                            + "aldrig. Lägg till landet eller rätta koden.",
                        en: "\(value.alpha2) is not in countries.csv, so its \(value.index) value is never used. Add "
                            + "the country or correct the code."))
                continue
            }
            index.indexValuesByCountry[value.alpha2, default: []].append(value)
            guard bandedIndices.contains(value.index) else { continue }
            guard
                let band = bands.first(where: { $0.value.index == value.index && $0.value.contains(value.value) })?
                    .value
            else {
                reader.warning(
                    "country-indices.csv", located.line,
                    Phrase(
                        sv: "\(value.alpha2) \(value.index) '\(value.value)' hamnar inte i något intervall i "
                            + "country-bands.csv, så landet förblir obedömt för indexet. Lägg till ett intervall som "
                            + "täcker värdet.",
                        en: "\(value.alpha2) \(value.index) '\(value.value)' falls in no band of country-bands.csv, so "
                            + "the country stays not assessed for it. Add a band that covers the value."))
                continue
            }
            let rating = CountryRating(
                level: band.level, index: value.index, indexName: band.indexName, publisher: band.publisher,
                edition: value.edition, value: value.value, source: value.source)
            if let current = index.ratingsByCountry[value.alpha2]?[band.area], current.level >= rating.level {
                continue
            }
            index.ratingsByCountry[value.alpha2, default: [:]][band.area] = rating
            index.profilesByCountry[value.alpha2, default: .unassessed][band.area] = rating.level
        }
    }

    mutating func indexFollowUp(_ steps: [LocatedRule<FollowUpStep>], tasks: [PhaseTask]) {
        let taskIDs = Set(tasks.map(\.id))
        var firstLine = FirstLines<String>()
        for located in steps {
            let step = located.value
            if !taskIDs.contains(step.taskID) {
                let ids = tasks.map(\.id).joined(separator: ", ")
                reader.warning(
                    "followup.csv", located.line,
                    Phrase(
                        sv: "task_id \(step.taskID) finns inte i tasks.csv. Använd något av \(ids).",
                        en: "task_id \(step.taskID) is not in tasks.csv. Use one of \(ids)."))
            }
            let key = "\(step.track.rawValue)/\(step.priority)/\(step.step)"
            if let first = firstLine.claim(key, line: located.line) {
                reader.warning(
                    "followup.csv", located.line,
                    Phrase(
                        sv: "\(step.track.rawValue) prioritet \(step.priority) steg \(step.step) finns redan på rad "
                            + "\(first), som används. Numrera stegen 1, 2, 3, …",
                        en: "\(step.track.rawValue) priority \(step.priority) step \(step.step) is already on line "
                            + "\(first), which is used. Number the steps 1, 2, 3, …"))
                continue
            }
            index.followUpByTrack[step.track, default: [:]][step.priority, default: []].append(step)
        }
        for track in index.followUpByTrack.keys {
            for priority in index.followUpByTrack[track]?.keys.map({ $0 }) ?? [] {
                index.followUpByTrack[track]?[priority]?.sort { $0.step < $1.step }
            }
        }
    }

    mutating func indexScope(_ rules: [LocatedRule<ScopeRule>]) {
        for (position, located) in rules.enumerated() {
            let rule = located.value
            switch rule.field {
            case .orgNumber: index.scopeOrgPrefixes.append((rule.value, position))
            case .account:
                guard let key = CPVCode.prefixKey(of: rule.value), index.scopeRuleByAccountPrefix[key] == nil else {
                    reader.warning(
                        "scope.csv", located.line,
                        Phrase(
                            sv: "kontoprefixet \(rule.value) upprepar en tidigare rad, som används. Ta bort en av "
                                + "raderna.",
                            en: "account prefix \(rule.value) repeats an earlier row, which is used. Delete one of the "
                                + "rows."))
                    continue
                }
                index.scopeRuleByAccountPrefix[key] = position
                index.longestScopeAccountPrefix = max(index.longestScopeAccountPrefix, rule.value.count)
            case .name:
                if !index.scopeNameMatcher.insert(rule.value, target: position, wholeWord: true) {
                    reader.warning(
                        "scope.csv", located.line,
                        Phrase(
                            sv: "namnorden '\(rule.value)' upprepar en tidigare rad eller är tomma, så raden används "
                                + "inte. Ta bort en av raderna.",
                            en: "the name words '\(rule.value)' repeat an earlier row or are empty, so the row is not "
                                + "used. Delete one of the rows."))
                }
            case .text:
                if !index.scopeTextMatcher.insert(rule.value, target: position, wholeWord: true) {
                    reader.warning(
                        "scope.csv", located.line,
                        Phrase(
                            sv: "textorden '\(rule.value)' upprepar en tidigare rad eller är tomma, så raden används "
                                + "inte. Ta bort en av raderna.",
                            en: "the text words '\(rule.value)' repeat an earlier row or are empty, so the row is not "
                                + "used. Delete one of the rows."))
                }
            }
        }
        // The longest prefix decides.
        index.scopeOrgPrefixes.sort { $0.prefix.count > $1.prefix.count }
    }
}

/// The line each key of a table was first met on: where repeated rows are doubts and the first one is used.
struct FirstLines<Key: Hashable> {
    private var lines: [Key: Int] = [:]

    /// Records `key` on `line` unless it was met before; returns the earlier line then (which stays in force).
    mutating func claim(_ key: Key, line: Int) -> Int? {
        if let first = lines[key] { return first }
        lines[key] = line
        return nil
    }
}
