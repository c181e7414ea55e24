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

    /// Writes a whole key-figure sheet: widths, title and subtitle, the table from row 4, what `after` writes
    /// below it (given the table's last row, returning its own), and A4 print set-up.
    ///
    /// - Parameter facts: label and value lines between the subtitle and the table (whose report this is).
    static func writeSheet(
        _ lines: [KeyFigure], title: String, subtitle: String, facts: [(label: String, value: String)] = [],
        headers: [String], moneyStyle: CellStyle, to sheet: Worksheet, language: Language,
        after: (Worksheet, Int) throws -> Int = { $1 }
    ) throws {
        try setWidths(on: sheet)
        try sheet.writeTitle(title, subtitle: subtitle, lastCol: noteColumn, width: width(from: 0, through: noteColumn))
        var heights = RowHeights()
        for (offset, fact) in facts.enumerated() {
            let row = 3 + offset
            try sheet.write(row: row, col: 0, string: fact.label, style: Styles.boldText)
            try sheet.mergeRange(
                CellRange(firstRow: row, firstCol: 1, lastRow: row, lastCol: noteColumn), string: fact.value,
                style: Styles.wrapped)
            heights.note(row: row, text: fact.value, width: width(from: 1, through: noteColumn))
        }
        try heights.apply(to: sheet)
        let headerRow = facts.isEmpty ? 3 : 4 + facts.count
        let tableEnd = try write(lines, headers: headers, headerRow: headerRow, to: sheet, moneyStyle: moneyStyle)
        let lastRow = try after(sheet, tableEnd)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: noteColumn),
            repeatedRow: headerRow, language: language)
    }

    /// Writes a section under a key-figure table: its heading two rows below `row`, then a one-line note and the
    /// column headers where given; returns the last row written.
    static func writeSection(
        _ heading: String, note: String? = nil, headers: [String]? = nil, below row: Int, to sheet: Worksheet
    ) throws -> Int {
        var row = row + 2
        try sheet.write(row: row, col: 0, string: heading, style: Styles.heading)
        if let note {
            row += 1
            try sheet.write(row: row, col: 0, string: note, style: Styles.noteLine)
        }
        if let headers {
            row += 1
            try sheet.writeHeaderRow(headers, row: row, widths: width)
        }
        return row
    }

    /// Sets the table's column widths on `sheet`.
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
    /// Classified spend, spend at high risk in each area, then at high and unknown overall risk, each with its
    /// share; then spend no rule gave a category (unknown, never low) and spend outside the scope of procurement:
    /// the figures the register's summary and the committee report share.
    static func riskSpend(
        _ figures: SpendFigures, quality: DataQuality, total: Amount, areas: RiskAreaNames, language: Language
    ) -> [KeyFigure] {
        var lines = [
            KeyFigure(
                KeyFigurePhrases.classifiedSpend.text(language), .amount(figures.classifiedSpend),
                share: figures.classifiedSpend.fraction(of: total))
        ]
        lines += RiskArea.allCases.map { area in
            let spend = figures.spend(area, .high)
            return KeyFigure(
                KeyFigurePhrases.highRiskSpend(areas.label(area, language), language), .amount(spend),
                share: spend.fraction(of: total))
        }
        let high = figures.overallSpend(.high)
        let unknown = figures.overallSpend(.unknown)
        lines.append(
            KeyFigure(KeyFigurePhrases.highOverallSpend.text(language), .amount(high), share: high.fraction(of: total)))
        lines.append(
            KeyFigure(
                KeyFigurePhrases.unknownOverallSpend.text(language), .amount(unknown),
                share: unknown.fraction(of: total)))
        lines.append(
            KeyFigure(
                KeyFigurePhrases.uncategorisedSpend.text(language), .amount(quality.spendWithoutCategory),
                share: quality.spendWithoutCategory.fraction(of: total),
                note: quality.classifyNext.isEmpty ? nil : KeyFigurePhrases.uncategorisedNote.text(language)))
        lines.append(
            KeyFigure(
                KeyFigurePhrases.excludedSpend.text(language), .amount(quality.excludedSpend),
                share: quality.excludedSpend.fraction(of: total),
                note: KeyFigurePhrases.excludedNote(quality.excludedLines, language)))
        return lines
    }
}

/// The "what to classify next" list: the suppliers with the most spend no rule gave a category, so the team
/// knows which rows of the supplier list to fill in first.
enum ClassifyNextTable {
    /// Writes the heading, a note and the list from `row + 2`; returns the last row written.
    static func write(
        _ suppliers: [UnclassifiedSupplier], total: Amount, to sheet: Worksheet, below row: Int, language: Language,
        moneyStyle: CellStyle
    ) throws -> Int {
        var row = try KeyFigureTable.writeSection(
            KeyFigurePhrases.classifyNextHeading.text(language), note: KeyFigurePhrases.classifyNextNote.text(language),
            headers: KeyFigurePhrases.classifyNextHeaders.map { $0.text(language) }, below: row, to: sheet)
        guard !suppliers.isEmpty else {
            row += 1
            try sheet.write(row: row, col: 0, string: ReportPhrases.none.text(language), style: Styles.note)
            return row
        }
        for supplier in suppliers {
            row += 1
            let name = [supplier.name, supplier.orgNumber].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                separator: ", ")
            try sheet.write(row: row, col: KeyFigureTable.labelColumn, string: name, style: Styles.text)
            try sheet.write(
                row: row, col: KeyFigureTable.valueColumn, number: supplier.spend.doubleValue, style: moneyStyle)
            try sheet.write(
                row: row, col: KeyFigureTable.shareColumn, number: supplier.spend.fraction(of: total),
                style: Styles.percent)
            let what = supplier.isListed ? KeyFigurePhrases.fillInListEntry : KeyFigurePhrases.addToList
            try sheet.write(
                row: row, col: KeyFigureTable.noteColumn,
                string: "\(what.text(language)) (\(supplier.lines) \(KeyFigurePhrases.lines.text(language)))",
                style: Styles.text)
        }
        return row
    }
}
