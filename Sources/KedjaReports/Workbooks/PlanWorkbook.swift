import KedjaModel
import Tabular

/// The follow-up plan workbook (`kedja plan`): one row per scheduled cascade step, for the team to work in.
///
/// The sheet name and the first nine columns are fixed by CONTRACT.md (see ``PlanLabels``). `Due` is a real date
/// cell; `Status` is a drop-down over the whole column, starting at Planerad/Planned and coloured by conditional
/// formatting; `Responsible`, `Comment` and the corrective-action columns (`Deviation`, `Action`, `Deadline`) are
/// left empty for the team. The organisation number and category code follow, so next period's plan recognises
/// the row. A due date passed while the step is not done turns red. A guide sheet explains the statuses, the
/// cascade and the rule tables used.
///
/// Made with last period's plan (``PlanCarryover``), the team's entries return in the tasks that continue, a Change
/// column marks new tasks and changed priorities, rows that continue no task are kept on a Discontinued sheet, and
/// the Deviations sheet of a follow-up round is kept whole.
public enum PlanWorkbook {
    /// Writes the plan of `result` in `result.language` to `path`, replacing any file there.
    ///
    /// The file appears only when complete. Two writes of the same result give byte-identical files.
    /// - Parameter carryover: what last period's plan hands on (`kedja plan --previous`), or nil for a first plan.
    /// - Throws: `OutputError` when the file cannot be put at `path`; `XlsxError` when a value breaks
    ///   one of Excel's limits.
    /// - Returns: what the cell texts needed to fit in the file (see `CellText`), for the run's summary.
    @discardableResult
    public static func write(
        _ result: AnalysisResult, carryover: PlanCarryover? = nil, to path: String
    ) throws -> TextRepairs {
        try write(result, carryover: carryover, to: path, rowsPerSheet: SheetSpill.dataRowsPerSheet)
    }

    /// Writes the plan with at most `rowsPerSheet` tasks per sheet (tests use a small number).
    @discardableResult
    static func write(
        _ result: AnalysisResult, carryover: PlanCarryover? = nil, to path: String, rowsPerSheet: Int
    ) throws -> TextRepairs {
        let language = result.language
        let labels = PlanLabels(language)
        let title = PlanPhrases.title.text(language)
        return try WorkbookFile.write(to: path, title: title, language: language, created: result.run.time) {
            workbook in
            for (part, range) in SheetSpill.parts(count: result.plan.count, rowsPerSheet: rowsPerSheet).enumerated() {
                let sheet = try workbook.addWorksheet(
                    name: SheetSpill.sheetName(labels.planSheet, part: part), streamingRows: true)
                try writePlan(
                    result.plan[range], carryover: carryover, to: sheet, labels: labels, title: title,
                    language: language)
            }
            if let carryover, !carryover.deviations.isEmpty {
                try DeviationLog.write(
                    carryover.deviations.map { DeviationLog.relabelled($0, in: language) },
                    to: try workbook.addWorksheet(name: FollowUpPhrases.deviationsSheet.text(language)), title: title,
                    language: language)
            }
            if let carryover, !carryover.discontinued.isEmpty {
                let parts = SheetSpill.parts(count: carryover.discontinued.count, rowsPerSheet: rowsPerSheet)
                for (part, range) in parts.enumerated() {
                    let sheet = try workbook.addWorksheet(
                        name: SheetSpill.sheetName(labels.discontinuedSheet, part: part))
                    try writeDiscontinued(
                        carryover.discontinued[range], to: sheet, labels: labels, title: title, language: language)
                }
            }
            if let figures = result.contractFigures {
                try ConditionGapSheet.write(
                    figures, to: try workbook.addWorksheet(name: ConditionGapSheet.name(language)), title: title,
                    language: language)
            }
            let guide = try workbook.addWorksheet(name: labels.guideSheet)
            try writeGuide(result, carryover: carryover, to: guide, title: title)
            try TaskLegendSheet.write(
                result.plan.lazy.compactMap(\.task), to: try workbook.addWorksheet(name: labels.tasksSheet),
                title: title,
                language: language)
        }
    }

    /// The width range of each of the plan's columns; the Change column follows at `PlanColumn.allCases.count`.
    static let widthLimits: [Int: ClosedRange<Double>] = [
        PlanColumn.supplier.index: 16...30, PlanColumn.category.index: 14...30, PlanColumn.priority.index: 10...10,
        PlanColumn.method.index: 20...45, PlanColumn.task.index: 8...8, PlanColumn.due.index: 14...14,
        PlanColumn.responsible.index: 20...20, PlanColumn.status.index: 13...13,
        PlanColumn.comment.index: 36...36, PlanColumn.deviation.index: 30...30, PlanColumn.action.index: 30...30,
        PlanColumn.deadline.index: 13...13, PlanColumn.orgNumber.index: 13...13, PlanColumn.categoryCode.index: 11...11,
        PlanColumn.contract.index: 10...20, PlanColumn.contractEnd.index: 13...13, PlanColumn.condition.index: 12...20,
        changeColumn: 16...24,
    ]

