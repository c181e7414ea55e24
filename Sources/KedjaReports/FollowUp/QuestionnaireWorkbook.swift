import Foundation
import KedjaModel
import Tabular

/// One supplier's self-assessment questionnaire, ready to write: who it goes to and what it asks.
public struct Questionnaire: Sendable {
    /// The supplier's self-assessment row of the plan.
    public let entry: PlanBook.SelfAssessment
    /// The questions selected for its condition level and risk areas, in table order.
    public let questions: [Question]
    /// The risk areas at issue in its categories.
    public let areas: Set<RiskArea>
    /// The question level its condition asks for: the chain's questions, or the labour-law ones.
    public var level: QuestionLevel { QuestionLevel(entry.condition) }
    /// The plan's identity (``PlanBook/planID``).
    public let planID: String
    /// The plan's file name, for the instruction sheet and messages.
    public let planFile: String

    /// The questionnaires of every supplier whose self-assessment is Planned, in plan order.
    ///
    /// The risk areas come from the categories the plan names for the supplier (by CPV code, else by name in
    /// either language); a supplier with no known category is asked about all four areas.
    public static func planned(in plan: PlanBook, templates: TemplateSet) -> [Questionnaire] {
        plan.selfAssessments.filter { $0.status == .planned }.map { entry in
            var profiles: [RiskProfile] = []
            if let code = entry.categoryCode, let category = templates.categoryForCPV(code) {
                profiles.append(category.levels)
            }
            for name in entry.categories {
                let key = TextKey.folded(name)
                if let category = templates.categories.first(where: {
                    TextKey.folded($0.nameSv) == key || TextKey.folded($0.nameEn) == key
                }) {
                    profiles.append(category.levels)
                }
            }
            let areas = Question.areasAtIssue(profiles)
            return Questionnaire(
                entry: entry,
                questions: Question.selected(
                    from: templates.questions, level: QuestionLevel(entry.condition), areas: areas),
                areas: areas, planID: plan.planID, planFile: (plan.path as NSString).lastPathComponent)
        }
    }

    /// A file name for the questionnaire: `Självskattning – NAME.xlsx`, with characters file systems refuse removed.
    public func fileName(_ language: Language) -> String {
        let unsafe = CharacterSet(charactersIn: "/\\:*?\"<>|").union(.controlCharacters)
        var name = String(String.UnicodeScalarView(entry.supplier.unicodeScalars.filter { !unsafe.contains($0) }))
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".")))
        if name.count > 80 { name = String(name.prefix(80)) }
        if name.isEmpty { name = entry.orgNumber ?? "leverantor" }
        return "\(QuestionnairePhrases.sheet.text(language)) - \(name).xlsx"
    }
}

/// Writes a questionnaire workbook (`kedja questionnaires`): an instruction sheet with the supplier and the return
/// date, the questions with an Answer drop-down and Comment and Evidence columns (the only cells a supplier can
/// edit: the sheets are protected without a password), and a hidden sheet `Kedja` with what `kedja followup`
/// matches the returned workbook by.
public enum QuestionnaireWorkbook {
    /// The keys of the hidden sheet, in its column A.
    enum Key: String, CaseIterable {
        case format, planID = "plan_id", planFile = "plan_file", supplier, supplierKey = "supplier_key"
        case orgNumber = "org_number", questions, returnBy = "return_by", language
    }

    /// The value of the hidden sheet's `format` key.
    static let format = "kedja-questionnaire-1"

    /// Writes `questionnaire` in `language` to `path`, replacing any file there; the file appears only when complete.
    public static func write(
        _ questionnaire: Questionnaire, language: Language, to path: String, created: Date
    ) throws {
        let title = QuestionnairePhrases.title(for: questionnaire.level).text(language)
        _ = try WorkbookFile.write(to: path, title: title, language: language, created: created) { workbook in
            let instructions = try workbook.addWorksheet(name: QuestionnairePhrases.instructionSheet.text(language))
            let sheet = try workbook.addWorksheet(name: QuestionnairePhrases.sheet.text(language))
            let keys = try workbook.addWorksheet(name: QuestionnairePhrases.keySheet)
            try writeInstructions(questionnaire, to: instructions, title: title, language: language)
            try writeQuestions(questionnaire, to: sheet, title: title, language: language)
            try writeKeys(questionnaire, to: keys, language: language)
        }
    }

