import KedjaModel
import Tabular

/// The committee report (`kedja report`): key figures, charts, the largest risks, the heat map, data quality
/// and the method, each sheet printable on A4 landscape.
///
/// Written for readers who will not filter a register: every sheet prints one page wide with the title in the
/// page header and page numbers in the footer, and the charts read tables printed beneath them, so the numbers
/// behind a bar can be checked.
public enum ReportWorkbook {
    /// How many of the largest risks the report lists.
    static let topRiskCount = 10

    /// Writes the report of `result` in `result.language` to `path`, replacing any file there.
    ///
    /// The file appears only when complete. Two writes of the same result give byte-identical files.
    /// - Parameter comparison: what changed since last period's register (`kedja report --previous`), shown on a
    ///   Changes sheet after the overview; nil for no such sheet.
    /// - Throws: `OutputError` when the file cannot be put at `path`; `XlsxError` when a value breaks
    ///   one of Excel's limits.
    /// - Returns: what the cell texts needed to fit in the file (see `CellText`), for the run's summary.
    @discardableResult
    public static func write(
        _ result: AnalysisResult, comparison: RegisterComparison? = nil, to path: String
    ) throws -> TextRepairs {
        let language = result.language
        let labels = ReportLabels(language)
        let title = ReportPhrases.title.text(language)
        let figures = SpendFigures(result)
        return try WorkbookFile.write(to: path, title: title, language: language, created: result.run.time) {
            workbook in
            let overview = try workbook.addWorksheet(name: labels.overviewSheet)
            try writeOverview(result, figures: figures, to: overview, title: title)
            if let comparison {
                let changes = try workbook.addWorksheet(name: labels.changesSheet)
                try ChangesSheet.write(
                    comparison, to: changes, title: title, areas: result.areaNames, language: language)
            }
            if let comparison {
                try ChangesSheet.writeDetails(
                    comparison, to: try workbook.addWorksheet(name: labels.changeDetailsSheet), title: title,
                    areas: result.areaNames, language: language)
            }
            let charts = try workbook.addWorksheet(name: labels.chartsSheet)
            try writeCharts(result, figures: figures, to: charts, in: workbook, title: title)
            let topRisks = try workbook.addWorksheet(name: labels.topRisksSheet)
            try writeTopRisks(result, to: topRisks, title: title)
            try HeatMap(result.rows, areas: result.areaNames).writeSheet(
                to: try workbook.addWorksheet(name: labels.heatMapSheet), total: result.total, title: title,
                language: language, moneyStyle: Styles.wholeMoney)
            let quality = try workbook.addWorksheet(name: labels.dataQualitySheet)
            try writeDataQuality(result, to: quality, title: title)
            let method = try workbook.addWorksheet(name: labels.methodSheet)
            try MethodSheet.write(result, to: method, title: title)
        }
    }

    // MARK: - Overview

    /// Writes the committee's key figures.
    private static func writeOverview(
        _ result: AnalysisResult, figures: SpendFigures, to sheet: Worksheet, title: String
    ) throws {
        let language = result.language
        let total = result.total
        let priority1 = figures.group(1)
        let counts = result.counts
        var lines = [
            KeyFigure(KeyFigurePhrases.totalSpend.text(language), .amount(total), share: total.micros == 0 ? nil : 1),
            KeyFigure(KeyFigurePhrases.suppliers.text(language), .count(result.quality.suppliers)),
        ]
        lines += KeyFigure.riskSpend(
            figures, quality: result.quality, total: total, areas: result.areaNames, language: language)
        lines.append(
            KeyFigure(
                KeyFigurePhrases.priority1Suppliers.text(language), .count(priority1.suppliers),
                share: priority1.spend.fraction(of: total),
                note: "\(ReportPhrases.priority1RowsNote.text(language)): \(priority1.rows)"))
        lines += KeyFigure.contractSpend(result, language: language)
        lines.append(
            KeyFigure(
                KeyFigurePhrases.tasksFirstQuarter.text(language), .count(figures.tasksDueInFirstQuarter),
                note: ReportPhrases.period(
                    from: result.planStart.iso8601, through: figures.firstQuarterLastDay.iso8601)))
        lines.append(
            KeyFigure(
                KeyFigurePhrases.rejectedRecords.text(language), .count(counts.rowsRejected),
                note: KeyFigurePhrases.reconciliation(counts.reconciles, language)))

        try KeyFigureTable.writeSheet(
            lines, title: title, subtitle: ReportPhrases.subtitle.text(language),
            facts: RunFactsPhrases.lines(result.run, language),
            headers: ReportPhrases.keyFigureHeaders.map { $0.text(language) },
            moneyStyle: Styles.millions, to: sheet, language: language
        ) { sheet, row in
            try ClassifyNextTable.write(
                Array(result.quality.classifyNext.prefix(10)), total: total, to: sheet, below: row, language: language,
                moneyStyle: Styles.wholeMoney)
        }
    }

