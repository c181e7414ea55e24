/// One of the four sustainability risk areas, from the UN Global Compact's ten principles.
///
/// Risk is always judged per area, because a category can be high for labour rights and low for
/// corruption, and the follow-up differs. The raw values are the column names used in the rule
/// tables and in the enriched CSV (`kedja_risk_human_rights`, …).
public enum RiskArea: String, CaseIterable, Sendable, Codable {
    /// Human rights: UDHR, child labour, land rights, indigenous peoples, conflict minerals.
    case humanRights = "human_rights"
    /// Labour rights: the ILO fundamental conventions and the production country's labour law.
    case labourRights = "labour_rights"
    /// Environmental protection: the production country's environmental law.
    case environment
    /// Anti-corruption: the UN Convention against Corruption.
    case antiCorruption = "anti_corruption"
}

/// How the rule tables name and explain each risk area (`risk-areas.csv`), in Swedish and English.
///
/// The areas themselves are the enum above, because each is a column of the rule tables and of every
/// register; what they are called and what they cover are words a team may want in its own terms, so they
/// live in a table like every other domain fact.
public struct RiskAreaNames: Sendable {
    /// One area's words.
    public struct Names: Sendable {
        /// The name as a heading, per language: "Mänskliga rättigheter".
        public var label: [Language: String]
        /// The abbreviation in compact reasons, per language: "MR".
        public var short: [Language: String]
        /// What the area covers, in plain words, per language.
        public var meaning: [Language: String]

        public init(label: [Language: String], short: [Language: String], meaning: [Language: String]) {
            self.label = label
            self.short = short
            self.meaning = meaning
        }
    }

    private let names: [RiskArea: Names]

    /// - Parameter names: every area's words; an area without them shows its raw value.
    public init(_ names: [RiskArea: Names]) {
        self.names = names
    }

    /// The area's name as shown in workbooks and messages.
    public func label(_ area: RiskArea, _ language: Language) -> String {
        names[area]?.label[language] ?? area.rawValue
    }

    /// The area's name in running text, its first letter in lower case: "mänskliga rättigheter".
    public func word(_ area: RiskArea, _ language: Language) -> String {
        let label = label(area, language)
        return label.prefix(1).lowercased() + label.dropFirst()
    }

    /// The area's abbreviation in compact reasons: MR, AR, MI, AK / HR, LR, EN, AC.
    public func shortLabel(_ area: RiskArea, _ language: Language) -> String {
        names[area]?.short[language] ?? area.rawValue
    }

    /// What the area covers, for the Method sheet.
    public func meaning(_ area: RiskArea, _ language: Language) -> String {
        names[area]?.meaning[language] ?? ""
    }
}
