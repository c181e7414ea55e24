import Tabular

/// How much follow-up the team can carry out, how long an audit counts, where advanced conditions start, and the
/// time a follow-up round gives (`Templates/settings.csv`); every key is optional and has a default.
public struct PlanningSettings: Sendable, Hashable {
    /// On-site (factory) audits the team can carry out or commission per plan year (`onsite_audits_per_year`).
    public var onsiteAuditsPerYear = 4
    /// Desk audits per plan year (`desk_audits_per_year`).
    public var deskAuditsPerYear = 20
    /// How many years an earlier or joint audit covers a step (`audit_valid_years`).
    public var auditValidYears = 3
    /// The least contract time left, in days, that follow-up needs (`followup_min_contract_days`).
    public var followUpMinContractDays = 365
    /// Goods with a high area get advanced conditions at this priority or a more urgent one, basic below it
    /// (`advanced_conditions_max_priority`).
    public var advancedConditionsMaxPriority = 2
    /// Days from a self-assessment's return date to the deadline for correcting its deviations
    /// (`corrective_action_days`).
    public var correctiveActionDays = 90
    /// Days from a self-assessment's return date to the step a deviation plans, when that step has no due date of its
    /// own (`next_step_days`).
    public var nextStepDays = 60

    /// Creates the defaults.
    public init() {}

    /// The keys of settings.csv these settings read.
    static let keys = [
        "onsite_audits_per_year", "desk_audits_per_year", "audit_valid_years", "followup_min_contract_days",
        "advanced_conditions_max_priority", "corrective_action_days", "next_step_days",
    ]

    /// The least value a key takes: a capacity of 0 would leave audits unplanned for ever.
    static func least(_ key: String) -> Int { 1 }

    /// The value of `key`.
    func value(_ key: String) -> Int {
        switch key {
        case "onsite_audits_per_year": onsiteAuditsPerYear
        case "desk_audits_per_year": deskAuditsPerYear
        case "audit_valid_years": auditValidYears
        case "followup_min_contract_days": followUpMinContractDays
        case "corrective_action_days": correctiveActionDays
        case "next_step_days": nextStepDays
        default: advancedConditionsMaxPriority
        }
    }

    /// Sets `key` to `value`.
    mutating func set(_ key: String, _ value: Int) {
        switch key {
        case "onsite_audits_per_year": onsiteAuditsPerYear = value
        case "desk_audits_per_year": deskAuditsPerYear = value
        case "audit_valid_years": auditValidYears = value
        case "followup_min_contract_days": followUpMinContractDays = value
        case "corrective_action_days": correctiveActionDays = value
        case "next_step_days": nextStepDays = value
        default: advancedConditionsMaxPriority = value
        }
    }

    /// The yearly capacity for an audit step's task (`O2` desk, `O3` on-site); nil for a step without a limit.
    public func capacity(forTask taskID: String) -> Int? {
        switch AuditKind(taskID: taskID) {
        case .desk: deskAuditsPerYear
        case .onSite: onsiteAuditsPerYear
        default: nil
        }
    }
}
