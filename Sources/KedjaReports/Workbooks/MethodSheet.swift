import KedjaModel
import Tabular

/// The method sheet of the register and the committee report: how ratings are made, what each risk area
/// means, and which rule tables (with source and year) the analysis used.
enum MethodSheet {
    /// Topic, explanation (or source) and year.
    static let columnWidths: [Double] = [30, 100, 10]

    /// Writes how ratings are made, what each risk area means, and the rule tables used.
    static func write(_ result: AnalysisResult, to sheet: Worksheet, title: String) throws {
        let language = result.language
        try setWidths(columnWidths, on: sheet)
        try sheet.write(row: 0, col: 0, string: RegisterPhrases.methodSheet.text(language), style: Styles.title)
        let headerRow = 2
        var row = headerRow
        try sheet.writeHeaderRow(
            RegisterPhrases.methodHeaders.map { $0.text(language) }, row: row, widths: { columnWidths[$0] })
        var heights = RowHeights()
        for (topic, explanation) in RegisterPhrases.method {
            row += 1
            try sheet.write(row: row, col: 0, string: topic.text(language), style: Styles.boldText)
            try sheet.write(row: row, col: 1, string: explanation.text(language), style: Styles.wrapped)
            heights.note(row: row, text: explanation.text(language), width: columnWidths[1])
        }
        row += 2
        try sheet.write(
            row: row, col: 0, string: RegisterPhrases.riskAreasHeading.text(language), style: Styles.heading)
        for area in RiskArea.allCases {
            row += 1
            let meaning = result.areaNames.meaning(area, language)
            try sheet.write(row: row, col: 0, string: result.areaNames.label(area, language), style: Styles.boldText)
            try sheet.write(row: row, col: 1, string: meaning, style: Styles.wrapped)
            heights.note(row: row, text: meaning, width: columnWidths[1])
        }
        try heights.apply(to: sheet)
        row += 2
        row = try writeSources(result.sources, to: sheet, from: row, widths: columnWidths, language: language)
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: row, lastCol: 2), repeatedRow: headerRow,
            language: language)
    }

    /// Writes the list of rule tables used (file, source, year) under a heading from `firstRow`, in columns of
    /// `widths`; returns its last row.
    static func writeSources(
        _ sources: [TemplateSource], to sheet: Worksheet, from firstRow: Int, widths: [Double], language: Language
    ) throws -> Int {
        var row = firstRow
        try sheet.write(row: row, col: 0, string: CommonPhrases.sourcesHeading.text(language), style: Styles.heading)
        row += 1
        try sheet.writeHeaderRow(
            CommonPhrases.sourceHeaders.map { $0.text(language) }, row: row, widths: { widths[$0] })
        var heights = RowHeights()
        for source in sources {
            row += 1
            try sheet.write(row: row, col: 0, string: source.file, style: Styles.text)
            try sheet.write(row: row, col: 1, string: source.source, style: Styles.wrapped)
            try sheet.write(row: row, col: 2, string: source.year, style: Styles.text)
            heights.note(row: row, text: source.source, width: widths[1])
        }
        try heights.apply(to: sheet)
        return row
    }

    /// Sets fixed column widths from column A.
    static func setWidths(_ widths: [Double], on sheet: Worksheet) throws {
        for (col, width) in widths.enumerated() {
            try sheet.setColumn(first: col, last: col, width: width)
        }
    }
}
