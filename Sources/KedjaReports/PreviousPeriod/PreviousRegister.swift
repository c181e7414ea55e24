import Foundation
import KedjaModel
import Tabular

/// Last period's risk register: one row per supplier × category with its spend, levels, priority and reason.
///
/// `kedja report --previous` compares it with this period's analysis (``RegisterComparison``). The register is found
/// by its sheet names and its columns by their headers, in Swedish or English (CONTRACT.md, "Workbooks").
public struct PreviousRegister: Sendable {
    /// One supplier × category of last period's register.
    public struct Row: Sendable, Equatable {
        /// The sheet it was on.
        public var sheet: String
        /// Its row number on that sheet, as Excel shows it.
        public var sheetRow: Int
        /// The supplier's name.
        public var supplier: String
        /// The organisation number, normalised `NNNNNN-NNNN`, when the row has a valid one.
        public var orgNumber: String?
        /// The category's name as the register shows it.
        public var category: String
        /// The spend, exact as the cell holds it; zero when the cell holds no number.
        public var spend: Amount
        /// The level per area; areas whose cell is missing or unreadable are `unknown`.
        public var levels: RiskProfile
        /// The overall level as the register shows it.
        public var overall: RiskLevel
        /// The priority, when the cell holds a whole number.
        public var priority: Int?
        /// Why the levels were what they were.
        public var reason: String
    }

    /// The workbook read.
    public let path: String
    /// The rows, top to bottom.
    public let rows: [Row]

    /// Creates a register from rows (tests; `read(path:)` for a workbook).
    init(path: String, rows: [Row]) {
        self.path = path
        self.rows = rows
    }

    /// Reads the register at `path`.
    ///
    /// - Throws: `XlsxReadError` when the workbook cannot be read; ``PreviousPeriodError`` when it has no register
    ///   sheet or the sheet lacks the Supplier, Category or Overall risk column.
    /// - Parameter areas: the names of the areas' columns, as the rule tables give them.
    public static func read(path: String, areas: RiskAreaNames) throws -> PreviousRegister {
        let reader = try XlsxReader(url: URL(fileURLWithPath: path))
        let sheets = try PeriodSheets.parts(
            of: RegisterPhrases.registerSheet, in: reader, path: path, madeBy: "kedja register")
        let named = RegisterColumn.allCases.map {
            ($0, Phrase(sv: $0.header(.sv, areas: areas), en: $0.header(.en, areas: areas)))
        }
        var rows: [Row] = []
        for sheet in sheets {
            let cells = try reader.readSheet(sheet)
            let columns = try PeriodSheets.columns(
                of: cells.first ?? [], named: named, required: [.supplier, .category, .overall], path: path,
                sheet: sheet)
            for (offset, row) in cells.enumerated().dropFirst() {
                func cell(_ column: RegisterColumn) -> XlsxCell {
                    guard let index = columns[column], index < row.count else { return .empty }
                    return row[index]
                }
                func text(_ column: RegisterColumn) -> String {
                    cell(column).text.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                let supplier = text(.supplier)
                guard !supplier.isEmpty || !text(.category).isEmpty else { continue }
                var levels = RiskProfile.unassessed
                for area in RiskArea.allCases {
                    levels[area] = RiskLevel(code: text(.area(area))) ?? .unknown
                }
                rows.append(
                    Row(
                        sheet: sheet, sheetRow: offset + 1, supplier: supplier,
                        orgNumber: OrgNumber.parse(text(.orgNumber)).map(\.description), category: text(.category),
                        spend: Amount(XlsxToCSV.cellText(cell(.spend))) ?? .zero, levels: levels,
                        overall: RiskLevel(code: text(.overall)) ?? levels.overall,
                        priority: Int(XlsxToCSV.cellText(cell(.priority))), reason: text(.reason)))
            }
        }
        return PreviousRegister(path: path, rows: rows)
    }
}
