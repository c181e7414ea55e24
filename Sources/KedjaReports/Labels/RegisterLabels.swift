import KedjaModel

/// The sheet names and the risk register's column headers of the register workbook, in one language.
///
/// These are promises to users and to the scripts they build around the workbook (CONTRACT.md, "Workbooks"):
/// scripts find the register by its sheet name and its columns by these headers on row 1. Add, never rename.
public struct RegisterLabels: Sendable, Equatable {
    /// The key-figures sheet: `Sammanfattning` / `Summary`.
    public let summarySheet: String
    /// The risk register: `Riskregister` / `Risk register`. Further parts are named `Riskregister (2)`, ….
    public let registerSheet: String
    /// The heat map of categories × areas: `Riskkarta` / `Heat map`.
    public let heatMapSheet: String
    /// How ratings are made: `Metod` / `Method`.
    public let methodSheet: String
    /// The rejected records, present only when there are any: `Avvisade` / `Rejected`.
    public let rejectedSheet: String
    /// The register's categories with their sources: `Kategorier` / `Categories`.
    public let categoriesSheet: String
    /// What the task ids of the rows mean: `Uppgifter` / `Tasks`.
    public let tasksSheet: String
    /// The risk register's header row, left to right.
    public let registerHeaders: [String]

    /// The labels in `language`, the areas' columns named as the rule tables name them.
    public init(_ language: Language, areas: RiskAreaNames) {
        summarySheet = RegisterPhrases.summarySheet.text(language)
        registerSheet = RegisterPhrases.registerSheet.text(language)
        heatMapSheet = RegisterPhrases.heatMapSheet.text(language)
        methodSheet = RegisterPhrases.methodSheet.text(language)
        rejectedSheet = RegisterPhrases.rejectedSheet.text(language)
        categoriesSheet = RegisterPhrases.categoriesSheet.text(language)
        tasksSheet = RegisterPhrases.tasksSheet.text(language)
        registerHeaders = RegisterColumn.allCases.map { $0.header(language, areas: areas) }
    }
}

/// The risk register's columns, in the order CONTRACT.md fixes: one level column per risk area, in
/// ``RiskArea/allCases`` order, so a new area adds its column here without another edit.
enum RegisterColumn: AreaColumns {
    case supplier, orgNumber, country, category, spend, share
    case area(RiskArea)
    case overall, priority, reason, tasks, followUp
    case supplierNumber
    case recommendedCondition, contract

    /// The supplier number comes after the contract's columns, so scripts that count columns still work; the
    /// recommended conditions and the contract follow it.
    static let order = ColumnOrder<RegisterColumn>(
        leading: [.supplier, .orgNumber, .country, .category, .spend, .share], area: RegisterColumn.area,
        overall: .overall,
        trailing: [.priority, .reason, .tasks, .followUp, .supplierNumber, .recommendedCondition, .contract])

    /// The header on row 1.
    func header(_ language: Language, areas: RiskAreaNames) -> String {
        switch self {
        case .supplier: Phrase(sv: "Leverantör", en: "Supplier").text(language)
        case .supplierNumber: Phrase(sv: "Leverantörsnr", en: "Supplier no.").text(language)
        case .orgNumber: Phrase(sv: "Org.nr", en: "Org. number").text(language)
        case .country: Phrase(sv: "Land", en: "Country").text(language)
        case .category: Phrase(sv: "Kategori", en: "Category").text(language)
        case .spend: "Spend"
        case .share: Phrase(sv: "Andel av spend", en: "Share of spend").text(language)
        case .area(let area): areas.label(area, language)
        case .overall: Phrase(sv: "Sammanlagd risk", en: "Overall risk").text(language)
        case .priority: Phrase(sv: "Prioritet", en: "Priority").text(language)
        case .reason: Phrase(sv: "Motivering", en: "Reason").text(language)
        case .tasks: Phrase(sv: "Uppgifter", en: "Tasks").text(language)
        case .followUp: Phrase(sv: "Uppföljning", en: "Follow-up").text(language)
        case .recommendedCondition: Phrase(sv: "Rekommenderade villkor", en: "Recommended conditions").text(language)
        case .contract: Phrase(sv: "Avtal", en: "Contract").text(language)
        }
    }
}

