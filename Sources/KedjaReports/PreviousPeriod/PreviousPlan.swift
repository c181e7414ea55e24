import Foundation
import KedjaModel
import Tabular

/// Last period's follow-up plan as the team left it: every task row with what they typed into it.
///
/// `kedja plan --previous` reads it to carry the team's work into the new plan. The plan is found by its sheet
/// names and its columns by their headers, in Swedish or English, so a plan written in one language and continued
/// in the other still reads, and columns the team inserted or moved do no harm. The rows of an earlier
/// Discontinued sheet are read too: a supplier that comes back finds its old entries, and nothing falls out of
/// the chain of plans unnoticed. So are the rows of its Deviations sheet, which the new plan keeps.
public struct PreviousPlan: Sendable {
    /// One task row of last period's plan.
    public struct Row: Sendable, Equatable {
        /// The sheet it was on.
        public var sheet: String
        /// Its row number on that sheet, as Excel shows it.
        public var sheetRow: Int
        /// Whether it came from a Discontinued sheet rather than the plan itself.
        public var wasDiscontinued: Bool
        /// The cells of the plan's columns that the sheet has, as typed.
        var cells: [PlanColumn: XlsxCell]

        /// The text of a column's cell, trimmed; empty when the sheet lacks the column.
        func text(_ column: PlanColumn) -> String {
            (cells[column] ?? .empty).text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The supplier's name as the plan shows it.
        public var supplier: String { text(.supplier) }
        /// The category's name as the plan shows it.
        public var category: String { text(.category) }
        /// The task as the plan shows it, e.g. `O1 Självskattning`.
        public var task: String { text(.task) }
        /// The organisation number, normalised `NNNNNN-NNNN`, when the row has a valid one.
        public var orgNumber: String? { OrgNumber.parse(text(.orgNumber)).map(\.description) }
        /// The category's CPV code, when the row has one.
        public var categoryCode: String? {
            let code = text(.categoryCode)
            return code.isEmpty ? nil : code
        }
        /// The priority the row had, when it holds a whole number.
        public var priority: Int? { Int(XlsxToCSV.cellText(cells[.priority] ?? .empty)) }
        /// The task's id (`O1`): the first word of the Task cell when it looks like one of the model's ids.
        public var taskID: String? {
            guard let word = task.split(separator: " ").first, (2...3).contains(word.count),
                let letter = word.first, letter.isLetter, word.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            return word.uppercased()
        }
    }

    /// The workbook read.
    public let path: String
    /// The task rows, the plan's sheets first, then the Discontinued sheets, each top to bottom.
    public let rows: [Row]
    /// The rows of its Deviations sheets (`kedja followup`), top to bottom: corrective actions still tracked.
    let deviations: [DeviationLog.Row]

    /// Creates a plan from rows (tests; `read(path:)` for a workbook).
    init(path: String, rows: [Row], deviations: [DeviationLog.Row] = []) {
        self.path = path
        self.rows = rows
        self.deviations = deviations
    }

    /// Reads the plan at `path`.
    ///
    /// - Throws: `XlsxReadError` when the workbook cannot be read; ``PreviousPeriodError`` when it has no plan sheet
    ///   or a plan sheet lacks the Supplier, Category or Task column.
    public static func read(path: String) throws -> PreviousPlan {
        let reader = try XlsxReader(url: URL(fileURLWithPath: path))
        let planSheets = try PeriodSheets.parts(of: PlanPhrases.planSheet, in: reader, path: path, madeBy: "kedja plan")
        let discontinuedSheets = reader.sheetNames.filter {
            PeriodSheets.isPart($0, of: PlanPhrases.discontinuedSheet)
        }
        var rows: [Row] = []
        for sheet in planSheets + discontinuedSheets {
            let cells = try reader.readSheet(sheet)
            let columns = try PeriodSheets.columns(
                of: cells.first ?? [], named: PlanColumn.allCases.map { ($0, $0.header) },
                required: [.supplier, .category, .task], path: path, sheet: sheet)
            for (offset, row) in cells.enumerated().dropFirst() {
                var values: [PlanColumn: XlsxCell] = [:]
                for (column, index) in columns where index < row.count {
                    values[column] = row[index]
                }
                let entry = Row(
                    sheet: sheet, sheetRow: offset + 1, wasDiscontinued: discontinuedSheets.contains(sheet),
                    cells: values)
                if !entry.supplier.isEmpty || !entry.task.isEmpty { rows.append(entry) }
            }
        }
        let deviations = try reader.sheetNames.filter { PeriodSheets.isPart($0, of: FollowUpPhrases.deviationsSheet) }
            .flatMap { try DeviationLog.rows(of: try reader.readSheet($0), sheet: $0, path: path) }
        return PreviousPlan(path: path, rows: rows, deviations: deviations)
    }
}

/// Last period's workbook cannot serve as the previous plan or register (exit 65).
public struct PreviousPeriodError: Error, CustomStringConvertible, Equatable, Sendable, Bilingual {
    /// What is wrong with the workbook.
    public enum Problem: Sendable, Equatable {
        /// No sheet has one of the names `expected`; `found` lists the sheets there are; `command` wrote the
        /// workbook that was meant.
        case missingSheet(expected: [String], found: [String], command: String)
        /// The sheet's first row lacks the column headed by one of `headers` (its Swedish and English names).
        case missingColumn(sheet: String, headers: [String])
    }