    // MARK: - Charts

    /// Writes the tables of spend per area × level and per priority, and the two charts that read them.
    private static func writeCharts(
        _ result: AnalysisResult, figures: SpendFigures, to sheet: Worksheet, in workbook: Workbook, title: String
    ) throws {
        let language = result.language
        try MethodSheet.setWidths(chartSheetWidths, on: sheet)
        try sheet.write(row: 0, col: 0, string: ReportPhrases.chartsSheet.text(language), style: Styles.title)
        try sheet.write(row: 1, col: 0, string: ReportPhrases.chartsNote.text(language), style: Styles.noteLine)

        // The two charts stand side by side above the tables they read; 288 pixels is 15 default rows.
        let chartRow = 3
        let levelRows = try writeLevelTable(
            figures, to: sheet, from: chartRow + 16, areas: result.areaNames, language: language)
        let priorities = Set([1, 2, 3]).union(figures.priorities.map(\.priority)).sorted()
        let priorityRows = try writePriorityTable(
            priorities, figures: figures, to: sheet, from: levelRows.upperBound + 2, language: language)

        let levelChart = try workbook.addChart(.stackedColumn)
        try levelChart.setTitle(ReportPhrases.levelChartTitle.text(language))
        try levelChart.setAxisTitles(category: nil, value: "Mkr", valueFormat: NumberFormats.millionsAxis)
        try levelChart.setLegend(.bottom)
        for (offset, level) in chartLevels.enumerated() {
            try levelChart.addSeries(
                ChartSeries(
                    name: level.label(language), sheet: sheet.name,
                    categories: column(0, rows: levelRows), values: column(offset + 1, rows: levelRows),
                    color: Palette.chart(level)))
        }
        try sheet.insertChart(row: chartRow, col: 0, chart: levelChart, xScale: ChartLayout.levelChartScale)

        let priorityChart = try workbook.addChart(.column)
        try priorityChart.setTitle(ReportPhrases.priorityChartTitle.text(language))
        try priorityChart.setAxisTitles(category: nil, value: "Mkr", valueFormat: NumberFormats.millionsAxis)
        try priorityChart.setLegend(.none)
        try priorityChart.addSeries(
            ChartSeries(
                name: ReportPhrases.spend.text(language), sheet: sheet.name,
                categories: column(0, rows: priorityRows), values: column(3, rows: priorityRows),
                pointColors: priorities.map { Palette.chart(priority: $0) }, dataLabels: .value,
                dataLabelNumberFormat: NumberFormats.millions))
        try sheet.insertChart(
            row: chartRow, col: ChartLayout.priorityChartColumn, chart: priorityChart,
            xScale: ChartLayout.priorityChartScale)

        try sheet.preparePrinting(
            title: title,
            area: CellRange(
                firstRow: 0, firstCol: 0, lastRow: priorityRows.upperBound, lastCol: ChartLayout.lastPrintedColumn),
            repeatedRow: 0, language: language, pagesTall: 1)
    }

    /// The levels in the stacked chart, bottom up, and the columns of its table.
    private static let chartLevels: [RiskLevel] = [.high, .medium, .low, .unknown]

    /// Writes spend per area (and overall) × level with a total per row from `firstRow`; returns the data rows.
    private static func writeLevelTable(
        _ figures: SpendFigures, to sheet: Worksheet, from firstRow: Int, areas: RiskAreaNames, language: Language
    ) throws -> ClosedRange<Int> {
        var row = firstRow
        try sheet.write(row: row, col: 0, string: ReportPhrases.levelTableHeading.text(language), style: Styles.heading)
        row += 1
        try sheet.writeHeaderRow(
            [ReportPhrases.area.text(language)] + chartLevels.map { $0.label(language) }
                + [ReportPhrases.total.text(language)], row: row, widths: { chartSheetWidths[$0] })
        let areaRows: [(String, (RiskLevel) -> Amount)] =
            RiskArea.allCases.map { area in (areas.label(area, language), { figures.spend(area, $0) }) }
            + [(HeatMapPhrases.overall.text(language), { figures.overallSpend($0) })]
        let firstDataRow = row + 1
        for (label, spend) in areaRows {
            row += 1
            try sheet.write(row: row, col: 0, string: label, style: Styles.boldText)
            var rowTotal = Amount.zero
            for (offset, level) in chartLevels.enumerated() {
                let amount = spend(level)
                rowTotal += amount
                try sheet.write(row: row, col: offset + 1, number: amount.doubleValue, style: Styles.millions)
            }
            try sheet.write(
                row: row, col: chartLevels.count + 1, number: rowTotal.doubleValue, style: Styles.millions)
        }
        return firstDataRow...row
    }

