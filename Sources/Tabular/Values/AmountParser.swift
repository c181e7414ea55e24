/// The character that separates whole units from decimals in a file's numbers.
///
/// Swedish exports write `1 234,50` (comma), English ones `1,234.50` (point); a file's mark is decided
/// once per column (``AmountParser/detectStyle(samples:)``) and every value is read with it, because a
/// value such as `1,234` means 1.234 under one mark and 1234 under the other.
public enum DecimalMark: UInt8, Sendable, CustomStringConvertible {
    /// `,` as in `1 234,50`.
    case comma = 0x2C
    /// `.` as in `1,234.50`.
    case point = 0x2E

    /// The other punctuation mark, which is a thousands separator under this decimal mark.
    var otherMark: UInt8 {
        switch self {
        case .comma: return DecimalMark.point.rawValue
        case .point: return DecimalMark.comma.rawValue
        }
    }

    /// The mark itself, `,` or `.`, as the JSON summary and `inspect` show it.
    public var description: String {
        String(Unicode.Scalar(rawValue))
    }
}

/// Why a field could not be read as an amount.
///
/// The description completes the sentence "amount '<text>' …", so a reject reason reads
/// `amount 'n/a' is not a number`.
public enum AmountParseError: Error, Equatable, CustomStringConvertible {
    /// The field is empty or holds only spaces; callers decide whether that is an error.
    case empty
    /// The field is not a number in the column's dialect (letters, misplaced separators, two signs).
    case notANumber
    /// The field has non-zero digits beyond the sixth decimal; amounts are never rounded.
    case tooManyDecimals
    /// The field's magnitude exceeds 10^24, beyond any real amount and beyond what totals can hold.
    case tooLarge

    /// The reason in plain English, to follow "amount '<text>' ".
    public var description: String {
        switch self {
        case .empty: return "is empty"
        case .notANumber: return "is not a number"
        case .tooManyDecimals: return "has more than \(Amount.maximumFractionDigits) decimals"
        case .tooLarge: return "is too large"
        }
    }
}

/// Reads money amounts from the bytes of CSV fields, exactly, in the dialects ERP exports use.
///
/// Accepted, given the column's decimal mark: thousands separators in valid positions (space, any
/// no-break space, `'`, or the other punctuation mark: `1 234,50`, `1.234,50`, `1,234.50`,
/// `1'234.50`), a sign as leading `+`/`-`/U+2212, trailing `-`, or parentheses (`(1 200,00)`), a
/// currency (`kr`, `kr.`, `SEK`, `EUR`, `GBP`, `€`, `£`, `$`, any letter case) before or after the
/// number with or without a space, and padding around it all. Both byte encodings of no-break space,
/// `€` and `£` are recognised (Windows-1252 and UTF-8), so one parser serves either file encoding.
public enum AmountParser {
    /// Largest accepted magnitude in micro-units: 10^24 currency units.
    static let largestMicros: Int128 = 1_000_000_000_000_000_000_000_000 * Amount.microsPerUnit

    /// Reads one field's bytes as an amount, using `decimalMark` to tell decimals from thousands.
    ///
    /// Never allocates for contiguous input (arrays, buffers, native strings' UTF-8 views), so it is
    /// fit for the per-row path.
    public static func parse(
        _ bytes: some Collection<UInt8>, decimalMark: DecimalMark
    ) -> Result<Amount, AmountParseError> {
        withContiguousBytes(bytes) { parse(buffer: $0, decimalMark: decimalMark) }
    }

