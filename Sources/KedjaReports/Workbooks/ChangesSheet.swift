import KedjaModel
import Tabular

/// The committee report's Changes sheet: what moved since last period's risk register, in four tables one under
/// the other — suppliers new to and gone from the high-risk list, changes of the overall level, and spend shifts
/// of at least the threshold. An empty table says so, so "none" is visibly an answer. Every change of an area's
/// level, with the reasons then and now, is on a detail sheet (``writeDetails(_:to:title:areas:language:)``):
/// the committee reads the overview, the specialist the detail.
enum ChangesSheet {
    /// Supplier, org. number, then up to four columns whose meaning differs per table.
    private static let widths: [Double] = [28, 13, 28, 18, 18, 30]

    /// Writes `comparison` to `sheet` in `language`.
    static func write(
        _ comparison: RegisterComparison, to sheet: Worksheet, title: String, areas areaNames: RiskAreaNames,
        language: Language
    ) throws {
        try MethodSheet.setWidths(widths, on: sheet)
        try sheet.write(row: 0, col: 0, string: ChangePhrases.title.text(language), style: Styles.title)
        let basis = ChangePhrases.basis(
            previous: comparison.previousPath, threshold: grouped(comparison.threshold, language))
        try sheet.writeNote(
            basis.text(language), row: 1, lastCol: widths.count - 1, width: widths.reduce(0, +))
        var table = TableWriter(sheet: sheet, row: 3, language: language)

        try table.section(
            ChangePhrases.joinedHeading,
            headers: [
                ChangePhrases.supplier, ChangePhrases.orgNumber, ChangePhrases.highRiskCategories,
                ChangePhrases.highRiskSpend, ChangePhrases.change,
            ], count: comparison.joined.count
        ) { row, index in
            let entry = comparison.joined[index]
            let first = entry.rows[0]
            try sheet.write(row: row, col: 0, string: first.supplierName, style: Styles.wrapped)
            try sheet.write(row: row, col: 1, string: first.orgNumber ?? "", style: Styles.text)
            let categories = entry.rows.map { CommonPhrases.categoryName($0.category, language) }
            try sheet.write(row: row, col: 2, string: categories.joined(separator: "; "), style: Styles.wrapped)
            try sheet.write(row: row, col: 3, number: entry.spend.doubleValue, style: Styles.wholeMoney)
            let why = entry.previousLevel.map(ChangePhrases.raised(from:)) ?? ChangePhrases.newSupplier
            try sheet.write(row: row, col: 4, string: why.text(language), style: Styles.wrapped)
            return [(0, first.supplierName), (2, categories.joined(separator: "; ")), (4, why.text(language))]
        }

        try table.section(
            ChangePhrases.leftHeading,
            headers: [
                ChangePhrases.supplier, ChangePhrases.orgNumber, ChangePhrases.highRiskCategories,
                ChangePhrases.highRiskSpend, ChangePhrases.change,
            ], count: comparison.left.count
        ) { row, index in
            let entry = comparison.left[index]
            let first = entry.rows[0]
            try sheet.write(row: row, col: 0, string: first.supplier, style: Styles.wrapped)
            try sheet.write(row: row, col: 1, string: first.orgNumber ?? "", style: Styles.text)
            let categories = entry.rows.map(\.category).joined(separator: "; ")
            try sheet.write(row: row, col: 2, string: categories, style: Styles.wrapped)
            try sheet.write(row: row, col: 3, number: entry.spend.doubleValue, style: Styles.wholeMoney)
            let why = entry.currentLevel.map(ChangePhrases.lowered(to:)) ?? ChangePhrases.noSpendNow
            try sheet.write(row: row, col: 4, string: why.text(language), style: Styles.wrapped)
            return [(0, first.supplier), (2, categories), (4, why.text(language))]
        }

        let levelsStart = table.row + 2
        let overallChanges = comparison.levelChanges.filter { $0.previous.overall != $0.current.overall }
        try table.section(
            ChangePhrases.levelsHeading,
            headers: [
                ChangePhrases.supplier, ChangePhrases.orgNumber, ChangePhrases.category, ChangePhrases.overallBefore,
                ChangePhrases.overallNow, ChangePhrases.areasChanged,
            ], count: overallChanges.count
        ) { row, index in
            let change = overallChanges[index]
            let current = change.current
            let category = CommonPhrases.categoryName(current.category, language)
            let areas = change.areas.map {
                ChangePhrases.areaChange(
                    areaNames.shortLabel($0, language), from: change.previous.levels[$0], to: current.levels[$0],
                    language)
            }.joined(separator: "\n")
            let texts = [(0, current.supplierName), (1, current.orgNumber ?? ""), (2, category), (5, areas)]
            for (col, text) in texts {
                try sheet.write(row: row, col: col, string: text, style: col == 1 ? Styles.text : Styles.wrapped)
            }
            try sheet.write(row: row, col: 3, string: change.previous.overall.label(language), style: Styles.level)
            try sheet.write(row: row, col: 4, string: current.overall.label(language), style: Styles.level)
            return texts
        }
        if !overallChanges.isEmpty {
            try sheet.colourRiskLevels(
                CellRange(
                    firstRow: levelsStart, firstCol: 3, lastRow: levelsStart + overallChanges.count - 1, lastCol: 4))
        }

        try table.section(
            ChangePhrases.spendHeading,
            headers: [
                ChangePhrases.supplier, ChangePhrases.orgNumber, ChangePhrases.spendBefore, ChangePhrases.spendNow,
                ChangePhrases.change, ChangePhrases.changeShare,
            ], count: comparison.spendShifts.count
        ) { row, index in
            let shift = comparison.spendShifts[index]
            try sheet.write(row: row, col: 0, string: shift.supplier, style: Styles.wrapped)
            try sheet.write(row: row, col: 1, string: shift.orgNumber ?? "", style: Styles.text)
            try sheet.write(row: row, col: 2, number: shift.previous.doubleValue, style: Styles.wholeMoney)
            try sheet.write(row: row, col: 3, number: shift.current.doubleValue, style: Styles.wholeMoney)
            try sheet.write(row: row, col: 4, number: shift.change.doubleValue, style: Styles.wholeMoney)
            if shift.previous != .zero {
                try sheet.write(
                    row: row, col: 5, number: shift.change.fraction(of: shift.previous), style: Styles.percent)
            }
            return [(0, shift.supplier)]
        }

        try table.heights.apply(to: sheet)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: table.row, lastCol: widths.count - 1),
            repeatedRow: 0, language: language)
    }

    /// The detail sheet's columns: supplier, org. number, category, area, level before, level now, the reasons.
    private static let detailWidths: [Double] = [26, 13, 24, 20, 12, 12, 60, 60]

    /// Writes every change of an area's level, one row per supplier × category × area, with the reasons then and
    /// now: what a specialist checks behind the Changes sheet.
    static func writeDetails(
        _ comparison: RegisterComparison, to sheet: Worksheet, title: String, areas areaNames: RiskAreaNames,
        language: Language
    ) throws {
        try MethodSheet.setWidths(detailWidths, on: sheet)
        try sheet.write(row: 0, col: 0, string: ChangePhrases.detailsTitle.text(language), style: Styles.title)
        let headerRow = 2
        try sheet.writeHeaderRow(
            [
                ChangePhrases.supplier, ChangePhrases.orgNumber, ChangePhrases.category, ChangePhrases.area,
                ChangePhrases.levelBefore, ChangePhrases.levelNow, ChangePhrases.reasonNow, ChangePhrases.reasonBefore,
            ].map { $0.text(language) }, row: headerRow, widths: { detailWidths[$0] })
        var row = headerRow
        var heights = RowHeights()
        for change in comparison.levelChanges {
            let current = change.current
            for area in change.areas {
                row += 1
                let texts = [
                    (0, current.supplierName), (1, current.orgNumber ?? ""),
                    (2, CommonPhrases.categoryName(current.category, language)), (3, areaNames.label(area, language)),
                    (6, current.reason), (7, change.previous.reason),
                ]
                for (col, text) in texts {
                    try sheet.write(row: row, col: col, string: text, style: col == 1 ? Styles.text : Styles.wrapped)
                    heights.note(row: row, text: text, width: detailWidths[col])
                }
                try sheet.write(
                    row: row, col: 4, string: change.previous.levels[area].label(language), style: Styles.level)
                try sheet.write(row: row, col: 5, string: current.levels[area].label(language), style: Styles.level)
            }
        }
        if row == headerRow {
            row += 1
            try sheet.write(row: row, col: 0, string: ChangePhrases.none.text(language), style: Styles.note)
        } else {
            try sheet.colourRiskLevels(CellRange(firstRow: headerRow + 1, firstCol: 4, lastRow: row, lastCol: 5))
        }
        try heights.apply(to: sheet)
        try sheet.freezePanes(row: headerRow + 1, col: 1)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: row, lastCol: detailWidths.count - 1),
            repeatedRow: headerRow, language: language)
    }

    /// Writes the sections one under the other and keeps track of the row and the heights wrapped text needs.
    private struct TableWriter {
        let sheet: Worksheet
        /// The last row written.
        var row: Int
        let language: Language
        var heights = RowHeights()

        /// Writes a heading, a header row and `count` rows from `body` (which returns its wrapped texts by column),
        /// or a "none" note, then leaves a blank row.
        mutating func section(
            _ heading: Phrase, headers: [Phrase], count: Int, body: (Int, Int) throws -> [(Int, String)]
        ) throws {
            try sheet.write(row: row, col: 0, string: heading.text(language), style: Styles.heading)
            row += 1
            try sheet.writeHeaderRow(headers.map { $0.text(language) }, row: row, widths: { ChangesSheet.widths[$0] })
            if count == 0 {
                row += 1
                try sheet.write(row: row, col: 0, string: ChangePhrases.none.text(language), style: Styles.note)
            }
            for index in 0..<count {
                row += 1
                for (col, text) in try body(row, index) {
                    heights.note(row: row, text: text, width: ChangesSheet.widths[col])
                }
            }
            row += 2
        }
    }

    /// `amount` in whole kronor with thousands grouped as `language` writes them: `500 000` or `500,000`.
    private static func grouped(_ amount: Amount, _ language: Language) -> String {
        let digits = Array(
            amount.formatted(decimalMark: UInt8(ascii: "."), minimumFractionDigits: 0)
                .prefix { $0 != "." })
        let sign = digits.first == "-" ? "-" : ""
        let body = String(sign.isEmpty ? digits : Array(digits.dropFirst()))
        return sign + Amount.grouped(body, by: language == .sv ? "\u{00A0}" : ",")
    }
}
