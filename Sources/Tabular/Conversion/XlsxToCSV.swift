/// Writes one worksheet of an XLSX workbook as CSV, streaming: `kedja convert BOOK.xlsx -o OUT.csv`, and the
/// step that lets every spend command read a ledger or supplier list published as a workbook.
///
/// The CSV is rectangular, as CSV readers expect: every record is as wide as the sheet's widest row (up to its
/// last cell that holds something), shorter rows padded with empty fields. The sheet is therefore read twice,
/// once to measure and once to write; memory stays flat however long the sheet, and the CSV's size is bounded by
/// `XlsxLimits.maxCSVBytes`, checked before writing and while writing. A table to analyse leaves out long
/// expanses of columns that hold nothing (``Columns/withoutEmptyExpanses``), so one stray far cell does not make
/// every record thousands of fields wide.
///
/// Cells are written as they hold, in the writer's dialect:
/// - text as typed;
/// - numbers in plain decimal notation with `.` as the decimal mark, rounded to Excel's 15 significant digits
///   (Excel never shows more, and the digits beyond are binary noise of a computed value: `=0.1+0.2` is stored
///   as `0.30000000000000004` and written `0.3`); never through `Double`;
/// - dates as ISO `YYYY-MM-DD`, with ` HH:MM:SS` when they carry a time; booleans `TRUE`/`FALSE`; errors as
///   their code (`#N/A`).
public enum XlsxToCSV {
    /// What to do with rows that hold no value.
    public enum BlankRows: Sendable {
        /// Write them as empty records from row 1 on, so CSV record `n` is sheet row `n`: a faithful copy.
        case keep
        /// Leave them out, so the first row with a value is the header and no record is empty: a table to analyse.
        case skip
    }

    /// Which of the sheet's columns become fields.
    public enum Columns: Sendable {
        /// Every column up to the widest row's last value, so field `n` is sheet column `n`: a faithful copy.
        case all
        /// Every column but runs of at least ``emptyExpanse`` columns that hold nothing in any row, header included:
        /// a table to analyse, sized by the cells present. Nothing is lost (the columns left out are empty), and the
        /// columns of a table made by hand, spacer columns included, keep their numbers.
        case withoutEmptyExpanses
    }

    /// The fewest adjacent empty columns ``Columns/withoutEmptyExpanses`` leaves out: more than any table made by
    /// hand leaves blank between its columns, far fewer than the thousands a stray cell in column XFD opens up.
    public static let emptyExpanse = 64

    /// What a conversion wrote.
    public struct Outcome: Sendable, Equatable {
        /// The worksheet read, as the workbook names it.
        public let sheet: String
        /// Records written, the first included.
        public let records: Int
        /// Fields in every record: the cell count of the sheet's widest row, less the columns left out.
        public let width: Int
        /// The runs of empty columns left out (0-based, A = 0), in sheet order; none for ``Columns/all``.
        public let columnsLeftOut: [ClosedRange<Int>]
        /// The sheet row each record came from, by the CSV line it starts on.
        public let rows: SheetRowMap
    }

