/// The character encodings ERP systems and Excel write CSV files in.
///
/// Kedja keeps a file's own encoding all the way through: fields are handed on as the file's bytes and the
/// enriched copy is written back in the same encoding, so an ERP system re-imports exactly what it exported.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// The encoding of the bytes the CSV reader hands out: UTF-16 is transcoded to UTF-8 before parsing,
    /// the byte-oriented encodings are passed through untouched.
    public var fieldEncoding: TextEncoding {
        switch self {
        case .utf8, .utf16LE, .utf16BE: return .utf8
        case .windows1252: return .windows1252
        }
    }

    /// For UTF-16, whether it is big-endian; nil for the byte-oriented encodings. UTF-16 is the one encoding
    /// Kedja transcodes: read into UTF-8 before parsing and written back from it, so this is the one place
    /// that decides whether a transcoder is needed and which.
    public var utf16BigEndian: Bool? {
        switch self {
        case .utf16LE: return false
        case .utf16BE: return true
        case .utf8, .windows1252: return nil
        }
    }

    /// The byte-order mark this encoding writes when a BOM is wanted.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .windows1252: return []
        }
    }

    /// Parses the names users type on the command line (`utf8`, `UTF-8`, `cp1252`, `latin1`, …).
    public init?(userName: String) {
        let key = userName.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8": self = .utf8
        case "windows1252", "cp1252", "latin1", "iso88591", "ansi": self = .windows1252
        case "utf16le", "utf16", "unicode": self = .utf16LE
        case "utf16be": self = .utf16BE
        default: return nil
        }
    }
}

/// Decoding and encoding between a file's bytes and Swift strings, off the hot path.
///
/// Only fields a role needs are ever decoded; everything else stays bytes.
public enum TextCodec {
    /// Decodes bytes in a field encoding (UTF-8 or Windows-1252) to a string.
    ///
    /// Bytes that are not valid UTF-8 are read as Windows-1252 instead of being replaced, so a stray
    /// Windows-1252 byte in a mostly UTF-8 file still yields the letter the user typed.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) -> String {
        if encoding == .windows1252 || !UTF8Validation.isValid(bytes) {
            return decodeWindows1252(bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a byte array in a field encoding.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> String {
        bytes.withUnsafeBufferPointer { decode($0, as: encoding) }
    }

    /// Decodes Windows-1252 bytes; the five bytes the code page leaves undefined map to the C1 controls,
    /// as browsers do, so nothing is lost.
    public static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight as UTF-8 (every Windows-1252 character is in the BMP: at most three bytes), which is
        // several times faster than appending scalars one by one. The exact length is counted first: a string
        // keeps the capacity it was made with, and short ASCII ones stay small strings without an allocation.
        var length = 0
        for byte in bytes {
            length += byte < 0x80 ? 1 : (Windows1252.scalar(for: byte).value < 0x800 ? 2 : 3)
        }
        if length == bytes.count { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: length) { utf8 in
            var count = 0
            for byte in bytes {
                if byte < 0x80 {
                    utf8[count] = byte
                    count += 1
                    continue
                }
                let value = Windows1252.scalar(for: byte).value
                if value < 0x800 {
                    utf8[count] = UInt8(0xC0 | (value >> 6))
                    utf8[count + 1] = UInt8(0x80 | (value & 0x3F))
                    count += 2
                } else {
                    utf8[count] = UInt8(0xE0 | (value >> 12))
                    utf8[count + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    utf8[count + 2] = UInt8(0x80 | (value & 0x3F))
                    count += 3
                }
            }
            return count
        }
    }

    /// Encodes a string for a field encoding. Characters Windows-1252 cannot hold are transliterated
    /// where a plain equivalent exists (`→` becomes `->`) and otherwise become `?`.
    public static func encode(_ string: String, as encoding: TextEncoding) -> [UInt8] {
        switch encoding {
        case .utf8: return Array(string.utf8)
        case .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(string.utf8.count)
            for scalar in string.unicodeScalars {
                if let byte = Windows1252.byte(for: scalar) {
                    out.append(byte)
                } else {
                    out.append(contentsOf: Windows1252.transliteration(for: scalar))
                }
            }
            return out
        case .utf16LE, .utf16BE:
            return UTF16Transcoder.encode(Array(string.utf8), bigEndian: encoding.utf16BigEndian ?? false)
        }
    }
}

/// The Windows-1252 code page: the encoding of most Swedish ERP exports.
enum Windows1252 {
    /// Unicode scalars for bytes 0x80–0x9F; the rest of the page equals Latin-1.
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static let reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (offset, value) in high.enumerated() { map[value] = UInt8(0x80 + offset) }
        return map
    }()

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value) ?? "?"
    }

    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 || (0xA0...0xFF).contains(value) { return UInt8(value) }
        return reverse[value]
    }

    static func transliteration(for scalar: Unicode.Scalar) -> [UInt8] {
        switch scalar.value {
        case 0x2192: return Array("->".utf8)
        case 0x2190: return Array("<-".utf8)
        case 0x2265: return Array(">=".utf8)
        case 0x2264: return Array("<=".utf8)
        case 0x2212: return [0x2D]
        case 0x202F, 0x2009: return [0xA0]
        default: return [0x3F]
        }
    }
}

