import KedjaModel
import Tabular

/// The layout steps every table sheet shares: header row, risk colours, column widths and print setup.
extension Worksheet {
    /// Writes `headers` across `row` in the header style, from column `firstCol`, and makes the row tall enough
    /// for the longest header to wrap within its column's `widths`.
    func writeHeaderRow(_ headers: [String], row: Int, widths: (Int) -> Double, firstCol: Int = 0) throws {
        var heights = RowHeights()
        for (offset, header) in headers.enumerated() {
            try write(row: row, col: firstCol + offset, string: header, style: Styles.header)
            heights.note(row: row, text: header, width: widths(firstCol + offset), bold: true)
        }
        try heights.apply(to: self)
    }

    /// Writes a sheet's title on row 1 and, merged across columns `0...lastCol` on row 2, a line of explanation
    /// wrapped within their combined `width`.
    func writeTitle(_ title: String, subtitle: String, lastCol: Int, width: Double) throws {
        try write(row: 0, col: 0, string: title, style: Styles.title)
        try mergeRange(
            CellRange(firstRow: 1, firstCol: 0, lastRow: 1, lastCol: lastCol), string: subtitle, style: Styles.note)
        var heights = RowHeights()
        heights.note(row: 1, text: subtitle, width: width)
        try heights.apply(to: self)
    }

    /// Writes a note merged across columns `0...lastCol` of `row`, wrapped within their combined `width`.
    func writeNote(_ note: String, row: Int, lastCol: Int, width: Double) throws {
        try mergeRange(
            CellRange(firstRow: row, firstCol: 0, lastRow: row, lastCol: lastCol), string: note, style: Styles.note)
        var heights = RowHeights()
        heights.note(row: row, text: note, width: width)
        try heights.apply(to: self)
    }

    /// Colours risk-level labels in `range` by conditional formatting on the cell text.
    ///
    /// A conditional format rather than a fixed fill, so a user who changes `Medel` to `Hög` sees the cell turn
    /// red. The labels of both languages are matched, so a register edited in one language and read in the
    /// other still colours.
    func colourRiskLevels(_ range: CellRange) throws {
        for level in RiskLevel.allCases.reversed() {
            let style = CellStyle(fontColor: Palette.text(level), fillColor: Palette.fill(level))
            for language in Language.allCases {
                try conditionalFormat(range, rule: .cellEqualsText(level.label(language), style: style))
            }
        }
    }

    /// Sets up printing on A4 landscape, one page wide, with the title and sheet name in the page header and page
    /// numbers in the footer.
    ///
    /// - Parameters:
    ///   - area: what to print.
    ///   - repeatedRow: the row (a table header) printed again at the top of every further page.
    ///   - pagesTall: shrink to this many pages down as well (charts that must not break); 0 for as many as needed.
    func preparePrinting(
        title: String, area: CellRange, repeatedRow: Int, language: Language, pagesTall: Int = 0
    ) throws {
        try setPaper(.a4)
        try setLandscape()
        try fitToPages(width: 1, height: pagesTall)
        try setMargins(.centimetres(left: 1.5, right: 1.5, top: 2.0, bottom: 2.0))
        try setPrintArea(area)
        try repeatRows(first: repeatedRow, last: repeatedRow)
        try setHeader(HeaderFooter(left: [.text(title)], right: [.sheetName]))
        try setFooter(
            HeaderFooter(
                right: [
                    .text(CommonPhrases.page.text(language) + " "), .pageNumber,
                    .text(" " + CommonPhrases.of.text(language) + " "), .pageCount,
                ]))
    }
}

/// Column widths that fit the texts written, within a range per column so long texts wrap instead.
struct ColumnWidths {
    private var widths: [Int: Double] = [:]
    private let limits: [Int: ClosedRange<Double>]

    /// Starts with nothing fitted; `limits` bounds each column (others fit between 8 and 50 characters).
    init(limits: [Int: ClosedRange<Double>]) {
        self.limits = limits
    }

    /// Widens column `col` so `text` fits (its longest line, with a little padding).
    mutating func fit(_ col: Int, _ text: String) {
        let longestLine =
            SimpleText.longestLine(text)
            ?? text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        widths[col] = max(widths[col] ?? 0, Double(longestLine) + 2)
    }

