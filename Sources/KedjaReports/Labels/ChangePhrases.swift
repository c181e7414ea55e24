import KedjaModel

/// The words of the committee report's Changes sheet (`kedja report --previous`).
enum ChangePhrases {
    static let sheet = Phrase(sv: "Förändringar", en: "Changes")
    static let title = Phrase(sv: "Förändringar sedan föregående period", en: "Changes since the previous period")
    static let detailsSheet = Phrase(sv: "Förändringar, detaljer", en: "Change details")
    static let detailsTitle = Phrase(
        sv: "Ändrade nivåer per riskområde, med motiveringarna", en: "Changed levels per risk area, with the reasons")
    static let area = Phrase(sv: "Riskområde", en: "Risk area")
    static let levelBefore = Phrase(sv: "Nivå förra perioden", en: "Level, previous period")
    static let levelNow = Phrase(sv: "Nivå nu", en: "Level now")

    /// The line under the title: what was compared and from which change spend shifts count.
    static func basis(previous: String, threshold: String) -> Phrase {
        Phrase(
            sv: "Jämfört med föregående riskregister: \(previous). Leverantörer matchas på organisationsnummer, "
                + "annars namn. Spendförändringar visas från \(threshold) kr.",
            en: "Compared with the previous risk register: \(previous). Suppliers are matched by organisation number, "
                + "else by name. Spend shifts are shown from \(threshold) kr.")
    }

    static let joinedHeading = Phrase(sv: "Nya på högrisklistan", en: "New on the high-risk list")
    static let leftHeading = Phrase(sv: "Borta från högrisklistan", en: "Gone from the high-risk list")
    static let levelsHeading = Phrase(
        sv: "Ändrad sammanlagd risk (varje områdes ändring och motiveringarna: bladet Förändringar, detaljer)",
        en: "Changed overall risk (each area's change and the reasons: the Change details sheet)")
    static let spendHeading = Phrase(sv: "Spendförändringar", en: "Spend shifts")
    static let none = Phrase(sv: "Inga", en: "None")

    static let supplier = Phrase(sv: "Leverantör", en: "Supplier")
    static let orgNumber = Phrase(sv: "Org.nr", en: "Org. number")
    static let category = Phrase(sv: "Kategori", en: "Category")
    static let highRiskCategories = Phrase(sv: "Kategorier med hög risk", en: "Categories at high risk")
    static let highRiskSpend = Phrase(sv: "Spend med hög risk", en: "Spend at high risk")
    static let change = Phrase(sv: "Förändring", en: "Change")
    static let overallBefore = Phrase(sv: "Sammanlagd risk förra perioden", en: "Overall risk, previous period")
    static let overallNow = Phrase(sv: "Sammanlagd risk nu", en: "Overall risk now")
    static let areasChanged = Phrase(sv: "Ändrade riskområden", en: "Areas changed")
    static let reasonNow = Phrase(sv: "Motivering nu", en: "Reason now")
    static let reasonBefore = Phrase(sv: "Motivering förra perioden", en: "Reason, previous period")
    static let spendBefore = Phrase(sv: "Spend förra perioden", en: "Spend, previous period")
    static let spendNow = Phrase(sv: "Spend nu", en: "Spend now")
    static let changeShare = Phrase(sv: "Förändring i procent", en: "Change in per cent")

    static let newSupplier = Phrase(sv: "Ny leverantör", en: "New supplier")
    static let noSpendNow = Phrase(sv: "Ingen spend denna period", en: "No spend this period")

    /// Why a supplier joined the list though it was in last period's register: `Risken höjd från Medel`.
    static func raised(from level: RiskLevel) -> Phrase {
        Phrase(sv: "Risken höjd från \(level.label(.sv))", en: "Risk raised from \(level.label(.en))")
    }

    /// Why a supplier left the list though it still has spend: `Risken sänkt till Låg`.
    static func lowered(to level: RiskLevel) -> Phrase {
        Phrase(sv: "Risken sänkt till \(level.label(.sv))", en: "Risk lowered to \(level.label(.en))")
    }

    /// One area's change: `Miljöskydd: Medel → Hög`.
    static func areaChange(_ areaLabel: String, from before: RiskLevel, to now: RiskLevel, _ language: Language)
        -> String
    {
        "\(areaLabel): \(before.label(language)) → \(now.label(language))"
    }
}
