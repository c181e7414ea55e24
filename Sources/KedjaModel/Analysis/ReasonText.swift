/// The sentence beside every rating: which rule, which code, which source, which index value, so a specialist
/// can check it.
///
/// Two forms of the same inputs: the full one for the risk register, and a compact one of at most
/// ``compactLimit`` characters for the enriched CSV, which goes back into an ERP text field. Both name every
/// input: the category with its source and year, the country with its role and index values.
///
/// Example (en, full): "CPV 30192000-1 → Office supplies (goods; Upphandlingsmyndigheten, riskanalys:
/// Kontorsartiklar, 2026): human rights high, labour rights high, environment high, anti-corruption high;
/// CN China (production country in the supplier list): Freedom in the World (status) 2025 NF → human rights
/// high, Global Rights Index 2026 5 → labour rights high, Corruption Perceptions Index 2025 43 → anti-corruption
/// medium".
enum ReasonText {
    /// The most characters of the compact form: what an ERP text field takes.
    static let compactLimit = 255

    /// What a reason speaks of.
    enum Inputs {
        /// A payment outside the scope of procurement, and the rule that says so.
        case excluded(ScopeRule)
        /// A rated line.
        case rated(
            category: Category?, evidence: String, country: Country?, countryEvidence: String, layer: CountryLayer,
            ratings: [RiskArea: CountryRating], levels: RiskProfile)
    }

    /// The full reason, for the risk register.
    static func full(_ inputs: Inputs, areas: RiskAreaNames, language: Language) -> String {
        let sv = language == .sv
        switch inputs {
        case .excluded(let rule):
            return (sv ? "utanför omfånget (inte upphandling): " : "outside the scope (not procurement): ")
                + rule.reason(language)
                + (sv ? " – räknas inte in i risk eller uppföljning" : " – not rated and not followed up")
        case let .rated(category, evidence, country, countryEvidence, layer, ratings, levels):
            var parts: [String] = []
            if let category {
                var text =
                    "\(evidence) → \(category.name(language)) (\(category.kind.label(language)); \(sourceLabel(category))"
                if let conditions = category.labourConditions { text += ": \(conditions.label(language))" }
                text += ")"
                let areaLevels = RiskArea.allCases.compactMap { area -> String? in
                    let level = category.levels[area]
                    return level.isAssessed ? "\(areas.word(area, language)) \(level.word(language))" : nil
                }
                if !areaLevels.isEmpty { text += ": " + areaLevels.joined(separator: ", ") }
                parts.append(text)
            } else {
                parts.append(
                    sv
                        ? "ingen kategori (ingen CPV-kod, leverantörsuppgift, nyckelord eller kontogrupp träffade)"
                        : "no category (no CPV code, supplier list entry, keyword or account group matched)")
            }
            if let country {
                var text = "\(country.alpha2) \(country.name(language))"
                if !countryEvidence.isEmpty { text += " (\(countryEvidence))" }
                switch layer.role {
                case .performedInSweden:
                    text +=
                        sv
                        ? ": inget landlager, tjänsten utförs i Sverige"
                        : ": no country layer, the service is performed in Sweden"
                case .registeredInSweden:
                    text +=
                        sv
                        ? ": registrerad i Sverige, vilket inte säger var varorna tillverkas – inget landlager"
                        : ": registered in Sweden, which says nothing about where the goods are made – no country layer"
                case .production, .registeredStandIn:
                    if layer.role == .registeredStandIn {
                        text +=
                            sv
                            ? ", registreringsland i stället för okänt tillverkningsland"
                            : ", registered country standing in for the unknown production country"
                    }
                    let rated = RiskArea.allCases.compactMap { area -> String? in
                        guard let rating = ratings[area] else { return nil }
                        return
                            "\(rating.indexName) \(rating.edition) \(rating.value) → \(areas.word(area, language)) \(rating.level.word(language))"
                    }
                    text +=
                        rated.isEmpty
                        ? (sv ? ": inget landindex" : ": no country index")
                        : ": " + rated.joined(separator: ", ")
                    if category == nil, !rated.isEmpty {
                        text +=
                            sv
                            ? " (utan kategori kan landet bara höja ett område till hög, aldrig sätta medel eller låg)"
                            : " (without a category the country can only raise an area to high, never set medium or low)"
                    }
                case .none:
                    break
                }
                parts.append(text)
            } else if category?.isPerformedInSweden == true {
                parts.append(
                    sv
                        ? "inget landlager, tjänsten utförs i Sverige"
                        : "no country layer, the service is performed in Sweden")
            } else {
                parts.append(sv ? "land okänt" : "country unknown")
            }
            if category?.needsLabourConditions == true {
                parts.append(
                    sv
                        ? "uppföljning: arbetsrättsliga villkor på kollektivavtalsnivå (LOU 17 kap. 2–3 §§), kontroll av lönebesked, arbetstider och underleverantörer"
                        : "follow-up: labour-law conditions at collective-agreement level (LOU ch. 17 §§ 2–3), checked through pay slips, working hours and subcontractors"
                )
            }
            if levels.overall == .unknown {
                parts.append(
                    sv
                        ? "risken är okänd, inte låg: klassificera leverantören (CPV-kod eller kategori i leverantörsregistret)"
                        : "risk unknown, not low: classify the supplier (CPV code or category in the supplier list)")
            } else if RiskArea.allCases.contains(where: { !levels[$0].isAssessed }) {
                let unknown = RiskArea.allCases.filter { !levels[$0].isAssessed }.map { areas.word($0, language) }
                parts.append((sv ? "okänt: " : "unknown: ") + unknown.joined(separator: ", "))
            }
            return parts.joined(separator: "; ")
        }
    }

