import Tabular

/// What the planner knows beyond the register: contracts (on the rows), earlier and joint audits, and the team's
/// capacity.
public struct FollowUpContext: Sendable {
    /// Earlier and joint follow-ups (`--audits`).
    public var audits: AuditList
    /// Capacity and audit validity (settings.csv).
    public var settings: PlanningSettings
    /// The language of the steps' notes.
    public var language: Language

    /// Creates a context.
    public init(
        audits: AuditList = AuditList(), settings: PlanningSettings = PlanningSettings(), language: Language = .sv
    ) {
        self.audits = audits
        self.settings = settings
        self.language = language
    }
}

/// Schedules the follow-up cascade (self-assessment → desk audit → on-site audit → corrective action plan) once per
/// prioritised supplier and track, not per supplier × category: one self-assessment covers all the supplier's
/// categories.
///
/// - The supplier's most urgent row (priority, then spend) leads: its cascade and category head the plan rows, the
///   supplier's other prioritised categories are listed with it.
/// - Only the first step is `planned`, and the check of labour-law conditions a contract already has; later steps
///   are `conditional` on the result of the one before.
/// - A step an earlier or joint audit of the same kind or stricter covers, at most `auditValidYears` old at the
///   plan's start, is `covered`; an older one is named as history.
/// - Desk and on-site audits are counted per plan year against the capacity: suppliers are taken by priority and
///   spend, and an audit that does not fit waits for the first later plan year with room (the steps after it with
///   it); self-assessments are not limited.
/// - Nothing is due after the contract's end: with less than `followUpMinContractDays` of contract left at the start,
///   the follow-up moves to the next procurement; a step that would fall after the end moves there too.
public enum FollowUpPlanner {
    /// The plan of the register's priority 1 and 2 rows, ordered by due date (ties keep the suppliers' order).
    /// Priority 3 rows get the code of conduct in the contract, shown in the register, not scheduled.
    public static func plan(
        rows: [RegisterRow], tasks: [PhaseTask], start: CivilDate, context: FollowUpContext = FollowUpContext()
    ) -> [PlannedTask] {
        let tasksByID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        struct UnitKey: Hashable {
            var supplier: String
            var track: FollowUpTrack
        }
        var units: [UnitKey: [Int]] = [:]
        var order: [UnitKey] = []
        var unitSpend: [UnitKey: Amount] = [:]
        for (position, row) in rows.enumerated() where row.priority <= 2 {
            guard let track = row.followUp.first?.track else { continue }
            let key = UnitKey(supplier: row.supplierKey, track: track)
            if units[key] == nil { order.append(key) }
            units[key, default: []].append(position)
            unitSpend[key, default: .zero] += row.spend
        }
        // Suppliers by their most urgent row's priority, then by the supplier's spend: capacity goes to them first.
        order = order.enumerated().sorted { lhs, rhs in
            let (left, right) = (rows[units[lhs.element]![0]], rows[units[rhs.element]![0]])
            if left.priority != right.priority { return left.priority < right.priority }
            let (leftSpend, rightSpend) = (unitSpend[lhs.element]!, unitSpend[rhs.element]!)
            if leftSpend != rightSpend { return leftSpend > rightSpend }
            return lhs.offset < rhs.offset
        }.map(\.element)

        var scheduler = Scheduler(start: start, context: context, tasksByID: tasksByID)
        var planned: [PlannedTask] = []
        // At most one task per step of each lead row's cascade: reserved once, so the plan does not grow by copies.
        planned.reserveCapacity(order.reduce(0) { $0 + rows[units[$1]![0]].followUp.count })
        for key in order {
            let positions = units[key]!
            let lead = rows[positions[0]]
            var others: [Category] = []
            for position in positions.dropFirst() {
                if let category = rows[position].category, category.code != lead.category?.code,
                    !others.contains(where: { $0.code == category.code })
                {
                    others.append(category)
                }
            }
            let contract = lead.contract ?? positions.lazy.compactMap { rows[$0].contract }.first
            planned += scheduler.schedule(lead: lead, others: others, contract: contract)
        }
        // A stable sort in place: equal due dates keep the suppliers' order, and no copy of the plan is made.
        planned.sort { $0.due < $1.due }
        return planned
    }

