import KedjaModel
import Tabular

/// What changed since last period's risk register, for the committee report's Changes sheet
/// (`kedja report --previous`): suppliers new to or gone from the high-risk list, risk levels that changed and
/// why, and spend shifts of at least a threshold.
///
/// Suppliers are matched as in ``PlanCarryover``: by organisation number when both registers have one, else by
/// name; a supplier × category by the category's name in either language. The high-risk list is the suppliers
/// with at least one supplier × category of high overall risk.
public struct RegisterComparison: Sendable {
    /// A supplier on the high-risk list now and not last period.
    public struct Joined: Sendable {
        /// The supplier's rows at high overall risk now.
        public let rows: [RegisterRow]
        /// Its highest overall level last period; nil when it was not in last period's register.
        public let previousLevel: RiskLevel?

        /// The spend at high risk now.
        public var spend: Amount { rows.reduce(.zero) { $0 + $1.spend } }
    }

    /// A supplier on the high-risk list last period and not now.
    public struct Left: Sendable {
        /// Its rows at high overall risk last period.
        public let rows: [PreviousRegister.Row]
        /// Its highest overall level now; nil when it has no spend this period.
        public let currentLevel: RiskLevel?

        /// The spend at high risk last period.
        public var spend: Amount { rows.reduce(.zero) { $0 + $1.spend } }
    }

    /// A supplier × category in both registers whose levels differ.
    public struct LevelChange: Sendable {
        /// Last period's row.
        public let previous: PreviousRegister.Row
        /// This period's row.
        public let current: RegisterRow

        /// The areas whose level differs, in ``RiskArea`` order.
        public var areas: [RiskArea] { RiskArea.allCases.filter { previous.levels[$0] != current.levels[$0] } }
    }

    /// A supplier whose total spend moved by at least the threshold, in either direction.
    public struct SpendShift: Sendable, Equatable {
        /// The supplier's name (this period's, or last period's when it has no spend now).
        public let supplier: String
        /// Its organisation number, when known.
        public let orgNumber: String?
        /// Its spend over all categories last period (zero when it was not there).
        public let previous: Amount
        /// Its spend over all categories now (zero when it has none).
        public let current: Amount

        /// The change, current minus previous.
        public var change: Amount { current - previous }
    }

    /// Last period's register, for the sheet's note.
    public let previousPath: String
    /// The least change in a supplier's spend that is listed.
    public let threshold: Amount
    /// Suppliers new to the high-risk list, largest spend at high risk first.
    public let joined: [Joined]
    /// Suppliers gone from the high-risk list, largest spend at high risk last period first.
    public let left: [Left]
    /// Changed levels, highest overall level now first, then by supplier and category.
    public let levelChanges: [LevelChange]
    /// Spend shifts of at least `threshold`, largest change first.
    public let spendShifts: [SpendShift]

