import KedjaModel
import Tabular

/// The Deviations sheet of a follow-up plan: one row per answer No or Partly, with the question, the supplier's
/// comment and evidence, and the corrective-action deadline.
///
/// It is the team's record of what is still to be corrected, so it is never dropped: `kedja followup` keeps the
/// earlier rounds' rows of suppliers it does not follow up now, and `kedja plan --previous` carries every row into
/// next period's plan, where a supplier's deviation stays open until the team closes it.
enum DeviationLog {
    /// One row, by column; columns the sheet lacks are absent.
    typealias Row = [DeviationColumn: XlsxCell]

    /// The rows of the Deviations sheet `sheet` of the workbook at `path` (`cells`, its first row the header, in
    /// either language); rows without a supplier are left out.
    ///
    /// - Throws: ``PreviousPeriodError`` when the sheet has no Supplier column: its rows would otherwise be lost.
    static func rows(of cells: [[XlsxCell]], sheet: String, path: String) throws -> [Row] {
        let columns = try PeriodSheets.columns(
            of: cells.first ?? [], named: DeviationColumn.allCases.map { ($0, $0.header) }, required: [.supplier],
            path: path, sheet: sheet)
        return cells.dropFirst().compactMap { row in
            var values: Row = [:]
            for (column, index) in columns where index < row.count && !row[index].isEmpty {
                values[column] = row[index]
            }
            let supplier = values[.supplier]?.text.trimmingCharacters(in: .whitespaces) ?? ""
            return supplier.isEmpty ? nil : values
        }
    }

    /// `row` for a sheet in `language`: an answer the questionnaires know (`Nej`, `Partly`) in that language, every
    /// other cell as typed.
    static func relabelled(_ row: Row, in language: Language) -> Row {
        var row = row
        if case .string(let text) = row[.answer], let answer = QuestionnaireAnswer(label: text) {
            row[.answer] = .string(answer.label(language))
        }
        return row
    }

    /// Who a row's supplier is: its organisation number when valid, else its name without case or accents.
    static func supplierKey(_ row: Row) -> String {
        OrgNumber.parse(row[.orgNumber]?.text ?? "").map(\.description)
            ?? "name:" + TextKey.folded(row[.supplier]?.text.trimmingCharacters(in: .whitespaces) ?? "")
    }

    static func write(
        _ rows: [Row], to sheet: Worksheet, title: String, language: Language
    ) throws {
        var widths = ColumnWidths(
            limits: Dictionary(uniqueKeysWithValues: DeviationColumn.allCases.map { ($0.rawValue, $0.width) }))
        for row in rows {
            for (column, cell) in row { widths.fit(column.rawValue, cell.text) }
        }
        for column in DeviationColumn.allCases {
            try sheet.setColumn(first: column.rawValue, last: column.rawValue, width: widths.width(column.rawValue))
        }
        try sheet.writeHeaderRow(
            DeviationColumn.allCases.map { $0.header.text(language) }, row: 0, widths: widths.width)
        var heights = RowHeights()
        for (offset, row) in rows.enumerated() {
            for (column, cell) in row.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try sheet.write(
                    row: offset + 1, col: column.rawValue, copying: cell, style: FollowUpPlanWorkbook.style(for: cell))
                heights.note(row: offset + 1, text: cell.text, width: widths.width(column.rawValue))
            }
        }
        try heights.apply(to: sheet)
        let lastRow = max(rows.count, 1)
        let lastColumn = DeviationColumn.allCases.count - 1
        try sheet.freezePanes(row: 1, col: 1)
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn))
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn),
            repeatedRow: 0, language: language)
    }
}