    /// The first day of the quarter after `date`: the default start of a plan.
    public static func nextQuarterStart(after date: CivilDate) -> CivilDate {
        let quarterStartMonth = ((date.month - 1) / 3) * 3 + 1
        let nextMonth = quarterStartMonth + 3
        if nextMonth > 12 {
            return CivilDate(year: date.year + 1, month: 1, day: 1) ?? date
        }
        return CivilDate(year: date.year, month: nextMonth, day: 1) ?? date
    }

    /// `date` moved by whole calendar years (29 February becomes 28 February in a common year).
    static func adding(years: Int, to date: CivilDate) -> CivilDate {
        CivilDate(year: date.year + years, month: date.month, day: date.day)
            ?? CivilDate(year: date.year + years, month: date.month, day: date.day - 1) ?? date
    }

    /// Which plan year (from 0) `date` falls in: plan year n runs from the start plus n years.
    public static func planYear(of date: CivilDate, start: CivilDate) -> Int {
        var year = max(0, date.year - start.year)
        while year > 0 && adding(years: year, to: start) > date { year -= 1 }
        return year
    }
}

/// Places one supplier's cascade after another's, counting audits per plan year.
private struct Scheduler {
    let start: CivilDate
    let context: FollowUpContext
    let tasksByID: [String: PhaseTask]
    /// Audits booked per kind and plan year.
    var booked: [AuditKind: [Int: Int]] = [:]

    init(start: CivilDate, context: FollowUpContext, tasksByID: [String: PhaseTask]) {
        self.start = start
        self.context = context
        self.tasksByID = tasksByID
    }

    /// Each step with its task, made once and shared by every supplier's task of it.
    var sharedSteps: [FollowUpStep: SharedStep] = [:]

    var language: Language { context.language }
    var settings: PlanningSettings { context.settings }

    /// The shared step and task for `step`.
    mutating func scheduled(_ step: FollowUpStep) -> SharedStep {
        if let shared = sharedSteps[step] { return shared }
        let shared = SharedStep(step: step, task: tasksByID[step.taskID])
        sharedSteps[step] = shared
        return shared
    }

