import KedjaModel
import Tabular

/// The risk register workbook (`kedja register`): summary, risk register, heat map, method and rejects.
///
/// The sheet names and the register's header row are fixed by CONTRACT.md (see ``RegisterLabels``). Risk cells
/// hold the level's label and are coloured by conditional formatting, so a user's edit recolours the cell;
/// spend is a number cell whose values add up to the analysis's exact total. A register longer than one sheet
/// continues on `Riskregister (2)` and so on, and rejects likewise, so nothing is cut.
public enum RegisterWorkbook {
    /// Writes the register of `result` in `result.language` to `path`, replacing any file there.
    ///
    /// The file appears only when complete. Two writes of the same result give byte-identical files.
    /// - Throws: `OutputError` when the file cannot be put at `path`; `XlsxError` when a value breaks
    ///   one of Excel's limits.
    /// - Returns: what the cell texts needed to fit in the file (see `CellText`), for the run's summary.
    @discardableResult
    public static func write(_ result: AnalysisResult, to path: String) throws -> TextRepairs {
        try write(result, to: path, rowsPerSheet: SheetSpill.dataRowsPerSheet)
    }

    /// Writes the register with at most `rowsPerSheet` data rows per sheet (tests use a small number).
    @discardableResult
    static func write(_ result: AnalysisResult, to path: String, rowsPerSheet: Int) throws -> TextRepairs {
        let language = result.language
        let labels = RegisterLabels(language, areas: result.areaNames)
        let title = RegisterPhrases.title.text(language)
        return try WorkbookFile.write(to: path, title: title, language: language, created: result.run.time) {
            workbook in
            let summary = try workbook.addWorksheet(name: labels.summarySheet)
            try writeSummary(result, to: summary, title: title)
            for (part, range) in SheetSpill.parts(count: result.rows.count, rowsPerSheet: rowsPerSheet).enumerated() {
                let sheet = try workbook.addWorksheet(
                    name: SheetSpill.sheetName(labels.registerSheet, part: part), streamingRows: true)
                try writeRegister(
                    result.rows[range], to: sheet, labels: labels, title: title, language: language)
            }
            try HeatMap(result.rows, areas: result.areaNames).writeSheet(
                to: try workbook.addWorksheet(name: labels.heatMapSheet), total: result.total, title: title,
                language: language, moneyStyle: Styles.money)
            try CategorySheet.write(result, to: try workbook.addWorksheet(name: labels.categoriesSheet), title: title)
            try TaskLegendSheet.write(
                result.rows.lazy.flatMap(\.tasks), to: try workbook.addWorksheet(name: labels.tasksSheet), title: title,
                language: language)
            if let figures = result.contractFigures {
                try ConditionGapSheet.write(
                    figures, to: try workbook.addWorksheet(name: ConditionGapSheet.name(language)), title: title,
                    language: language)
            }
            let method = try workbook.addWorksheet(name: labels.methodSheet)
            try MethodSheet.write(result, to: method, title: title)
            let rejectCount = result.rejects.count + (result.laterRejects?.count ?? 0)
            guard rejectCount > 0 else { return }
            // The listed rejects are few and kept like the other small sheets; beyond them the sheets stream, so a
            // file of a million broken lines costs the workbook no memory either.
            let streams = result.laterRejects != nil
            for (part, range) in SheetSpill.parts(count: rejectCount, rowsPerSheet: rowsPerSheet).enumerated() {
                let sheet = try workbook.addWorksheet(
                    name: SheetSpill.sheetName(labels.rejectedSheet, part: part), streamingRows: streams)
                try writeRejects(range, of: result, to: sheet, title: title, language: language)
            }
        }
    }

    // MARK: - Risk register