    /// Writes rows, suppliers and spend per priority from `firstRow`; returns the data rows.
    private static func writePriorityTable(
        _ priorities: [Int], figures: SpendFigures, to sheet: Worksheet, from firstRow: Int, language: Language
    ) throws -> ClosedRange<Int> {
        var row = firstRow
        try sheet.write(
            row: row, col: 0, string: ReportPhrases.priorityTableHeading.text(language), style: Styles.heading)
        row += 1
        try sheet.writeHeaderRow(
            [ReportPhrases.priority, ReportPhrases.rows, ReportPhrases.suppliers, ReportPhrases.spend].map {
                $0.text(language)
            }, row: row, widths: { chartSheetWidths[$0] })
        let firstDataRow = row + 1
        for priority in priorities {
            let group = figures.group(priority)
            row += 1
            try sheet.write(
                row: row, col: 0, string: ReportPhrases.priorityLabel(priority, language), style: Styles.boldText)
            try sheet.write(row: row, col: 1, number: Double(group.rows), style: Styles.count)
            try sheet.write(row: row, col: 2, number: Double(group.suppliers), style: Styles.count)
            try sheet.write(row: row, col: 3, number: group.spend.doubleValue, style: Styles.millions)
        }
        return firstDataRow...row
    }

    /// Column `col` over `rows`, as a chart series reads it.
    private static func column(_ col: Int, rows: ClosedRange<Int>) -> CellRange {
        CellRange(firstRow: rows.lowerBound, firstCol: col, lastRow: rows.upperBound, lastCol: col)
    }

    /// The chart sheet's columns: a label, five amounts, then narrow columns under the second chart.
    private static let chartSheetWidths: [Double] = [26, 16, 16, 16, 16, 16, 8.43, 8.43, 8.43, 8.43, 8.43]

    /// Where the two charts sit, in the pixels Excel and libxlsxwriter place charts by: a column `w` characters
    /// wide is `7w + 5` pixels, so columns A–F end at 187, 304, 421, 538, 655 and 772 pixels and G–K add 64 each.
    private enum ChartLayout {
        /// The stacked chart spans 640 pixels from A, wide enough for the area names to lie flat.
        static let levelChartScale = 640.0 / 480
        /// The priority chart starts at F (655 pixels), just right of the stacked chart.
        static let priorityChartColumn = 5
        /// It spans 400 pixels, to 1,055.
        static let priorityChartScale = 400.0 / 480
        /// Column K (ending at 1,092 pixels) is the last one under the priority chart.
        static let lastPrintedColumn = 10
    }

    // MARK: - Top risks

    /// The columns of the top-risks table, with one level column per risk area.
    private enum TopRiskColumn: AreaColumns {
        case rank, supplier, category, country, spend, share
        case area(RiskArea)
        case overall, priority, followUp

        static let order = ColumnOrder<TopRiskColumn>(
            leading: [.rank, .supplier, .category, .country, .spend, .share], area: TopRiskColumn.area,
            overall: .overall, trailing: [.priority, .followUp])
    }

    /// The largest risks: rows not of low overall risk, by priority, then spend, then supplier and category.
    static func topRisks(_ rows: [RegisterRow]) -> [RegisterRow] {
        // Positions are sorted, not rows: a register can hold a hundred thousand rows of several hundred bytes.
        var risks = rows.indices.filter { rows[$0].overall != .low }
        risks.sort { leftIndex, rightIndex in
            let (left, right) = (rows[leftIndex], rows[rightIndex])
            if left.priority != right.priority { return left.priority < right.priority }
            if left.spend != right.spend { return left.spend > right.spend }
            if left.supplierName != right.supplierName { return left.supplierName < right.supplierName }
            return (left.category?.code ?? "") < (right.category?.code ?? "")
        }
        return risks.prefix(topRiskCount).map { rows[$0] }
    }

