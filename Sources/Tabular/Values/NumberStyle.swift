/// The character that groups thousands in a column's numbers, as `inspect` reports it.
///
/// The raw values are the names the JSON summary uses.
public enum ThousandsSeparator: String, Sendable, CaseIterable {
    /// No grouping seen: `1234,50`.
    case none = "none"
    /// A plain space: `1 234,50`.
    case space = "space"
    /// A no-break space, wide or narrow, in either encoding: `1 234,50`.
    case noBreakSpace = "nbsp"
    /// A point: `1.234,50`.
    case point = "."
    /// A comma: `1,234.50`.
    case comma = ","
    /// An apostrophe: `1'234.50`.
    case apostrophe = "'"
}

/// How a column writes its numbers: the decimal mark (nil when the values give no evidence) and the
/// thousands separator most of its values use.
public struct NumberStyle: Hashable, Sendable {
    /// The decimal mark the values show, or nil when none of them tells (`1,234` alone could be
    /// either); the caller then falls back on the file's other evidence, such as its delimiter.
    public var decimalMark: DecimalMark?
    /// The thousands separator most values use; `.none` when none is seen or, with no decimal mark
    /// known, when only `.` or `,` could be one.
    public var thousands: ThousandsSeparator

    /// A style with the given marks.
    public init(decimalMark: DecimalMark?, thousands: ThousandsSeparator) {
        self.decimalMark = decimalMark
        self.thousands = thousands
    }
}

extension AmountParser {
    /// Decides a column's decimal mark and thousands separator from sample values.
    ///
    /// Each value may vouch for a mark: with both `.` and `,` present, the later one is the decimal
    /// mark (`1.234,50`); a mark followed by other than three digits at the end is a decimal mark
    /// (`12,5`, `0,125` is one too since no group starts with 0, as is `1234,567`); a mark that occurs
    /// twice groups thousands (`1.234.567`), so the other one is the decimal mark. `1,234` alone vouches
    /// for neither. The mark more values vouch for wins; with no evidence, or as much for either,
    /// the result's `decimalMark` is nil. Blank values and values that are no number are skipped.
    public static func detectStyle(samples: some Sequence<some Collection<UInt8>>) -> NumberStyle {
        var votes: [DecimalMark: Int] = [:]
        var uses: [ThousandsSeparator: Int] = [:]
        var pointSamples = 0
        var commaSamples = 0
        for sample in samples {
            guard let evidence = withContiguousBytes(sample, SampleEvidence.init(buffer:)) else { continue }
            if let vote = evidence.vote { votes[vote, default: 0] += 1 }
            if evidence.usesSpace { uses[.space, default: 0] += 1 }
            if evidence.usesNoBreakSpace { uses[.noBreakSpace, default: 0] += 1 }
            if evidence.usesApostrophe { uses[.apostrophe, default: 0] += 1 }
            // A mark can group thousands only in values that do not vouch for it as decimal mark.
            if evidence.pointCount > 0 && evidence.vote != .point { pointSamples += 1 }
            if evidence.commaCount > 0 && evidence.vote != .comma { commaSamples += 1 }
        }

        let commaVotes = votes[.comma, default: 0]
        let pointVotes = votes[.point, default: 0]
        let decimalMark: DecimalMark? =
            commaVotes > pointVotes ? .comma : pointVotes > commaVotes ? .point : nil
        switch decimalMark {
        case .comma: uses[.point] = pointSamples
        case .point: uses[.comma] = commaSamples
        case nil: break
        }
        // The most used separator; ties go to the earlier case, so the result is deterministic.
        var thousands = ThousandsSeparator.none
        var thousandsUses = 0
        for candidate in ThousandsSeparator.allCases {
            let count = uses[candidate, default: 0]
            if count > thousandsUses {
                (thousands, thousandsUses) = (candidate, count)
            }
        }
        return NumberStyle(decimalMark: decimalMark, thousands: thousands)
    }

    /// Decides a column's decimal mark from sample values, or nil when they give no evidence; the
    /// rules are those of ``detectStyle(samples:)``.
    public static func detectDecimalMark(samples: some Sequence<some Collection<UInt8>>) -> DecimalMark? {
        detectStyle(samples: samples).decimalMark
    }
}

/// What one sample value says about its column's number style.
private struct SampleEvidence {
    /// The decimal mark this value vouches for, if it tells.
    var vote: DecimalMark?
    var usesSpace = false
    var usesNoBreakSpace = false
    var usesApostrophe = false
    var pointCount = 0
    var commaCount = 0

    /// Reads the evidence in one value; nil for blank values and values that are no number.
    init?(buffer: UnsafeBufferPointer<UInt8>) {
        var window = ByteWindow(buffer)
        guard case .number = AmountAffixes.strip(&window) else { return nil }

        // Digits before the first separator of any kind, and whether the value starts with 0.
        var leadingDigits = 0
        var startsWithZero = false
        var seenSeparator = false
        // The last `.` or `,`, the digits after it, and whether a space or `'` follows it.
        var lastMark: DecimalMark?
        var digitsAfterLastMark = 0
        var separatorAfterLastMark = false

        var index = window.lower
        while index < window.upper {
            let byte = window.bytes[index]
            if ASCII.isDigit(byte) {
                if !seenSeparator {
                    if leadingDigits == 0 { startsWithZero = byte == UInt8(ascii: "0") }
                    leadingDigits += 1
                }
                digitsAfterLastMark += 1
                index += 1
                continue
            }
            seenSeparator = true
            if let mark = DecimalMark(rawValue: byte) {
                if mark == .point { pointCount += 1 } else { commaCount += 1 }
                lastMark = mark
                digitsAfterLastMark = 0
                separatorAfterLastMark = false
                index += 1
                continue
            }
            if byte == UInt8(ascii: " ") {
                usesSpace = true
                index += 1
            } else if byte == UInt8(ascii: "'") {
                usesApostrophe = true
                index += 1
            } else {
                let length = window.noBreakSpaceLength(at: index)
                guard length > 0 else { return nil }
                usesNoBreakSpace = true
                index += length
            }
            separatorAfterLastMark = true
        }

        guard let last = lastMark, digitsAfterLastMark > 0, !separatorAfterLastMark else { return }
        let lastCount = last == .point ? pointCount : commaCount
        if pointCount > 0 && commaCount > 0 {
            // `1.234,50`: the later mark is the decimal mark if it occurs once.
            if lastCount == 1 { vote = last }
        } else if lastCount >= 2 {
            // `1.234.567`: a repeated mark groups thousands, so the other one is the decimal mark.
            if digitsAfterLastMark == 3 { vote = last == .point ? .comma : .point }
        } else if digitsAfterLastMark != 3 || leadingDigits == 0 || leadingDigits > 3 || startsWithZero
            || usesSpace || usesNoBreakSpace || usesApostrophe
        {
            // `12,5`, `,125`, `1234,567`, `0,125`, `1 234,567`: no thousands group fits.
            vote = last
        }
    }
}