    /// Compares `previous` with `current`, listing spend shifts of at least `threshold`.
    public init(previous: PreviousRegister, current: AnalysisResult, threshold: Amount) {
        let forms = current.legalForms
        let now = SupplierGroups(current.rows) { SupplierIdentity($0, legalForms: forms) }
        let before = SupplierGroups(previous.rows) {
            SupplierIdentity(name: $0.supplier, orgNumber: $0.orgNumber, legalForms: forms)
        }
        let index = SupplierIndex(now.groups.map(\.identity))
        let counterpart: [Int?] = before.groups.map { index.matches($0.identity).first }
        var previousOf: [Int: Int] = [:]
        for (previousGroup, currentGroup) in counterpart.enumerated() {
            if let currentGroup, previousOf[currentGroup] == nil { previousOf[currentGroup] = previousGroup }
        }

        var joined: [Joined] = []
        for (position, group) in now.groups.enumerated() {
            let high = group.rows.filter { $0.overall == .high }
            guard !high.isEmpty else { continue }
            let earlier = previousOf[position].map { before.groups[$0].rows }
            guard earlier?.contains(where: { $0.overall == .high }) != true else { continue }
            joined.append(Joined(rows: high, previousLevel: earlier.map { $0.map(\.overall).max() ?? .unknown }))
        }
        var left: [Left] = []
        for (position, group) in before.groups.enumerated() {
            let high = group.rows.filter { $0.overall == .high }
            guard !high.isEmpty else { continue }
            let later = counterpart[position].map { now.groups[$0].rows }
            guard later?.contains(where: { $0.overall == .high }) != true else { continue }
            left.append(Left(rows: high, currentLevel: later.map { $0.map(\.overall).max() ?? .unknown }))
        }

        var levelChanges: [LevelChange] = []
        for (position, group) in before.groups.enumerated() {
            guard let match = counterpart[position] else { continue }
            for row in group.rows {
                guard
                    let same = now.groups[match].rows.first(where: {
                        CategoryKey.matches(code: nil, name: row.category, $0.category)
                    }), same.levels != row.levels || same.overall != row.overall
                else { continue }
                levelChanges.append(LevelChange(previous: row, current: same))
            }
        }

        var shifts: [SpendShift] = []
        for (position, group) in now.groups.enumerated() {
            let earlier = previousOf[position].map { before.groups[$0].rows } ?? []
            shifts.append(
                SpendShift(
                    supplier: group.rows[0].supplierName, orgNumber: group.identity.orgNumber,
                    previous: earlier.reduce(.zero) { $0 + $1.spend },
                    current: group.rows.reduce(.zero) { $0 + $1.spend }))
        }
        for (position, group) in before.groups.enumerated() where counterpart[position] == nil {
            shifts.append(
                SpendShift(
                    supplier: group.rows[0].supplier, orgNumber: group.identity.orgNumber,
                    previous: group.rows.reduce(.zero) { $0 + $1.spend }, current: .zero))
        }

        previousPath = previous.path
        self.threshold = threshold
        self.joined = joined.sorted { ($0.spend, $1.rows[0].supplierName) > ($1.spend, $0.rows[0].supplierName) }
        self.left = left.sorted { ($0.spend, $1.rows[0].supplier) > ($1.spend, $0.rows[0].supplier) }
        self.levelChanges = levelChanges.sorted { lhs, rhs in
            if lhs.current.overall != rhs.current.overall { return lhs.current.overall > rhs.current.overall }
            if lhs.current.supplierName != rhs.current.supplierName {
                return lhs.current.supplierName < rhs.current.supplierName
            }
            return lhs.previous.category < rhs.previous.category
        }
        self.spendShifts = shifts.filter { $0.change.magnitude >= threshold && $0.change != .zero }.sorted {
            ($0.change.magnitude, $1.supplier) > ($1.change.magnitude, $0.supplier)
        }
    }

    /// The default threshold: a change as large as what makes a supplier × category material (settings.csv), the
    /// lower of `priority1_min_spend` and `priority1_min_share` of this period's total spend.
    public static func materialShift(settings: PrioritySettings, total: Amount) -> Amount {
        guard total > .zero else { return settings.priority1MinSpend }
        let share = Amount(micros: total.micros * Int128(settings.priority1MinShareMillionths) / 1_000_000)
        return min(settings.priority1MinSpend, share)
    }
}

/// Register rows grouped by supplier, in order of first appearance.
private struct SupplierGroups<Row> {
    /// One supplier and its rows.
    struct Group {
        let identity: SupplierIdentity
        var rows: [Row]
    }

    private(set) var groups: [Group] = []

    init(_ rows: [Row], identity: (Row) -> SupplierIdentity) {
        var positions: [String: Int] = [:]
        for row in rows {
            let supplier = identity(row)
            let key = supplier.orgNumber ?? "name:" + supplier.nameKey
            if let position = positions[key] {
                groups[position].rows.append(row)
            } else {
                positions[key] = groups.count
                groups.append(Group(identity: supplier, rows: [row]))
            }
        }
    }
}

extension Amount {
    /// The amount without its sign.
    var magnitude: Amount { isNegative ? -self : self }
}