    /// Fits a header, which wraps onto two lines in the header style, so only its longest word must fit.
    mutating func fitHeader(_ col: Int, _ header: String) {
        let longestWord = header.split(separator: " ").map(\.count).max() ?? 0
        widths[col] = max(widths[col] ?? 0, Double(longestWord) + 3)
    }

    /// The width column `col` gets: its fitted width clamped to its limits.
    func width(_ col: Int) -> Double {
        let limit = limits[col] ?? 8...50
        return min(max(widths[col] ?? limit.lowerBound, limit.lowerBound), limit.upperBound)
    }

    /// Sets the fitted widths, clamped to each column's limits, on `sheet`.
    func apply(to sheet: Worksheet) throws {
        for col in Set(widths.keys).union(limits.keys).sorted() {
            try sheet.setColumn(first: col, last: col, width: width(col))
        }
    }
}

/// Row heights for wrapped text, because neither Excel nor LibreOffice grows a row to fit its text when they
/// open a file: a wrapped cell in a default-height row shows one line and hides the rest.
struct RowHeights {
    /// Points per line of 11-point text, Excel's default row height.
    static let lineHeight = 15.0

    private var lines: [Int: Int] = [:]

    /// Notes that `text` wraps within `width` characters on `row`; bold text (headers) runs wider.
    mutating func note(row: Int, text: String, width: Double, bold: Bool = false) {
        let needed = RowHeights.lineCount(text, width: width, bold: bold)
        lines[row] = max(lines[row] ?? 1, needed)
    }

    /// Sets the height of every noted row that needs more than one line.
    func apply(to sheet: Worksheet) throws {
        for (row, count) in lines.sorted(by: { $0.key < $1.key }) where count > 1 {
            try sheet.setRow(row, height: RowHeights.height(lines: count))
        }
    }

    /// Sets every noted row to the height of the tallest, so a table reads as an even grid (the heat map).
    func applyEvenly(to sheet: Worksheet) throws {
        guard let tallest = lines.values.max() else { return }
        for row in lines.keys.sorted() {
            try sheet.setRow(row, height: RowHeights.height(lines: tallest))
        }
    }

    /// Sets the height of `row` once its cells are written, and forgets it: a sheet that streams its rows
    /// cannot go back to one, and a long sheet should not remember every row.
    mutating func apply(row: Int, to sheet: Worksheet) throws {
        if let count = lines.removeValue(forKey: row), count > 1 {
            try sheet.setRow(row, height: RowHeights.height(lines: count))
        }
    }

    private static func height(lines: Int) -> Double {
        min(Double(lines) * lineHeight + 2, 409)
    }

    /// The lines `text` takes when wrapped at word boundaries within a column `width` characters wide.
    ///
    /// Column widths count the digit `0`; running text averages a little narrower, bold text a little wider.
    /// The estimate errs towards one line too many, which shows as space, never towards one too few, which
    /// would hide text.
    static func lineCount(_ text: String, width: Double, bold: Bool = false) -> Int {
        let capacity = max(1, Int(((width - 1) * (bold ? 1.0 : 1.15)).rounded(.down)))
        if let lines = SimpleText.lineCount(text, capacity: capacity) { return lines }
        // Other text is measured by characters with the same wrapping.
        var wrap = WordWrap(capacity: capacity)
        for character in text {
            wrap.take(character == " " ? 0x20 : character == "\n" ? 0x0A : 0x41)
        }
        return wrap.lineCount
    }
}

/// How a list longer than one sheet continues on further sheets, so nothing is ever cut.
enum SheetSpill {
    /// Data rows that fit below a one-row header in one sheet.
    static let dataRowsPerSheet = ExcelLimits.rowCount - 1

    /// The index ranges of `count` items, at most `rowsPerSheet` per sheet; one empty range for no items.
    static func parts(count: Int, rowsPerSheet: Int) -> [Range<Int>] {
        precondition(rowsPerSheet > 0, "a sheet must hold at least one data row")
        guard count > 0 else { return [0..<0] }
        return stride(from: 0, to: count, by: rowsPerSheet).map { $0..<min($0 + rowsPerSheet, count) }
    }

