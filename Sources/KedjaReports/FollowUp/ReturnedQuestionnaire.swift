import Foundation
import KedjaModel
import Tabular

/// A questionnaire workbook as a supplier sent it back: whose it is and what it answers.
public struct ReturnedQuestionnaire: Sendable {
    /// One question's row as returned.
    public struct Response: Sendable, Equatable {
        /// The question's id.
        public var id: String
        /// The question's text as the workbook shows it.
        public var question: String
        /// The answer, when the cell holds one of the drop-down's.
        public var answer: QuestionnaireAnswer?
        /// The answer cell as typed, for a text the drop-down does not know.
        public var answerText: String
        /// The comment.
        public var comment: String
        /// The evidence named.
        public var evidence: String
    }

    /// The file read.
    public let path: String
    /// The plan the questionnaire was written from (``PlanBook/planID``).
    public let planID: String
    /// The plan's file name then.
    public let planFile: String
    /// The supplier's name as written.
    public let supplier: String
    /// Who the supplier is (``PlanBook/SelfAssessment/supplierKey``).
    public let supplierKey: String
    /// One response per question asked, in the order asked; a question whose row is missing has no answer.
    public let responses: [Response]

    /// The questions answered No or Partly.
    public var deviations: [Response] { responses.filter { $0.answer?.isDeviation == true } }
    /// The questions without an answer from the list.
    public var unanswered: [Response] { responses.filter { $0.answer == nil } }

    /// Reads the workbook at `path`.
    ///
    /// - Throws: ``FollowUpRejection`` when it is not a Kedja questionnaire or cannot be read.
    public static func read(path: String) throws -> ReturnedQuestionnaire {
        let reader: XlsxReader
        do {
            reader = try XlsxReader(url: URL(fileURLWithPath: path))
        } catch {
            throw FollowUpRejection(path: path, reason: .unreadable(FollowUpRejection.detail(error)))
        }
        guard let keySheet = reader.sheetNames.first(where: { $0 == QuestionnairePhrases.keySheet }) else {
            throw FollowUpRejection(path: path, reason: .notAQuestionnaire)
        }
        var values: [String: String] = [:]
        for row in try reader.readSheet(keySheet) where row.count >= 2 {
            values[row[0].text.trimmingCharacters(in: .whitespaces)] = row[1].text
        }
        func value(_ key: QuestionnaireWorkbook.Key) -> String { values[key.rawValue] ?? "" }
        guard value(.format) == QuestionnaireWorkbook.format, !value(.planID).isEmpty else {
            throw FollowUpRejection(path: path, reason: .notAQuestionnaire)
        }
        guard let sheet = reader.sheetNames.first(where: { PeriodSheets.isPart($0, of: QuestionnairePhrases.sheet) })
        else {
            throw FollowUpRejection(path: path, reason: .noQuestionSheet)
        }
        let cells = try reader.readSheet(sheet)
        let columns: [QuestionnaireColumn: Int]
        do {
            columns = try PeriodSheets.columns(
                of: cells.first ?? [], named: QuestionnaireColumn.allCases.map { ($0, $0.header) },
                required: [.id, .answer], path: path, sheet: sheet)
        } catch {
            throw FollowUpRejection(path: path, reason: .noQuestionSheet)
        }
        func text(_ row: [XlsxCell], _ column: QuestionnaireColumn) -> String {
            guard let index = columns[column], index < row.count else { return "" }
            return row[index].text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var byID: [String: Response] = [:]
        for row in cells.dropFirst() {
            let id = text(row, .id).uppercased()
            guard !id.isEmpty, byID[id] == nil else { continue }
            let answerText = text(row, .answer)
            byID[id] = Response(
                id: id, question: text(row, .question).components(separatedBy: "\n").first ?? "",
                answer: QuestionnaireAnswer(label: answerText), answerText: answerText, comment: text(row, .comment),
                evidence: text(row, .evidence))
        }
        let asked = value(.questions).split(separator: "|").map { $0.uppercased() }
        let responses = asked.map { id in
            byID[id] ?? Response(id: id, question: "", answer: nil, answerText: "", comment: "", evidence: "")
        }
        return ReturnedQuestionnaire(
            path: path, planID: value(.planID), planFile: value(.planFile), supplier: value(.supplier),
            supplierKey: value(.supplierKey), responses: responses)
    }
}

/// A returned workbook `kedja followup` does not use, and why; nothing of the plan changes for it.
public struct FollowUpRejection: Error, Sendable, Equatable, Bilingual, CustomStringConvertible {
    /// Why the workbook is not used.
    public enum Reason: Sendable, Equatable {
        /// The file cannot be read as a workbook.
        case unreadable(Phrase)
        /// The workbook has no hidden `Kedja` sheet from `kedja questionnaires`.
        case notAQuestionnaire
        /// The workbook has no questionnaire sheet with Id and Answer columns.
        case noQuestionSheet
        /// The questionnaire was written from another plan (`planFile` then).
        case otherPlan(planFile: String, supplier: String)
        /// The plan has no self-assessment for the questionnaire's supplier.
        case supplierNotInPlan(String)
        /// Another workbook for the same supplier was read first.
        case duplicate(of: String, supplier: String)
    }

