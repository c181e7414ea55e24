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

    /// The area's name as shown in workbooks and messages.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.humanRights, .sv): return "Mänskliga rättigheter"
        case (.humanRights, .en): return "Human rights"
        case (.labourRights, .sv): return "Arbetares rättigheter"
        case (.labourRights, .en): return "Labour rights"
        case (.environment, .sv): return "Miljöskydd"
        case (.environment, .en): return "Environment"
        case (.antiCorruption, .sv): return "Anti-korruption"
        case (.antiCorruption, .en): return "Anti-corruption"
        }
    }

    /// The area's name in running text, in lower case: "mänskliga rättigheter", "anti-corruption".
    public func word(_ language: Language) -> String {
        switch (self, language) {
        case (.humanRights, .sv): return "mänskliga rättigheter"
        case (.humanRights, .en): return "human rights"
        case (.labourRights, .sv): return "arbetares rättigheter"
        case (.labourRights, .en): return "labour rights"
        case (.environment, .sv): return "miljöskydd"
        case (.environment, .en): return "environment"
        case (.antiCorruption, .sv): return "anti-korruption"
        case (.antiCorruption, .en): return "anti-corruption"
        }
    }

    /// The area's abbreviation in compact reasons: MR, AR, MI, AK / HR, LR, EN, AC.
    public func shortLabel(_ language: Language) -> String {
        switch (self, language) {
        case (.humanRights, .sv): return "MR"
        case (.humanRights, .en): return "HR"
        case (.labourRights, .sv): return "AR"
        case (.labourRights, .en): return "LR"
        case (.environment, .sv): return "MI"
        case (.environment, .en): return "EN"
        case (.antiCorruption, .sv): return "AK"
        case (.antiCorruption, .en): return "AC"
        }
    }
}