    /// Writes one sheet of register rows under the contract's header row.
    ///
    /// The sheet streams its rows, so a register of any length takes little memory: the row texts are built
    /// twice, once to size the columns and once to write, rather than kept for every row.
    private static func writeRegister(
        _ rows: ArraySlice<RegisterRow>, to sheet: Worksheet, labels: RegisterLabels, title: String,
        language: Language
    ) throws {
        var widths = ColumnWidths(limits: [
            RegisterColumn.supplier.index: 16...30, RegisterColumn.supplierNumber.index: 10...14,
            RegisterColumn.orgNumber.index: 13...13,
            RegisterColumn.country.index: 10...20, RegisterColumn.category.index: 16...30,
            RegisterColumn.spend.index: 17...17, RegisterColumn.share.index: 10...10,
            RegisterColumn.priority.index: 10...10, RegisterColumn.reason.index: 40...110,
            RegisterColumn.tasks.index: 10...24, RegisterColumn.followUp.index: 24...50,
            RegisterColumn.recommendedCondition.index: 14...20, RegisterColumn.contract.index: 10...30,
        ])
        for column in RegisterColumn.allCases {
            widths.fitHeader(column.index, labels.registerHeaders[column.index])
        }
        for row in rows {
            for (column, text) in registerTexts(row, language: language) {
                widths.fit(column.index, text)
            }
        }
        try widths.apply(to: sheet)
        try sheet.writeHeaderRow(labels.registerHeaders, row: 0, widths: widths.width)

        var heights = RowHeights()
        for (offset, row) in rows.enumerated() {
            let sheetRow = offset + 1
            for (column, text) in registerTexts(row, language: language) {
                let style = column == .orgNumber || column == .supplierNumber ? Styles.text : Styles.wrapped
                try sheet.write(row: sheetRow, col: column.index, string: text, style: style)
                heights.note(row: sheetRow, text: text, width: widths.width(column.index))
            }
            try sheet.write(
                row: sheetRow, col: RegisterColumn.spend.index, number: row.spend.doubleValue, style: Styles.money)
            try sheet.write(row: sheetRow, col: RegisterColumn.share.index, number: row.share, style: Styles.percent)
            for area in RiskArea.allCases {
                try sheet.write(
                    row: sheetRow, col: RegisterColumn.area(area).index,
                    string: row.levels[area].label(language), style: Styles.level)
            }
            try sheet.write(
                row: sheetRow, col: RegisterColumn.overall.index, string: row.overall.label(language),
                style: Styles.level)
            try sheet.write(
                row: sheetRow, col: RegisterColumn.priority.index, number: Double(row.priority),
                style: Styles.centredCount)
            try heights.apply(row: sheetRow, to: sheet)
        }

        let lastColumn = RegisterColumn.allCases.count - 1
        try sheet.colourRiskLevels(
            SheetSpill.dataRange(
                rows: rows.count, firstCol: RegisterColumn.levelColumns.lowerBound,
                lastCol: RegisterColumn.levelColumns.upperBound))
        try sheet.conditionalFormat(
            SheetSpill.dataRange(
                rows: rows.count, firstCol: RegisterColumn.priority.index, lastCol: RegisterColumn.priority.index),
            rule: .cellEqualsNumber(1, style: CellStyle(bold: true, fontColor: Palette.alert)))
        try sheet.freezePanes(row: 1, col: 1)
        let lastRow = max(rows.count, 1)
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn))
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn),
            repeatedRow: 0, language: language)
    }

    /// The text cells of a register row: names, numbers, reason, task ids (`S1 T2 O1`, explained on the tasks
    /// sheet) and the follow-up cascade (`Självskattning → Kontorsrevision`).
    private static func registerTexts(_ row: RegisterRow, language: Language) -> [(RegisterColumn, String)] {
        [
            (.supplier, row.supplierName),
            (.supplierNumber, row.supplierID ?? ""),
            (.orgNumber, row.orgNumber ?? ""),
            (.country, CommonPhrases.countryName(row.country, language)),
            (.category, CommonPhrases.categoryName(row.category, language)),
            (.reason, row.reason),
            (.tasks, row.tasks.map(\.id).joined(separator: " ")),
            (.followUp, row.followUp.map { $0.method(language) }.joined(separator: " → ")),
            (.recommendedCondition, row.recommendedCondition.label(language)),
            (.contract, row.contract.map { contractText($0, language: language) } ?? ""),
        ]
    }

    /// A contract as the register names it: `A-17 (Bas, t.o.m. 2027-12-31)`.
    private static func contractText(_ contract: Contract, language: Language) -> String {
        let until = language == .sv ? "t.o.m." : "until"
        return "\(contract.id) (\(contract.conditions.label(language)), \(until) \(contract.end.iso8601))"
    }

    // MARK: - Summary

    /// Writes the key figures: totals and their reconciliation, classification, spend at high risk, priority 1.
    private static func writeSummary(_ result: AnalysisResult, to sheet: Worksheet, title: String) throws {
        let language = result.language
        let figures = SpendFigures(result)
        let total = result.total
        let counts = result.counts
        let registerNote =
            figures.registerSpend + result.quality.excludedSpend == total
            ? KeyFigurePhrases.registerSpendNote : KeyFigurePhrases.registerSpendDiffers
        let priority1 = figures.group(1)
        var lines = [
            KeyFigure(KeyFigurePhrases.totalSpend.text(language), .amount(total), share: total.micros == 0 ? nil : 1),
            KeyFigure(
                KeyFigurePhrases.registerSpend.text(language), .amount(figures.registerSpend),
                note: registerNote.text(language)),
            KeyFigure(KeyFigurePhrases.suppliers.text(language), .count(result.quality.suppliers)),
            KeyFigure(KeyFigurePhrases.registerRows.text(language), .count(result.rows.count)),
            KeyFigure(KeyFigurePhrases.recordsRead.text(language), .count(counts.rowsRead)),
            KeyFigure(KeyFigurePhrases.spendLines.text(language), .count(counts.rowsAccepted)),
            KeyFigure(
                KeyFigurePhrases.rejectedRecords.text(language), .count(counts.rowsRejected),
                note: counts.rowsRejected > 0 ? KeyFigurePhrases.rejectedNote.text(language) : nil),
            KeyFigure(KeyFigurePhrases.rejectedAmount.text(language), .amount(counts.amountRejected)),
            KeyFigure(
                KeyFigurePhrases.reconciles.text(language),
                .text((counts.reconciles ? CommonPhrases.yes : CommonPhrases.no).text(language))),
        ]
        lines += KeyFigure.riskSpend(
            figures, quality: result.quality, total: total, areas: result.areaNames, language: language)
        lines.append(
            KeyFigure(
                KeyFigurePhrases.priority1Rows.text(language), .count(priority1.rows),
                share: priority1.spend.fraction(of: total)))
        lines.append(KeyFigure(KeyFigurePhrases.priority1Suppliers.text(language), .count(priority1.suppliers)))
        lines += KeyFigure.contractSpend(result, language: language)

        try KeyFigureTable.writeSheet(
            lines, title: title, subtitle: RegisterPhrases.subtitle.text(language),
            headers: RegisterPhrases.summaryHeaders.map { $0.text(language) },
            moneyStyle: Styles.money, to: sheet, language: language
        ) { sheet, row in
            try ClassifyNextTable.write(
                result.quality.classifyNext, total: total, to: sheet, below: row, language: language,
                moneyStyle: Styles.money)
        }
    }

    // MARK: - Rejects

    /// Writes one sheet of rejected records, those at `range` of the pass's: record number, line and reason.
    ///
    /// The records are read twice, once to size the columns and once to write, rather than kept.
    private static func writeRejects(
        _ range: Range<Int>, of result: AnalysisResult, to sheet: Worksheet, title: String, language: Language
    ) throws {
        var widths = ColumnWidths(limits: [0: 10...10, 1: 12...12, 2: 30...100])
        try forEachReject(of: result, in: range) { _, reject in widths.fit(2, reject.reason.text(language)) }
        try widths.apply(to: sheet)
        try sheet.writeHeaderRow(
            RegisterPhrases.rejectedHeaders.map { $0.text(language) }, row: 0, widths: widths.width)
        var heights = RowHeights()
        try forEachReject(of: result, in: range) { index, reject in
            let row = index - range.lowerBound + 1
            try sheet.write(row: row, col: 0, number: Double(reject.record), style: Styles.text)
            try sheet.write(row: row, col: 1, number: Double(reject.line), style: Styles.text)
            let reason = reject.reason.text(language)
            try sheet.write(row: row, col: 2, string: reason, style: Styles.wrapped)
            heights.note(row: row, text: reason, width: widths.width(2))
            try heights.apply(row: row, to: sheet)
        }
        try sheet.freezePanes(row: 1, col: 0)
        let lastRow = max(range.count, 1)
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: 2))
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: 2), repeatedRow: 0,
            language: language)
    }

    /// Calls `body` with the index and record of each rejected record at `range`: the listed ones, then the
    /// spooled ones.
    private static func forEachReject(
        of result: AnalysisResult, in range: Range<Int>, _ body: (Int, RejectedRecord) throws -> Void
    ) throws {
        for index in range.clamped(to: 0..<result.rejects.count) {
            try body(index, result.rejects[index])
        }
        guard let later = result.laterRejects, range.upperBound > result.rejects.count else { return }
        var index = result.rejects.count
        try later.forEach { reject in
            if range.contains(index) { try body(index, reject) }
            index += 1
        }
    }
}
