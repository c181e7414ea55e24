// Byte-level recognisers shared by the value parsers.
//
// Fields arrive as raw bytes in either UTF-8 or Windows-1252, and the parsers run once per field on
// millions of rows, so they look at bytes instead of decoding to `String`. Every multi-byte
// character they care about has a distinct single-byte Windows-1252 form and a UTF-8 form, and both
// are recognised wherever either can appear:
//
// | character              | Windows-1252 | UTF-8    |
// |------------------------|--------------|----------|
// | no-break space U+00A0  | A0           | C2 A0    |
// | narrow no-break U+202F | —            | E2 80 AF |
// | euro sign U+20AC       | 80           | E2 82 AC |
// | pound sign U+00A3      | A3           | C2 A3    |
// | minus sign U+2212      | —            | E2 88 92 |

/// Runs `body` over the bytes of `bytes` as one contiguous buffer, copying only when the collection
/// has no contiguous storage of its own, so each parser has a single non-generic core.
@inline(__always)
func withContiguousBytes<Bytes: Collection<UInt8>, Result>(
    _ bytes: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> Result
) -> Result {
    if let result = bytes.withContiguousStorageIfAvailable(body) {
        return result
    }
    return Array(bytes).withUnsafeBufferPointer(body)
}

/// A window `[lower, upper)` over a field's bytes that the parsers shrink from both ends as they
/// recognise affixes (spaces, signs, currency) before reading what is left.
struct ByteWindow {
    /// The whole field.
    let bytes: UnsafeBufferPointer<UInt8>
    /// First byte still in the window.
    var lower: Int
    /// One past the last byte still in the window.
    var upper: Int

    /// A window over the whole of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.lower = 0
        self.upper = bytes.count
    }

    /// Whether nothing is left in the window.
    var isEmpty: Bool { lower >= upper }

    /// The byte at `index`, or 0 (never a byte the parsers look for) outside the window.
    @inline(__always)
    subscript(index: Int) -> UInt8 {
        index >= lower && index < upper ? bytes[index] : 0
    }

    /// Whether the window holds `first`, `second`, `third` starting at `index`.
    @inline(__always)
    func matches(_ first: UInt8, _ second: UInt8, _ third: UInt8, at index: Int) -> Bool {
        self[index] == first && self[index + 1] == second && self[index + 2] == third
    }

    /// Whether the window holds `first`, `second`, `third` ending just before `end`.
    @inline(__always)
    func matches(_ first: UInt8, _ second: UInt8, _ third: UInt8, endingAt end: Int) -> Bool {
        end - 3 >= lower && matches(first, second, third, at: end - 3)
    }

    /// Byte length of a no-break space (either encoding, or the narrow one) starting at `index`, or 0.
    @inline(__always)
    func noBreakSpaceLength(at index: Int) -> Int {
        switch self[index] {
        case 0xA0: return 1
        case 0xC2 where self[index + 1] == 0xA0: return 2
        case 0xE2 where self[index + 1] == 0x80 && self[index + 2] == 0xAF: return 3
        default: return 0
        }
    }

    /// Byte length of a no-break space (either encoding, or the narrow one) ending just before `end`, or 0.
    @inline(__always)
    func noBreakSpaceLength(endingAt end: Int) -> Int {
        switch self[end - 1] {
        case 0xA0: return self[end - 2] == 0xC2 ? 2 : 1
        case 0xAF: return matches(0xE2, 0x80, 0xAF, endingAt: end) ? 3 : 0
        default: return 0
        }
    }

    /// Byte length of padding (space, tab, CR, LF or any no-break space) starting at `index`, or 0.
    @inline(__always)
    func paddingLength(at index: Int) -> Int {
        switch self[index] {
        case 0x20, 0x09, 0x0D, 0x0A: return 1
        default: return noBreakSpaceLength(at: index)
        }
    }

    /// Byte length of padding (space, tab, CR, LF or any no-break space) ending just before `end`, or 0.
    @inline(__always)
    func paddingLength(endingAt end: Int) -> Int {
        switch self[end - 1] {
        case 0x20, 0x09, 0x0D, 0x0A: return 1
        default: return noBreakSpaceLength(endingAt: end)
        }
    }

    /// Drops leading padding.
    mutating func trimLeadingPadding() {
        while lower < upper {
            let length = paddingLength(at: lower)
            if length == 0 { return }
            lower += length
        }
    }

    /// Drops trailing padding.
    mutating func trimTrailingPadding() {
        while upper > lower {
            let length = paddingLength(endingAt: upper)
            if length == 0 { return }
            upper -= length
        }
    }

    /// Drops padding at both ends.
    mutating func trimPadding() {
        trimLeadingPadding()
        trimTrailingPadding()
    }
}

/// ASCII helpers that avoid `Character` and `String`.
enum ASCII {
    /// The value of an ASCII decimal digit, or nil for any other byte.
    @inline(__always)
    static func digitValue(_ byte: UInt8) -> Int? {
        byte &- 0x30 < 10 ? Int(byte &- 0x30) : nil
    }

    /// Whether `byte` is an ASCII decimal digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// `byte` with ASCII letters folded to upper case, for case-insensitive comparison.
    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 {
        byte &- 0x61 < 26 ? byte &- 0x20 : byte
    }
}
