import Foundation
import Tabular

/// The contract conditions on responsible supply chains: none beyond the code of conduct, basic (ILO core
/// conventions), advanced (the whole chain, Global Compact, six routine requirements), or labour-law conditions at
/// collective-agreement level for services and works performed in Sweden (LOU ch. 17 §§ 2–3).
public enum ConditionLevel: String, Sendable, Hashable, CaseIterable {
    case none
    case basic
    case advanced
    case collectiveAgreement = "collective-agreement"

    /// The label in workbooks: Ingen/Bas/Avancerad/Kollektivavtal or None/Basic/Advanced/Collective agreement.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.none, .sv): "Ingen"
        case (.none, .en): "None"
        case (.basic, .sv): "Bas"
        case (.basic, .en): "Basic"
        case (.advanced, .sv): "Avancerad"
        case (.advanced, .en): "Advanced"
        case (.collectiveAgreement, .sv): "Kollektivavtal"
        case (.collectiveAgreement, .en): "Collective agreement"
        }
    }

    /// Reads a contracts file's cell in Swedish or English (`ingen/bas/avancerad/kollektivavtal`,
    /// `none/basic/advanced/collective-agreement`, also the workbook labels); nil for anything else.
    public init?(text: String) {
        let key = ColumnVocabulary.normalizedHeader(text)
        switch key {
        case "ingen", "none", "inga", "no", "nej", "uppforandekod", "codeofconduct": self = .none
        case "bas", "basic", "basniva", "baskrav", "basnivan": self = .basic
        case "avancerad", "advanced", "avanceradniva", "hallbaraleveranskedjor": self = .advanced
        case "kollektivavtal", "collectiveagreement", "kollektivavtalsniva", "kollektivavtalsvillkor",
            "arbetsrattsligavillkor", "labourconditions":
            self = .collectiveAgreement
        default: return nil
        }
    }

    /// The order of the supply-chain levels: none < basic < advanced.
    private var chainRank: Int {
        switch self {
        case .none: 0
        case .basic: 1
        case .advanced: 2
        case .collectiveAgreement: -1
        }
    }

    /// Whether a contract with these conditions meets `recommended`: collective-agreement conditions only by
    /// themselves, the supply-chain levels by one at least as strict (labour-law conditions in Sweden say nothing
    /// about a product's chain).
    public func meets(_ recommended: ConditionLevel) -> Bool {
        switch recommended {
        case .none: true
        case .collectiveAgreement: self == .collectiveAgreement
        case .basic, .advanced: chainRank >= recommended.chainRank
        }
    }

    /// The recommended conditions for a supplier × category (DOMAIN.md, "Conditions and follow-up in practice"):
    /// services and works performed in Sweden where the agency finds a risk of unreasonable working conditions get
    /// collective-agreement conditions, other services and works the code of conduct; goods with a high area get
    /// advanced conditions where the spend is material (priority up to `settings.advancedConditionsMaxPriority`)
    /// and basic ones otherwise; goods with medium (or unknown) risk at most get basic conditions; low risk the code
    /// of conduct only.
    public static func recommended(
        category: Category?, overall: RiskLevel, priority: Int, settings: PlanningSettings
    ) -> ConditionLevel {
        if let category, category.isPerformedInSweden {
            return category.needsLabourConditions ? .collectiveAgreement : .none
        }
        switch overall {
        case .high: return priority <= settings.advancedConditionsMaxPriority ? .advanced : .basic
        case .medium, .unknown: return .basic
        case .low: return .none
        }
    }
}

/// What an earlier follow-up was: a self-assessment (task O1), a desk audit (O2) or an on-site audit (O3), in
/// rising strictness.
public enum AuditKind: Int, Sendable, Hashable, CaseIterable, Comparable {
    case selfAssessment = 1
    case desk = 2
    case onSite = 3

    /// The kind of follow-up a cascade step's task carries out; nil for other tasks.
    public init?(taskID: String) {
        switch taskID.uppercased() {
        case "O1": self = .selfAssessment
        case "O2": self = .desk
        case "O3": self = .onSite
        default: return nil
        }
    }

    /// Reads an audits file's kind in Swedish or English.
    public init?(text: String) {
        let key = ColumnVocabulary.normalizedHeader(text)
        if [
            "o1", "sjalvskattning", "sjalvskattningsformular", "egenrapportering", "selfassessment",
            "selfassessmentquestionnaire", "questionnaire", "saq",
        ].contains(key) {
            self = .selfAssessment
        } else if [
            "o2", "kontorsrevision", "skrivbordsgranskning", "skrivbordsrevision", "deskaudit", "desk",
            "documentaudit", "officeaudit",
        ].contains(key) {
            self = .desk
        } else if [
            "o3", "revisionpaplats", "fabriksrevision", "platsrevision", "onsiteaudit", "onsite",
            "siteaudit", "factoryaudit",
        ].contains(key) {
            self = .onSite
        } else {
            return nil
        }
    }

    public static func < (lhs: AuditKind, rhs: AuditKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The plural in running text: "kontorsrevisioner", "desk audits".
    func plural(_ language: Language) -> String {
        switch (self, language) {
        case (.selfAssessment, .sv): "självskattningar"
        case (.selfAssessment, .en): "self-assessments"
        case (.desk, .sv): "kontorsrevisioner"
        case (.desk, .en): "desk audits"
        case (.onSite, .sv): "revisioner på plats"
        case (.onSite, .en): "on-site audits"
        }
    }

    /// The label in workbooks.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.selfAssessment, .sv): "Självskattning"
        case (.selfAssessment, .en): "Self-assessment"
        case (.desk, .sv): "Kontorsrevision"
        case (.desk, .en): "Desk audit"
        case (.onSite, .sv): "Revision på plats"
        case (.onSite, .en): "On-site audit"
        }
    }
}
