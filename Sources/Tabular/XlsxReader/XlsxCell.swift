/// The value of one worksheet cell, typed as the workbook stores it.
///
/// Numbers keep the exact text of the file's `<v>` element next to its `Double`, so money read
/// from a workbook can be parsed as an exact decimal instead of going through binary floating point.
public enum XlsxCell: Equatable, Sendable {
    /// No value: a blank cell, a formula without a cached result, or a gap in a sparse row.
    case empty
    /// Text: a shared or inline string, or a formula's text result.
    case string(String)
    /// A number: the exact `<v>` text (e.g. `"1234.5"`, `"1E-3"`) and its binary value.
    case number(String, Double)
    /// A logical value.
    case boolean(Bool)
    /// A number shown with a date or time format, converted from its serial value.
    ///
    /// `seconds` counts seconds since midnight (0 for a plain date). The 1900 date system's
    /// fictitious 29 February 1900 (serial 60) is kept as `date(year: 1900, month: 2, day: 29)`, and a
    /// time without a date (a serial below 1) falls on the system's day 0 (31 December 1899 in the
    /// 1900 system, 1 January 1904 in the 1904 one), as Excel counts them.
    case date(year: Int, month: Int, day: Int, seconds: Int = 0)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// What a CSV export should show for the cell.
    ///
    /// Numbers are the `<v>` text in plain decimal notation, integers without a fraction (`"42.0"` →
    /// `"42"`, `"1.5E-3"` → `"0.0015"`); dates are ISO `YYYY-MM-DD`, with ` HH:MM:SS` when they have a
    /// time part; booleans are `TRUE`/`FALSE`; errors their code; empty cells the empty string.
    public var text: String {
        switch self {
        case .empty: return ""
        case .string(let string): return string
        case .number(let literal, _): return XlsxNumberText.plain(literal)
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .error(let code): return code
        case .date(let year, let month, let day, let seconds):
            let date = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
            guard seconds != 0 else { return date }
            let hours = Self.padded(seconds / 3600, 2)
            let minutes = Self.padded(seconds / 60 % 60, 2)
            return "\(date) \(hours):\(minutes):\(Self.padded(seconds % 60, 2))"
        }
    }

    /// Whether the cell holds no value.
    public var isEmpty: Bool { self == .empty }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// One row of a worksheet as it streams past.
public struct XlsxRow: Equatable, Sendable {
    /// The row's 1-based number in the sheet; rows that hold no value are skipped, so numbers can jump.
    public let index: Int
    /// The row's cells from column A to its last non-empty cell, gaps filled with `.empty`.
    public let cells: [XlsxCell]

    /// Creates a row (the reader makes these; tests and callers may too).
    public init(index: Int, cells: [XlsxCell]) {
        self.index = index
        self.cells = cells
    }

    /// The cell in the 0-based `column` (0 = A); `.empty` past the row's last value.
    public subscript(column: Int) -> XlsxCell {
        cells.indices.contains(column) ? cells[column] : .empty
    }
}

/// Turns the text of a number's `<v>` element into plain decimal notation without losing a digit.
enum XlsxNumberText {
    /// Exponents further from zero than this are left as written: expanding them would make
    /// hundreds of digits out of a value no ledger holds.
    static let largestExpandedExponent = 40

    /// `literal` in plain decimal notation, or unchanged if it is not a decimal number.
    ///
    /// Works on the digits, never through `Double`: `"1.5E-3"` → `"0.0015"`, `"42.0"` → `"42"`,
    /// `"2.50"` stays `"2.50"`.
    static func plain(_ literal: String) -> String {
        let utf8 = Array(literal.utf8)
        var index = 0
        var negative = false
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
            negative = utf8[index] == UInt8(ascii: "-")
            index += 1
        }
        let integerStart = index
        while index < utf8.count, isDigit(utf8[index]) { index += 1 }
        let integerDigits = utf8[integerStart..<index]
        var fractionDigits: ArraySlice<UInt8> = []
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < utf8.count, isDigit(utf8[index]) { index += 1 }
            fractionDigits = utf8[fractionStart..<index]
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return literal }
        if index == utf8.count {
            guard !fractionDigits.isEmpty, fractionDigits.allSatisfy({ $0 == UInt8(ascii: "0") }) else {
                return literal
            }
            return render(negative: negative, digits: Array(integerDigits), pointPosition: integerDigits.count)
        }
        guard utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E"),
            let exponent = Int(String(decoding: utf8[(index + 1)...], as: UTF8.self)),
            abs(exponent) <= largestExpandedExponent
        else {
            return literal
        }
        var digits = Array(integerDigits) + Array(fractionDigits)
        var pointPosition = integerDigits.count + exponent
        if pointPosition < 0 {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: -pointPosition), at: 0)
            pointPosition = 0
        } else if pointPosition > digits.count {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointPosition - digits.count))
        }
        // Trailing fraction zeros in an exponent form carry no meaning of their own.
        while digits.count > pointPosition, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return render(negative: negative, digits: digits, pointPosition: pointPosition)
    }

    private static func render(negative: Bool, digits: [UInt8], pointPosition: Int) -> String {
        var integerPart = digits[..<pointPosition].drop { $0 == UInt8(ascii: "0") }
        if integerPart.isEmpty { integerPart = [UInt8(ascii: "0")] }
        let fractionPart = digits[pointPosition...]
        let isZero =
            integerPart.allSatisfy { $0 == UInt8(ascii: "0") }
            && fractionPart.allSatisfy { $0 == UInt8(ascii: "0") }
        var output = negative && !isZero ? "-" : ""
        output += String(decoding: integerPart, as: UTF8.self)
        if !fractionPart.isEmpty {
            output += "." + String(decoding: fractionPart, as: UTF8.self)
        }
        return output
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