    /// Reads a field as the CSV reader hands it out. Callers in other modules reach this one directly instead
    /// of the generic entry, which they would call unspecialised for every line.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, decimalMark: DecimalMark
    ) -> Result<Amount, AmountParseError> {
        parse(buffer: bytes, decimalMark: decimalMark)
    }

    /// Reads `text` as an amount, for tests and cold paths; the rules are those of the byte parser.
    public static func parse(_ text: String, decimalMark: DecimalMark) -> Result<Amount, AmountParseError> {
        parse(text.utf8, decimalMark: decimalMark)
    }

    /// The parser's core over one contiguous field.
    static func parse(
        buffer: UnsafeBufferPointer<UInt8>, decimalMark: DecimalMark
    ) -> Result<Amount, AmountParseError> {
        var window = ByteWindow(buffer)
        let isNegative: Bool
        switch AmountAffixes.strip(&window) {
        case .empty: return .failure(.empty)
        case .malformed: return .failure(notANumberOrTooLarge(buffer))
        case .number(let negative): isNegative = negative
        }
        let result = parseDigits(window, decimalMark: decimalMark)
        if case .failure(.notANumber) = result { return .failure(notANumberOrTooLarge(buffer)) }
        return result.map { isNegative ? -$0 : $0 }
    }

    /// Why a field that is no amount fails: ``AmountParseError/tooLarge`` for a number in exponent notation beyond
    /// 10^24 (`1e308`, how a spreadsheet writes a huge number cell), ``AmountParseError/tooManyDecimals`` for one
    /// with digits past the decimals an amount keeps (`1e-300`), else ``AmountParseError/notANumber``.
    ///
    /// Only reached for fields that already failed, so it costs the per-row path nothing.
    private static func notANumberOrTooLarge(_ buffer: UnsafeBufferPointer<UInt8>) -> AmountParseError {
        var text = Substring(String(decoding: buffer, as: UTF8.self))
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        guard let exponentMark = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(text[text.index(after: exponentMark)...])
        else { return .notANumber }
        var mantissa = text[..<exponentMark]
        if mantissa.first == "-" || mantissa.first == "+" { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let leading = parts[0].firstIndex(where: { $0 != "0" })
        else { return .notANumber }
        let wholeDigits = parts[0].distance(from: leading, to: parts[0].endIndex)
        // More than 25 whole digits is beyond 10^24, the largest amount read (`largestMicros`).
        if wholeDigits + exponent > 25 { return .tooLarge }
        // A tiny number cell (`1e-300`) has its digits far past the decimals an amount keeps.
        let fractionDigits = parts.count == 2 ? parts[1].count : 0
        return fractionDigits - exponent > Amount.maximumFractionDigits ? .tooManyDecimals : .notANumber
    }

    /// The kinds of thousands separator a value may use; one value uses only one kind.
    private enum SeparatorKind {
        case space, apostrophe, otherMark
    }

    /// Reads the unsigned number left in `window` once affixes are gone: digit groups, thousands
    /// separators and at most one decimal mark.
    private static func parseDigits(
        _ window: ByteWindow, decimalMark: DecimalMark
    ) -> Result<Amount, AmountParseError> {
        let mark = decimalMark.rawValue
        let otherMark = decimalMark.otherMark
        // Whole units, accumulated while they have at most `maximumWholeDigits` significant digits,
        // which keeps `wholeUnits * 10^6` well inside Int128. Digits gather in a UInt64 and fold
        // into the Int128 every 18 digits, since 128-bit arithmetic per digit is what costs most.
        let maximumWholeDigits = 25
        let digitsPerChunk = 18
        var wholeChunks: Int128 = 0
        var wholeTail: UInt64 = 0
        var wholeTailDigits = 0
        var significantWholeDigits = 0
        var fractionMicros: UInt64 = 0
        var fractionDigits = 0
        var hasNonZeroBeyondPrecision = false
        var digitCount = 0
        var inFraction = false
        // Digits since the last separator, and the separator kind the value uses, if any.
        var groupLength = 0
        var separator: SeparatorKind?
        // `0.125` under a decimal comma is not 125: a thousands group never follows a leading zero.
        var startsWithZero = false

        var index = window.lower
        while index < window.upper {
            let byte = window.bytes[index]
            if let digit = ASCII.digitValue(byte) {
                if digitCount == 0 && !inFraction { startsWithZero = digit == 0 }
                digitCount += 1
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits <= Amount.maximumFractionDigits {
                        fractionMicros = fractionMicros * 10 + UInt64(digit)
                    } else if digit != 0 {
                        hasNonZeroBeyondPrecision = true
                    }
                } else {
                    groupLength += 1
                    if significantWholeDigits > 0 || digit != 0 {
                        significantWholeDigits += 1
                    }
                    if significantWholeDigits <= maximumWholeDigits {
                        wholeTail = wholeTail * 10 + UInt64(digit)
                        wholeTailDigits += 1
                        if wholeTailDigits == digitsPerChunk {
                            wholeChunks = wholeChunks * 1_000_000_000_000_000_000 + Int128(wholeTail)
                            (wholeTail, wholeTailDigits) = (0, 0)
                        }
                    }
                }
                index += 1
                continue
            }
            if byte == mark {
                // One decimal mark, after a complete group (or first, as in `,50`), before a digit.
                guard !inFraction, separator == nil || groupLength == 3,
                    ASCII.isDigit(window[index + 1])
                else { return .failure(.notANumber) }
                inFraction = true
                index += 1
                continue
            }
            let kind: SeparatorKind
            let length: Int
            if byte == otherMark {
                (kind, length) = (.otherMark, 1)
            } else if byte == UInt8(ascii: "'") {
                (kind, length) = (.apostrophe, 1)
            } else if byte == UInt8(ascii: " ") {
                (kind, length) = (.space, 1)
            } else {
                let noBreakLength = window.noBreakSpaceLength(at: index)
                guard noBreakLength > 0 else { return .failure(.notANumber) }
                (kind, length) = (.space, noBreakLength)
            }
            // A thousands separator: only among whole digits, one kind per value, a first group of
            // one to three digits and every later group of exactly three.
            guard !inFraction, groupLength > 0 else { return .failure(.notANumber) }
            if let seen = separator {
                guard seen == kind, groupLength == 3 else { return .failure(.notANumber) }
            } else {
                guard groupLength <= 3, !startsWithZero else { return .failure(.notANumber) }
                separator = kind
            }
            groupLength = 0
            index += length
        }
        guard digitCount > 0 else { return .failure(.notANumber) }
        if !inFraction && separator != nil && groupLength != 3 {
            return .failure(.notANumber)
        }
        if hasNonZeroBeyondPrecision {
            return .failure(.tooManyDecimals)
        }
        guard significantWholeDigits <= maximumWholeDigits else { return .failure(.tooLarge) }
        var tailScale: UInt64 = 1
        for _ in 0..<wholeTailDigits { tailScale *= 10 }
        let wholeUnits = wholeChunks * Int128(tailScale) + Int128(wholeTail)
        var fractionScale: UInt64 = 1
        for _ in min(fractionDigits, Amount.maximumFractionDigits)..<Amount.maximumFractionDigits {
            fractionScale *= 10
        }
        let micros = wholeUnits * Amount.microsPerUnit + Int128(fractionMicros * fractionScale)
        guard micros <= largestMicros else { return .failure(.tooLarge) }
        return .success(Amount(micros: micros))
    }
}

