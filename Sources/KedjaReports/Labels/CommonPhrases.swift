import KedjaModel

/// Words shared by the three workbooks: placeholders for missing values, category sources, print footers.
enum CommonPhrases {
    /// Shown in a country cell when no country is known, so a filter can find the rows.
    static let unknownCountry = Phrase(sv: "(okänt land)", en: "(unknown country)")
    /// Shown in a category cell when no rule classified the spend.
    static let unclassified = Phrase(sv: "(ej klassificerad)", en: "(unclassified)")
    /// Yes, for reconciliation and similar checks.
    static let yes = Phrase(sv: "Ja", en: "Yes")
    /// No.
    static let no = Phrase(sv: "Nej", en: "No")
    /// Printed before the page number in footers.
    static let page = Phrase(sv: "Sida", en: "Page")
    /// Printed between the page number and the page count.
    static let of = Phrase(sv: "av", en: "of")
    /// The author stored in every workbook's properties: the tool, since no person typed the figures.
    static let author = "Kedja"
    /// The subject stored in every workbook's properties.
    static let subject = Phrase(sv: "Ansvarsfulla leveranskedjor", en: "Responsible supply chains")
    /// Column headers of the rule-table list that every workbook shows.
    static let sourceHeaders = [
        Phrase(sv: "Tabell", en: "Table"), Phrase(sv: "Källa", en: "Source"), Phrase(sv: "År", en: "Year"),
    ]
    /// The heading above that list.
    static let sourcesHeading = Phrase(sv: "Regeltabeller som användes", en: "Rule tables used")

    /// How a category was found, as the data-quality figures name it.
    static func categorySource(_ source: CategorySource) -> Phrase {
        switch source {
        case .cpv: Phrase(sv: "CPV-kod på fakturaraden", en: "CPV code on the line")
        case .supplier: Phrase(sv: "Leverantörsregistret", en: "Supplier list")
        case .keyword: Phrase(sv: "Nyckelord i texten", en: "Keyword in the text")
        case .account: Phrase(sv: "Konto (Kommun-Bas)", en: "Account (Kommun-Bas)")
        case .none: Phrase(sv: "Ingen (ej klassificerad)", en: "None (unclassified)")
        case .excluded: Phrase(sv: "Utanför omfånget (inte upphandling)", en: "Outside the scope (not procurement)")
        }
    }

    /// A country's name in `language`, or the unknown-country placeholder.
    static func countryName(_ country: Country?, _ language: Language) -> String {
        country?.name(language) ?? unknownCountry.text(language)
    }

    /// A category's name in `language`, or the unclassified placeholder.
    static func categoryName(_ category: Category?, _ language: Language) -> String {
        category?.name(language) ?? unclassified.text(language)
    }
}
