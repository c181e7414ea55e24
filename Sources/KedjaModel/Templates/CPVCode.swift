import Foundation

/// CPV 2008 codes as rule tables and spend files write them: `18000000`, `18000000-7`, and in spend
/// exports sometimes with text after the code.
enum CPVCode {
    /// Reads a code written in a rule table: 8 digits, optionally `-` and the check digit.
    ///
    /// Returns the 8 digits and the check digit if one was written; nil for anything else (a
    /// 7-digit code, which Excel makes of `03000000` when the column is not text, is rejected here so
    /// the table gets fixed rather than guessed).
    static func parse(_ text: String) -> (code: String, checkDigit: Character?)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let digits = parts[0]
        guard digits.count == 8, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        if parts.count == 2 {
            guard parts[1].count == 1, let check = parts[1].first, check.isASCIIDigit else { return nil }
            return (String(digits), check)
        }
        return (String(digits), nil)
    }

    /// The digits a code's descendants share: the code without trailing zeros, at least 2 digits.
    ///
    /// CPV is hierarchical by trailing zeros (2 digits division, 3 group, 4 class, 5 category), so
    /// `18000000` covers every code starting with `18` and `33141420` every code starting `3314142`.
    static func matchingPrefix(of code: String) -> String {
        var digits = Substring(code)
        while digits.count > 2, digits.last == "0" { digits = digits.dropLast() }
        return String(digits)
    }

    /// A lookup key for the first `length` digits of a code: the digits' value and their count,
    /// so `03` and `3` stay distinct without building a string on the hot path.
    static func prefixKey(value: Int, length: Int) -> Int { value &* 16 &+ length }

    /// The lookup key of a prefix string such as `3314142`.
    static func prefixKey(of prefix: String) -> Int? {
        guard let value = Int(prefix) else { return nil }
        return prefixKey(value: value, length: prefix.count)
    }

    /// The 8-digit code at the start of a spend-file field, as an integer.
    ///
    /// Leading spaces are skipped; the digits may be followed by a check digit (`-0`), spaces and
    /// text, but not by more digits. Seven digits are read as a code whose leading zero a
    /// spreadsheet dropped (`3222111` → `03222111`), because no CPV code has fewer than 8 digits.
    static func leadingCode(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        var value = 0
        var count = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            count += 1
            guard count <= 8 else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        return count == 8 || count == 7 ? value : nil
    }
}

extension CPV2008 {
    /// The codes written as the EU writes them, `03000000-1`.
    static var codes: Set<String> {
        let bytes = Array(digits.utf8)
        return Set(
            stride(from: 0, to: bytes.count, by: 9).map { start in
                String(decoding: bytes[start..<(start + 8)], as: UTF8.self) + "-"
                    + String(UnicodeScalar(bytes[start + 8]))
            })
    }
}

fileprivate extension Character {
    /// Whether the character is one of the ASCII digits 0–9 (not any Unicode digit).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
