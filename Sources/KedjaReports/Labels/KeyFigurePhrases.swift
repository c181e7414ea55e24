import KedjaModel

/// The names of the key figures that the register's summary and the committee report show.
enum KeyFigurePhrases {
    static let totalSpend = Phrase(sv: "Total spend", en: "Total spend")
    static let registerSpend = Phrase(sv: "Spend i riskregistrets rader", en: "Spend in the risk register's rows")
    static let registerSpendNote = Phrase(
        sv: "Stämmer med total spend (med spend utanför omfånget)",
        en: "Equals the total spend (with the spend outside the scope)")
    static let registerSpendDiffers = Phrase(
        sv: "Skiljer sig från total spend – kontrollera indata", en: "Differs from the total spend – check the input")
    static let suppliers = Phrase(sv: "Leverantörer", en: "Suppliers")
    static let registerRows = Phrase(
        sv: "Rader i riskregistret (leverantör × kategori)", en: "Risk register rows (supplier × category)")
    static let recordsRead = Phrase(sv: "Lästa poster", en: "Records read")
    static let spendLines = Phrase(sv: "Fakturarader (godkända poster)", en: "Spend lines (accepted records)")
    static let rejectedRecords = Phrase(sv: "Avvisade poster", en: "Rejected records")
    static let rejectedAmount = Phrase(
        sv: "Belopp i avvisade poster (där det gick att läsa)", en: "Amount in rejected records (where readable)")
    static let reconciles = Phrase(
        sv: "Alla poster redovisade (lästa = godkända + avvisade)",
        en: "Every record accounted for (read = accepted + rejected)")
    static let rejectedNote = Phrase(
        sv: "Se bladet Avvisade", en: "See the Rejected sheet")
    static let classifiedSpend = Phrase(
        sv: "Spend med kategori (klassificerad)", en: "Spend with a category (classified)")
    static let highOverallSpend = Phrase(sv: "Spend med hög sammanlagd risk", en: "Spend at high overall risk")
    static let unknownOverallSpend = Phrase(
        sv: "Spend med okänd risk (behöver kartläggas)", en: "Spend of unknown risk (needs mapping)")
    static let uncategorisedSpend = Phrase(
        sv: "Spend utan kategori (okänd risk, inte låg)", en: "Spend without a category (unknown risk, not low)")
    static let uncategorisedNote = Phrase(
        sv: "Klassificera leverantörerna i listan nedan först", en: "Classify the suppliers listed below first")
    static let excludedSpend = Phrase(
        sv: "Utanför omfånget (inte upphandling)", en: "Outside the scope (not procurement)")
    static let classifyNextHeading = Phrase(sv: "Klassificera härnäst", en: "What to classify next")
    static let classifyNextNote = Phrase(
        sv:
            "Leverantörerna med mest spend utan kategori: fyll i CPV-kod eller kategori i leverantörsregistret för dem först.",
        en:
            "The suppliers with the most spend without a category: fill in their CPV code or category in the supplier list first."
    )
    static let classifyNextHeaders = [
        Phrase(sv: "Leverantör", en: "Supplier"), Phrase(sv: "Spend utan kategori", en: "Spend without a category"),
        Phrase(sv: "Andel av spend", en: "Share of spend"), Phrase(sv: "Åtgärd", en: "Action"),
    ]
    static let fillInListEntry = Phrase(
        sv: "Fyll i CPV-kod eller kategori i leverantörsregistret",
        en: "Fill in CPV code or category in the supplier list")
    static let addToList = Phrase(
        sv: "Lägg till i leverantörsregistret med CPV-kod eller kategori",
        en: "Add to the supplier list with a CPV code or category")
    static let lines = Phrase(sv: "rader", en: "lines")
    static let priority1Rows = Phrase(sv: "Rader med prioritet 1", en: "Rows with priority 1")
    static let priority1Suppliers = Phrase(sv: "Leverantörer med prioritet 1", en: "Suppliers with priority 1")
    static let tasksFirstQuarter = Phrase(
        sv: "Uppföljningsuppgifter som förfaller under planens första kvartal",
        en: "Follow-up tasks due in the plan's first quarter")

    /// "123 rader, räknas inte in i risk eller uppföljning", beside the spend outside the scope.
    static func excludedNote(_ lines: Int, _ language: Language) -> String {
        language == .sv
            ? "\(lines) rader (offentliga myndigheter, bidrag m.m.) – bedöms och följs inte upp"
            : "\(lines) lines (public bodies, grants etc.) – not rated or followed up"
    }

    /// "Alla poster redovisade (lästa = godkända + avvisade): Ja", as a note beside the rejected records.
    static func reconciliation(_ accountedFor: Bool, _ language: Language) -> String {
        reconciles.text(language) + ": " + (accountedFor ? CommonPhrases.yes : CommonPhrases.no).text(language)
    }

    /// "Spend med hög risk: Miljöskydd" / "Spend at high risk: Environment".
    static func highRiskSpend(_ areaLabel: String, _ language: Language) -> String {
        Phrase(sv: "Spend med hög risk: ", en: "Spend at high risk: ").text(language) + areaLabel
    }
}
