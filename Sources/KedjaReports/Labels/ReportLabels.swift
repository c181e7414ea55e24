import KedjaModel

/// The committee report's sheet names in one language, for scripts and tests that open the report.
public struct ReportLabels: Sendable, Equatable {
    /// Key figures and the tables the charts read: `Översikt` / `Overview`.
    public let overviewSheet: String
    /// What changed since last period's register, in a report made with `--previous`: `Förändringar` / `Changes`.
    public let changesSheet: String
    /// Each area's changed level with the reasons, with `--previous`: `Förändringar, detaljer` / `Change details`.
    public let changeDetailsSheet: String
    /// The charts: `Diagram` / `Charts`.
    public let chartsSheet: String
    /// The ten largest risks: `Största risker` / `Top risks`.
    public let topRisksSheet: String
    /// Categories × areas: `Riskkarta` / `Heat map`.
    public let heatMapSheet: String
    /// How much of the spend could be classified: `Datakvalitet` / `Data quality`.
    public let dataQualitySheet: String
    /// How ratings are made and the rule tables used: `Metod` / `Method`.
    public let methodSheet: String

    /// The labels in `language`.
    public init(_ language: Language) {
        overviewSheet = ReportPhrases.overviewSheet.text(language)
        changesSheet = ChangePhrases.sheet.text(language)
        changeDetailsSheet = ChangePhrases.detailsSheet.text(language)
        chartsSheet = ReportPhrases.chartsSheet.text(language)
        topRisksSheet = ReportPhrases.topRisksSheet.text(language)
        heatMapSheet = RegisterPhrases.heatMapSheet.text(language)
        dataQualitySheet = ReportPhrases.dataQualitySheet.text(language)
        methodSheet = RegisterPhrases.methodSheet.text(language)
    }
}

/// The committee report's words.
enum ReportPhrases {
    static let overviewSheet = Phrase(sv: "Översikt", en: "Overview")
    static let chartsSheet = Phrase(sv: "Diagram", en: "Charts")
    static let topRisksSheet = Phrase(sv: "Största risker", en: "Top risks")
    static let dataQualitySheet = Phrase(sv: "Datakvalitet", en: "Data quality")

    static let title = Phrase(
        sv: "Ansvarsfulla leveranskedjor – rapport", en: "Responsible supply chains – report")
    static let subtitle = Phrase(
        sv: "Underlag för nämnden: risk för negativ påverkan på människor och miljö i leveranskedjan, per "
            + "riskområde, de största riskerna, riskkartan och datakvaliteten.",
        en: "For the committee: the risk of negative impact on people and the environment in the supply chain, "
            + "per risk area, the largest risks, the heat map and the quality of the data.")
    static let keyFigureHeaders = [
        Phrase(sv: "Nyckeltal", en: "Key figure"), Phrase(sv: "Värde", en: "Value"),
        Phrase(sv: "Andel av spend", en: "Share of spend"), Phrase(sv: "Kommentar", en: "Note"),
    ]

    static let levelTableHeading = Phrase(
        sv: "Spend per riskområde och risknivå", en: "Spend per risk area and risk level")
    static let area = Phrase(sv: "Riskområde", en: "Risk area")
    static let total = Phrase(sv: "Totalt", en: "Total")
    static let priorityTableHeading = Phrase(sv: "Riskregistret per prioritet", en: "Risk register by priority")
    static let priority = Phrase(sv: "Prioritet", en: "Priority")
    static let rows = Phrase(sv: "Rader", en: "Rows")
    static let suppliers = Phrase(sv: "Leverantörer", en: "Suppliers")
    static let spend = Phrase(sv: "Spend", en: "Spend")

    static let levelChartTitle = Phrase(
        sv: "Spend per risknivå och riskområde", en: "Spend by risk level and risk area")
    static let priorityChartTitle = Phrase(sv: "Spend per prioritet", en: "Spend by priority")
    static let chartsNote = Phrase(
        sv: "Diagrammen läser tabellerna nedan.", en: "The charts read the tables below.")

    static let topRisksTitle = Phrase(sv: "De tio största riskerna", en: "The ten largest risks")
    static let topRisksHeading = Phrase(
        sv: "Prioritet först, sedan spend. Rader med låg sammanlagd risk visas inte.",
        en: "Priority first, then spend. Rows of low overall risk are left out.")
    static let rank = Phrase(sv: "Nr", en: "No.")

    static let dataQualityHeading = Phrase(sv: "Datakvalitet", en: "Data quality")
    static let qualityHeaders = [
        Phrase(sv: "Mått", en: "Measure"), Phrase(sv: "Värde", en: "Value"),
        Phrase(sv: "Andel av spend", en: "Share of spend"), Phrase(sv: "Kommentar", en: "Note"),
    ]
    static let unmatchedSuppliers = Phrase(
        sv: "Leverantörer som inte finns i leverantörsregistret", en: "Suppliers not found in the supplier list")
    static let noSupplierList = Phrase(
        sv: "Ingen leverantörslista angavs", en: "No supplier list was given")
    static let linesWithoutCountry = Phrase(sv: "Fakturarader utan känt land", en: "Lines without a known country")
    static let linesWithoutCategory = Phrase(sv: "Fakturarader utan kategori", en: "Lines without a category")
    static let spendWithoutCategory = Phrase(sv: "Spend utan kategori", en: "Spend without a category")
    static let sourceHeading = Phrase(sv: "Spend per kategorikälla", en: "Spend by category source")
    static let sourceHeaders = [
        Phrase(sv: "Kategorin kom från", en: "Category found by"), Phrase(sv: "Spend", en: "Spend"),
        Phrase(sv: "Andel av spend", en: "Share of spend"),
    ]
    static let unknownCountriesHeading = Phrase(
        sv: "Landnamn som inte kändes igen", en: "Country names not recognised")
    static let unknownCountriesHeaders = [
        Phrase(sv: "Landnamn i indata", en: "Country name in the input"), Phrase(sv: "Fakturarader", en: "Lines"),
    ]
    static let unmatchedHeading = Phrase(
        sv: "Leverantörer som inte finns i leverantörsregistret (största spend först, högst 50)",
        en: "Suppliers not found in the supplier list (largest spend first, at most 50)")
    static let none = Phrase(sv: "Inga", en: "None")
    static let priority1RowsNote = Phrase(sv: "Rader i riskregistret", en: "Rows in the risk register")
    static let notApplicable = "–"

    /// "av 1 234 fakturarader" / "of 1,234 lines": the base of a count of lines.
    static func ofLines(_ lines: Int, _ language: Language) -> String {
        Phrase(sv: "av \(lines) fakturarader", en: "of \(lines) lines").text(language)
    }

    /// "Prioritet 1" / "Priority 1".
    static func priorityLabel(_ priority: Int, _ language: Language) -> String {
        "\(ReportPhrases.priority.text(language)) \(priority)"
    }

    /// The first quarter's dates, e.g. "2026-01-01 – 2026-03-31".
    static func period(from start: String, through end: String) -> String {
        "\(start) – \(end)"
    }
}