/// Recognises what may surround an amount's digits: padding, one sign, one currency, parentheses.
enum AmountAffixes {
    /// What is left of a field once its affixes are gone.
    enum Outcome {
        /// The field holds nothing but padding.
        case empty
        /// The affixes contradict each other (two signs, unbalanced parentheses) or leave no number.
        case malformed
        /// The window now holds the number's digits and separators; `isNegative` from the sign.
        case number(isNegative: Bool)
    }

    /// Shrinks `window` to the number inside its affixes.
    static func strip(_ window: inout ByteWindow) -> Outcome {
        window.trimPadding()
        if window.isEmpty { return .empty }

        var sign: Bool?  // true for minus, false for plus
        var hasCurrency = false
        var opensParenthesis = false
        var closesParenthesis = false

        while window.lower < window.upper {
            let start = window.lower
            if window.paddingLength(at: start) > 0 {
                window.trimLeadingPadding()
            } else if !opensParenthesis && window[start] == UInt8(ascii: "(") {
                opensParenthesis = true
                window.lower += 1
            } else if sign == nil, let (isMinus, length) = signPrefix(window, at: start) {
                sign = isMinus
                window.lower += length
            } else if !hasCurrency, let length = currencyLength(window, at: start) {
                hasCurrency = true
                window.lower += length
            } else {
                break
            }
        }
        while window.upper > window.lower {
            let end = window.upper
            if window.paddingLength(endingAt: end) > 0 {
                window.trimTrailingPadding()
            } else if !closesParenthesis && window[end - 1] == UInt8(ascii: ")") {
                closesParenthesis = true
                window.upper -= 1
            } else if sign == nil && window[end - 1] == UInt8(ascii: "-") {
                sign = true
                window.upper -= 1
            } else if !hasCurrency, let length = currencyLength(window, endingAt: end) {
                hasCurrency = true
                window.upper -= length
            } else {
                break
            }
        }
        guard opensParenthesis == closesParenthesis, !(opensParenthesis && sign != nil), !window.isEmpty else {
            return .malformed
        }
        return .number(isNegative: opensParenthesis || sign == true)
    }