    private static func writeInstructions(
        _ questionnaire: Questionnaire, to sheet: Worksheet, title: String, language: Language
    ) throws {
        let widths: [Double] = [24, 90]
        try sheet.setColumn(first: 0, last: 0, width: widths[0])
        try sheet.setColumn(first: 1, last: 1, width: widths[1])
        try sheet.write(row: 0, col: 0, string: title, style: Styles.title)
        let entry = questionnaire.entry
        let returnBy = entry.due?.iso8601 ?? ""
        let facts: [(Phrase, String)] = [
            (QuestionnairePhrases.supplier, entry.supplier),
            (QuestionnairePhrases.orgNumber, entry.orgNumber ?? ""),
            (QuestionnairePhrases.contracts, entry.contracts.joined(separator: ", ")),
            (QuestionnairePhrases.categories, entry.categories.joined(separator: "; ")),
            (QuestionnairePhrases.condition, entry.condition?.label(language) ?? ""),
            (QuestionnairePhrases.returnBy, returnBy),
            (QuestionnairePhrases.questions, String(questionnaire.questions.count)),
        ]
        var row = 2
        var heights = RowHeights()
        for (label, value) in facts {
            try sheet.write(row: row, col: 0, string: label.text(language), style: Styles.boldText)
            if label == QuestionnairePhrases.returnBy, let due = entry.due {
                try sheet.write(
                    row: row, col: 1, date: .day(year: due.year, month: due.month, day: due.day),
                    style: CellStyle(bold: true, horizontalAlignment: .left, verticalAlignment: .top))
            } else {
                try sheet.write(row: row, col: 1, string: value, style: Styles.wrapped)
                heights.note(row: row, text: value, width: widths[1])
            }
            row += 1
        }
        row += 1
        for paragraph in QuestionnairePhrases.howTo(
            returnBy: returnBy, sheet: QuestionnairePhrases.sheet.text(language), level: questionnaire.level)
        {
            let text = paragraph.text(language)
            try sheet.write(row: row, col: 1, string: text, style: Styles.wrapped)
            heights.note(row: row, text: text, width: widths[1])
            row += 1
        }
        try heights.apply(to: sheet)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: row, lastCol: 1), repeatedRow: 0,
            language: language)
        try sheet.protect()
    }

    private static func writeQuestions(
        _ questionnaire: Questionnaire, to sheet: Worksheet, title: String, language: Language
    ) throws {
        let widths: [Double] = [7, 70, 16, 40, 40]
        for (column, width) in widths.enumerated() {
            try sheet.setColumn(first: column, last: column, width: width)
        }
        try sheet.writeHeaderRow(
            QuestionnaireColumn.allCases.map { $0.header.text(language) }, row: 0, widths: { widths[$0] })
        let editable = CellStyle(
            wrapText: true, verticalAlignment: .top, unlocked: true)
        let answerStyle = CellStyle(
            bold: true, border: .thin, borderColor: Palette.border, wrapText: true, verticalAlignment: .top,
            unlocked: true)
        var heights = RowHeights()
        for (offset, question) in questionnaire.questions.enumerated() {
            let row = offset + 1
            var text = question.text(language)
            let evidence = question.evidence(language)
            if !evidence.isEmpty { text += "\n" + QuestionnairePhrases.evidenceAsked.text(language) + evidence }
            try sheet.write(row: row, col: QuestionnaireColumn.id.rawValue, string: question.id, style: Styles.boldText)
            try sheet.write(row: row, col: QuestionnaireColumn.question.rawValue, string: text, style: Styles.wrapped)
            heights.note(row: row, text: text, width: widths[QuestionnaireColumn.question.rawValue])
            try sheet.writeBlank(row: row, col: QuestionnaireColumn.answer.rawValue, style: answerStyle)
            try sheet.writeBlank(row: row, col: QuestionnaireColumn.comment.rawValue, style: editable)
            try sheet.writeBlank(row: row, col: QuestionnaireColumn.evidence.rawValue, style: editable)
            try heights.apply(row: row, to: sheet)
        }
        let lastRow = max(questionnaire.questions.count, 1)
        try sheet.dataValidationList(
            CellRange(
                firstRow: 1, firstCol: QuestionnaireColumn.answer.rawValue, lastRow: lastRow,
                lastCol: QuestionnaireColumn.answer.rawValue),
            values: QuestionnaireAnswer.allCases.map { $0.label(language) },
            errorMessage: QuestionnairePhrases.answerError.text(language))
        let answers = CellRange(
            firstRow: 1, firstCol: QuestionnaireColumn.answer.rawValue, lastRow: lastRow,
            lastCol: QuestionnaireColumn.answer.rawValue)
        try sheet.conditionalFormat(
            answers,
            rule: .cellEqualsText(
                QuestionnaireAnswer.yes.label(language),
                style: CellStyle(fontColor: Palette.text(.low), fillColor: Palette.fill(.low))))
        try sheet.conditionalFormat(
            answers,
            rule: .cellEqualsText(
                QuestionnaireAnswer.partly.label(language),
                style: CellStyle(fontColor: Palette.text(.medium), fillColor: Palette.fill(.medium))))
        try sheet.conditionalFormat(
            answers,
            rule: .cellEqualsText(
                QuestionnaireAnswer.no.label(language),
                style: CellStyle(fontColor: Palette.text(.high), fillColor: Palette.fill(.high))))
        try sheet.freezePanes(row: 1, col: 0)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: widths.count - 1),
            repeatedRow: 0, language: language)
        try sheet.protect()
    }

    private static func writeKeys(_ questionnaire: Questionnaire, to sheet: Worksheet, language: Language) throws {
        let entry = questionnaire.entry
        let values: [Key: String] = [
            .format: format, .planID: questionnaire.planID, .planFile: questionnaire.planFile,
            .supplier: entry.supplier, .supplierKey: entry.supplierKey, .orgNumber: entry.orgNumber ?? "",
            .questions: questionnaire.questions.map(\.id).joined(separator: "|"),
            .returnBy: entry.due?.iso8601 ?? "", .language: language.rawValue,
        ]
        try sheet.setColumn(first: 0, last: 0, width: 14)
        try sheet.setColumn(first: 1, last: 1, width: 60)
        for (row, key) in Key.allCases.enumerated() {
            try sheet.write(row: row, col: 0, string: key.rawValue, style: Styles.text)
            try sheet.write(row: row, col: 1, string: values[key] ?? "", style: Styles.text)
        }
        try sheet.protect()
        try sheet.hide()
    }
}
