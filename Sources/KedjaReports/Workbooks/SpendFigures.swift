import KedjaModel
import Tabular

/// The sums behind the key figures, computed once from the register rows with exact money.
struct SpendFigures {
    /// Per priority: rows, distinct suppliers and spend.
    struct PriorityGroup {
        let priority: Int
        var rows = 0
        var suppliers = 0
        var spend = Amount.zero
    }

    /// The exact sum of the register rows' spend (equals the total when the analysis reconciles).
    let registerSpend: Amount
    /// Spend of rows with a category.
    let classifiedSpend: Amount
    /// Spend per area and level.
    let spendByAreaLevel: [RiskArea: [RiskLevel: Amount]]
    /// Spend per overall level.
    let spendByOverallLevel: [RiskLevel: Amount]
    /// The register by priority, ascending.
    let priorities: [PriorityGroup]
    /// The plan's first quarter: from its start up to, not including, this day three months later.
    let firstQuarterEnd: CivilDate
    /// Planned tasks due in the first quarter.
    let tasksDueInFirstQuarter: Int

    /// Sums `result`'s rows and plan.
    init(_ result: AnalysisResult) {
        var registerSpend = Amount.zero
        var classifiedSpend = Amount.zero
        var byAreaLevel: [RiskArea: [RiskLevel: Amount]] = [:]
        var byOverall: [RiskLevel: Amount] = [:]
        var groups: [Int: PriorityGroup] = [:]
        var suppliersByPriority: [Int: Set<String>] = [:]
        for row in result.rows {
            registerSpend += row.spend
            if row.category != nil { classifiedSpend += row.spend }
            for area in RiskArea.allCases {
                byAreaLevel[area, default: [:]][row.levels[area], default: .zero] += row.spend
            }
            byOverall[row.overall, default: .zero] += row.spend
            groups[row.priority, default: PriorityGroup(priority: row.priority)].rows += 1
            groups[row.priority, default: PriorityGroup(priority: row.priority)].spend += row.spend
            suppliersByPriority[row.priority, default: []].insert(row.supplierKey)
        }
        for (priority, suppliers) in suppliersByPriority {
            groups[priority]?.suppliers = suppliers.count
        }
        self.registerSpend = registerSpend
        self.classifiedSpend = classifiedSpend
        spendByAreaLevel = byAreaLevel
        spendByOverallLevel = byOverall
        priorities = groups.values.sorted { $0.priority < $1.priority }
        firstQuarterEnd = result.planStart.addingMonths(3)
        let start = result.planStart
        let end = firstQuarterEnd
        tasksDueInFirstQuarter = result.plan.count { $0.due >= start && $0.due < end }
    }

    /// Spend whose level in `area` is `level`.
    func spend(_ area: RiskArea, _ level: RiskLevel) -> Amount {
        spendByAreaLevel[area]?[level] ?? .zero
    }

    /// Spend whose overall level is `level`.
    func overallSpend(_ level: RiskLevel) -> Amount {
        spendByOverallLevel[level] ?? .zero
    }

    /// The group of `priority`, empty when no row has it.
    func group(_ priority: Int) -> PriorityGroup {
        priorities.first { $0.priority == priority } ?? PriorityGroup(priority: priority)
    }

    /// The last day of the plan's first quarter, for display.
    var firstQuarterLastDay: CivilDate {
        firstQuarterEnd.adding(days: -1) ?? firstQuarterEnd
    }
}

extension CivilDate {
    /// The same day `months` calendar months later, moved back to the month's last day when it has fewer days
    /// (2025-11-30 + 3 months = 2026-02-28); the date itself when the result would leave Excel's years.
    func addingMonths(_ months: Int) -> CivilDate {
        let monthIndex = year * 12 + (month - 1) + months
        let targetYear = monthIndex / 12
        let targetMonth = monthIndex % 12 + 1
        for targetDay in stride(from: day, through: 1, by: -1) {
            if let date = CivilDate(year: targetYear, month: targetMonth, day: targetDay) {
                return date
            }
        }
        return self
    }
}
