import Foundation
import KedjaModel
import Tabular

/// The Deviations sheet's columns.
enum DeviationColumn: Int, CaseIterable {
    case supplier, orgNumber, id, question, answer, comment, evidence, deadline, questionnaire

    var header: Phrase {
        switch self {
        case .supplier: Phrase(sv: "Leverantör", en: "Supplier")
        case .orgNumber: Phrase(sv: "Org.nr", en: "Org. number")
        case .id: Phrase(sv: "Id", en: "Id")
        case .question: Phrase(sv: "Fråga", en: "Question")
        case .answer: Phrase(sv: "Svar", en: "Answer")
        case .comment: Phrase(sv: "Kommentar", en: "Comment")
        case .evidence: Phrase(sv: "Underlag", en: "Evidence")
        case .deadline: Phrase(sv: "Tidsfrist", en: "Deadline")
        case .questionnaire: Phrase(sv: "Självskattning", en: "Questionnaire")
        }
    }

    var width: ClosedRange<Double> {
        switch self {
        case .supplier: 16...30
        case .orgNumber: 13...13
        case .id: 6...8
        case .question: 40...60
        case .answer: 10...14
        case .comment, .evidence: 30...40
        case .deadline: 14...14
        case .questionnaire: 20...40
        }
    }
}

/// The follow-up's words in the plan.
enum FollowUpPhrases {
    static let deviationsSheet = Phrase(sv: "Avvikelser", en: "Deviations")
    /// The start of every note `kedja followup` writes into a self-assessment's comment (or a labour-law check's).
    static let notePrefixes = [
        "Självskattning besvarad", "Självskattning återsänd", "Self-assessment ", "Kontrollen besvarad",
        "Kontrollen återsänd", "Check of the conditions ",
    ]

    /// What the questionnaire was, for the notes: a self-assessment, or the check of labour-law conditions.
    static func subject(_ entry: PlanBook.SelfAssessment) -> Phrase {
        entry.condition == .collectiveAgreement
            ? Phrase(sv: "Kontrollen", en: "Check of the conditions")
            : Phrase(sv: "Självskattning", en: "Self-assessment")
    }
    /// The start of the planner's and followup's notes on a later step, replaced when the step is planned.
    static let stepNotePrefixes = ["Villkorad:", "Conditional:", "Planerad:", "Planned:"]

    static func note(_ outcome: FollowUpRound.Outcome, language: Language) -> String {
        let questionnaire = outcome.questionnaire
        let subject = Self.subject(outcome.entry)
        let count = questionnaire.responses.count
        let missing = questionnaire.unanswered.map(\.id).joined(separator: ", ")
        switch outcome.status {
        case .done:
            return Phrase(
                sv: "\(subject.sv) besvarad: alla \(count) frågor utan avvikelser.",
                en: "\(subject.en) answered: all \(count) questions without deviations."
            ).text(language)
        case .deviation:
            let list = questionnaire.deviations.map { "\($0.id) \($0.answer?.label(language) ?? "")" }
                .joined(separator: ", ")
            let deviations = questionnaire.deviations.count
            var text = Phrase(
                sv:
                    "\(subject.sv) besvarad: \(deviations) \(deviations == 1 ? "avvikelse" : "avvikelser") (\(list)), se bladet "
                    + "Avvikelser; åtgärdas senast \(outcome.deadline?.iso8601 ?? "").",
                en:
                    "\(subject.en) answered: \(deviations) \(deviations == 1 ? "deviation" : "deviations") (\(list)), see the sheet "
                    + "Deviations; to be corrected by \(outcome.deadline?.iso8601 ?? "")."
            ).text(language)
            if !missing.isEmpty {
                text += Phrase(sv: " Obesvarade: \(missing).", en: " Unanswered: \(missing).").text(language)
            }
            return text
        default:
            return Phrase(
                sv: "\(subject.sv) återsänd men ofullständig: \(questionnaire.unanswered.count) av \(count) frågor "
                    + "obesvarade (\(missing)).",
                en: "\(subject.en) returned incomplete: \(questionnaire.unanswered.count) of \(count) questions "
                    + "unanswered (\(missing))."
            ).text(language)
        }
    }

    static func deviationSummary(_ questionnaire: ReturnedQuestionnaire, language: Language) -> String {
        questionnaire.deviations.map { "\($0.id): \($0.answer?.label(language) ?? "")" }.joined(separator: "; ")
    }

    static func nextStepNote(deviations: Int, after entry: PlanBook.SelfAssessment, language: Language) -> String {
        let labour = entry.condition == .collectiveAgreement
        return Phrase(
            sv: "Planerad: \(labour ? "kontrollen av villkoren" : "självskattningen") visade \(deviations) "
                + "\(deviations == 1 ? "avvikelse" : "avvikelser").",
            en: "Planned: the \(labour ? "check of the conditions" : "self-assessment") showed \(deviations) "
                + "\(deviations == 1 ? "deviation" : "deviations")."
        ).text(language)
    }
}