    /// A leading sign at `index`: whether it is a minus, and its byte length.
    private static func signPrefix(_ window: ByteWindow, at index: Int) -> (isMinus: Bool, length: Int)? {
        switch window[index] {
        case UInt8(ascii: "-"): return (true, 1)
        case UInt8(ascii: "+"): return (false, 1)
        case 0xE2 where window.matches(0xE2, 0x88, 0x92, at: index): return (true, 3)
        default: return nil
        }
    }

    /// Byte length of a currency code or symbol starting at `index`, or nil.
    private static func currencyLength(_ window: ByteWindow, at index: Int) -> Int? {
        let first = window[index]
        switch first {
        case UInt8(ascii: "$"), 0x80, 0xA3: return 1
        case 0xC2 where window[index + 1] == 0xA3: return 2
        case 0xE2 where window.matches(0xE2, 0x82, 0xAC, at: index): return 3
        default: break
        }
        let letters = (ASCII.upper(first), ASCII.upper(window[index + 1]), ASCII.upper(window[index + 2]))
        if isCurrencyCode(letters) { return 3 }
        if letters.0 == UInt8(ascii: "K") && letters.1 == UInt8(ascii: "R") {
            return letters.2 == UInt8(ascii: ".") ? 3 : 2
        }
        return nil
    }

    /// Byte length of a currency code or symbol ending just before `end`, or nil.
    private static func currencyLength(_ window: ByteWindow, endingAt end: Int) -> Int? {
        let last = window[end - 1]
        switch last {
        case UInt8(ascii: "$"), 0x80: return 1
        case 0xA3: return window[end - 2] == 0xC2 ? 2 : 1
        case 0xAC where window.matches(0xE2, 0x82, 0xAC, endingAt: end): return 3
        default: break
        }
        let letters = (ASCII.upper(window[end - 3]), ASCII.upper(window[end - 2]), ASCII.upper(last))
        if isCurrencyCode(letters) { return 3 }
        if letters == (UInt8(ascii: "K"), UInt8(ascii: "R"), UInt8(ascii: ".")) { return 3 }
        if letters.1 == UInt8(ascii: "K") && letters.2 == UInt8(ascii: "R") { return 2 }
        return nil
    }

    /// Whether three upper-cased bytes are one of the ISO 4217 codes seen in Swedish exports.
    @inline(__always)
    private static func isCurrencyCode(_ letters: (UInt8, UInt8, UInt8)) -> Bool {
        switch letters {
        case (UInt8(ascii: "S"), UInt8(ascii: "E"), UInt8(ascii: "K")),
            (UInt8(ascii: "E"), UInt8(ascii: "U"), UInt8(ascii: "R")),
            (UInt8(ascii: "G"), UInt8(ascii: "B"), UInt8(ascii: "P")):
            return true
        default:
            return false
        }
    }
}