    /// Writes the ten largest risks with their levels, priority and follow-up.
    private static func writeTopRisks(_ result: AnalysisResult, to sheet: Worksheet, title: String) throws {
        let language = result.language
        let areas = result.areaNames
        let headers = TopRiskColumn.allCases.map { column -> String in
            switch column {
            case .rank: ReportPhrases.rank.text(language)
            case .supplier: RegisterColumn.supplier.header(language, areas: areas)
            case .category: RegisterColumn.category.header(language, areas: areas)
            case .country: RegisterColumn.country.header(language, areas: areas)
            case .spend: RegisterColumn.spend.header(language, areas: areas)
            case .share: RegisterColumn.share.header(language, areas: areas)
            case .area(let area): RegisterColumn.area(area).header(language, areas: areas)
            case .overall: RegisterColumn.overall.header(language, areas: areas)
            case .priority: RegisterColumn.priority.header(language, areas: areas)
            case .followUp: RegisterColumn.followUp.header(language, areas: areas)
            }
        }
        var widths = ColumnWidths(limits: [
            TopRiskColumn.rank.index: 5...5, TopRiskColumn.supplier.index: 16...28,
            TopRiskColumn.category.index: 16...28, TopRiskColumn.country.index: 10...18,
            TopRiskColumn.spend.index: 16...16, TopRiskColumn.share.index: 10...10,
            TopRiskColumn.priority.index: 10...10, TopRiskColumn.followUp.index: 40...60,
        ])
        for column in TopRiskColumn.allCases {
            widths.fitHeader(column.index, headers[column.index])
        }
        let risks = topRisks(result.rows)
        let texts = risks.map { risk -> [(TopRiskColumn, String)] in
            [
                (.supplier, risk.supplierName),
                (.category, CommonPhrases.categoryName(risk.category, language)),
                (.country, CommonPhrases.countryName(risk.country, language)),
                (.followUp, risk.followUp.map { $0.method(language) }.joined(separator: " → ")),
            ]
        }
        for rowTexts in texts {
            for (column, text) in rowTexts {
                widths.fit(column.index, text)
            }
        }
        try widths.apply(to: sheet)
        let lastColumn = TopRiskColumn.allCases.count - 1
        try sheet.writeTitle(
            ReportPhrases.topRisksTitle.text(language), subtitle: ReportPhrases.topRisksHeading.text(language),
            lastCol: lastColumn, width: (0...lastColumn).map(widths.width).reduce(0, +))
        let headerRow = 3
        try sheet.writeHeaderRow(headers, row: headerRow, widths: widths.width)
        var heights = RowHeights()
        for (offset, (risk, rowTexts)) in zip(risks, texts).enumerated() {
            let row = headerRow + 1 + offset
            try sheet.write(
                row: row, col: TopRiskColumn.rank.index, number: Double(offset + 1), style: Styles.centredCount)
            for (column, text) in rowTexts {
                try sheet.write(row: row, col: column.index, string: text, style: Styles.wrapped)
                heights.note(row: row, text: text, width: widths.width(column.index))
            }
            try sheet.write(
                row: row, col: TopRiskColumn.spend.index, number: risk.spend.doubleValue, style: Styles.wholeMoney)
            try sheet.write(row: row, col: TopRiskColumn.share.index, number: risk.share, style: Styles.percent)
            for area in RiskArea.allCases {
                try sheet.write(
                    row: row, col: TopRiskColumn.area(area).index, string: risk.levels[area].label(language),
                    style: Styles.level)
            }
            try sheet.write(
                row: row, col: TopRiskColumn.overall.index, string: risk.overall.label(language), style: Styles.level
            )
            try sheet.write(
                row: row, col: TopRiskColumn.priority.index, number: Double(risk.priority),
                style: Styles.centredCount)
        }
        try heights.apply(to: sheet)
        if !risks.isEmpty {
            try sheet.colourRiskLevels(
                CellRange(
                    firstRow: headerRow + 1, firstCol: TopRiskColumn.levelColumns.lowerBound,
                    lastRow: headerRow + risks.count, lastCol: TopRiskColumn.levelColumns.upperBound))
        }
        try sheet.freezePanes(row: headerRow + 1, col: 0)
        try sheet.preparePrinting(
            title: title,
            area: CellRange(firstRow: 0, firstCol: 0, lastRow: headerRow + max(risks.count, 1), lastCol: lastColumn),
            repeatedRow: headerRow, language: language)
    }

    // MARK: - Data quality