/// Writes the plan after a follow-up round (`kedja followup`): every sheet of the plan with its cells as the team
/// left them, the statuses, comments and corrective-action cells the answers change, and a Deviations sheet with one
/// row per answer No or Partly.
public enum FollowUpPlanWorkbook {
    /// Writes `round`'s plan to `path`, replacing any file there; the file appears only when complete.
    public static func write(_ round: FollowUpRound, to path: String, created: Date) throws {
        let plan = round.plan
        let language = plan.language
        var sheets = plan.sheets
        apply(round, to: &sheets, language: language)
        let deviationRows = try deviationRows(round, sheets: sheets, language: language)
        let lastPlanSheet = sheets.lastIndex(where: \.isPlan) ?? 0
        let title = PlanPhrases.title.text(language)
        _ = try WorkbookFile.write(to: path, title: title, language: language, created: created) { workbook in
            for (index, sheet) in sheets.enumerated() where !isDeviationSheet(sheet) {
                let written = try workbook.addWorksheet(name: sheet.name)
                if sheet.isPlan {
                    try writePlanSheet(sheet, to: written, title: title, language: language)
                } else {
                    try copy(sheet, to: written, title: title, language: language)
                }
                if index == lastPlanSheet {
                    try DeviationLog.write(
                        deviationRows,
                        to: try workbook.addWorksheet(name: FollowUpPhrases.deviationsSheet.text(language)),
                        title: title, language: language)
                }
            }
        }
    }

    static func isDeviationSheet(_ sheet: PlanBook.Sheet) -> Bool {
        !sheet.isPlan && PeriodSheets.isPart(sheet.name, of: FollowUpPhrases.deviationsSheet)
    }

    /// Sets a plan cell, growing the row as needed.
    static func set(
        _ sheets: inout [PlanBook.Sheet], _ reference: PlanBook.RowReference, _ column: PlanColumn, _ cell: XlsxCell
    ) {
        guard let index = sheets[reference.sheet].columns[column] else { return }
        var row = sheets[reference.sheet].cells[reference.row]
        if row.count <= index { row += Array(repeating: XlsxCell.empty, count: index + 1 - row.count) }
        row[index] = cell
        sheets[reference.sheet].cells[reference.row] = row
    }

