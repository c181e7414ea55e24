import Foundation
import KedjaModel
import Tabular

/// A follow-up plan workbook read whole, for `kedja questionnaires` and `kedja followup`: every sheet's cells as the
/// team left them, the plan's columns found by their headers in either language, and each supplier's
/// self-assessment row: task O1, or for a service or works performed in Sweden under collective-agreement
/// conditions, the check of those conditions (task O2 of the labour-conditions track), answered the same way.
public struct PlanBook: Sendable {
    /// One sheet of the workbook, its cells as read.
    struct Sheet: Sendable {
        var name: String
        var cells: [[XlsxCell]]
        /// Whether it is a part of the plan's own sheet (`Uppföljningsplan`, `Follow-up plan (2)`, …).
        var isPlan: Bool
        /// Where each plan column is on a plan sheet.
        var columns: [PlanColumn: Int]
    }

    /// A cell position: sheet index in ``sheets`` and row index in that sheet's cells (0 is the header).
    struct RowReference: Sendable, Hashable {
        var sheet: Int
        var row: Int
    }

    /// One supplier's self-assessment step as the plan shows it.
    public struct SelfAssessment: Sendable {
        let reference: RowReference
        /// The step's number in its cascade (1 for O1, 2 for the labour-law check O2): the next step comes after it.
        let step: Int
        /// The supplier's name.
        public let supplier: String
        /// The organisation number, normalised, when the row has a valid one.
        public let orgNumber: String?
        /// Who the supplier is across workbooks: its organisation number, else its folded name.
        public let supplierKey: String
        /// The supplier's categories as the plan names them.
        public let categories: [String]
        /// The lead category's code, when the row has one.
        public let categoryCode: String?
        /// The contract ids on the supplier's rows.
        public let contracts: [String]
        /// The condition level of the step's track.
        public let condition: ConditionLevel?
        /// The step's due date: the questionnaire's return date.
        public let due: CivilDate?
        /// The status the Status cell holds, when it is one of the drop-down's.
        public let status: FollowUpStatus?
        /// The Condition cell as written, to find the steps of the same track.
        let conditionText: String
    }

    /// The workbook read.
    public let path: String
    /// The language of the plan's labels (its sheet name).
    public let language: Language
    /// Every sheet, in workbook order.
    var sheets: [Sheet]
    /// The self-assessment rows, in plan order.
    public let selfAssessments: [SelfAssessment]
    /// What identifies this plan to its questionnaires: a digest of its suppliers and their self-assessments' due
    /// dates, which `kedja followup` leaves as they are, so a plan and the plan followup writes from it share it.
    public let planID: String

    /// Reads the plan at `path`.
    ///
    /// - Throws: `XlsxReadError` when the workbook cannot be read; ``PreviousPeriodError`` when it has no plan sheet
    ///   or a plan sheet lacks the Supplier, Category, Task, Due or Status column.
    public static func read(path: String) throws -> PlanBook {
        let reader = try XlsxReader(url: URL(fileURLWithPath: path))
        let planSheets = try PeriodSheets.parts(
            of: PlanPhrases.planSheet, in: reader, path: path, madeBy: "kedja plan")
        let language: Language =
            planSheets.first.map { TextKey.folded($0).hasPrefix(TextKey.folded(PlanPhrases.planSheet.en)) } == true
            ? .en : .sv
        var sheets: [Sheet] = []
        for name in reader.sheetNames {
            let cells = try reader.readSheet(name)
            guard planSheets.contains(name) else {
                sheets.append(Sheet(name: name, cells: cells, isPlan: false, columns: [:]))
                continue
            }
            let columns = try PeriodSheets.columns(
                of: cells.first ?? [], named: PlanColumn.allCases.map { ($0, $0.header) },
                required: [.supplier, .category, .task, .due, .status], path: path, sheet: name)
            sheets.append(Sheet(name: name, cells: cells, isPlan: true, columns: columns))
        }
        return PlanBook(path: path, language: language, sheets: sheets)
    }

