import KedjaModel

/// The heat map's words, shared by the register workbook and the committee report.
enum HeatMapPhrases {
    static let category = Phrase(sv: "Kategori", en: "Category")
    static let cpv = Phrase(sv: "CPV", en: "CPV")
    static let spend = Phrase(sv: "Spend", en: "Spend")
    static let share = Phrase(sv: "Andel av spend", en: "Share of spend")
    static let highOverallSpend = Phrase(sv: "Spend med hög sammanlagd risk", en: "Spend at high overall risk")
    static let suppliers = Phrase(sv: "Leverantörer", en: "Suppliers")
    static let overall = Phrase(sv: "Sammanlagd risk", en: "Overall risk")
    static let note = Phrase(
        sv: "Varje riskcell visar den högsta nivån bland kategorins rader i riskregistret. Okänd betyder att "
            + "området inte kunde bedömas, inte att risken är låg.",
        en: "Each risk cell shows the highest level among the category's rows in the risk register. Unknown means "
            + "the area could not be assessed, not that the risk is low.")
}
