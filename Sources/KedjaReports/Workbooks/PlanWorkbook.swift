import KedjaModel
import Tabular

/// The follow-up plan workbook (`kedja plan`): one row per scheduled cascade step, for the team to work in.
///
/// The sheet name and the first nine columns are fixed by CONTRACT.md (see ``PlanLabels``). `Due` is a real date
/// cell; `Status` is a drop-down over the whole column, starting at Planerad/Planned and coloured by conditional
/// formatting; `Responsible`, `Comment` and the corrective-action columns (`Deviation`, `Action`, `Deadline`) are
/// left empty for the team. A due date passed while the step is not done turns red. A guide sheet explains the
/// statuses, the cascade and the rule tables used.
public enum PlanWorkbook {
    /// Writes the plan of `result` in `result.language` to `path`, replacing any file there.
    ///
    /// The file appears only when complete. Two writes of the same result give byte-identical files.
    /// - Throws: ``WorkbookOutputError`` when the file cannot be put at `path`; `XlsxError` when a value breaks
    ///   one of Excel's limits.
    public static func write(_ result: AnalysisResult, to path: String) throws {
        try write(result, to: path, rowsPerSheet: SheetSpill.dataRowsPerSheet)
    }

    /// Writes the plan with at most `rowsPerSheet` tasks per sheet (tests use a small number).
    static func write(_ result: AnalysisResult, to path: String, rowsPerSheet: Int) throws {
        let language = result.language
        let labels = PlanLabels(language)
        let title = PlanPhrases.title.text(language)
        try WorkbookFile.write(to: path, title: title, language: language) { workbook in
            for (part, range) in SheetSpill.parts(count: result.plan.count, rowsPerSheet: rowsPerSheet).enumerated() {
                let sheet = try workbook.addWorksheet(name: SheetSpill.sheetName(labels.planSheet, part: part))
                try writePlan(result.plan[range], to: sheet, labels: labels, title: title, language: language)
            }
            let guide = try workbook.addWorksheet(name: labels.guideSheet)
            try writeGuide(result, to: guide, title: title)
        }
    }

    /// Writes one sheet of planned tasks under the header row, with the status list and colours.
    private static func writePlan(
        _ tasks: ArraySlice<PlannedTask>, to sheet: Worksheet, labels: PlanLabels, title: String, language: Language
    ) throws {
        var widths = ColumnWidths(limits: [
            PlanColumn.supplier.index: 16...30, PlanColumn.category.index: 14...30, PlanColumn.priority.index: 10...10,
            PlanColumn.method.index: 16...32, PlanColumn.task.index: 24...45, PlanColumn.due.index: 14...14,
            PlanColumn.responsible.index: 20...20, PlanColumn.status.index: 13...13,
            PlanColumn.comment.index: 36...36, PlanColumn.deviation.index: 30...30, PlanColumn.action.index: 30...30,
            PlanColumn.deadline.index: 13...13,
        ])
        let texts = tasks.map { planTexts($0, language: language) }
        for rowTexts in texts {
            for (column, text) in rowTexts {
                widths.fit(column.index, text)
            }
        }
        // Columns the team types into wrap their text; the deadline column shows typed dates as dates.
        for column in PlanColumn.allCases {
            let style: CellStyle? =
                switch column {
                case .responsible, .comment, .deviation, .action: Styles.wrapped
                case .deadline: Styles.date
                default: nil
                }
            try sheet.setColumn(
                first: column.index, last: column.index, width: widths.width(column.index), style: style)
        }
        try sheet.writeHeaderRow(labels.headers, row: 0, widths: widths.width)

        let plannedLabel = FollowUpStatus.planned.label(language)
        var heights = RowHeights()
        for (offset, (task, rowTexts)) in zip(tasks, texts).enumerated() {
            let row = offset + 1
            for (column, text) in rowTexts {
                try sheet.write(row: row, col: column.index, string: text, style: Styles.wrapped)
                heights.note(row: row, text: text, width: widths.width(column.index))
            }
            try sheet.write(
                row: row, col: PlanColumn.priority.index, number: Double(task.row.priority), style: Styles.centredCount)
            try sheet.write(
                row: row, col: PlanColumn.due.index,
                date: .day(year: task.due.year, month: task.due.month, day: task.due.day), style: Styles.date)
            try sheet.write(row: row, col: PlanColumn.status.index, string: plannedLabel, style: Styles.text)
        }
        try heights.apply(to: sheet)

        let wholeStatusColumn = wholeColumn(.status)
        try sheet.dataValidationList(
            wholeStatusColumn, values: labels.statuses, errorMessage: PlanPhrases.statusError.text(language))
        for status in FollowUpStatus.allCases {
            let colours = Palette.statusFill(status)
            try sheet.conditionalFormat(
                wholeStatusColumn,
                rule: .cellEqualsText(
                    status.label(language), style: CellStyle(fontColor: colours.text, fillColor: colours.fill)))
        }
        // A due date passed while the step is not done turns red; Excel re-evaluates TODAY() on opening.
        let dueCell = "$\(CellRange.columnName(PlanColumn.due.index))2"
        let statusCell = "$\(CellRange.columnName(PlanColumn.status.index))2"
        let done = FollowUpStatus.done.label(language)
        try sheet.conditionalFormat(
            wholeColumn(.due),
            rule: .formula(
                "AND(ISNUMBER(\(dueCell)),\(dueCell)<TODAY(),\(statusCell)<>\"\(done)\")",
                style: CellStyle(bold: true, fontColor: Palette.alert, fillColor: Palette.fill(.high))))

        let lastColumn = PlanColumn.allCases.count - 1
        try sheet.freezePanes(row: 1, col: 1)
        let lastRow = max(tasks.count, 1)
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn))
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn),
            repeatedRow: 0, language: language)
    }

    /// The text cells of a planned task: supplier, category, method and task (`O1 Självskattning…`).
    private static func planTexts(_ task: PlannedTask, language: Language) -> [(PlanColumn, String)] {
        [
            (.supplier, task.row.supplierName),
            (.category, CommonPhrases.categoryName(task.row.category, language)),
            (.method, task.step.method(language)),
            (.task, task.task.map { "\($0.id) \($0.text(language))" } ?? task.step.taskID),
        ]
    }

    /// A column from below the header to the sheet's last row, so rows the team adds get the same rules.
    private static func wholeColumn(_ column: PlanColumn) -> CellRange {
        CellRange(firstRow: 1, firstCol: column.index, lastRow: ExcelLimits.rowCount - 1, lastCol: column.index)
    }

    /// Status, meaning (or explanation, or source) and year.
    private static let guideWidths: [Double] = [22, 100, 10]

    /// Writes what the statuses mean, how to use the plan, and the rule tables used.
    private static func writeGuide(_ result: AnalysisResult, to sheet: Worksheet, title: String) throws {
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
        for paragraph in PlanPhrases.howTo(start: result.planStart.iso8601) {
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
