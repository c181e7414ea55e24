import Foundation
import Tabular

/// A keyword that points free text at a category: one row of `Templates/keywords.csv`.
public struct KeywordRule: Sendable, Hashable {
    /// The word or word start, as written.
    public var keyword: String
    /// The keyword's language.
    public var language: Language
    /// The CPV code (8 digits) whose category the keyword stands for.
    public var cpvCode: String
    /// A note for whoever edits the table.
    public var note: String

    /// Creates a keyword rule.
    public init(keyword: String, language: Language, cpvCode: String, note: String = "") {
        self.keyword = keyword
        self.language = language
        self.cpvCode = cpvCode
        self.note = note
    }
}

/// An account group of the chart of accounts and the category it hints at: one row of
/// `Templates/accounts.csv`.
public struct AccountGroup: Sendable, Hashable {
    /// The leading digits of the accounts in the group, e.g. `64`.
    public var prefix: String
    /// The group's Swedish name.
    public var nameSv: String
    /// The group's English name.
    public var nameEn: String
    /// The CPV code (8 digits) the group hints at, or nil when the group says nothing about a category.
    public var cpvCode: String?
    /// A note for whoever edits the table.
    public var note: String
    /// Where the grouping comes from.
    public var source: String
    /// The year of the source.
    public var year: String

    /// Creates an account group.
    public init(
        prefix: String, nameSv: String, nameEn: String, cpvCode: String?,
        note: String = "", source: String = "", year: String = ""
    ) {
        self.prefix = prefix
        self.nameSv = nameSv
        self.nameEn = nameEn
        self.cpvCode = cpvCode
        self.note = note
        self.source = source
        self.year = year
    }

    /// The group's name in `language`.
    public func name(_ language: Language) -> String { language == .sv ? nameSv : nameEn }
}

/// One published index value for one country: one row of `Templates/country-indices.csv`.
public struct CountryIndexValue: Sendable, Hashable {
    /// The country's alpha-2 code.
    public var alpha2: String
    /// The index identifier, e.g. `cpi`.
    public var index: String
    /// The edition, e.g. `2025`.
    public var edition: String
    /// The value as published, e.g. `24`, `5+`, `NF`.
    public var value: String
    /// The attribution the publisher asks for.
    public var source: String

    /// Creates an index value.
    public init(alpha2: String, index: String, edition: String, value: String, source: String) {
        self.alpha2 = alpha2
        self.index = index
        self.edition = edition
        self.value = value
        self.source = source
    }
}

/// How an index's values become a risk level in one area: one row of `Templates/country-bands.csv`.
public struct CountryBand: Sendable, Hashable {
    /// What values the band takes.
    public enum Match: Sendable, Hashable {
        /// Numbers from the lower to the upper bound, both included.
        case range(lower: Decimal, upper: Decimal)
        /// Exactly this value (compared without regard to case), e.g. `5+` or `NF`.
        case exact(String)
    }

    /// The index identifier, e.g. `cpi`.
    public var index: String
    /// The index's name.
    public var indexName: String
    /// The index's publisher.
    public var publisher: String
    /// The area the index speaks to.
    public var area: RiskArea
    /// The values the band takes.
    public var match: Match
    /// The level a value in the band gives.
    public var level: RiskLevel

    /// Creates a band.
    public init(index: String, indexName: String, publisher: String, area: RiskArea, match: Match, level: RiskLevel) {
        self.index = index
        self.indexName = indexName
        self.publisher = publisher
        self.area = area
        self.match = match
        self.level = level
    }

    /// Whether a published value falls in the band.
    public func contains(_ value: String) -> Bool {
        switch match {
        case .exact(let expected):
            return value.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(expected) == .orderedSame
        case .range(let lower, let upper):
            guard let number = TemplateNumber.decimal(value) else { return false }
            return lower <= number && number <= upper
        }
    }
}

/// A payment that is not procurement, and so outside the scope of supply-chain risk: one row of
/// `Templates/scope.csv`. Such lines are counted with their total and never rated or planned (DOMAIN.md,
/// "What is not procurement").
public struct ScopeRule: Sendable, Hashable {
    /// What the rule looks at.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// The leading digits of the supplier's organisation number (`2`: public bodies).
        case orgNumber = "org_number"
        /// The leading digits of the line's account.
        case account
        /// Whole words of the supplier's name, used only when the supplier has no organisation number.
        case name
        /// Whole words of the line's description or account text.
        case text
    }

    /// What the rule looks at.
    public var field: Field
    /// The prefix or the words, as written.
    public var value: String
    /// Why such a payment is outside the scope, in Swedish.
    public var reasonSv: String
    /// Why such a payment is outside the scope, in English.
    public var reasonEn: String
    /// What the rule relies on.
    public var source: String

    /// Creates a rule.
    public init(field: Field, value: String, reasonSv: String, reasonEn: String, source: String = "") {
        self.field = field
        self.value = value
        self.reasonSv = reasonSv
        self.reasonEn = reasonEn
        self.source = source
    }

    /// The reason in `language`.
    public func reason(_ language: Language) -> String { language == .sv ? reasonSv : reasonEn }
}

