/// A purchase category with its supply-chain risk per area: one row of `Templates/categories.csv`.
///
/// A category is named by one or more CPV 2008 codes and covers every code that starts with one of its
/// ``prefixes``, so a division row (`15`, food) and a more specific one (`1586`, coffee) can coexist: the
/// longest prefix wins. The levels travel with every tag together with where they come from (source, page,
/// year, rationale) and where in the chain the risk sits (``stages``), so a specialist reading the register
/// can check each rating against a source they can open.
public struct Category: Sendable, Hashable, Identifiable {
    /// The first CPV code as 8 digits without the check digit, e.g. `18000000`: the category's identity.
    public var code: String
    /// Every CPV code the category owns, ``code`` first.
    public var codes: [String]
    /// Per code in ``codes``, the digits a CPV code must start with to fall under this category: the code
    /// without its trailing zeros, kept to at least 2 digits (`18000000` → `18`, `33141420` → `3314142`).
    public var prefixes: [String]
    /// The Swedish name.
    public var nameSv: String
    /// The English name.
    public var nameEn: String
    /// Goods, or a service or works performed in Sweden: decides whether the country layer applies and which
    /// follow-up track the category gets.
    public var kind: CategoryKind
    /// The category's risk level in each area.
    public var levels: RiskProfile
    /// For services and works: the published conclusion on the risk of unreasonable working conditions in
    /// Sweden, nil when no source assesses it.
    public var labourConditions: LabourConditionsRisk?
    /// The levels per stage of the chain where a source gives them (the agency's product pages).
    public var stages: ChainStageLevels
    /// What the agency's analysis says about where in the chain the risks lie (may be empty).
    public var agencyNote: String
    /// Why the levels are what they are, in one sentence.
    public var rationale: String
    /// Exactly which source the levels come from.
    public var source: String
    /// The page a reader can open to check the levels; empty for Kedja's own assessment.
    public var url: String
    /// The year the source was read.
    public var year: String

    /// Creates a category; ``prefixes`` are derived from `codes` (or `code` alone when `codes` is empty).
    public init(
        code: String, codes: [String] = [], nameSv: String, nameEn: String, kind: CategoryKind = .goods,
        levels: RiskProfile, labourConditions: LabourConditionsRisk? = nil, stages: ChainStageLevels = .init(),
        agencyNote: String = "", rationale: String = "", source: String = "", url: String = "", year: String = ""
    ) {
        self.code = code
        self.codes = codes.isEmpty ? [code] : codes
        self.prefixes = self.codes.map(CPVCode.matchingPrefix(of:))
        self.nameSv = nameSv
        self.nameEn = nameEn
        self.kind = kind
        self.levels = levels
        self.labourConditions = labourConditions
        self.stages = stages
        self.agencyNote = agencyNote
        self.rationale = rationale
        self.source = source
        self.url = url
        self.year = year
    }

    /// The matching prefix of the first code.
    public var prefix: String { prefixes[0] }

    /// The CPV code identifies the category.
    public var id: String { code }

    /// The category's name in `language`.
    public func name(_ language: Language) -> String {
        language == .sv ? nameSv : nameEn
    }

    /// Whether the category is a service or works performed in Sweden, which gets no country layer: its risk
    /// is working conditions here, not a production country's.
    public var isPerformedInSweden: Bool { kind != .goods }

    /// Whether follow-up is the labour-conditions track: a service or works where the source finds a risk of
    /// unreasonable working conditions, so the contract needs labour-law conditions at collective-agreement
    /// level (LOU 2016:1145 ch. 17 §§ 2–3), checked through pay slips, hours and subcontractors.
    public var needsLabourConditions: Bool {
        isPerformedInSweden && (labourConditions?.requiresConditions ?? false)
    }
}

/// What a category buys: supply-chain risk lives in the chain of goods; services and works performed in
/// Sweden carry the risk of unreasonable working conditions here instead (DOMAIN.md).
public enum CategoryKind: String, Sendable, Hashable, CaseIterable {
    /// Goods, with a production chain abroad or at home.
    case goods
    /// A service performed in Sweden.
    case service
    /// Construction or civil-engineering works performed in Sweden.
    case works