    /// The compact reason, for the enriched CSV: at most ``compactLimit`` characters, every input named.
    ///
    /// Example (sv): "CPV 30192000-1 → Kontorsartiklar [Upphandlingsmyndigheten, riskanalys: Kontorsartiklar
    /// 2026] MR hög AR hög MI hög AK hög; CN tillverkningsland: FH 2025 NF, ITUC 2026 5, CPI 2025 43".
    static func compact(_ inputs: Inputs, areas: RiskAreaNames, language: Language) -> String {
        let sv = language == .sv
        switch inputs {
        case .excluded(let rule):
            return fitted([(sv ? "utanför omfånget: " : "outside scope: ") + rule.reason(language)])
        case let .rated(category, evidence, country, _, layer, ratings, levels):
            var evidencePart = category == nil ? "" : evidence
            let namePart = category.map { " → \($0.name(language))" } ?? (sv ? "ingen kategori" : "no category")
            var sourcePart = category?.source ?? ""
            let yearPart = category?.year ?? ""
            let levelPart = RiskArea.allCases.map { "\(areas.shortLabel($0, language)) \(levels[$0].word(language))" }
                .joined(separator: " ")
            var countryPart: String
            switch (layer.role, country) {
            case (.performedInSweden, let country):
                countryPart =
                    (country.map { "\($0.alpha2) " } ?? "")
                    + (sv ? "tjänst i Sverige: inget landlager" : "service in Sweden: no country layer")
            case (.registeredInSweden, _):
                countryPart = sv ? "SE registreringsland: inget landlager" : "SE registered: no country layer"
            case (.production, let country?), (.registeredStandIn, let country?):
                let role =
                    layer.role == .production
                    ? (sv ? "tillverkningsland" : "production country")
                    : (sv ? "reg.land i st.f. tillv.land" : "registered, for production country")
                let values = RiskArea.allCases.compactMap { area -> String? in
                    guard let rating = ratings[area] else { return nil }
                    return "\(rating.shortIndexName) \(rating.edition) \(rating.value)"
                }
                countryPart =
                    "\(country.alpha2) \(role): "
                    + (values.isEmpty ? (sv ? "inget index" : "no index") : values.joined(separator: ", "))
            default:
                countryPart = sv ? "land okänt" : "country unknown"
            }
            if category?.needsLabourConditions == true {
                countryPart += sv ? "; kollektivavtalsvillkor" : "; collective-agreement conditions"
            }
            // When the whole does not fit, the evidence and the source's text shrink; the category's name, the
            // source's year, the levels and the country never. UTF-8 lengths bound character counts from above.
            let fixed = namePart.utf8.count + levelPart.utf8.count + countryPart.utf8.count + yearPart.utf8.count + 10
            if evidencePart.utf8.count + sourcePart.utf8.count + fixed > compactLimit {
                let room = max(compactLimit - fixed, 20)
                evidencePart = truncated(evidencePart, to: max(room - sourcePart.unicodeScalars.count, room / 2))
                sourcePart = truncated(sourcePart, to: room - evidencePart.unicodeScalars.count)
            }
            let source =
                category == nil
                ? "" : " [" + [sourcePart, yearPart].filter { !$0.isEmpty }.joined(separator: ", ") + "]"
            // A category name too long for the field (none in the bundled tables) shrinks last, so the levels
            // and the country still fit.
            let others = [evidencePart, source, levelPart, countryPart].map(\.unicodeScalars.count).reduce(3, +)
            let name = truncated(namePart, to: max(compactLimit - others, 10))
            return fitted([evidencePart + name + source + " " + levelPart, countryPart])
        }
    }

