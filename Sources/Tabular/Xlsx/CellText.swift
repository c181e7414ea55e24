/// What the workbook writer changed in cell texts so that the file stays well-formed and inside Excel's limits.
///
/// Data can hold anything, an XLSX file cannot: rather than write XML that Excel or LibreOffice refuse (or show as
/// an empty sheet), or fail a run after its other outputs are written, the writer repairs the text and counts what
/// it did, so the run's summary can say so.
public struct TextRepairs: Hashable, Sendable {
    /// Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return; U+FFFE;
    /// U+FFFF), each replaced by U+FFFD.
    public var replacedCharacters = 0
    /// Cell texts over Excel's 32,767 characters, cut and ended with ``CellText/cutMarker(removed:)``.
    public var cutTexts = 0

    /// No repairs.
    public init() {}

    /// Whether nothing was repaired.
    public var isEmpty: Bool { replacedCharacters == 0 && cutTexts == 0 }

    /// The repairs of two workbooks together.
    public static func + (lhs: TextRepairs, rhs: TextRepairs) -> TextRepairs {
        var sum = lhs
        sum.replacedCharacters += rhs.replacedCharacters
        sum.cutTexts += rhs.cutTexts
        return sum
    }
}

/// The one gate every cell text passes on its way into a workbook: characters XML 1.0 cannot hold become U+FFFD,
/// and a text over Excel's cell limit is cut with a visible marker.
///
/// libxlsxwriter escapes `<`, `>`, `&` and quotes but copies every other character into the sheet or
/// shared-strings XML as it is, so a U+FFFE in a supplier's name makes the whole part malformed (LibreOffice then
/// shows the sheet empty). Swift strings cannot hold lone surrogates, which leaves the C0 controls, U+FFFE and
/// U+FFFF as the characters to replace.
public enum CellText {
    /// The character put in place of one XML cannot hold.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The marker that ends a cut text, naming how many characters (UTF-16 units, as Excel counts) were cut; a
    /// workbook in another language sets its own (``Workbook/cutMarker``).
    public static func cutMarker(removed: Int) -> String {
        "… [cut: \(removed) characters]"
    }

    /// `text` as a cell can hold it, with what was changed; the text itself when it needs nothing, which is
    /// decided by one pass over its UTF-8 bytes, since this runs for every text cell of a line-level sheet.
    static func admit(
        _ text: String, limit: Int = ExcelLimits.cellTextLength, marker: (Int) -> String = cutMarker(removed:)
    ) -> (text: String, repairs: TextRepairs) {
        var repairs = TextRepairs()
        var result = text
        if hasCharacterXMLForbids(text) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if isForbidden(scalar) {
                    scalars.append(replacement)
                    repairs.replacedCharacters += 1
                } else {
                    scalars.append(scalar)
                }
            }
            result = String(scalars)
        }
        // UTF-8 never has fewer code units than UTF-16, so the O(1) byte count settles most texts.
        if result.utf8.count > limit, result.utf16.count > limit {
            result = cut(result, to: limit, marker: marker)
            repairs.cutTexts = 1
        }
        return (result, repairs)
    }

    /// Whether a character XML 1.0 does not allow occurs in `text`: a C0 control other than tab, line feed and
    /// carriage return (bytes below 0x20), or U+FFFE / U+FFFF (`EF BF BE`, `EF BF BF`).
    static func hasCharacterXMLForbids(_ text: String) -> Bool {
        withContiguousBytes(text.utf8) { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case ..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The start of `text` and the marker, together at most `limit` UTF-16 units, cut between characters'
    /// scalars so no surrogate pair is split.
    private static func cut(_ text: String, to limit: Int, marker: (Int) -> String) -> String {
        let total = text.utf16.count
        // The marker for the largest possible count is at least as long as the one finally written.
        let room = limit - marker(total).utf16.count
        var kept = 0
        var end = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            let width = UTF16.width(text.unicodeScalars[index])
            if kept + width > room { break }
            kept += width
            end = text.unicodeScalars.index(after: index)
        }
        return String(text.unicodeScalars[..<end]) + marker(total - kept)
    }
}