/// UTF-8 validity checks used by encoding sniffing and by decoding.
public enum UTF8Validation {
    /// Whether the bytes are well-formed UTF-8. A sequence cut off at the very end counts as valid when
    /// `allowTruncatedEnd` is set, so a sample cut mid-character is not mistaken for another encoding.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let lowerBound: UInt8
            let upperBound: UInt8
            switch lead {
            case 0xC2...0xDF:
                length = 2
                lowerBound = 0x80
                upperBound = 0xBF
            case 0xE0:
                length = 3
                lowerBound = 0xA0
                upperBound = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF:
                length = 3
                lowerBound = 0x80
                upperBound = 0xBF
            case 0xED:
                length = 3
                lowerBound = 0x80
                upperBound = 0x9F
            case 0xF0:
                length = 4
                lowerBound = 0x90
                upperBound = 0xBF
            case 0xF1...0xF3:
                length = 4
                lowerBound = 0x80
                upperBound = 0xBF
            case 0xF4:
                length = 4
                lowerBound = 0x80
                upperBound = 0x8F
            default: return false
            }
            if index + length > count {
                return allowTruncatedEnd
                    && continuationBytesValid(bytes, from: index, to: count, lowerBound, upperBound)
            }
            if !continuationBytesValid(bytes, from: index, to: index + length, lowerBound, upperBound) { return false }
            index += length
        }
        return true
    }

    private static func continuationBytesValid(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ lower: UInt8, _ upper: UInt8
    ) -> Bool {
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if position == start + 1 {
                if byte < lower || byte > upper { return false }
            } else if byte & 0xC0 != 0x80 {
                return false
            }
            position += 1
        }
        return true
    }
}

/// Streaming conversion between UTF-16 (as Excel's "Unicode text" writes) and UTF-8.
///
/// Chunks may split a code unit or a surrogate pair; the transcoder carries the remainder to the next chunk.
public struct UTF16Transcoder {
    private let bigEndian: Bool
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    public init(bigEndian: Bool) { self.bigEndian = bigEndian }

    /// Appends the UTF-8 form of a chunk of UTF-16 bytes to `output`. Unpaired surrogates become U+FFFD.
    public mutating func decode(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var index = 0
        if let first = pendingByte, chunk.count > 0 {
            pendingByte = nil
            consume(unit: combine(first, chunk[0]), into: &output)
            index = 1
        }
        while index + 1 < chunk.count {
            consume(unit: combine(chunk[index], chunk[index + 1]), into: &output)
            index += 2
        }
        if index < chunk.count { pendingByte = chunk[index] }
    }

    /// Flushes what is left at the end of input: a dangling byte or high surrogate becomes U+FFFD.
    public mutating func finish(into output: inout [UInt8]) {
        if pendingByte != nil || pendingHighSurrogate != nil {
            appendScalar(0xFFFD, to: &output)
        }
        pendingByte = nil
        pendingHighSurrogate = nil
    }

    private func combine(_ first: UInt8, _ second: UInt8) -> UInt16 {
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }

    private mutating func consume(unit: UInt16, into output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                appendScalar(scalar, to: &output)
                return
            }
            appendScalar(0xFFFD, to: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHighSurrogate = unit
        case 0xDC00...0xDFFF: appendScalar(0xFFFD, to: &output)
        default: appendScalar(UInt32(unit), to: &output)
        }
    }

    private func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Encodes UTF-8 bytes as UTF-16 without a BOM.
    public static func encode(_ utf8: [UInt8], bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 2)
        for unit in String(decoding: utf8, as: UTF8.self).utf16 {
            if bigEndian {
                out.append(UInt8(unit >> 8))
                out.append(UInt8(unit & 0xFF))
            } else {
                out.append(UInt8(unit & 0xFF))
                out.append(UInt8(unit >> 8))
            }
        }
        return out
    }
}