    /// Writes `sheet` of `reader` (the first worksheet when nil) to `writer` and finishes the writer.
    ///
    /// - Parameters:
    ///   - blankRows: keep rows without a value as empty records, or leave them out.
    ///   - columns: every column, or all but long expanses of empty ones.
    ///   - quotingForSniffer: quote the first record and every field that holds `;`, `,`, TAB or `|`, so that
    ///     `CSVSniffer` finds exactly the writer's dialect when the file is read back without being told it.
    ///     For the private CSV of a workbook input; a CSV for people is quoted only where needed.
    /// - Throws: `XlsxReadError` for a missing sheet or unreadable content; `OutputError` from the writer.
    public static func convert(
        _ reader: XlsxReader, sheet: String? = nil, to writer: CSVWriter, blankRows: BlankRows = .keep,
        columns: Columns = .all, quotingForSniffer: Bool = false
    ) throws -> Outcome {
        // Records are sized by the cells that hold something: a cell of empty text adds no field.
        func holdsSomething(_ cell: XlsxCell) -> Bool { cell != .empty && cell != .string("") }
        var sheetWidth = 0
        var farthest = (row: 0, column: 0)
        var recordCount = 0
        var occupied: [Bool] = []
        try reader.forEachRow(sheet: sheet) { row in
            let cells = row.cells.lastIndex(where: holdsSomething).map { $0 + 1 } ?? 0
            if cells > sheetWidth { (sheetWidth, farthest) = (cells, (row.index, cells)) }
            recordCount = blankRows == .keep ? row.index : recordCount + 1
            if case .withoutEmptyExpanses = columns {
                if occupied.count < cells { occupied += repeatElement(false, count: cells - occupied.count) }
                for column in 0..<cells where !occupied[column] && holdsSomething(row.cells[column]) {
                    occupied[column] = true
                }
            }
        }
        let leftOut = Self.emptyExpanses(in: occupied.prefix(sheetWidth))
        let fields = (0..<sheetWidth).filter { column in !leftOut.contains { $0.contains(column) } }
        let width = fields.count
        // Every record takes at least its delimiters and a line ending: refuse before writing what cannot fit.
        let limit = reader.limits.maxCSVBytes
        var bytesWritten = UInt64(recordCount) * UInt64(width + 1)
        func tooLarge() -> XlsxReadError {
            XlsxReadError(
                path: reader.path, sheet: resolvedName(sheet, in: reader),
                reason: .csvTooLarge(
                    farthestCell: XlsxCellReference.name(column: farthest.column, row: farthest.row), width: width,
                    limit: limit))
        }
        guard bytesWritten <= limit else { throw tooLarge() }
        bytesWritten = 0

        let encoding = writer.dialect.encoding.fieldEncoding
        var rowMap = SheetRowMap()
        var records = 0
        var line = 1
        var nextSheetRow = 1

        func writeRecord(_ cells: [XlsxCell], sheetRow: Int) throws {
            rowMap.note(line: line, sheetRow: sheetRow)
            var lineBreaks = 0
            for column in fields {
                let text = column < cells.count ? cellText(cells[column]) : ""
                let bytes = TextCodec.encode(text, as: encoding)
                lineBreaks += countLineBreaks(bytes)
                bytesWritten += UInt64(bytes.count + 1)
                // A lone empty field would make a blank line, which CSV readers skip.
                let quoted =
                    (width == 1 && bytes.isEmpty)
                    || (quotingForSniffer && (records == 0 || bytes.contains(where: sniffedDelimiters.contains)))
                bytes.withUnsafeBufferPointer { writer.writeField($0, quoted: quoted) }
            }
            guard bytesWritten <= limit else { throw tooLarge() }
            try writer.endRecord()
            records += 1
            line += 1 + lineBreaks
        }

        if width > 0 {
            try reader.forEachRow(sheet: sheet) { row in
                if blankRows == .keep {
                    while nextSheetRow < row.index {
                        try writeRecord([], sheetRow: nextSheetRow)
                        nextSheetRow += 1
                    }
                }
                try writeRecord(row.cells, sheetRow: row.index)
                nextSheetRow = row.index + 1
            }
        }
        try writer.finish()
        return Outcome(
            sheet: resolvedName(sheet, in: reader), records: records, width: width, columnsLeftOut: leftOut,
            rows: rowMap)
    }