    /// The workbook.
    public let path: String
    /// What is wrong.
    public let problem: Problem

    /// Creates an error about the workbook at `path`.
    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String { text(.en) }

    public func text(_ language: Language) -> String {
        let or = Phrase(sv: " eller ", en: " or ").text(language)
        switch problem {
        case .missingSheet(let expected, let found, let command):
            let names = expected.map { "'\($0)'" }.joined(separator: or)
            let existing = found.map { "'\($0)'" }.joined(separator: ", ")
            return Phrase(
                sv: "\(path): inget blad heter \(names) (arbetsboken har \(existing)). "
                    + "Ange arbetsboken som `\(command)` skrev förra perioden.",
                en: "\(path): no sheet named \(names) (the workbook has \(existing)). "
                    + "Pass the workbook that `\(command)` wrote last period."
            ).text(language)
        case .missingColumn(let sheet, let headers):
            let names = headers.map { "'\($0)'" }.joined(separator: or)
            return Phrase(
                sv: "\(path), blad '\(sheet)': rad 1 saknar kolumnen \(names). "
                    + "Behåll rubrikraden som Kedja skrev; kolumner får flyttas men inte byta namn.",
                en: "\(path), sheet '\(sheet)': row 1 has no \(names) column. "
                    + "Keep the header row Kedja wrote; columns may be moved but not renamed."
            ).text(language)
        }
    }
}

/// Finding last period's sheets and columns by their names in either language.
enum PeriodSheets {
    /// The sheets of a workbook that are `base` or its further parts, in order.
    ///
    /// - Throws: ``PreviousPeriodError`` naming the sheets found and the command that writes such a workbook
    ///   when there are none.
    static func parts(of base: Phrase, in reader: XlsxReader, path: String, madeBy command: String) throws -> [String] {
        let sheets = reader.sheetNames.filter { isPart($0, of: base) }
        guard !sheets.isEmpty else {
            throw PreviousPeriodError(
                path: path,
                problem: .missingSheet(expected: [base.sv, base.en], found: reader.sheetNames, command: command))
        }
        return sheets
    }

    /// Whether `sheet` is `base` in Swedish or English, or a further part of it (`Riskregister (2)`).
    static func isPart(_ sheet: String, of base: Phrase) -> Bool {
        let name = TextKey.folded(sheet)
        for text in [base.sv, base.en] {
            let folded = TextKey.folded(text)
            if name == folded { return true }
            if name.hasPrefix(folded + " ("), name.hasSuffix(")"),
                Int(name.dropFirst(folded.count + 2).dropLast()) != nil
            {
                return true
            }
        }
        return false
    }

    /// The column index of each of `named` in `header` (a sheet's first row), matching either language.
    ///
    /// - Throws: ``PreviousPeriodError`` when a `required` column is missing.
    static func columns<Column: Hashable>(
        of header: [XlsxCell], named: [(Column, Phrase)], required: [Column], path: String, sheet: String
    ) throws -> [Column: Int] {
        var positions: [String: Int] = [:]
        for (index, cell) in header.enumerated() {
            let key = TextKey.folded(cell.text)
            if !key.isEmpty, positions[key] == nil { positions[key] = index }
        }
        var columns: [Column: Int] = [:]
        for (column, phrase) in named {
            columns[column] = positions[TextKey.folded(phrase.sv)] ?? positions[TextKey.folded(phrase.en)]
        }
        for (column, phrase) in named where required.contains(column) && columns[column] == nil {
            throw PreviousPeriodError(
                path: path, problem: .missingColumn(sheet: sheet, headers: [phrase.sv, phrase.en]))
        }
        return columns
    }
}

/// How last period's names are compared with this period's: a user's retyping may change case, accents and
/// spacing, never the meaning.
enum TextKey {
    /// `text` without case, accents or surrounding spaces, its inner runs of white space made one space.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension PreviousPeriodError: ExitStatusReporting {
    public var exitStatus: ExitStatus { .dataError }
}
