import KedjaModel
import Tabular

/// One line of a key-figures table: a label, a value, optionally its share of spend and a note.
struct KeyFigure {
    /// What a key figure's value is, which decides its cell type and number format.
    enum Value {
        /// Money, written as a number in kronor.
        case amount(Amount)
        /// A count.
        case count(Int)
        /// A word such as Ja/Nej.
        case text(String)
    }

    let label: String
    let value: Value
    var share: Double?
    var note: String?

    init(_ label: String, _ value: Value, share: Double? = nil, note: String? = nil) {
        self.label = label
        self.value = value
        self.share = share
        self.note = note
    }
}

/// Writes key figures as a four-column table: label, value, share of spend, note.
enum KeyFigureTable {
    /// The table's columns.
    static let labelColumn = 0
    static let valueColumn = 1
    static let shareColumn = 2
    static let noteColumn = 3

    /// The columns' widths: a wide label, room for a nine-figure amount, a share and a note.
    static let columnWidths: [Double] = [60, 18, 16, 36]

    /// The width of column `col` of a sheet laid out for key figures.
    static func width(_ col: Int) -> Double {
        columnWidths.indices.contains(col) ? columnWidths[col] : 8.43
    }

    /// The combined width of columns `first...last`, for a merged note across them.
    static func width(from first: Int, through last: Int) -> Double {
        (first...last).map(width).reduce(0, +)
    }

    /// Sets the table's column widths on `sheet`.
    /// Writes a whole key-figure sheet: widths, title and subtitle, the table from row 4, and A4 print set-up.
    static func writeSheet(
        _ lines: [KeyFigure], title: String, subtitle: String, headers: [String], moneyStyle: CellStyle,
        to sheet: Worksheet, language: Language
    ) throws {
        try setWidths(on: sheet)
        try sheet.writeTitle(title, subtitle: subtitle, lastCol: noteColumn, width: width(from: 0, through: noteColumn))
        let headerRow = 3
        let lastRow = try write(lines, headers: headers, headerRow: headerRow, to: sheet, moneyStyle: moneyStyle)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: noteColumn),
            repeatedRow: headerRow, language: language)
    }

    static func setWidths(on sheet: Worksheet) throws {
        for (col, width) in columnWidths.enumerated() {
            try sheet.setColumn(first: col, last: col, width: width)
        }
    }

    /// Writes `headers` on `headerRow` and the figures below it; returns the last row written.
    @discardableResult
    static func write(
        _ figures: [KeyFigure], headers: [String], headerRow: Int, to sheet: Worksheet, moneyStyle: CellStyle
    ) throws -> Int {
        try sheet.writeHeaderRow(headers, row: headerRow, widths: width)
        var heights = RowHeights()
        var row = headerRow
        for figure in figures {
            row += 1
            try sheet.write(row: row, col: labelColumn, string: figure.label, style: Styles.wrapped)
            heights.note(row: row, text: figure.label, width: width(labelColumn))
            switch figure.value {
            case .amount(let amount):
                try sheet.write(row: row, col: valueColumn, number: amount.doubleValue, style: moneyStyle)
            case .count(let count):
                try sheet.write(row: row, col: valueColumn, number: Double(count), style: Styles.count)
            case .text(let text):
                try sheet.write(
                    row: row, col: valueColumn, string: text,
                    style: CellStyle(horizontalAlignment: .right, verticalAlignment: .top))
            }
            if let share = figure.share {
                try sheet.write(row: row, col: shareColumn, number: share, style: Styles.percent)
            }
            if let note = figure.note {
                try sheet.write(row: row, col: noteColumn, string: note, style: Styles.wrapped)
                heights.note(row: row, text: note, width: width(noteColumn))
            }
        }
        try heights.apply(to: sheet)
        return row
    }
}

extension KeyFigure {
    /// Spend at high risk in each area, then at high and unknown overall risk, each with its share.
    static func riskSpend(_ figures: SpendFigures, total: Amount, language: Language) -> [KeyFigure] {
        var lines = RiskArea.allCases.map { area in
            let spend = figures.spend(area, .high)
            return KeyFigure(
                KeyFigurePhrases.highRiskSpend(area, language), .amount(spend), share: spend.fraction(of: total))
        }
        let high = figures.overallSpend(.high)
        let unknown = figures.overallSpend(.unknown)
        lines.append(
            KeyFigure(KeyFigurePhrases.highOverallSpend.text(language), .amount(high), share: high.fraction(of: total)))
        lines.append(
            KeyFigure(
                KeyFigurePhrases.unknownOverallSpend.text(language), .amount(unknown),
                share: unknown.fraction(of: total)))
        return lines
    }
}