    mutating func schedule(lead: RegisterRow, others: [Category], contract: Contract?) -> [PlannedTask] {
        let shared = SharedRow(lead)
        let steps = lead.followUp
        guard let first = steps.first else { return [] }
        func task(_ step: FollowUpStep, due: CivilDate, status: PlanStepStatus, note: String) -> PlannedTask {
            var task = PlannedTask(sharing: shared, scheduled: scheduled(step), due: due)
            task.status = status
            task.note = note
            task.otherCategories = others
            task.contract = contract
            return task
        }
        let recommended = lead.recommendedCondition.label(language)
        if let contract, contract.end < (start.adding(days: settings.followUpMinContractDays) ?? start) {
            let due = min(start.adding(days: first.offsetDays) ?? start, max(contract.end, start))
            var moved = task(
                nextProcurementStep(first), due: due, status: .planned,
                note: PlannerPhrases.shortContract(
                    contract, recommended: recommended, days: settings.followUpMinContractDays, planStart: start,
                    language: language))
            moved.movedToNextProcurement = true
            return [moved]
        }
        let audits = context.audits.audits(for: lead)
        let cutoff = FollowUpPlanner.adding(years: -settings.auditValidYears, to: start)
        // What covers each step: a recent audit of the same kind or stricter, or (for putting conditions into the
        // contract) a contract that already has them.
        let covers: [String?] = steps.map { step in
            if let kind = AuditKind(taskID: step.taskID),
                let cover = audits.first(where: { $0.kind >= kind && $0.date >= cutoff })
            {
                return PlannerPhrases.covered(by: cover, language)
            }
            if step.taskID == "T4", let contract, lead.recommendedCondition != .none,
                contract.conditions.meets(lead.recommendedCondition)
            {
                return PlannerPhrases.conditionsInContract(contract, language)
            }
            return nil
        }
        // Each desk or on-site audit goes into the first plan year, from its own due date on, with room left in the
        // capacity; the steps after it move with it. Suppliers come in order of priority and spend, so the rest
        // wait for later years; the self-assessments before the first audit keep their dates.
        var result: [PlannedTask] = []
        var shift = 0
        for (offset, step) in steps.enumerated() {
            let base = start.adding(days: step.offsetDays) ?? start
            var due = FollowUpPlanner.adding(years: shift, to: base)
            // A step waits on the one before, except after conditions a contract already has (T4 covered): the
            // check of those conditions is due now.
            let conditionsInPlace = offset > 0 && steps[offset - 1].taskID == "T4" && covers[offset - 1] != nil
            let status: PlanStepStatus = offset == 0 || conditionsInPlace ? .planned : .conditional
            var notes: [String] = []
            if conditionsInPlace, let contract {
                notes.append(PlannerPhrases.conditionsToCheck(contract, language))
            } else if offset > 0 {
                notes.append(PlannerPhrases.condition(step: step.taskID, previous: steps[offset - 1].taskID, language))
            }
            let kind = AuditKind(taskID: step.taskID)
            var waited = false
            if covers[offset] == nil, let kind, let capacity = settings.capacity(forTask: step.taskID) {
                while booked[kind]?[FollowUpPlanner.planYear(of: due, start: start)] ?? 0 >= capacity, shift < 100 {
                    shift += 1
                    waited = true
                    due = FollowUpPlanner.adding(years: shift, to: base)
                }
            }
            if let contract, due > contract.end {
                var moved = task(
                    nextProcurementStep(step), due: max(contract.end, start), status: status,
                    note: (notes
                        + [
                            PlannerPhrases.afterContractEnd(
                                contract, step: step.method(language), recommended: recommended, language: language)
                        ]).joined(separator: " "))
                moved.movedToNextProcurement = true
                result.append(moved)
                break
            }
            if let cover = covers[offset] {
                result.append(task(step, due: due, status: .covered, note: cover))
                continue
            }
            if let kind, let capacity = settings.capacity(forTask: step.taskID) {
                let year = FollowUpPlanner.planYear(of: due, start: start)
                booked[kind, default: [:]][year, default: 0] += 1
                if waited {
                    notes.append(PlannerPhrases.capacity(kind: kind, perYear: capacity, planYear: year + 1, language))
                }
            }
            if let kind, let old = audits.first(where: { $0.kind >= kind }) {
                notes.append(PlannerPhrases.history(old, years: settings.auditValidYears, language))
            }
            result.append(task(step, due: due, status: status, note: notes.joined(separator: " ")))
        }
        return result
    }

    /// The step that stands for a follow-up moved to the next procurement: put the conditions into it (task T4).
    private func nextProcurementStep(_ step: FollowUpStep) -> FollowUpStep {
        var moved = step
        moved.taskID = "T4"
        moved.methodSv =
            "Följ upp vid nästa upphandling: ställ villkoren i förfrågningsunderlaget och följ upp i det nya avtalet"
        moved.methodEn =
            "Follow up at the next procurement: put the conditions in the documents and follow up under the new contract"
        return moved
    }
}