    /// The zero-based column of the Change column in a plan made with `--previous`.
    private static let changeColumn = PlanColumn.allCases.count

    /// Writes one sheet of planned tasks under the header row, with the status list and colours, and with what
    /// `carryover` hands on from last period.
    ///
    /// The sheet streams its rows: the row texts are built once to size the columns and again to write, rather
    /// than kept for every task.
    private static func writePlan(
        _ tasks: ArraySlice<PlannedTask>, carryover: PlanCarryover?, to sheet: Worksheet, labels: PlanLabels,
        title: String, language: Language
    ) throws {
        var widths = ColumnWidths(limits: widthLimits)
        for task in tasks {
            for (column, text) in planTexts(task, language: language) {
                widths.fit(column.index, text)
            }
        }
        // Columns the team types into wrap their text; the deadline column shows typed dates as dates.
        for column in PlanColumn.allCases {
            try sheet.setColumn(
                first: column.index, last: column.index, width: widths.width(column.index), style: columnStyle(column))
        }
        var headers = labels.headers
        if carryover != nil {
            headers.append(labels.changeHeader)
            try sheet.setColumn(first: changeColumn, last: changeColumn, width: widths.width(changeColumn))
        }
        try sheet.writeHeaderRow(headers, row: 0, widths: widths.width)

        var heights = RowHeights()
        for (offset, planIndex) in tasks.indices.enumerated() {
            let task = tasks[planIndex]
            let row = offset + 1
            for (column, text) in planTexts(task, language: language) {
                try sheet.write(row: row, col: column.index, string: text, style: Styles.wrapped)
                heights.note(row: row, text: text, width: widths.width(column.index))
            }
            try sheet.write(
                row: row, col: PlanColumn.due.index,
                date: .day(year: task.due.year, month: task.due.month, day: task.due.day), style: Styles.date)
            if let end = task.contract?.end {
                try sheet.write(
                    row: row, col: PlanColumn.contractEnd.index,
                    date: .day(year: end.year, month: end.month, day: end.day), style: Styles.date)
            }
            let carried = carryover?.carried[planIndex]
            try sheet.write(
                row: row, col: PlanColumn.priority.index, number: Double(task.row.priority),
                style: carried?.priorityChanged == true ? Styles.flaggedCount : Styles.centredCount)
            // Each task starts where Kedja puts it (planned, conditional, covered) with Kedja's note, unless last
            // period's row says where it stands: a status the team set and a comment it wrote are kept.
            var teamCells =
                carried.map { entry in
                    PlanColumn.teamColumns.map { column in
                        (column, teamCell(entry.previous, column, language: language))
                    }
                } ?? []
            // Kedja's own statuses are worked out afresh, except a later step that was planned (a follow-up round
            // found deviations): it stays planned rather than falling back to conditional.
            teamCells.removeAll { column, cell in
                guard column == .status, let status = FollowUpStatus(label: cell.text), status.isKedjas else {
                    return false
                }
                return !(status == .planned && task.status == .conditional)
            }
            if !teamCells.contains(where: { column, cell in column == .status && !cell.isEmpty }) {
                try sheet.write(
                    row: row, col: PlanColumn.status.index,
                    string: FollowUpStatus(task.status).label(language), style: Styles.text)
            }
            if !task.note.isEmpty, !teamCells.contains(where: { column, cell in column == .comment && !cell.isEmpty }) {
                try sheet.write(row: row, col: PlanColumn.comment.index, string: task.note, style: Styles.wrapped)
                heights.note(row: row, text: task.note, width: widths.width(PlanColumn.comment.index))
            }
            for (column, cell) in teamCells where !cell.isEmpty {
                try sheet.write(row: row, col: column.index, copying: cell, style: cellStyle(column))
                heights.note(row: row, text: cell.text, width: widths.width(column.index))
            }
            if carryover != nil, let change = changeText(carried, priority: task.row.priority, language: language) {
                try sheet.write(row: row, col: changeColumn, string: change, style: Styles.boldText)
            }
            try heights.apply(row: row, to: sheet)
        }

        try markStatuses(
            on: sheet, statusColumn: PlanColumn.status.index, dueColumn: PlanColumn.due.index, language: language)

        let lastColumn = headers.count - 1
        try sheet.freezePanes(row: 1, col: 1)
        let lastRow = max(tasks.count, 1)
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn))
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn),
            repeatedRow: 0, language: language)
    }

    /// The Change cell of a plan made with `--previous`: a new task, a changed priority, or nothing to say.
    private static func changeText(_ carried: PlanCarryover.Carried?, priority: Int, language: Language) -> String? {
        guard let carried else { return CarryoverPhrases.newTask.text(language) }
        guard carried.priorityChanged, let before = carried.previous.priority else { return nil }
        return CarryoverPhrases.priorityChanged(from: before, to: priority).text(language)
    }

    /// A team column's cell from last period's row; a status the drop-down knows is shown in `language`, one typed by
    /// hand is kept as typed.
    private static func teamCell(_ row: PreviousPlan.Row, _ column: PlanColumn, language: Language) -> XlsxCell {
        let cell = row.cells[column] ?? .empty
        if column == .status, case .string(let text) = cell, let status = FollowUpStatus(label: text) {
            return .string(status.label(language))
        }
        return cell
    }

    /// The whole-column style: the team's text columns wrap, the deadline shows typed dates as dates.
    private static func columnStyle(_ column: PlanColumn) -> CellStyle? {
        switch column {
        case .responsible, .comment, .deviation, .action: Styles.wrapped
        case .deadline: Styles.date
        default: nil
        }
    }

    /// The style of a cell copied from last period into `column`.
    private static func cellStyle(_ column: PlanColumn) -> CellStyle {
        switch column {
        case .status, .orgNumber, .categoryCode: Styles.text
        case .priority: Styles.centredCount
        case .due, .deadline, .contractEnd: Styles.date
        default: Styles.wrapped
        }
    }

    /// Writes rows of last period's plan that continue no task: their cells as typed, the reason and where they were.
    private static func writeDiscontinued(
        _ rows: ArraySlice<PlanCarryover.Discontinued>, to sheet: Worksheet, labels: PlanLabels, title: String,
        language: Language
    ) throws {
        let reasonColumn = PlanColumn.allCases.count
        let fromColumn = reasonColumn + 1
        var limits = widthLimits
        limits[reasonColumn] = 30...50
        limits[fromColumn] = 16...30
        var widths = ColumnWidths(limits: limits)
        let extras = rows.map { entry in
            (
                CarryoverPhrases.reason(entry.reason).text(language),
                CarryoverPhrases.origin(sheet: entry.row.sheet, row: entry.row.sheetRow).text(language)
            )
        }
        for (entry, (reason, origin)) in zip(rows, extras) {
            for column in [PlanColumn.supplier, .category, .method, .task] {
                widths.fit(column.index, entry.row.text(column))
            }
            widths.fit(reasonColumn, reason)
            widths.fit(fromColumn, origin)
        }
        for column in PlanColumn.allCases {
            try sheet.setColumn(first: column.index, last: column.index, width: widths.width(column.index))
        }
        try sheet.setColumn(first: reasonColumn, last: reasonColumn, width: widths.width(reasonColumn))
        try sheet.setColumn(first: fromColumn, last: fromColumn, width: widths.width(fromColumn))
        let headers =
            labels.headers + [CarryoverPhrases.reasonHeader.text(language), CarryoverPhrases.fromHeader.text(language)]
        try sheet.writeHeaderRow(headers, row: 0, widths: widths.width)

        var heights = RowHeights()
        for (offset, (entry, (reason, origin))) in zip(rows, extras).enumerated() {
            let row = offset + 1
            for column in PlanColumn.allCases {
                let cell = teamCell(entry.row, column, language: language)
                guard !cell.isEmpty else { continue }
                try sheet.write(row: row, col: column.index, copying: cell, style: cellStyle(column))
                heights.note(row: row, text: cell.text, width: widths.width(column.index))
            }
            try sheet.write(row: row, col: reasonColumn, string: reason, style: Styles.wrapped)
            heights.note(row: row, text: reason, width: widths.width(reasonColumn))
            try sheet.write(row: row, col: fromColumn, string: origin, style: Styles.text)
        }
        try heights.apply(to: sheet)
        let lastColumn = headers.count - 1
        let lastRow = max(rows.count, 1)
        try sheet.freezePanes(row: 1, col: 1)
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn))
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn),
            repeatedRow: 0, language: language)
    }

    /// The text cells of a planned task: supplier, category, method, task id (`O1`, explained on the tasks sheet),
    /// and the
    /// organisation number and category code that identify the row next period.
    private static func planTexts(_ task: PlannedTask, language: Language) -> [(PlanColumn, String)] {
        [
            (.supplier, task.row.supplierName),
            (
                .category,
                ([CommonPhrases.categoryName(task.row.category, language)]
                    + task.otherCategories.map { CommonPhrases.categoryName($0, language) }).joined(separator: "; ")
            ),
            (.method, task.step.method(language)),
            (.task, task.step.taskID),
            (.orgNumber, task.row.orgNumber ?? ""),
            (.categoryCode, task.row.category?.code ?? ""),
            (.contract, task.contract?.id ?? ""),
            (.condition, task.row.recommendedCondition.label(language)),
        ]
    }

    /// A column from below the header to the sheet's last row, so rows the team adds get the same rules.
    /// The Status column's drop-down and colours, and a due date passed while its step is not done in red (Excel
    /// re-evaluates TODAY() on opening): on the plan's own sheets and on the plan `kedja followup` writes, where the
    /// team may have moved the columns.
    static func markStatuses(on sheet: Worksheet, statusColumn: Int, dueColumn: Int?, language: Language) throws {
        func wholeColumn(_ column: Int) -> CellRange {
            CellRange(firstRow: 1, firstCol: column, lastRow: ExcelLimits.rowCount - 1, lastCol: column)
        }
        try sheet.dataValidationList(
            wholeColumn(statusColumn), values: FollowUpStatus.allCases.map { $0.label(language) },
            errorMessage: PlanPhrases.statusError.text(language))
        for status in FollowUpStatus.allCases {
            let colours = Palette.statusFill(status)
            try sheet.conditionalFormat(
                wholeColumn(statusColumn),
                rule: .cellEqualsText(
                    status.label(language), style: CellStyle(fontColor: colours.text, fillColor: colours.fill)))
        }
        guard let dueColumn else { return }
        let dueCell = "$\(CellRange.columnName(dueColumn))2"
        let statusCell = "$\(CellRange.columnName(statusColumn))2"
        let done = FollowUpStatus.done.label(language)
        try sheet.conditionalFormat(
            wholeColumn(dueColumn),
            rule: .formula(
                "AND(ISNUMBER(\(dueCell)),\(dueCell)<TODAY(),\(statusCell)<>\"\(done)\")",
                style: CellStyle(bold: true, fontColor: Palette.alert, fillColor: Palette.fill(.high))))
    }

    /// Status, meaning (or explanation, or source) and year.
    private static let guideWidths: [Double] = [22, 100, 10]

    /// Writes what the statuses mean, how to use the plan, and the rule tables used.
    private static func writeGuide(
        _ result: AnalysisResult, carryover: PlanCarryover?, to sheet: Worksheet, title: String
    ) throws {
        let language = result.language
        try MethodSheet.setWidths(guideWidths, on: sheet)
        try sheet.write(row: 0, col: 0, string: title, style: Styles.title)
        let headerRow = 2
        var row = headerRow
        try sheet.writeHeaderRow(
            PlanPhrases.statusHeaders.map { $0.text(language) }, row: row, widths: { guideWidths[$0] })
        var heights = RowHeights()
        for status in FollowUpStatus.allCases {
            row += 1
            try sheet.write(row: row, col: 0, string: status.label(language), style: Styles.boldText)
            try sheet.write(row: row, col: 1, string: status.meaning.text(language), style: Styles.wrapped)
            heights.note(row: row, text: status.meaning.text(language), width: guideWidths[1])
        }
        row += 2
        try sheet.write(row: row, col: 0, string: PlanPhrases.howToHeading.text(language), style: Styles.heading)
        var paragraphs = PlanPhrases.howTo(start: result.planStart.iso8601)
        let lastDue = result.plan.map(\.due).max() ?? result.planStart
        paragraphs.append(
            PlanPhrases.capacity(
                result.planning, auditsFile: result.auditsFile?.file,
                planYears: FollowUpPlanner.planYear(of: lastDue, start: result.planStart) + 1))
        if let carryover {
            paragraphs.append(
                CarryoverPhrases.guide(
                    previous: carryover.previousPath, carried: carryover.carried.count,
                    priorityChanges: carryover.priorityChanges, discontinued: carryover.discontinued.count,
                    sheet: PlanPhrases.discontinuedSheet.text(language)))
        }
        for paragraph in paragraphs {
            row += 1
            try sheet.write(row: row, col: 1, string: paragraph.text(language), style: Styles.wrapped)
            heights.note(row: row, text: paragraph.text(language), width: guideWidths[1])
        }
        try heights.apply(to: sheet)
        row += 2
        row = try MethodSheet.writeSources(
            result.sources, to: sheet, from: row, widths: guideWidths, language: language)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: row, lastCol: 2), repeatedRow: headerRow,
            language: language)
    }
}
