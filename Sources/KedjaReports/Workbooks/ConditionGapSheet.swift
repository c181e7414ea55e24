import KedjaModel
import Tabular

/// The sheet "Åtgärda vid nästa upphandling" / "Fix at the next procurement": contracts whose conditions are weaker
/// than recommended for the spend under them, or that lack the code of conduct, one row per supplier × category.
///
/// A gap is not an audit: it is fixed by writing the right conditions into the next procurement.
enum ConditionGapSheet {
    /// The sheet's name in `language`.
    static func name(_ language: Language) -> String { PlanPhrases.gapSheet.text(language) }

    private static let headers = [
        Phrase(sv: "Leverantör", en: "Supplier"), Phrase(sv: "Org.nr", en: "Org. number"),
        Phrase(sv: "Kategori", en: "Category"), Phrase(sv: "Spend", en: "Spend"),
        Phrase(sv: "Prioritet", en: "Priority"),
        Phrase(sv: "Avtal", en: "Contract"), Phrase(sv: "Avtalets slut", en: "Contract end"),
        Phrase(sv: "Villkor i avtalet", en: "Conditions in the contract"),
        Phrase(sv: "Rekommenderade villkor", en: "Recommended conditions"),
        Phrase(sv: "Uppförandekod", en: "Code of conduct"), Phrase(sv: "Att åtgärda", en: "To fix"),
    ]

    /// Writes the gaps of `figures`, or a line saying there are none.
    static func write(_ figures: ContractFigures, to sheet: Worksheet, title: String, language: Language) throws {
        let limits: [Int: ClosedRange<Double>] = [
            0: 16...30, 1: 13...13, 2: 16...30, 3: 14...14, 4: 9...9, 5: 10...20, 6: 13...13, 7: 14...20, 8: 14...22,
            9: 12...14, 10: 40...80,
        ]
        var widths = ColumnWidths(limits: limits)
        let rows = figures.gaps.map { cellTexts($0, language: language) }
        for row in rows {
            for (column, text) in row { widths.fit(column, text) }
        }
        try widths.apply(to: sheet)
        try sheet.writeHeaderRow(headers.map { $0.text(language) }, row: 0, widths: widths.width)
        var heights = RowHeights()
        for (offset, (gap, row)) in zip(figures.gaps, rows).enumerated() {
            let sheetRow = offset + 1
            for (column, text) in row {
                try sheet.write(row: sheetRow, col: column, string: text, style: Styles.wrapped)
                heights.note(row: sheetRow, text: text, width: widths.width(column))
            }
            try sheet.write(row: sheetRow, col: 3, number: gap.row.spend.doubleValue, style: Styles.money)
            try sheet.write(row: sheetRow, col: 4, number: Double(gap.row.priority), style: Styles.centredCount)
            let end = gap.contract.end
            try sheet.write(
                row: sheetRow, col: 6, date: .day(year: end.year, month: end.month, day: end.day), style: Styles.date)
        }
        if figures.gaps.isEmpty {
            try sheet.write(
                row: 1, col: 0,
                string: Phrase(
                    sv:
                        "Inga brister: varje avtal i \(figures.file) har minst de rekommenderade villkoren och uppförandekoden.",
                    en:
                        "No gaps: every contract in \(figures.file) has at least the recommended conditions and the code of conduct."
                ).text(language), style: Styles.noteLine)
        }
        try heights.apply(to: sheet)
        let lastRow = max(figures.gaps.count, 1)
        try sheet.freezePanes(row: 1, col: 1)
        if !figures.gaps.isEmpty {
            try sheet.autofilter(CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: headers.count - 1))
        }
        try sheet.preparePrinting(
            title: title, area: CellRange(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: headers.count - 1),
            repeatedRow: 0, language: language)
    }

    /// The text cells of a gap, by column.
    private static func cellTexts(_ gap: ConditionGap, language: Language) -> [(Int, String)] {
        let recommended = gap.row.recommendedCondition.label(language)
        var fixes: [String] = []
        if gap.weakerConditions {
            fixes.append(
                Phrase(
                    sv:
                        "Villkoren (\(gap.contract.conditions.label(language))) är svagare än rekommenderat (\(recommended)): ställ rätt villkor vid nästa upphandling.",
                    en:
                        "The conditions (\(gap.contract.conditions.label(language))) are weaker than recommended (\(recommended)): set the right conditions at the next procurement."
                ).text(language))
        }
        if gap.noCodeOfConduct {
            fixes.append(
                Phrase(
                    sv: "Uppförandekoden saknas i avtalet: ta med den vid nästa upphandling.",
                    en: "The contract lacks the code of conduct: include it at the next procurement."
                ).text(language))
        }
        let conduct: String =
            switch gap.contract.codeOfConduct {
            case true?: CommonPhrases.yes.text(language)
            case false?: CommonPhrases.no.text(language)
            case nil: ""
            }
        return [
            (0, gap.row.supplierName), (1, gap.row.orgNumber ?? ""),
            (2, CommonPhrases.categoryName(gap.row.category, language)), (5, gap.contract.id),
            (7, gap.contract.conditions.label(language)), (8, recommended), (9, conduct),
            (10, fixes.joined(separator: " ")),
        ]
    }
}

extension KeyFigure {
    /// Spend under contract and outside any contract, and the condition gaps, when a contracts file was given.
    static func contractSpend(_ result: AnalysisResult, language: Language) -> [KeyFigure] {
        guard let figures = result.contractFigures else { return [] }
        let inScope = figures.spendUnderContract + figures.spendOutsideContract
        return [
            KeyFigure(
                Phrase(sv: "Spend under avtal", en: "Spend under contract").text(language),
                .amount(figures.spendUnderContract), share: figures.spendUnderContract.fraction(of: inScope),
                note: Phrase(
                    sv: "\(figures.contracts) avtal i \(figures.file); andel av spend inom upphandling",
                    en: "\(figures.contracts) contracts in \(figures.file); share of procurement spend"
                ).text(language)),
            KeyFigure(
                Phrase(sv: "Spend utanför avtal", en: "Spend outside any contract").text(language),
                .amount(figures.spendOutsideContract), share: figures.spendOutsideContract.fraction(of: inScope)),
            KeyFigure(
                Phrase(sv: "Avtal med brister i villkoren", en: "Contracts with a condition gap").text(language),
                .count(Set(figures.gaps.map(\.contract.id)).count),
                note: Phrase(
                    sv: "se bladet \(ConditionGapSheet.name(.sv))", en: "see the sheet \(ConditionGapSheet.name(.en))"
                ).text(language)),
        ]
    }
}