    init(path: String, language: Language, sheets: [Sheet]) {
        self.path = path
        self.language = language
        self.sheets = sheets
        var found: [SelfAssessment] = []
        var contractsByKey: [String: [String]] = [:]
        for reference in Self.planRows(sheets) {
            let key = Self.supplierKey(in: sheets, reference)
            let contract = Self.text(in: sheets, reference, .contract)
            if !contract.isEmpty, !(contractsByKey[key]?.contains(contract) ?? false) {
                contractsByKey[key, default: []].append(contract)
            }
        }
        // A supplier with both tracks is asked once: the supply-chain self-assessment, which comes first.
        let answered = Self.planRows(sheets).compactMap { reference -> (RowReference, Int)? in
            let condition = ConditionLevel(text: Self.text(in: sheets, reference, .condition))
            switch Self.taskID(in: sheets, reference) {
            case "O1": return (reference, 1)
            case "O2" where condition == .collectiveAgreement: return (reference, 2)
            default: return nil
            }
        }
        for (reference, step) in answered.sorted(by: { $0.1 < $1.1 }) {
            let key = Self.supplierKey(in: sheets, reference)
            guard !found.contains(where: { $0.supplierKey == key }) else { continue }
            let conditionText = Self.text(in: sheets, reference, .condition)
            let code = Self.text(in: sheets, reference, .categoryCode)
            found.append(
                SelfAssessment(
                    reference: reference, step: step, supplier: Self.text(in: sheets, reference, .supplier),
                    orgNumber: OrgNumber.parse(Self.text(in: sheets, reference, .orgNumber)).map(\.description),
                    supplierKey: key,
                    categories: Self.text(in: sheets, reference, .category).components(separatedBy: "; ")
                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                    categoryCode: code.isEmpty ? nil : code, contracts: contractsByKey[key] ?? [],
                    condition: ConditionLevel(text: conditionText),
                    due: Self.date(Self.cell(in: sheets, reference, .due)),
                    status: FollowUpStatus(label: Self.text(in: sheets, reference, .status)),
                    conditionText: conditionText))
        }
        selfAssessments = found.sorted {
            ($0.reference.sheet, $0.reference.row) < ($1.reference.sheet, $1.reference.row)
        }
        var digest = SHA256()
        let lines = found.map { "\($0.supplierKey)\t\($0.due?.iso8601 ?? "")" }.sorted()
        let joined = Array(("kedja-plan-v1\n" + lines.joined(separator: "\n")).utf8)
        joined.withUnsafeBytes { digest.update($0) }
        planID = String(digest.finish().prefix(16))
    }

    /// The data rows of the plan sheets, in order.
    static func planRows(_ sheets: [Sheet]) -> [RowReference] {
        var rows: [RowReference] = []
        for (index, sheet) in sheets.enumerated() where sheet.isPlan {
            for row in sheet.cells.indices.dropFirst() {
                let reference = RowReference(sheet: index, row: row)
                if !text(in: sheets, reference, .supplier).isEmpty || !text(in: sheets, reference, .task).isEmpty {
                    rows.append(reference)
                }
            }
        }
        return rows
    }

    /// The cell of `column` in a plan row; empty when the sheet lacks the column.
    static func cell(in sheets: [Sheet], _ reference: RowReference, _ column: PlanColumn) -> XlsxCell {
        let sheet = sheets[reference.sheet]
        guard let index = sheet.columns[column], reference.row < sheet.cells.count,
            index < sheet.cells[reference.row].count
        else { return .empty }
        return sheet.cells[reference.row][index]
    }

    /// The trimmed text of `column` in a plan row.
    static func text(in sheets: [Sheet], _ reference: RowReference, _ column: PlanColumn) -> String {
        cell(in: sheets, reference, column).text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The task id of a plan row (`O1`): the first word of its Task cell.
    static func taskID(in sheets: [Sheet], _ reference: RowReference) -> String {
        text(in: sheets, reference, .task).split(separator: " ").first.map { $0.uppercased() } ?? ""
    }

    /// The supplier key of a plan row: its organisation number, else its folded name.
    static func supplierKey(in sheets: [Sheet], _ reference: RowReference) -> String {
        if let number = OrgNumber.parse(text(in: sheets, reference, .orgNumber)) { return number.description }
        return "name:" + TextKey.folded(text(in: sheets, reference, .supplier))
    }

    /// A date cell as a calendar day: a date, an Excel serial number, or ISO text.
    static func date(_ cell: XlsxCell) -> CivilDate? {
        switch cell {
        case .date(let year, let month, let day, _): return CivilDate(year: year, month: month, day: day)
        case .number(_, let value): return CivilDate(excelSerial: Int(value))
        case .string(let text): return isoDate(text)
        default: return nil
        }
    }

    /// `YYYY-MM-DD` as a calendar day.
    static func isoDate(_ text: String) -> CivilDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The plan's self-assessment for `supplierKey`, when it has one.
    public func selfAssessment(for supplierKey: String) -> SelfAssessment? {
        selfAssessments.first { $0.supplierKey == supplierKey }
    }

    /// The row of the cascade step after the self-assessment of `entry`: the same supplier's row on the same track
    /// (the same Condition) whose task is the lowest O-step after the entry's own.
    func nextStep(after entry: SelfAssessment) -> RowReference? {
        var best: (number: Int, reference: RowReference)?
        for reference in Self.planRows(sheets)
        where Self.supplierKey(in: sheets, reference) == entry.supplierKey
            && Self.text(in: sheets, reference, .condition) == entry.conditionText
        {
            let id = Self.taskID(in: sheets, reference)
            guard id.hasPrefix("O"), let number = Int(id.dropFirst()), number > entry.step else { continue }
            if best == nil || number < best!.number { best = (number, reference) }
        }
        return best?.reference
    }
}