/// The planner's notes in Swedish and English.
enum PlannerPhrases {
    static func condition(step: String, previous: String, _ language: Language) -> String {
        let (sv, en): (String, String) =
            switch (step, previous) {
            case ("O4", _):
                (
                    "Villkorad: bara om ett tidigare steg visar avvikelser – då en tidsatt åtgärdsplan som följs upp till avslut.",
                    "Conditional: only if an earlier step finds deviations – then a time-bound corrective action plan, tracked to closure."
                )
            case ("O5", _):
                ("Villkorad: när stegen före är klara.", "Conditional: once the steps before are done.")
            case (_, "O1"):
                (
                    "Villkorad: bara om självskattningen visar avvikelser eller inte besvaras.",
                    "Conditional: only if the self-assessment shows deviations or is not answered."
                )
            case (_, "O2"):
                (
                    "Villkorad: bara om kontorsrevisionen visar allvarliga eller olösta avvikelser.",
                    "Conditional: only if the desk audit finds serious or unresolved deviations."
                )
            case (_, "O3"):
                (
                    "Villkorad: bara om revisionen på plats visar avvikelser.",
                    "Conditional: only if the on-site audit finds deviations."
                )
            case (_, "T4"):
                ("Villkorad: när villkoren finns i avtalet.", "Conditional: once the conditions are in the contract.")
            default:
                (
                    "Villkorad: beror på resultatet av föregående steg (\(previous)).",
                    "Conditional: depends on the result of the previous step (\(previous))."
                )
            }
        return language == .sv ? sv : en
    }

    static func covered(by audit: Audit, _ language: Language) -> String {
        language == .sv
            ? "Täckt av tidigare uppföljning: \(audit.describe(language))."
            : "Covered by an earlier follow-up: \(audit.describe(language))."
    }

    static func history(_ audit: Audit, years: Int, _ language: Language) -> String {
        language == .sv
            ? "Historik: \(audit.describe(language)) – äldre än \(years) år vid planens start, täcker inte steget."
            : "History: \(audit.describe(language)) – more than \(years) years old at the plan's start, does not cover the step."
    }

    static func conditionsInContract(_ contract: Contract, _ language: Language) -> String {
        language == .sv
            ? "Avtal \(contract.id) har redan villkoren (\(contract.conditions.label(language)))."
            : "Contract \(contract.id) already has the conditions (\(contract.conditions.label(language)))."
    }

    static func conditionsToCheck(_ contract: Contract, _ language: Language) -> String {
        language == .sv
            ? "Planerad: avtal \(contract.id) har redan villkoren (\(contract.conditions.label(language))); följ upp att de hålls."
            : "Planned: contract \(contract.id) already has the conditions (\(contract.conditions.label(language))); check that they are kept."
    }

    static func capacity(kind: AuditKind, perYear: Int, planYear: Int, _ language: Language) -> String {
        language == .sv
            ? "Flyttad till planår \(planYear): kapaciteten för \(kind.plural(language)) (\(perYear) per år) går tidigare år till leverantörer med högre prioritet eller spend."
            : "Moved to plan year \(planYear): the capacity for \(kind.plural(language)) (\(perYear) a year) goes to suppliers with a higher priority or spend in earlier years."
    }

    static func shortContract(
        _ contract: Contract, recommended: String, days: Int, planStart: CivilDate, language: Language
    ) -> String {
        // Spend may still run on a contract that has ended (an extension not yet in the file, or none at all).
        if contract.end < planStart {
            return language == .sv
                ? "Avtal \(contract.id) löpte ut \(contract.end.iso8601), före planens start: uppföljningen hör till nästa upphandling. Ställ villkoren där (rekommenderat: \(recommended))."
                : "Contract \(contract.id) ended on \(contract.end.iso8601), before the plan's start: follow-up belongs to the next procurement. Put the conditions there (recommended: \(recommended))."
        }
        return language == .sv
            ? "Avtal \(contract.id) löper ut \(contract.end.iso8601), mindre än \(days) dagar efter planens start: uppföljningen flyttas till nästa upphandling. Ställ villkoren där (rekommenderat: \(recommended))."
            : "Contract \(contract.id) ends on \(contract.end.iso8601), less than \(days) days after the plan's start: follow-up moves to the next procurement. Put the conditions there (recommended: \(recommended))."
    }

    static func afterContractEnd(_ contract: Contract, step: String, recommended: String, language: Language) -> String
    {
        language == .sv
            ? "\(step) skulle falla efter avtalets slut (\(contract.id), \(contract.end.iso8601)): flyttas till nästa upphandling (rekommenderade villkor: \(recommended))."
            : "\(step) would fall after the contract's end (\(contract.id), \(contract.end.iso8601)): moves to the next procurement (recommended conditions: \(recommended))."
    }
}
