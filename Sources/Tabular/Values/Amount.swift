/// An exact amount of money, held as a whole number of millionths (micro-units) of the currency unit.
///
/// Spend totals must reconcile to the cent over millions of lines, so money is never a binary
/// floating-point number. Six fixed decimals cover every currency's minor unit and the unit prices
/// some ERPs export with more precision; `Int128` keeps amounts of 17 digits and more exact and leaves
/// room to sum hundreds of millions of the largest amounts the parser accepts (±10^24).
///
/// Arithmetic traps on overflow, like `Int`; call ``addingReportingOverflow(_:)`` where a total must
/// survive any input.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in millionths of the currency unit: `1.25` is `1_250_000`.
    public var micros: Int128

    /// Micro-units per currency unit.
    static let microsPerUnit: Int128 = 1_000_000

    /// Number of decimals an amount holds exactly.
    public static let maximumFractionDigits = 6

    /// The amount zero, the start of every total.
    public static let zero = Amount(micros: 0)

    /// An amount of `micros` millionths of the currency unit.
    public init(micros: Int128) {
        self.micros = micros
    }

    /// Reads a plain decimal literal such as `-1234.5`, `0.125` or `+7`, as written in tests and
    /// JSON; nil for anything else.
    ///
    /// Only an optional sign, digits and one `.` are allowed (no thousands separators, currency or
    /// spaces), so what ``description`` writes always reads back. Use ``AmountParser`` for fields
    /// from data files.
    public init?(_ string: String) {
        var utf8 = string.utf8[...]
        if let sign = utf8.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            utf8 = utf8.dropFirst()
        }
        var sawPoint = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if !ASCII.isDigit(byte) {
                return nil
            }
        }
        guard case .success(let amount) = AmountParser.parse(string.utf8, decimalMark: .point) else {
            return nil
        }
        self = amount
    }

    /// Whether the amount is below zero, as credit notes are.
    public var isNegative: Bool { micros < 0 }

    /// The amount as the nearest `Double`, for spreadsheet cells and charts, which hold binary
    /// floating point; never add these up, add the amounts.
    public var doubleValue: Double {
        Double(micros) / Double(Self.microsPerUnit)
    }

    /// This amount's share of `total` (0.25 for a quarter), for display as a percentage only.
    ///
    /// The result is binary floating point and must not feed back into money. Zero when `total` is zero.
    public func fraction(of total: Amount) -> Double {
        total.micros == 0 ? 0 : Double(micros) / Double(total.micros)
    }

    /// The sum, and whether it overflowed (when the sum wrapped around), for totals that must not
    /// trap whatever the input.
    public func addingReportingOverflow(_ other: Amount) -> (partialValue: Amount, overflow: Bool) {
        let (sum, overflow) = micros.addingReportingOverflow(other.micros)
        return (Amount(micros: sum), overflow)
    }

    /// The sum; traps on overflow, like `Int`.
    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        Amount(micros: lhs.micros + rhs.micros)
    }

    /// The difference; traps on overflow, like `Int`.
    public static func - (lhs: Amount, rhs: Amount) -> Amount {
        Amount(micros: lhs.micros - rhs.micros)
    }

    /// Adds `rhs` to `lhs`; traps on overflow, like `Int`.
    public static func += (lhs: inout Amount, rhs: Amount) {
        lhs.micros += rhs.micros
    }

    /// Subtracts `rhs` from `lhs`; traps on overflow, like `Int`.
    public static func -= (lhs: inout Amount, rhs: Amount) {
        lhs.micros -= rhs.micros
    }

    /// The amount with its sign flipped.
    public static prefix func - (amount: Amount) -> Amount {
        Amount(micros: -amount.micros)
    }

    /// Orders amounts by value.
    public static func < (lhs: Amount, rhs: Amount) -> Bool {
        lhs.micros < rhs.micros
    }

    /// The amount as a plain literal, such as `-1234.50` or `0.125`.
    ///
    /// `.` is the decimal mark, there are no thousands separators, and there are at least two decimals
    /// and more only where they are not zero. This is the form the JSON summary uses, and
    /// ``init(_:)`` reads it back.
    public var description: String {
        formatted(decimalMark: UInt8(ascii: "."))
    }

    /// The amount written with `decimalMark` (an ASCII byte such as `DecimalMark.comma.rawValue`),
    /// no thousands separators, at least `minimumFractionDigits` decimals (clamped to 0...6) and more
    /// only where they are not zero, for writing numbers back in a file's own dialect.
    public func formatted(decimalMark: UInt8, minimumFractionDigits: Int = 2) -> String {
        precondition(decimalMark < 0x80, "the decimal mark must be an ASCII byte")
        let magnitude = micros.magnitude
        let unitsPerMicro = UInt128(Self.microsPerUnit)
        let wholeUnits = magnitude / unitsPerMicro
        var fraction = Int(magnitude % unitsPerMicro)

        // Fraction digits, most significant first, then drop zeros beyond the minimum.
        var fractionDigits = [UInt8](repeating: UInt8(ascii: "0"), count: Self.maximumFractionDigits)
        for position in stride(from: Self.maximumFractionDigits - 1, through: 0, by: -1) {
            fractionDigits[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        var shownDigits = Self.maximumFractionDigits
        let minimumShown = min(max(minimumFractionDigits, 0), Self.maximumFractionDigits)
        while shownDigits > minimumShown && fractionDigits[shownDigits - 1] == UInt8(ascii: "0") {
            shownDigits -= 1
        }

        var text = micros < 0 ? "-" : ""
        text += String(wholeUnits)
        if shownDigits > 0 {
            text.unicodeScalars.append(Unicode.Scalar(decimalMark))
            text += String(decoding: fractionDigits[..<shownDigits], as: UTF8.self)
        }
        return text
    }
}