    /// Writes how much of the spend could be classified and what could not be matched.
    private static func writeDataQuality(_ result: AnalysisResult, to sheet: Worksheet, title: String) throws {
        let language = result.language
        let quality = result.quality
        let counts = result.counts
        let total = result.total
        let lines = counts.rowsAccepted
        let unmatched =
            quality.supplierListGiven
            ? KeyFigure(ReportPhrases.unmatchedSuppliers.text(language), .count(quality.unmatchedSuppliers))
            : KeyFigure(
                ReportPhrases.unmatchedSuppliers.text(language), .text(ReportPhrases.notApplicable),
                note: ReportPhrases.noSupplierList.text(language))
        let figures = [
            KeyFigure(KeyFigurePhrases.suppliers.text(language), .count(quality.suppliers)),
            unmatched,
            KeyFigure(
                ReportPhrases.linesWithoutCountry.text(language), .count(quality.linesWithoutCountry),
                note: ReportPhrases.ofLines(lines, language)),
            KeyFigure(
                ReportPhrases.linesWithoutCategory.text(language), .count(quality.linesWithoutCategory),
                note: ReportPhrases.ofLines(lines, language)),
            KeyFigure(
                ReportPhrases.spendWithoutCategory.text(language), .amount(quality.spendWithoutCategory),
                share: quality.spendWithoutCategory.fraction(of: total)),
            KeyFigure(
                KeyFigurePhrases.excludedSpend.text(language), .amount(quality.excludedSpend),
                share: quality.excludedSpend.fraction(of: total),
                note: KeyFigurePhrases.excludedNote(quality.excludedLines, language)),
            KeyFigure(
                KeyFigurePhrases.rejectedRecords.text(language), .count(counts.rowsRejected),
                note: KeyFigurePhrases.reconciliation(counts.reconciles, language)),
            KeyFigure(KeyFigurePhrases.rejectedAmount.text(language), .amount(counts.amountRejected)),
        ]
        try KeyFigureTable.setWidths(on: sheet)
        try sheet.write(row: 0, col: 0, string: ReportPhrases.dataQualityHeading.text(language), style: Styles.title)
        let headerRow = 2
        var row = try KeyFigureTable.write(
            figures, headers: ReportPhrases.qualityHeaders.map { $0.text(language) }, headerRow: headerRow, to: sheet,
            moneyStyle: Styles.wholeMoney)

        row = try KeyFigureTable.writeSection(
            ReportPhrases.sourceHeading.text(language), headers: ReportPhrases.sourceHeaders.map { $0.text(language) },
            below: row, to: sheet)
        for source in CategorySource.allCases {
            let spend = quality.spendBySource[source] ?? .zero
            row += 1
            try sheet.write(
                row: row, col: 0, string: CommonPhrases.categorySource(source).text(language), style: Styles.text)
            try sheet.write(row: row, col: 1, number: spend.doubleValue, style: Styles.wholeMoney)
            try sheet.write(row: row, col: 2, number: spend.fraction(of: total), style: Styles.percent)
        }

        row = try KeyFigureTable.writeSection(
            ReportPhrases.unknownCountriesHeading.text(language),
            headers: ReportPhrases.unknownCountriesHeaders.map { $0.text(language) }, below: row, to: sheet)
        let unknownCountries = quality.unknownCountryNames.sorted { left, right in
            left.value != right.value ? left.value > right.value : left.key < right.key
        }
        if unknownCountries.isEmpty {
            row += 1
            try sheet.write(row: row, col: 0, string: ReportPhrases.none.text(language), style: Styles.note)
        }
        for (name, lineCount) in unknownCountries {
            row += 1
            try sheet.write(row: row, col: 0, string: name, style: Styles.text)
            try sheet.write(row: row, col: 1, number: Double(lineCount), style: Styles.count)
        }

        row = try KeyFigureTable.writeSection(ReportPhrases.unmatchedHeading.text(language), below: row, to: sheet)
        let unmatchedNames = quality.unmatchedSupplierNames
        if !quality.supplierListGiven || unmatchedNames.isEmpty {
            row += 1
            let note = quality.supplierListGiven ? ReportPhrases.none : ReportPhrases.noSupplierList
            try sheet.write(row: row, col: 0, string: note.text(language), style: Styles.note)
        } else {
            for name in unmatchedNames {
                row += 1
                try sheet.write(row: row, col: 0, string: name, style: Styles.text)
            }
        }
        try sheet.preparePrinting(
            title: title,
            area: CellRange(firstRow: 0, firstCol: 0, lastRow: row, lastCol: KeyFigureTable.noteColumn),
            repeatedRow: headerRow, language: language)
    }
}