    /// The category's source and year as one label.
    static func sourceLabel(_ category: Category) -> String {
        [category.source, category.year].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The parts joined, cut to the limit with an ellipsis if they still exceed it.
    private static func fitted(_ parts: [String]) -> String {
        truncated(parts.filter { !$0.isEmpty }.joined(separator: "; "), to: compactLimit)
    }

    /// The text cut to at most `limit` characters (Unicode scalars, as an ERP counts them), ending in "…" when cut.
    private static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let scalars = text.unicodeScalars
        guard limit > 1, let cut = scalars.index(scalars.startIndex, offsetBy: limit - 1, limitedBy: scalars.endIndex),
            cut != scalars.endIndex, scalars.index(after: cut) != scalars.endIndex
        else { return limit > 1 ? text : "" }
        return String(scalars[..<cut]) + "…"
    }
}

/// Whether a line's country speaks to its risk, and in which role (DOMAIN.md, "Combining layers"): the
/// production country for goods; a foreign supplier's registered country as a stand-in; never a Swedish
/// registered country (it says nothing about where goods are made); never for services and works performed
/// in Sweden.
struct CountryLayer {
    enum Role {
        /// No country known.
        case none
        /// Where the goods are made.
        case production
        /// A foreign registered country standing in for the unknown production country.
        case registeredStandIn
        /// Registered in Sweden: no country layer.
        case registeredInSweden
        /// A service or works performed in Sweden: no country layer.
        case performedInSweden
    }

    let role: Role
    let isProduction: Bool

    init(category: Category?, country: Country?, isProduction: Bool) {
        self.isProduction = isProduction
        if category?.isPerformedInSweden == true {
            role = .performedInSweden
        } else if let country {
            role = isProduction ? .production : country.alpha2 == "SE" ? .registeredInSweden : .registeredStandIn
        } else {
            role = .none
        }
    }

    /// Whether the country's index values take part in the rating.
    var applies: Bool { role == .production || role == .registeredStandIn }
}

/// The words naming where a category or country came from, in the reason's language.
struct EvidencePhrases {
    let language: Language

    private var sv: Bool { language == .sv }

    func supplierListCPV(_ code: String) -> String {
        sv ? "leverantörsregistrets CPV \(code)" : "supplier list CPV \(code)"
    }

    func supplierListCategory(_ category: String, keyword: String) -> String {
        sv
            ? "leverantörsregistrets kategori '\(category)' (nyckelord '\(keyword)')"
            : "supplier list category '\(category)' (keyword '\(keyword)')"
    }

    func supplierListName(_ name: String, category: String, keyword: String) -> String {
        sv
            ? "leverantörsregistrets namn '\(name)' (nyckelord '\(keyword)', som säger mer än kategorin '\(category)')"
            : "supplier list name '\(name)' (keyword '\(keyword)', which says more than the category '\(category)')"
    }

    func supplierListCountry(_ text: String, production: Bool) -> String {
        switch (sv, production) {
        case (true, true): return "tillverkningsland '\(text)' i leverantörsregistret"
        case (true, false): return "land '\(text)' i leverantörsregistret"
        case (false, true): return "production country '\(text)' in the supplier list"
        case (false, false): return "country '\(text)' in the supplier list"
        }
    }

    func lineCountry(production: Bool) -> String {
        switch (sv, production) {
        case (true, true): return "tillverkningsland på raden"
        case (true, false): return "land på raden"
        case (false, true): return "production country on the line"
        case (false, false): return "country on the line"
        }
    }

    func keyword(_ keyword: String, in role: ColumnRole) -> String {
        let place: String
        switch role {
        case .description: place = sv ? "beskrivningen" : "the description"
        case .accountText: place = sv ? "kontotexten" : "the account text"
        default: place = sv ? "leverantörsnamnet" : "the supplier name"
        }
        return sv ? "nyckelord '\(keyword)' i \(place)" : "keyword '\(keyword)' in \(place)"
    }

    func accountGroup(_ prefix: String, _ name: String) -> String {
        sv ? "kontogrupp \(prefix) \(name)" : "account group \(prefix) \(name)"
    }
}
