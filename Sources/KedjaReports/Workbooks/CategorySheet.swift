import KedjaModel
import Tabular

/// The categories the register uses, one row each: the source's levels, where in the chain the risk sits, and
/// the source, rationale and page a specialist opens to check a rating.
///
/// These facts belong to the category, not to the supplier: written once here instead of in each of the
/// register's rows, they keep the register short enough to print and read.
enum CategorySheet {
    enum Column: AreaColumns {
        case cpv, category, kind
        case area(RiskArea)
        case labourConditions, chainStages, source, rationale, url

        static let order = ColumnOrder<Column>(
            leading: [.cpv, .category, .kind], area: Column.area, overall: nil,
            trailing: [.labourConditions, .chainStages, .source, .rationale, .url])

        func header(_ language: Language, areas: RiskAreaNames) -> String {
            switch self {
            case .cpv: HeatMapPhrases.cpv.text(language)
            case .category: Phrase(sv: "Kategori", en: "Category").text(language)
            case .kind: Phrase(sv: "Typ", en: "Kind").text(language)
            case .area(let area): areas.label(area, language)
            case .labourConditions:
                Phrase(sv: "Risk för oskäliga villkor", en: "Unreasonable conditions").text(language)
            case .chainStages: Phrase(sv: "Var i kedjan", en: "Where in the chain").text(language)
            case .source: Phrase(sv: "Källa", en: "Source").text(language)
            case .rationale: Phrase(sv: "Motivering", en: "Rationale").text(language)
            case .url: Phrase(sv: "Länk", en: "Link").text(language)
            }
        }
    }

    /// Writes the distinct categories of `result`'s register rows, by CPV code.
    static func write(_ result: AnalysisResult, to sheet: Worksheet, title: String) throws {
        let language = result.language
        let areas = result.areaNames
        var seen = Set<String>()
        let categories = result.rows.compactMap(\.category).filter { seen.insert($0.code).inserted }
            .sorted { $0.code < $1.code }
        var widths = ColumnWidths(limits: [
            Column.cpv.index: 11...11, Column.category.index: 20...34, Column.kind.index: 12...14,
            Column.labourConditions.index: 14...16, Column.chainStages.index: 30...44,
            Column.source.index: 24...36, Column.rationale.index: 40...70, Column.url.index: 20...40,
        ])
        let headers = Column.allCases.map { $0.header(language, areas: areas) }
        for column in Column.allCases { widths.fitHeader(column.index, headers[column.index]) }
        let rowTexts = categories.map { texts(of: $0, areas: areas, language: language) }
        for row in rowTexts {
            for (column, text) in row { widths.fit(column.index, text) }
        }
        try widths.apply(to: sheet)
        try sheet.writeHeaderRow(headers, row: 0, widths: widths.width)
        var heights = RowHeights()
        for (offset, category) in categories.enumerated() {
            let row = offset + 1
            for (column, text) in rowTexts[offset] {
                try sheet.write(row: row, col: column.index, string: text, style: Styles.wrapped)
                heights.note(row: row, text: text, width: widths.width(column.index))
            }
            for area in RiskArea.allCases {
                try sheet.write(
                    row: row, col: Column.area(area).index, string: category.levels[area].label(language),
                    style: Styles.level)
            }
        }
        try heights.apply(to: sheet)
        let lastRow = max(categories.count, 1)
        let lastColumn = Column.allCases.count - 1
        try sheet.colourRiskLevels(
            SheetSpill.dataRange(
                rows: categories.count, firstCol: Column.levelColumns.lowerBound,
                lastCol: Column.levelColumns.upperBound))
        try sheet.freezePanes(row: 1, col: 2)
        try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn))
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: lastColumn),
            repeatedRow: 0, language: language)
    }

    /// The text cells of one category's row.
    private static func texts(
        of category: Category, areas: RiskAreaNames, language: Language
    ) -> [(Column, String)] {
        [
            (.cpv, category.code),
            (.category, category.name(language)),
            (.kind, category.kind.label(language)),
            (.labourConditions, category.labourConditions?.label(language) ?? ""),
            (.chainStages, chainStages(category, areas: areas, language: language)),
            (.source, [category.source, category.year].filter { !$0.isEmpty }.joined(separator: ", ")),
            (.rationale, category.rationale),
            (.url, category.url),
        ]
    }

    /// Where in the chain the category's risk sits: the source's level per stage and area, and its note
    /// (`råvara: MR hög, AR hög, MI hög, AK hög; …`); for a service, that it is performed in Sweden.
    private static func chainStages(_ category: Category, areas: RiskAreaNames, language: Language) -> String {
        var parts = category.stages.given.map { stage, levels in
            stage.label(language) + ": "
                + RiskArea.allCases.map { "\(areas.shortLabel($0, language)) \(levels[$0].word(language))" }
                .joined(separator: ", ")
        }
        if category.isPerformedInSweden {
            parts.append(
                category.kind.label(language) + (category.labourConditions.map { ": " + $0.label(language) } ?? ""))
        }
        if !category.agencyNote.isEmpty { parts.append(category.agencyNote) }
        return parts.joined(separator: "\n")
    }
}

/// The tasks of the purchasing model that the register's and plan's rows name by id (`S1 T2 O1`): id, level,
/// phase and what to do, so a row stays one line and the legend says the rest.
enum TaskLegendSheet {
    /// Writes every task that `tasks` holds, once, in the model's order (strategic, tactical, operative).
    ///
    /// `tasks` is read once and may be lazy: the register passes every row's tasks, which as one array would take
    /// megabytes for a sheet of a dozen rows.
    static func write(
        _ tasks: some Sequence<PhaseTask>, to sheet: Worksheet, title: String, language: Language
    ) throws {
        var byID: [String: PhaseTask] = [:]
        for task in tasks where byID[task.id] == nil { byID[task.id] = task }
        let distinct = byID.values.sorted { lhs, rhs in
            let levels = PhaseTask.Level.allCases
            let (left, right) = (levels.firstIndex(of: lhs.level)!, levels.firstIndex(of: rhs.level)!)
            return left != right ? left < right : lhs.id.localizedStandardCompare(rhs.id) == .orderedAscending
        }
        let widths: [Double] = [6, 12, 16, 90]
        try MethodSheet.setWidths(widths, on: sheet)
        try sheet.writeHeaderRow(
            [
                Phrase(sv: "Id", en: "Id"), Phrase(sv: "Nivå", en: "Level"), Phrase(sv: "Fas", en: "Phase"),
                Phrase(sv: "Uppgift", en: "Task"),
            ].map { $0.text(language) }, row: 0, widths: { widths[$0] })
        var heights = RowHeights()
        for (offset, task) in distinct.enumerated() {
            let row = offset + 1
            try sheet.write(row: row, col: 0, string: task.id, style: Styles.boldText)
            try sheet.write(row: row, col: 1, string: task.level.label(language), style: Styles.text)
            try sheet.write(row: row, col: 2, string: task.phase(language), style: Styles.text)
            try sheet.write(row: row, col: 3, string: task.text(language), style: Styles.wrapped)
            heights.note(row: row, text: task.text(language), width: widths[3])
        }
        try heights.apply(to: sheet)
        try sheet.freezePanes(row: 1, col: 0)
        let lastRow = max(distinct.count, 1)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: widths.count - 1),
            repeatedRow: 0, language: language)
    }
}
