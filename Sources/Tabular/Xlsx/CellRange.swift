/// Excel's hard limits that decide when a caller must split text or spill rows onto another sheet.
public enum ExcelLimits {
    /// Rows in one worksheet (zero-based row indexes run `0..<rowCount`).
    public static let rowCount = 1_048_576
    /// Columns in one worksheet (zero-based column indexes run `0..<columnCount`, A…XFD).
    public static let columnCount = 16_384
    /// Characters (UTF-16 code units, as Excel counts them) in one cell.
    public static let cellTextLength = 32_767
    /// Characters in a sheet name.
    public static let sheetNameLength = 31
    /// Characters in a formula.
    public static let formulaLength = 8_192
    /// Characters in a list validation's items, commas included.
    public static let validationListLength = 255
}

/// A rectangle of cells by zero-based row and column indexes, inclusive at both ends, e.g. `A1:D20`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// First row (zero-based).
    public var firstRow: Int
    /// First column (zero-based; 0 is column A).
    public var firstCol: Int
    /// Last row (zero-based, inclusive).
    public var lastRow: Int
    /// Last column (zero-based, inclusive).
    public var lastCol: Int

    /// Creates a range; it is checked against Excel's limits when used, not here.
    public init(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
        self.firstRow = firstRow
        self.firstCol = firstCol
        self.lastRow = lastRow
        self.lastCol = lastCol
    }

    /// A range covering a single cell.
    public init(row: Int, col: Int) {
        self.init(firstRow: row, firstCol: col, lastRow: row, lastCol: col)
    }

    /// Number of rows covered.
    public var rowCount: Int { lastRow - firstRow + 1 }
    /// Number of columns covered.
    public var columnCount: Int { lastCol - firstCol + 1 }

    /// The range in A1 notation (`B2:D10`, or `B2` for one cell), as Excel shows it.
    public var a1: String {
        let first = CellRange.a1(row: firstRow, col: firstCol)
        if firstRow == lastRow && firstCol == lastCol { return first }
        return "\(first):\(CellRange.a1(row: lastRow, col: lastCol))"
    }

    /// The range in absolute A1 notation (`$B$2:$D$10`), as formulas that must not shift use it.
    public var absoluteA1: String {
        "$\(CellRange.columnName(firstCol))$\(firstRow + 1):$\(CellRange.columnName(lastCol))$\(lastRow + 1)"
    }

    public var description: String { a1 }

    /// A cell's A1 name, e.g. row 0, column 27 → `AB1`; indexes outside Excel are shown as `R<row>C<col>` (from 1).
    public static func a1(row: Int, col: Int) -> String {
        guard row >= 0, col >= 0, row < ExcelLimits.rowCount, col < ExcelLimits.columnCount else {
            return "R\(row + 1)C\(col + 1)"
        }
        return "\(columnName(col))\(row + 1)"
    }

    /// A column's letters, e.g. 0 → `A`, 25 → `Z`, 26 → `AA`; negative indexes give an empty string.
    public static func columnName(_ col: Int) -> String {
        guard col >= 0 else { return "" }
        var letters: [Character] = []
        var remaining = col + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }
}