/// Which follow-up a register row gets: the supply-chain cascade for goods, or for services and works
/// performed in Sweden with a risk of unreasonable working conditions, labour-law conditions at
/// collective-agreement level checked through pay slips, hours and subcontractors.
public enum FollowUpTrack: String, Sendable, Hashable, CaseIterable {
    /// Self-assessment → desk audit → on-site audit → corrective action plan.
    case supplyChain = "supply_chain"
    /// Labour-law conditions (LOU ch. 17 §§ 2–3) and checks of pay slips, hours and subcontractors.
    case labourConditions = "labour_conditions"
}

/// One step of the follow-up cascade for a priority: one row of `Templates/followup.csv`.
public struct FollowUpStep: Sendable, Hashable {
    /// The track the step belongs to.
    public var track: FollowUpTrack
    /// The priority (1–3) the step belongs to.
    public var priority: Int
    /// The step's place in the cascade, from 1.
    public var step: Int
    /// The task the step carries out, e.g. `O2`.
    public var taskID: String
    /// The method in Swedish.
    public var methodSv: String
    /// The method in English.
    public var methodEn: String
    /// Days after the plan's start date when the step is due.
    public var offsetDays: Int

    /// Creates a follow-up step.
    public init(
        track: FollowUpTrack = .supplyChain, priority: Int, step: Int, taskID: String, methodSv: String,
        methodEn: String, offsetDays: Int
    ) {
        self.track = track
        self.priority = priority
        self.step = step
        self.taskID = taskID
        self.methodSv = methodSv
        self.methodEn = methodEn
        self.offsetDays = offsetDays
    }

    /// The method in `language`.
    public func method(_ language: Language) -> String { language == .sv ? methodSv : methodEn }
}

/// Where a table's facts come from, for the Method sheet of every report.
public struct TemplateSource: Sendable, Hashable {
    /// The table's file name, e.g. `categories.csv`.
    public var file: String
    /// The source as the table names it.
    public var source: String
    /// The year or edition, empty when the table gives none.
    public var year: String

    /// Creates a source entry.
    public init(file: String, source: String, year: String) {
        self.file = file
        self.source = source
        self.year = year
    }
}

/// The materiality thresholds that turn risk and spend into a priority (`Templates/settings.csv`).
///
/// - material: spend ≥ ``priority1MinSpend``, or spend ≥ ``priority1MinShare`` of the total spend;
/// - priority 1: overall risk high and material;
/// - priority 2: spend ≥ ``priority2MinSpend`` and either high risk below materiality, or medium
///   or unknown risk and material (unknown needs mapping before it can be ranked lower);
/// - priority 3: everything else (low risk, or too little spend for follow-up beyond the code of conduct).
public struct PrioritySettings: Sendable, Hashable {
    /// The share of total spend from which a supplier × category is material, in millionths
    /// (0.005 = 0.5 % is 5 000), so the comparison is exact integer arithmetic.
    public var priority1MinShareMillionths: Int
    /// The spend from which a supplier × category is material whatever its share.
    public var priority1MinSpend: Amount
    /// The least spend that earns priority 2.
    public var priority2MinSpend: Amount

    /// Creates settings.
    public init(priority1MinShareMillionths: Int, priority1MinSpend: Amount, priority2MinSpend: Amount) {
        self.priority1MinShareMillionths = priority1MinShareMillionths
        self.priority1MinSpend = priority1MinSpend
        self.priority2MinSpend = priority2MinSpend
    }

    /// The materiality share as a decimal fraction, for display (0.005).
    public var priority1MinShare: Decimal {
        Decimal(priority1MinShareMillionths) / 1_000_000
    }

    /// Whether `spend` is material within a total spend of `total`.
    ///
    /// The share test applies only when the total is positive (a file of credit notes has no shares).
    public func isMaterial(spend: Amount, total: Amount) -> Bool {
        if spend >= priority1MinSpend { return true }
        guard total.micros > 0 else { return false }
        // spend / total >= share  ⇔  spend × 10^6 >= total × share-in-millionths
        let share = Int128(priority1MinShareMillionths)
        let (left, leftOverflow) = spend.micros.multipliedReportingOverflow(by: 1_000_000)
        let (right, rightOverflow) = total.micros.multipliedReportingOverflow(by: share)
        if !leftOverflow, !rightOverflow { return left >= right }
        // Beyond Int128 only at astronomic totals: compare on whole units instead.
        return spend.micros >= total.micros / 1_000_000 * share
    }

    /// The priority (1 highest, 3 lowest) of a supplier × category with this overall risk and spend.
    public func priority(overall: RiskLevel, spend: Amount, total: Amount) -> Int {
        let material = isMaterial(spend: spend, total: total)
        if overall == .high, material { return 1 }
        guard spend >= priority2MinSpend else { return 3 }
        switch overall {
        case .high: return 2
        case .medium, .unknown: return material ? 2 : 3
        case .low: return 3
        }
    }
}
