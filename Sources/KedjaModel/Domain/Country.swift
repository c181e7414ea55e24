/// A country as Kedja recognises it in spend and supplier files: one row of `Templates/countries.csv`.
public struct Country: Sendable, Hashable, Identifiable {
    /// The ISO 3166-1 alpha-2 code (or the user-assigned `XK` for Kosovo).
    public var alpha2: String
    /// The ISO 3166-1 alpha-3 code.
    public var alpha3: String
    /// The English name.
    public var nameEn: String
    /// The Swedish name.
    public var nameSv: String
    /// Other spellings users write ("UK", "Storbritannien", "Holland", …).
    public var variants: [String]

    /// Creates a country.
    public init(alpha2: String, alpha3: String, nameEn: String, nameSv: String, variants: [String] = []) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.nameEn = nameEn
        self.nameSv = nameSv
        self.variants = variants
    }

    /// The alpha-2 code identifies the country.
    public var id: String { alpha2 }

    /// The country's name in `language`.
    public func name(_ language: Language) -> String {
        language == .sv ? nameSv : nameEn
    }
}

/// A country's risk in one area, from one published index, with what is needed to explain it.
///
/// The reason text of a tag names the index, its edition and the raw value ("ITUC Global Rights
/// Index 2026: 5"), so a reader can check the rating against the publisher.
public struct CountryRating: Sendable, Hashable {
    /// The risk level the country band gives the value.
    public var level: RiskLevel
    /// The index identifier used in the tables, e.g. `cpi`, `ituc`, `fh_status`.
    public var index: String
    /// The index's name, e.g. "Corruption Perceptions Index".
    public var indexName: String
    /// Who publishes the index, e.g. "Transparency International".
    public var publisher: String
    /// The edition the value comes from, e.g. "2025".
    public var edition: String
    /// The value as published, e.g. "24", "5+" or "NF".
    public var value: String
    /// The attribution for the value, as given in `country-indices.csv`.
    public var source: String

    /// The index's identifier in capitals without its variant, for compact reasons: `CPI`, `ITUC`, `FH`.
    public var shortIndexName: String {
        (index.split(separator: "_").first.map(String.init) ?? index).uppercased()
    }

    /// Creates a rating.
    public init(
        level: RiskLevel, index: String, indexName: String, publisher: String,
        edition: String, value: String, source: String
    ) {
        self.level = level
        self.index = index
        self.indexName = indexName
        self.publisher = publisher
        self.edition = edition
        self.value = value
        self.source = source
    }
}