    /// The workbook.
    public let path: String
    /// Why it is not used.
    public let reason: Reason

    /// Creates a rejection of the workbook at `path`.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { text(.en) }

    /// An error's text in both languages (the same text twice when it has only one).
    static func detail(_ error: any Error) -> Phrase {
        guard let bilingual = error as? any Bilingual else {
            return Phrase(sv: String(describing: error), en: String(describing: error))
        }
        return Phrase(sv: bilingual.text(.sv), en: bilingual.text(.en))
    }

    /// A short code for `--json`.
    public var code: String {
        switch reason {
        case .unreadable: "unreadable"
        case .notAQuestionnaire: "not_a_questionnaire"
        case .noQuestionSheet: "no_question_sheet"
        case .otherPlan: "other_plan"
        case .supplierNotInPlan: "supplier_not_in_plan"
        case .duplicate: "duplicate"
        }
    }

    /// Why, in `language`, without the path.
    public func text(_ language: Language) -> String {
        switch reason {
        case .unreadable(let detail):
            Phrase(
                sv: "kan inte läsas som en arbetsbok (\(detail)).",
                en: "cannot be read as a workbook (\(detail))."
            ).text(language)
        case .notAQuestionnaire:
            Phrase(
                sv: "är ingen självskattning från `kedja questionnaires` (bladet Kedja saknas).",
                en: "is not a questionnaire from `kedja questionnaires` (it has no sheet Kedja)."
            ).text(language)
        case .noQuestionSheet:
            Phrase(
                sv: "saknar bladet Självskattning med kolumnerna Id och Svar; behåll bladen som Kedja skrev dem.",
                en: "has no sheet Questionnaire with the columns Id and Answer; keep the sheets as Kedja wrote them."
            ).text(language)
        case .otherPlan(let planFile, let supplier):
            Phrase(
                sv:
                    "självskattningen för \(supplier) skrevs från en annan plan (\(planFile)); läs in den mot den planen.",
                en: "the questionnaire for \(supplier) was written from another plan (\(planFile)); follow it up "
                    + "against that plan."
            ).text(language)
        case .supplierNotInPlan(let supplier):
            Phrase(
                sv: "planen har ingen självskattning för \(supplier).",
                en: "the plan has no self-assessment for \(supplier)."
            ).text(language)
        case .duplicate(let first, let supplier):
            Phrase(
                sv: "ännu en självskattning för \(supplier); \(first) lästes först och används.",
                en: "another questionnaire for \(supplier); \(first) was read first and is used."
            ).text(language)
        }
    }
}