    /// The name of part `index` (from 0): `Riskregister`, then `Riskregister (2)`, `Riskregister (3)`, ….
    static func sheetName(_ base: String, part index: Int) -> String {
        index == 0 ? base : "\(base) (\(index + 1))"
    }

    /// The data rows a conditional format or validation covers: the written rows, or one empty row for none.
    static func dataRange(rows: Int, firstCol: Int, lastCol: Int) -> CellRange {
        CellRange(firstRow: 1, firstCol: firstCol, lastRow: max(rows, 1), lastCol: lastCol)
    }
}

/// Measuring text on its UTF-8 bytes when every character in it is a single scalar that never joins its
/// neighbours into one character: scalars below U+0300 (where combining marks begin) other than CR (CR LF is
/// one character), and the punctuation, arrows, currency signs and mathematical operators of U+2010–U+22FF
/// that Kedja's own texts use ("→", "–", "…"). Then characters are scalars, and words and lines split on the
/// bytes of space and LF. Layout measures every text cell of every register row, and walking grapheme
/// clusters with `split` and `count` made that the slowest part of a large run. Each function returns nil
/// for any other text, which the caller measures by characters; the answers are the same.
enum SimpleText {
    /// Calls `body` with each character's first byte (0x0A for LF, 0x20 for space), or returns false as soon
    /// as a scalar outside the simple set comes up.
    private static func forEachCharacter(_ text: String, _ body: (UInt8) -> Void) -> Bool {
        // Native strings hand out their bytes directly, which walks much faster than the UTF-8 view's iterator.
        if let simple = text.utf8.withContiguousStorageIfAvailable({ forEachCharacter(in: $0, body) }) {
            return simple
        }
        return forEachCharacter(in: Array(text.utf8), body)
    }

    private static func forEachCharacter(in bytes: some Collection<UInt8>, _ body: (UInt8) -> Void) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x0D: return false
            case 0x00..<0x80: body(byte)
            case 0xC2..<0xCC:
                guard iterator.next() != nil else { return false }
                body(byte)
            case 0xE2:
                guard let second = iterator.next(), let third = iterator.next() else { return false }
                let scalar = 0x2000 | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
                guard
                    (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar)
                        || (0x20A0...0x20CF).contains(scalar) || (0x2100...0x22FF).contains(scalar)
                else { return false }
                body(byte)
            default: return false
            }
        }
        return true
    }

    /// The length in characters of the longest line.
    static func longestLine(_ text: String) -> Int? {
        var longest = 0
        var length = 0
        let simple = forEachCharacter(text) { byte in
            if byte == 0x0A {
                longest = max(longest, length)
                length = 0
            } else {
                length += 1
            }
        }
        return simple ? max(longest, length) : nil
    }

    /// The lines the text takes wrapped at spaces within `capacity` characters, as ``RowHeights/lineCount(_:width:bold:)``.
    static func lineCount(_ text: String, capacity: Int) -> Int? {
        var wrap = WordWrap(capacity: capacity)
        guard forEachCharacter(text, { wrap.take($0) }) else { return nil }
        return wrap.lineCount
    }

}

/// Lines filled word by word, from one byte per character (space, LF, or any other byte for a letter): the one
/// wrapping rule behind ``RowHeights/lineCount(_:width:bold:)``. A struct the measuring closure mutates, rather
/// than local variables shared with a nested function, which Swift would box and check for exclusive access on
/// every character.
struct WordWrap {
    let capacity: Int
    private var total = 0
    private var lines = 1
    private var used = 0
    private var wordLength = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func take(_ byte: UInt8) {
        switch byte {
        case 0x20:
            endWord()
        case 0x0A:
            endWord()
            total += lines
            lines = 1
            used = 0
        default:
            wordLength += 1
        }
    }

    /// The lines so far, the last word included.
    var lineCount: Int {
        var finished = self
        finished.endWord()
        return max(finished.total + finished.lines, 1)
    }

    private mutating func endWord() {
        guard wordLength > 0 else { return }
        if used == 0 {
            used = wordLength
        } else if used + 1 + wordLength <= capacity {
            used += 1 + wordLength
        } else {
            lines += 1
            used = wordLength
        }
        while used > capacity {
            lines += 1
            used -= capacity
        }
        wordLength = 0
    }
}