    /// `existing` without the lines that start with one of `prefixes`, then `note`.
    static func comment(_ existing: String, replacing prefixes: [String], with note: String) -> String {
        let kept = existing.components(separatedBy: "\n").filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !prefixes.contains { trimmed.hasPrefix($0) }
        }
        return (kept + [note]).joined(separator: "\n")
    }

    /// Puts the outcomes into the plan's cells.
    static func apply(_ round: FollowUpRound, to sheets: inout [PlanBook.Sheet], language: Language) {
        for outcome in round.outcomes {
            let reference = outcome.entry.reference
            set(&sheets, reference, .status, .string(outcome.status.label(language)))
            let note = FollowUpPhrases.note(outcome, language: language)
            set(
                &sheets, reference, .comment,
                .string(
                    comment(
                        PlanBook.text(in: sheets, reference, .comment),
                        replacing: FollowUpPhrases.notePrefixes + FollowUpPhrases.stepNotePrefixes, with: note)))
            if outcome.status == .deviation {
                set(
                    &sheets, reference, .deviation,
                    .string(FollowUpPhrases.deviationSummary(outcome.questionnaire, language: language)))
                if let deadline = outcome.deadline {
                    set(
                        &sheets, reference, .deadline,
                        .date(year: deadline.year, month: deadline.month, day: deadline.day))
                }
            }
            guard let next = outcome.nextStep else { continue }
            let current = FollowUpStatus(label: PlanBook.text(in: sheets, next, .status))
            if current == nil || current == .conditional || current == .planned {
                set(&sheets, next, .status, .string(FollowUpStatus.planned.label(language)))
                set(
                    &sheets, next, .comment,
                    .string(
                        comment(
                            PlanBook.text(in: sheets, next, .comment), replacing: FollowUpPhrases.stepNotePrefixes,
                            with: FollowUpPhrases.nextStepNote(
                                deviations: outcome.questionnaire.deviations.count, after: outcome.entry,
                                language: language))))
            }
            if PlanBook.date(PlanBook.cell(in: sheets, next, .due)) == nil,
                let due = outcome.entry.due?.adding(days: round.settings.nextStepDays)
            {
                set(&sheets, next, .due, .date(year: due.year, month: due.month, day: due.day))
            }
        }
    }

    /// The Deviations sheet's rows: those of an earlier round for suppliers not followed up now, then one per answer
    /// No or Partly of this round, in plan order.
    static func deviationRows(
        _ round: FollowUpRound, sheets: [PlanBook.Sheet], language: Language
    ) throws -> [DeviationLog.Row] {
        let matchedKeys = Set(round.outcomes.map(\.entry.supplierKey))
        var rows: [DeviationLog.Row] = []
        for sheet in sheets where isDeviationSheet(sheet) {
            rows += try DeviationLog.rows(of: sheet.cells, sheet: sheet.name, path: round.plan.path)
                .filter { !matchedKeys.contains(DeviationLog.supplierKey($0)) }
        }
        for outcome in round.outcomes {
            let file = (outcome.questionnaire.path as NSString).lastPathComponent
            for response in outcome.questionnaire.deviations {
                var values: [DeviationColumn: XlsxCell] = [
                    .supplier: .string(outcome.entry.supplier), .orgNumber: .string(outcome.entry.orgNumber ?? ""),
                    .id: .string(response.id), .question: .string(response.question),
                    .answer: .string(response.answer?.label(language) ?? response.answerText),
                    .comment: .string(response.comment), .evidence: .string(response.evidence),
                    .questionnaire: .string(file),
                ]
                if let deadline = outcome.deadline {
                    values[.deadline] = .date(year: deadline.year, month: deadline.month, day: deadline.day)
                }
                rows.append(values)
            }
        }
        return rows
    }

    static func style(for cell: XlsxCell) -> CellStyle {
        if case .date = cell { return Styles.date }
        return Styles.wrapped
    }

    private static func writePlanSheet(
        _ sheet: PlanBook.Sheet, to written: Worksheet, title: String, language: Language
    ) throws {
        // The plan's own column widths, wherever the team moved its columns; texts wrap within them.
        var limits: [Int: ClosedRange<Double>] = [:]
        for (column, index) in sheet.columns {
            limits[index] = PlanWorkbook.widthLimits[column.index]
        }
        var widths = ColumnWidths(limits: limits)
        let columnCount = sheet.cells.map(\.count).max() ?? 0
        for row in sheet.cells.dropFirst() {
            for (column, cell) in row.enumerated() { widths.fit(column, cell.text) }
        }
        for column in 0..<columnCount {
            widths.fitHeader(column, sheet.cells.first.flatMap { column < $0.count ? $0[column].text : nil } ?? "")
            try written.setColumn(first: column, last: column, width: widths.width(column))
        }
        if let header = sheet.cells.first {
            try written.writeHeaderRow(header.map(\.text), row: 0, widths: widths.width)
        }
        var heights = RowHeights()
        let priorityColumn = sheet.columns[.priority]
        for (rowIndex, row) in sheet.cells.enumerated().dropFirst() {
            for (column, cell) in row.enumerated() {
                let cellStyle = column == priorityColumn ? Styles.centredCount : style(for: cell)
                try written.write(row: rowIndex, col: column, copying: cell, style: cellStyle)
                heights.note(row: rowIndex, text: cell.text, width: widths.width(column))
            }
        }
        try heights.apply(to: written)
        if let statusColumn = sheet.columns[.status] {
            try PlanWorkbook.markStatuses(
                on: written, statusColumn: statusColumn, dueColumn: sheet.columns[.due], language: language)
        }
        let lastRow = max(sheet.cells.count - 1, 1)
        let lastColumn = max(columnCount - 1, 0)
        try written.freezePanes(row: 1, col: 1)
        try written.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn))
        try written.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn),
            repeatedRow: 0, language: language)
    }

    /// Copies a sheet Kedja does not change (the guide, the task legend, the team's own), cell by cell: the reader
    /// keeps no styles, so texts wrap within fitted widths, rows take the height their texts need, and the sheet
    /// prints on A4 pages one page wide like the plan's own sheets.
    private static func copy(
        _ sheet: PlanBook.Sheet, to written: Worksheet, title: String, language: Language
    ) throws {
        var widths = ColumnWidths(limits: [:])
        for row in sheet.cells {
            for (column, cell) in row.enumerated() { widths.fit(column, cell.text) }
        }
        let columnCount = sheet.cells.map(\.count).max() ?? 0
        for column in 0..<columnCount {
            try written.setColumn(first: column, last: column, width: widths.width(column))
        }
        var heights = RowHeights()
        for (rowIndex, row) in sheet.cells.enumerated() {
            for (column, cell) in row.enumerated() {
                try written.write(row: rowIndex, col: column, copying: cell, style: style(for: cell))
                heights.note(row: rowIndex, text: cell.text, width: widths.width(column))
            }
        }
        try heights.apply(to: written)
        let lastRow = max(sheet.cells.count - 1, 0)
        try written.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: max(columnCount - 1, 0)),
            repeatedRow: 0, language: language)
    }
}