    /// Reads the kind as a user writes it: the codes above or Swedish `vara`, `tjänst`, `entreprenad`.
    public init?(code text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "goods", "vara", "varor": self = .goods
        case "service", "tjänst", "tjanst": self = .service
        case "works", "entreprenad", "byggentreprenad": self = .works
        default: return nil
        }
    }

    /// The kind's label in workbooks and reasons.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.goods, .sv): return "vara"
        case (.goods, .en): return "goods"
        case (.service, .sv): return "tjänst utförd i Sverige"
        case (.service, .en): return "service performed in Sweden"
        case (.works, .sv): return "entreprenad utförd i Sverige"
        case (.works, .en): return "works performed in Sweden"
        }
    }
}

/// The agency's conclusion on whether a service or occupation in Sweden carries a risk of unreasonable
/// working conditions (its published "riskbedömningar"), the basis for labour-law contract conditions.
public enum LabourConditionsRisk: String, Sendable, Hashable, CaseIterable {
    case highRisk = "high risk"
    case risk
    case lowRisk = "low risk"
    case noRisk = "no risk"

    /// Reads the conclusion as the table writes it, in English or Swedish (`hög risk`, `risk`, `låg risk`,
    /// `ingen risk`).
    public init?(code text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "high risk", "hög risk", "hog risk": self = .highRisk
        case "risk": self = .risk
        case "low risk", "låg risk", "lag risk": self = .lowRisk
        case "no risk", "ingen risk": self = .noRisk
        default: return nil
        }
    }

    /// Whether the conclusion calls for labour-law conditions in the contract.
    public var requiresConditions: Bool { self == .highRisk || self == .risk }

    /// The conclusion in words.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.highRisk, .sv): return "hög risk för oskäliga arbetsvillkor"
        case (.highRisk, .en): return "high risk of unreasonable working conditions"
        case (.risk, .sv): return "risk för oskäliga arbetsvillkor"
        case (.risk, .en): return "risk of unreasonable working conditions"
        case (.lowRisk, .sv): return "låg risk för oskäliga arbetsvillkor"
        case (.lowRisk, .en): return "low risk of unreasonable working conditions"
        case (.noRisk, .sv): return "ingen risk för oskäliga arbetsvillkor"
        case (.noRisk, .en): return "no risk of unreasonable working conditions"
        }
    }
}

/// A stage of a product's chain as the agency's risk analyses rate it.
public enum ChainStage: String, Sendable, Hashable, CaseIterable {
    /// Raw material (råvara).
    case rawMaterial = "raw_material"
    /// Processing (bearbetning).
    case processing
    /// Final manufacture (sluttillverkning).
    case finalManufacture = "final_manufacture"

    /// Reads a stage as the table writes it, in English or Swedish.
    public init?(code text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "raw_material", "raw material", "råvara", "ravara": self = .rawMaterial
        case "processing", "bearbetning": self = .processing
        case "final_manufacture", "final manufacture", "sluttillverkning": self = .finalManufacture
        default: return nil
        }
    }

    /// The stage's name.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.rawMaterial, .sv): return "råvara"
        case (.rawMaterial, .en): return "raw material"
        case (.processing, .sv): return "bearbetning"
        case (.processing, .en): return "processing"
        case (.finalManufacture, .sv): return "sluttillverkning"
        case (.finalManufacture, .en): return "final manufacture"
        }
    }
}

/// The levels per chain stage a source gives for a category: where in the chain the risk sits.
public struct ChainStageLevels: Sendable, Hashable {
    private var levels: [ChainStage: RiskProfile]

    /// No stage given.
    public init() { levels = [:] }

    /// The levels of one stage, nil when the source gives none.
    public subscript(stage: ChainStage) -> RiskProfile? {
        get { levels[stage] }
        set { levels[stage] = newValue }
    }

    /// The stages given, in chain order, with their levels.
    public var given: [(stage: ChainStage, levels: RiskProfile)] {
        ChainStage.allCases.compactMap { stage in levels[stage].map { (stage, $0) } }
    }
}
