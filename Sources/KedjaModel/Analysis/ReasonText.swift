/// The sentence beside every rating: which rule, which code, which index value, so a specialist can check it.
///
/// Example (en): "CPV 18100000 → Textiles, clothing, footwear (Upphandlingsmyndigheten 2019): human rights high,
/// labour rights high, environment high, anti-corruption high; BD Bangladesh (production country on the line):
/// Freedom in the World (status) 2025 PF → human rights medium, Global Rights Index 2026 5 → labour rights high,
/// Corruption Perceptions Index 2025 24 → anti-corruption high".
enum ReasonText {
    static func compose(
        category: Category?, evidence: String, country: Country?, countryEvidence: String,
        ratings: [RiskArea: CountryRating], levels: RiskProfile, language: Language
    ) -> String {
        var parts: [String] = []
        if let category {
            let areaLevels = RiskArea.allCases.compactMap { area -> String? in
                let level = category.levels[area]
                return level.isAssessed ? "\(area.label(language).lowercased()) \(level.label(language).lowercased())" : nil
            }
            let source = [category.source, category.year].filter { !$0.isEmpty }.joined(separator: " ")
            var text = "\(evidence) → \(category.name(language))"
            if !source.isEmpty { text += " (\(source))" }
            text += areaLevels.isEmpty ? "" : ": " + areaLevels.joined(separator: ", ")
            parts.append(text)
        } else {
            parts.append(language == .sv
                ? "ingen kategori (ingen CPV-kod, leverantörsuppgift, nyckelord eller kontogrupp träffade)"
                : "no category (no CPV code, supplier list entry, keyword or account group matched)")
        }
        if let country {
            let name = country.name(language)
            var text = "\(country.alpha2) \(name)"
            if !countryEvidence.isEmpty { text += " (\(countryEvidence))" }
            let rated = RiskArea.allCases.compactMap { area -> String? in
                guard let rating = ratings[area] else { return nil }
                return "\(rating.indexName) \(rating.edition) \(rating.value) → \(area.label(language).lowercased()) \(rating.level.label(language).lowercased())"
            }
            text += rated.isEmpty
                ? (language == .sv ? ": inget landindex" : ": no country index")
                : ": " + rated.joined(separator: ", ")
            parts.append(text)
        } else {
            parts.append(language == .sv ? "land okänt" : "country unknown")
        }
        if levels.overall == .unknown {
            parts.append(language == .sv
                ? "risken är okänd, inte låg: kartlägg leverantören"
                : "risk unknown, not low: map this supplier")
        }
        return parts.joined(separator: "; ")
    }
}

/// The words naming where a category or country came from, in the reason's language.
struct EvidencePhrases {
    let language: Language

    private var sv: Bool { language == .sv }

    func supplierListCPV(_ code: String) -> String {
        sv ? "leverantörsregistrets CPV \(code)" : "supplier list CPV \(code)"
    }

    func supplierListCategory(_ category: String, keyword: String) -> String {
        sv ? "leverantörsregistrets kategori '\(category)' (nyckelord '\(keyword)')"
            : "supplier list category '\(category)' (keyword '\(keyword)')"
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