/// The register workbook's words beyond the contract's sheet names and headers.
enum RegisterPhrases {
    static let summarySheet = Phrase(sv: "Sammanfattning", en: "Summary")
    static let registerSheet = Phrase(sv: "Riskregister", en: "Risk register")
    static let heatMapSheet = Phrase(sv: "Riskkarta", en: "Heat map")
    static let methodSheet = Phrase(sv: "Metod", en: "Method")
    static let rejectedSheet = Phrase(sv: "Avvisade", en: "Rejected")
    static let categoriesSheet = Phrase(sv: "Kategorier", en: "Categories")
    static let tasksSheet = Phrase(sv: "Uppgifter", en: "Tasks")

    /// The workbook's title, in its properties and on the summary.
    static let title = Phrase(
        sv: "Riskregister – ansvarsfulla leveranskedjor", en: "Risk register – responsible supply chains")
    /// The line under the summary's title.
    static let subtitle = Phrase(
        sv: "Spend per leverantör och kategori med risk för negativ påverkan på människor och miljö i "
            + "leveranskedjan, enligt Upphandlingsmyndighetens inköpsmodell för ansvarsfulla leveranskedjor.",
        en: "Spend per supplier and category with its risk of negative impact on people and the environment in "
            + "the supply chain, following the Swedish National Agency for Public Procurement's purchasing model "
            + "for responsible supply chains.")
    /// The summary's column headers.
    static let summaryHeaders = [
        Phrase(sv: "Nyckeltal", en: "Key figure"), Phrase(sv: "Värde", en: "Value"),
        Phrase(sv: "Andel av spend", en: "Share of spend"),
    ]
    /// The rejected sheet's column headers.
    static let rejectedHeaders = [
        Phrase(sv: "Post", en: "Record"), Phrase(sv: "Rad i filen", en: "Line"), Phrase(sv: "Orsak", en: "Reason"),
    ]
    /// The method sheet's column headers.
    static let methodHeaders = [Phrase(sv: "Ämne", en: "Topic"), Phrase(sv: "Förklaring", en: "Explanation")]
    /// The heading above the risk areas on the method sheet.
    static let riskAreasHeading = Phrase(sv: "Riskområden", en: "Risk areas")

