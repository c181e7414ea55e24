import Tabular

/// Schedules the follow-up cascade (self-assessment → desk audit → on-site audit → corrective action plan)
/// for every prioritised supplier × category.
public enum FollowUpPlanner {
    /// One planned task per cascade step of each priority 1 and 2 row, ordered by due date, priority and spend.
    /// Priority 3 rows get the code of conduct in the contract, shown in the register, not scheduled.
    public static func plan(rows: [RegisterRow], tasks: [PhaseTask], start: CivilDate) -> [PlannedTask] {
        let tasksByID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var planned: [PlannedTask] = []
        for row in rows where row.priority <= 2 {
            let shared = SharedRow(row)
            for step in row.followUp {
                let due = start.adding(days: step.offsetDays) ?? start
                planned.append(PlannedTask(sharing: shared, step: step, task: tasksByID[step.taskID], due: due))
            }
        }
        // A stable sort in place: equal due dates keep the rows' order, and no copy of the plan is made.
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
}
