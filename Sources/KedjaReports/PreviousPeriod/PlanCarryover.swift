import KedjaModel
import Tabular

/// What last period's follow-up plan hands to this period's: the team's entries for each task that continues, the
/// tasks whose priority changed, and the rows that match no task any more.
///
/// A row of last period's plan continues as a task of this period's when supplier, category and task agree: the
/// supplier by organisation number when both periods know it, else by name (case, accents, punctuation and legal
/// form aside); the category by its CPV code when the row has one, else by its name in either language; the task by
/// its id (`O1`). Rows that match nothing are never dropped: they are listed with the reason (``Reason``).
public struct PlanCarryover: Sendable {
    /// Why a row of last period's plan matches no task of this period's.
    public enum Reason: Sendable, Equatable {
        /// The supplier has no spend this period.
        case supplierGone
        /// The supplier has spend, but none in the row's category.
        case categoryGone
        /// Supplier and category remain, at `priority`, but the task is not scheduled for them (or the row is one the
        /// team added).
        case taskNotPlanned(priority: Int)
        /// Another row for the same supplier, category and task (on `sheet`, row `row`) was carried over.
        case duplicate(sheet: String, row: Int)
    }

    /// A task of this period's plan with the row of last period's plan it continues.
    public struct Carried: Sendable, Equatable {
        /// Last period's row, whose Status, Responsible, Comment and corrective-action cells are carried.
        public let previous: PreviousPlan.Row
        /// The supplier × category's priority this period.
        public let priority: Int

        /// Whether the priority differs from the one last period's row showed.
        public var priorityChanged: Bool {
            guard let before = previous.priority else { return false }
            return before != priority
        }
    }

    /// A row of last period's plan that continues no task, and why.
    public struct Discontinued: Sendable, Equatable {
        /// Last period's row, all its cells as typed.
        public let row: PreviousPlan.Row
        /// Why it matches no task.
        public let reason: Reason
    }

    /// The previous plan's path, for the guide sheet.
    public let previousPath: String
    /// The continued tasks, by their position in `AnalysisResult.plan`.
    public let carried: [Int: Carried]
    /// Last period's rows that continue no task, in their order in the previous plan.
    public let discontinued: [Discontinued]
    /// Last period's Deviations rows, all of them: a corrective action stays on record until the team closes it.
    let deviations: [DeviationLog.Row]

    /// How many continued tasks changed priority.
    public var priorityChanges: Int { carried.values.filter(\.priorityChanged).count }

    /// Matches every row of `previous` against the plan and register of `result`.
    ///
    /// Rows of the previous plan's own sheets are matched before rows of its Discontinued sheet, so the team's
    /// latest entries win when a supplier comes back.
    public init(previous: PreviousPlan, result: AnalysisResult) {
        let plan = result.plan
        let forms = result.legalForms
        let planSuppliers = SupplierIndex(plan.map { SupplierIdentity($0.row, legalForms: forms) })
        let registerSuppliers = SupplierIndex(result.rows.map { SupplierIdentity($0, legalForms: forms) })
        var carried: [Int: Carried] = [:]
        var discontinued: [Discontinued] = []
        let ordered = previous.rows.filter { !$0.wasDiscontinued } + previous.rows.filter(\.wasDiscontinued)
        for row in ordered {
            let supplier = SupplierIdentity(name: row.supplier, orgNumber: row.orgNumber, legalForms: forms)
            let candidates = planSuppliers.matches(supplier).filter { index in
                // A supplier's follow-up covers all its categories: last period's row of any of them continues it.
                plan[index].step.taskID.uppercased() == row.taskID
                    && (CategoryKey.matches(code: row.categoryCode, name: row.category, plan[index].row.category)
                        || plan[index].otherCategories.contains {
                            CategoryKey.matches(code: row.categoryCode, name: row.category, $0)
                        })
            }
            if let index = candidates.first(where: { carried[$0] == nil }) {
                carried[index] = Carried(previous: row, priority: plan[index].row.priority)
                continue
            }
            let reason: Reason
            if let claimant = candidates.first.flatMap({ carried[$0]?.previous }) {
                reason = .duplicate(sheet: claimant.sheet, row: claimant.sheetRow)
            } else {
                let rows = registerSuppliers.matches(supplier)
                if rows.isEmpty {
                    reason = .supplierGone
                } else if let same = rows.first(where: {
                    CategoryKey.matches(code: row.categoryCode, name: row.category, result.rows[$0].category)
                }) {
                    reason = .taskNotPlanned(priority: result.rows[same].priority)
                } else {
                    reason = .categoryGone
                }
            }
            discontinued.append(Discontinued(row: row, reason: reason))
        }
        previousPath = previous.path
        deviations = previous.deviations
        self.carried = carried
        self.discontinued = discontinued
    }
}

/// Who a supplier is across two periods: its organisation number when both periods know it, else its name as
/// ``LegalForms/nameKey(_:)`` normalises it.
struct SupplierIdentity: Sendable {
    /// The normalised organisation number, when known.
    let orgNumber: String?
    /// The normalised name.
    let nameKey: String

    init(name: String, orgNumber: String?, legalForms: LegalForms) {
        self.orgNumber = orgNumber
        nameKey = legalForms.nameKey(name)
    }

    init(_ row: RegisterRow, legalForms: LegalForms) {
        self.init(name: row.supplierName, orgNumber: row.orgNumber, legalForms: legalForms)
    }

    /// Whether both name the same supplier.
    func matches(_ other: SupplierIdentity) -> Bool {
        if let orgNumber, let otherNumber = other.orgNumber { return orgNumber == otherNumber }
        return !nameKey.isEmpty && nameKey == other.nameKey
    }
}

/// This period's items by supplier, so each of last period's rows is matched without a scan of them all.
struct SupplierIndex {
    private let identities: [SupplierIdentity]
    private var byOrgNumber: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]

    init(_ identities: [SupplierIdentity]) {
        self.identities = identities
        for (index, identity) in identities.enumerated() {
            if let orgNumber = identity.orgNumber { byOrgNumber[orgNumber, default: []].append(index) }
            byName[identity.nameKey, default: []].append(index)
        }
    }

    /// The positions of the items whose supplier is `identity`, ascending.
    func matches(_ identity: SupplierIdentity) -> [Int] {
        var candidates = Set(byName[identity.nameKey] ?? [])
        if let orgNumber = identity.orgNumber { candidates.formUnion(byOrgNumber[orgNumber] ?? []) }
        return candidates.filter { identities[$0].matches(identity) }.sorted()
    }
}

/// Whether a category written in last period's workbook is this period's `category`.
enum CategoryKey {
    /// By CPV `code` when given, else by `name` in either language; the unclassified placeholder (or no name)
    /// matches spend no rule classified.
    static func matches(code: String?, name: String, _ category: Category?) -> Bool {
        if let code { return category?.code == code }
        let key = TextKey.folded(name)
        guard let category else {
            return key.isEmpty || key == TextKey.folded(CommonPhrases.unclassified.sv)
                || key == TextKey.folded(CommonPhrases.unclassified.en)
        }
        return key == TextKey.folded(category.nameSv) || key == TextKey.folded(category.nameEn)
    }
}