    /// How ratings are made, one topic per row of the method sheet.
    static let method: [(topic: Phrase, explanation: Phrase)] = [
        (
            Phrase(sv: "Vad som bedöms", en: "What is rated"),
            Phrase(
                sv: "Risken för negativ påverkan på människor eller miljö någonstans i leveranskedjan, från råvara "
                    + "till färdig produkt – inte risken för den egna organisationen. Riskerna är ofta störst långt "
                    + "upp i kedjan, så leverantörens eget land säger lite om en produkts risk.",
                en: "The risk of negative impact on people or the environment anywhere in the supply chain, from raw "
                    + "material to finished product – not a risk to the buyer. The worst risks are seldom at final "
                    + "assembly, so the supplier's own country says little about a product's risk.")
        ),
        (
            Phrase(sv: "Kategorilagret", en: "Category layer"),
            Phrase(
                sv: "Varje fakturarad får en kategori från radens CPV-kod, leverantörsregistret, nyckelord i texten "
                    + "eller kontot (Kommun-Bas), i den ordningen; längsta matchande CPV-prefix vinner. Kategorins "
                    + "nivå per riskområde kommer från Upphandlingsmyndighetens riskanalyser per produktområde "
                    + "(samlad nivå, annars högsta nivån i kedjans steg råvara, bearbetning, sluttillverkning), "
                    + "myndighetens riskbedömningar av arbetsvillkor i tjänster, eller Kedjas egen dokumenterade "
                    + "bedömning. Kolumnen Källa och motivering anger vilken, med sida och år.",
                en: "Each spend line gets a category from its CPV code, the supplier list, a keyword in its text or "
                    + "its account (Kommun-Bas), in that order; the longest matching CPV prefix wins. The category's "
                    + "level per risk area comes from the agency's product risk analyses (the overall level, else "
                    + "the highest level of the chain stages raw material, processing, final manufacture), its "
                    + "assessments of working conditions in services, or Kedja's own documented assessment. The "
                    + "column Source and rationale says which, with page and year.")
        ),
        (
            Phrase(sv: "Tjänster och entreprenader i Sverige", en: "Services and works in Sweden"),
            Phrase(
                sv: "Tjänster och entreprenader som utförs i Sverige får inget landlager. Där myndigheten (eller "
                    + "Kedjas bedömning) finner risk för oskäliga arbetsvillkor är uppföljningen arbetsrättsliga "
                    + "villkor på kollektivavtalsnivå (LOU 17 kap. 2–3 §§), kontrollerade genom lönebesked, "
                    + "arbetstider och underleverantörer – inte fabriksrevision.",
                en: "Services and works performed in Sweden get no country layer. Where the agency (or Kedja's "
                    + "assessment) finds a risk of unreasonable working conditions, follow-up is labour-law "
                    + "conditions at collective-agreement level (LOU ch. 17 §§ 2–3), checked through pay slips, "
                    + "working hours and subcontractors – not a factory audit.")
        ),
        (
            Phrase(sv: "Utanför omfånget", en: "Outside the scope"),
            Phrase(
                sv:
                    "Betalningar som inte är upphandling – till myndigheter, kommuner och regioner (organisationsnummer "
                    + "som börjar med 2), bidrag och liknande (scope.csv) – räknas med sin summa men bedöms inte och "
                    + "planeras inte för uppföljning.",
                en: "Payments that are not procurement – to agencies, municipalities and regions (organisation "
                    + "numbers starting with 2), grants and the like (scope.csv) – are counted with their total but "
                    + "never rated or planned for follow-up.")
        ),
        (
            Phrase(sv: "Landlagret", en: "Country layer"),
            Phrase(
                sv: "Produktionslandet, annars leverantörens land, bedöms med publicerade index: Transparency "
                    + "Internationals Corruption Perceptions Index (anti-korruption), ITUC Global Rights Index "
                    + "(arbetares rättigheter) och Freedom House Freedom in the World (mänskliga rättigheter). "
                    + "Utgåvorna står i tabellen nedan. Gränserna finns i country-bands.csv; som standard CPI under "
                    + "40 hög, 40–59 medel, 60 och över låg; ITUC 5 och 5+ hög, 3–4 medel, 1–2 låg; Freedom House "
                    + "Not Free hög, Partly Free medel, Free låg. Inget index bedömer miljö: där avgör kategorin.",
                en: "The production country, else the supplier's country, is rated with published indices: "
                    + "Transparency International's Corruption Perceptions Index (anti-corruption), the ITUC Global "
                    + "Rights Index (labour rights) and Freedom House's Freedom in the World (human rights). The "
                    + "editions are listed below. The bands are in country-bands.csv; by default CPI below 40 high, "
                    + "40–59 medium, 60 and above low; ITUC 5 and 5+ high, 3–4 medium, 1–2 low; Freedom House Not "
                    + "Free high, Partly Free medium, Free low. No index rates the environment: there the category "
                    + "decides.")
        ),
        (
            Phrase(sv: "Sammanvägning", en: "Combining the layers"),
            Phrase(
                sv: "Landlagret gäller varor, med tillverkningslandet; en utländsk leverantörs registreringsland "
                    + "står i dess ställe (motiveringen säger det), ett svenskt registreringsland säger inget om var "
                    + "varor tillverkas. Per riskområde gäller den högre nivån av de två lagren. Utan kategori kan "
                    + "landet höja ett område till hög, men aldrig sätta medel eller låg: området förblir okänt. "
                    + "Motiveringen på varje rad anger vad varje lager gav och varifrån.",
                en: "The country layer applies to goods, with the production country; a foreign supplier's "
                    + "registered country stands in for it (the reason says so), a Swedish registered country says "
                    + "nothing about where goods are made. Per risk area the higher of the two layers applies. "
                    + "Without a category the country can raise an area to high, but never set medium or low: the "
                    + "area stays unknown. The reason on each row names what each layer gave and where it came from.")
        ),
        (
            Phrase(sv: "Okänd", en: "Unknown"),
            Phrase(
                sv: "Okänd betyder att inget lager kunde bedöma området – aldrig att risken är låg. Spend med okänd "
                    + "risk behöver kartläggas innan den kan prioriteras ned.",
                en: "Unknown means that no layer could assess the area – never that the risk is low. Spend of unknown "
                    + "risk needs mapping before it can be given a lower priority.")
        ),
        (
            Phrase(sv: "Sammanlagd risk", en: "Overall risk"),
            Phrase(
                sv: "Den högsta bedömda nivån över de fyra riskområdena; Okänd bara när inget område kunde bedömas.",
                en: "The highest assessed level over the four risk areas; Unknown only when no area could be assessed.")
        ),
        (
            Phrase(sv: "Prioritet", en: "Priority"),
            Phrase(
                sv: "1: hög sammanlagd risk och väsentlig spend (minst beloppsgränsen eller andelsgränsen i "
                    + "settings.csv av upphandlad spend, dvs. total spend utom betalningar utanför omfånget; registrets "
                    + "Andel av spend har samma bas). 2: minst det lägsta beloppet för prioritet 2 och antingen hög risk "
                    + "under väsentlighetsgränsen eller medel eller okänd risk med väsentlig spend. 3: övrigt – låg "
                    + "risk eller liten spend, där uppförandekoden i avtalet räcker.",
                en: "1: high overall risk and material spend (at least the amount or the share set in settings.csv "
                    + "of procured spend, i.e. total spend less payments outside the scope; the register's Share of "
                    + "spend has the same base). 2: at least the priority-2 minimum spend and either high risk below "
                    + "materiality, or medium or unknown risk with material spend. 3: everything else – low risk or "
                    + "little spend, where the code of conduct in the contract is enough.")
        ),
        (
            Phrase(sv: "Uppföljning", en: "Follow-up"),
            Phrase(
                sv: "Uppföljningen är en kaskad där resultatet av varje steg avgör om nästa behövs: självskattning "
                    + "→ kontorsrevision (skrivbordsgranskning) → revision på plats → tid- och åtgärdsplan för "
                    + "avvikelser. Låg risk: uppförandekod i avtalet; medel: även självskattning; hög: även kontors- "
                    + "eller platsrevision. En annan aktörs revision kan återanvändas om villkoren var minst lika "
                    + "stränga, metoden likartad och revisionen högst tre år gammal. Uppföljning kräver minst ett år "
                    + "kvar av avtalet. Stegen per prioritet finns i followup.csv.",
                en: "Follow-up is a cascade where the result of each step decides whether the next is needed: "
                    + "self-assessment → desk audit → on-site audit → corrective action plan. Low risk: the code of "
                    + "conduct in the contract; medium: also a self-assessment; high: also a desk or on-site audit. "
                    + "Another body's audit may be reused if its conditions were at least as strict, its method "
                    + "similar and it is at most three years old. Follow-up needs at least a year of contract left. "
                    + "The steps per priority are in followup.csv.")
        ),
        (
            Phrase(sv: "Uppgifter", en: "Tasks"),
            Phrase(
                sv: "Kolumnen Uppgifter anger de steg i inköpsmodellen som gäller för raden (tasks.csv): S1–S3 "
                    + "strategiska, T1–T4 taktiska och O1–O5 operativa.",
                en: "The Tasks column lists the steps of the purchasing model that apply to the row (tasks.csv): "
                    + "S1–S3 strategic, T1–T4 tactical and O1–O5 operative.")
        ),
        (
            Phrase(sv: "Riskkartan", en: "The heat map"),
            Phrase(
                sv: "Riskkartan visar per kategori den högsta nivån bland kategorins rader i riskregistret, "
                    + "kategorins spend och hur mycket av den som har hög sammanlagd risk.",
                en: "The heat map shows per category the highest level among the category's rows in the risk "
                    + "register, the category's spend and how much of it carries a high overall risk.")
        ),
    ]
}
