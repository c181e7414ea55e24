import KedjaModel
import Tabular

/// The heat map: one row per category with its spend and, per risk area, the highest level among its rows.
///
/// Shared by the register workbook and the committee report so both show the same picture.
struct HeatMap {
    /// One category's line.
    struct Line {
        /// The category; nil for unclassified spend.
        let category: Category?
        var spend = Amount.zero
        var highOverallSpend = Amount.zero
        var suppliers: Set<String> = []
        /// Per area the highest assessed level among the category's rows (unknown only when none was assessed).
        var levels = RiskProfile.unassessed

        /// Counts one register row of the category in.
        mutating func add(_ row: RegisterRow) {
            spend += row.spend
            if row.overall == .high { highOverallSpend += row.spend }
            suppliers.insert(row.supplierKey)
            levels = levels.combined(with: row.levels)
        }
    }

    /// The lines, highest overall level first, then by spend, then by CPV code for a stable order.
    let lines: [Line]
    /// The names of the areas' columns.
    let areas: RiskAreaNames

    /// Groups `rows` by category.
    init(_ rows: [RegisterRow], areas: RiskAreaNames) {
        self.areas = areas
        var byCategory: [String: Line] = [:]
        for row in rows {
            // Updated in place: a copy of the line out of the dictionary would copy its supplier set per row.
            byCategory[row.category?.code ?? "", default: Line(category: row.category)].add(row)
        }
        lines = byCategory.values.sorted { left, right in
            if left.levels.overall != right.levels.overall { return left.levels.overall > right.levels.overall }
            if left.spend != right.spend { return left.spend > right.spend }
            return (left.category?.code ?? "") < (right.category?.code ?? "")
        }
    }

    /// The columns, left to right, with one level column per risk area.
    private enum Column: AreaColumns {
        case category, cpv, spend, share, highOverallSpend, suppliers
        case area(RiskArea)
        case overall

        static let order = ColumnOrder<Column>(
            leading: [.category, .cpv, .spend, .share, .highOverallSpend, .suppliers], area: Column.area,
            overall: .overall, trailing: [])

        func header(_ language: Language, areas: RiskAreaNames) -> String {
            switch self {
            case .category: HeatMapPhrases.category.text(language)
            case .cpv: HeatMapPhrases.cpv.text(language)
            case .spend: HeatMapPhrases.spend.text(language)
            case .share: HeatMapPhrases.share.text(language)
            case .highOverallSpend: HeatMapPhrases.highOverallSpend.text(language)
            case .suppliers: HeatMapPhrases.suppliers.text(language)
            case .area(let area): areas.label(area, language)
            case .overall: HeatMapPhrases.overall.text(language)
            }
        }
    }

    /// The number of columns the heat map uses.
    private static let columnCount = Column.allCases.count

    /// Writes the heat map as a whole sheet: the table, its note and A4 print set-up with `title` in the header.
    func writeSheet(
        to sheet: Worksheet, total: Amount, title: String, language: Language, moneyStyle: CellStyle
    ) throws {
        let end = try write(to: sheet, total: total, language: language, moneyStyle: moneyStyle)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: end, lastCol: Self.columnCount - 1),
            repeatedRow: 0, language: language)
    }

    /// Writes the heat map with its header on row 1 and a note under it; returns the last row written.
    private func write(to sheet: Worksheet, total: Amount, language: Language, moneyStyle: CellStyle) throws -> Int {
        var widths = ColumnWidths(limits: [
            Column.category.index: 20...40, Column.cpv.index: 11...11, Column.spend.index: 17...17,
            Column.share.index: 10...10, Column.highOverallSpend.index: 17...17,
            Column.suppliers.index: 13...13,
        ])
        for column in Column.allCases where column.index >= Column.levelColumns.lowerBound {
            widths.fitHeader(column.index, column.header(language, areas: areas))
        }
        let names = lines.map { CommonPhrases.categoryName($0.category, language) }
        for name in names {
            widths.fit(Column.category.index, name)
        }
        try widths.apply(to: sheet)
        try sheet.writeHeaderRow(
            Column.allCases.map { $0.header(language, areas: areas) }, row: 0, widths: widths.width)

        var heights = RowHeights()
        for (offset, line) in lines.enumerated() {
            let row = offset + 1
            try sheet.write(row: row, col: Column.category.index, string: names[offset], style: Styles.wrapped)
            heights.note(row: row, text: names[offset], width: widths.width(Column.category.index))
            try sheet.write(row: row, col: Column.cpv.index, string: line.category?.code ?? "", style: Styles.text)
            try sheet.write(row: row, col: Column.spend.index, number: line.spend.doubleValue, style: moneyStyle)
            try sheet.write(
                row: row, col: Column.share.index, number: line.spend.fraction(of: total), style: Styles.percent)
            try sheet.write(
                row: row, col: Column.highOverallSpend.index, number: line.highOverallSpend.doubleValue,
                style: moneyStyle)
            try sheet.write(
                row: row, col: Column.suppliers.index, number: Double(line.suppliers.count), style: Styles.count)
            for area in RiskArea.allCases {
                try sheet.write(
                    row: row, col: Column.area(area).index, string: line.levels[area].label(language),
                    style: Styles.level)
            }
            try sheet.write(
                row: row, col: Column.overall.index, string: line.levels.overall.label(language), style: Styles.level
            )
        }
        // Even rows: the map is read across as a grid of colours, which uneven rows would break up.
        try heights.applyEvenly(to: sheet)
        try sheet.colourRiskLevels(
            SheetSpill.dataRange(
                rows: lines.count, firstCol: Column.levelColumns.lowerBound, lastCol: Column.levelColumns.upperBound))
        try sheet.freezePanes(row: 1, col: 1)
        let lastDataRow = max(lines.count, 1)
        let lastCol = Self.columnCount - 1
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastDataRow, lastCol: lastCol))
        let noteRow = lastDataRow + 2
        try sheet.writeNote(
            HeatMapPhrases.note.text(language), row: noteRow, lastCol: lastCol,
            width: (0...lastCol).map(widths.width).reduce(0, +))
        return noteRow
    }
}