    /// The runs of at least ``emptyExpanse`` columns that `occupied` marks as holding nothing.
    private static func emptyExpanses(in occupied: ArraySlice<Bool>) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        for column in occupied.indices {
            if !occupied[column] {
                if start == nil { start = column }
            } else if let first = start {
                if column - first >= emptyExpanse { runs.append(first...(column - 1)) }
                start = nil
            }
        }
        return runs
    }

    /// What the CSV holds for `cell`: its text, with numbers rounded to 15 significant digits.
    public static func cellText(_ cell: XlsxCell) -> String {
        guard case .number = cell else { return cell.text }
        return SignificantDigits.rounded(cell.text, to: significantDigits)
    }

    /// The significant digits Excel keeps and shows of a number.
    public static let significantDigits = 15

    /// The bytes `CSVSniffer` weighs as delimiters.
    private static let sniffedDelimiters: Set<UInt8> = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]

    /// Line breaks inside a field (LF, CR LF or a lone CR each count once), which move later records down.
    private static func countLineBreaks(_ bytes: [UInt8]) -> Int {
        var count = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                count += 1
            }
        }
        return count
    }

    /// The sheet's name as the workbook spells it, the way `XlsxReader` matches a requested name.
    private static func resolvedName(_ requested: String?, in reader: XlsxReader) -> String {
        guard let requested else { return reader.sheetNames.first ?? "" }
        return reader.sheetNames.first { $0 == requested }
            ?? reader.sheetNames.first { $0.lowercased() == requested.lowercased() } ?? requested
    }
}

/// Which sheet row each record of a converted sheet came from, so a message about the CSV can name the row the
/// user sees in Excel.
///
/// Records are found by the CSV line they start on (the `line` of a rejected record). The map holds one entry per
/// run of records whose line and sheet row advance together, so it stays small: it grows only where the sheet
/// skips blank rows or a cell holds a line break.
public struct SheetRowMap: Sendable, Equatable {
    /// CSV lines where a run starts, ascending.
    private var lines: [Int] = []
    /// The sheet row of the record starting on each of those lines.
    private var sheetRows: [Int] = []

    /// An empty map.
    public init() {}

    /// Records that the record starting on CSV `line` is sheet row `sheetRow`; lines must come in ascending order.
    mutating func note(line: Int, sheetRow: Int) {
        if let lastLine = lines.last, let lastRow = sheetRows.last, lastRow + (line - lastLine) == sheetRow { return }
        lines.append(line)
        sheetRows.append(sheetRow)
    }

    /// The sheet row of the record that starts on CSV line `line` (from 1); nil before the first record.
    public func sheetRow(forLine line: Int) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        return sheetRows[low - 1] + (line - lines[low - 1])
    }
}

/// Rounds a number written in plain decimal notation to a count of significant digits, on the digits themselves.
enum SignificantDigits {
    /// `text` rounded half away from zero to `digits` significant digits, without trailing fraction zeros; `text`
    /// unchanged when it has no more digits than that or is not a plain decimal (`-`, digits, one `.`).
    static func rounded(_ text: String, to digits: Int) -> String {
        var utf8 = Array(text.utf8)
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8.removeFirst() }
        let point = utf8.firstIndex(of: UInt8(ascii: "."))
        var number = utf8.filter { $0 != UInt8(ascii: ".") }
        guard !number.isEmpty, number.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            utf8.count - number.count <= 1, let first = number.firstIndex(where: { $0 != UInt8(ascii: "0") }),
            number.count - first > digits
        else { return text }
        var integerCount = point ?? utf8.count
        let cut = first + digits
        let roundUp = number[cut] >= UInt8(ascii: "5")
        // Digits past the cut become zeros in the integer part and disappear from the fraction.
        for index in cut..<number.count { number[index] = UInt8(ascii: "0") }
        if roundUp {
            var index = cut - 1
            while index >= 0 && number[index] == UInt8(ascii: "9") {
                number[index] = UInt8(ascii: "0")
                index -= 1
            }
            if index >= 0 {
                number[index] += 1
            } else {
                number.insert(UInt8(ascii: "1"), at: 0)
                integerCount += 1
            }
        }
        var integerPart = number[..<integerCount].drop { $0 == UInt8(ascii: "0") }
        if integerPart.isEmpty { integerPart = [UInt8(ascii: "0")] }
        var fractionPart = number[integerCount...]
        while fractionPart.last == UInt8(ascii: "0") { fractionPart = fractionPart.dropLast() }
        var output = negative ? "-" : ""
        output += String(decoding: integerPart, as: UTF8.self)
        if !fractionPart.isEmpty { output += "." + String(decoding: fractionPart, as: UTF8.self) }
        return output
    }
}
