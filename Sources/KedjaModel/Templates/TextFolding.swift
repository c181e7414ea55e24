import Foundation

/// The one way Kedja compares free text with the rule tables: case-insensitive, and insensitive to
/// accents such as é and ü — but never to å, ä and ö, which are letters of their own in Swedish ("stad" is
/// a city, "städ" cleaning).
///
/// Keywords, scope words and country names are folded once when the tables load and the input once per
/// lookup, so the comparison itself is on plain bytes.
enum TextFolding {
    /// The text lowercased and without accents (å, ä, ö kept, lowercased), each run of ASCII punctuation or
    /// spaces turned into one space, with no space at either end: "IT-Tjänster, Kaffé" → "it tjänster kaffe".
    ///
    /// Letters outside ASCII that have no unaccented form (æ, ø) stay as their UTF-8 bytes and count
    /// as letters, so word boundaries stay right.
    static func searchBytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in foldedUTF8(text, keepingSwedishLetters: true) {
            if let letter = wordByte(byte) {
                if pendingSpace, !result.isEmpty { result.append(UInt8(ascii: " ")) }
                pendingSpace = false
                result.append(letter)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// The text lowercased, without accents (å, ä, ö included), letters and digits only: "Förenta
    /// staterna" → "forentastaterna", "U.S.A." → "usa". Country names and codes are looked up by this key:
    /// no two country names differ only in å, ä or ö, and a list typed without them ("Osterrike") still
    /// finds its country.
    static func lookupKey(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in foldedUTF8(text, keepingSwedishLetters: false) {
            if let letter = wordByte(byte) { bytes.append(letter) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 of the text with accents removed from Latin letters, ready for ``wordByte(_:)``; with
    /// `keepingSwedishLetters`, å, ä and ö stay (in lower case).
    ///
    /// Scalar by scalar, without a Foundation call for what ERP exports hold, because this runs for every distinct
    /// description: ASCII passes through, the accented letters of Latin-1 (å, ä, ö, é, ü, ñ, …) fold from a small
    /// table, and Latin-1's symbols, the no-break space, the dashes, quotes and spaces of General Punctuation,
    /// currency signs and the minus sign become spaces, so they separate words as they do for a reader. Only any
    /// other scalar (Č, Ł, …) goes through Foundation's case- and diacritic-insensitive folding, alone.
    private static func foldedUTF8(_ text: String, keepingSwedishLetters: Bool) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0..<0x80:
                result.append(UInt8(value))
            case 0xC0...0xFF:
                let second = UInt8(0x80 + value - 0xC0)
                if keepingSwedishLetters, let swedish = swedishLetter(second) {
                    result.append(0xC3)
                    result.append(swedish)
                } else if let folded = latin1Letter(second) {
                    result.append(folded)
                } else {
                    result.append(contentsOf: String(scalar).lowercased().utf8)
                }
            case 0x80..<0xC0, 0x2000...0x206F, 0x20A0...0x20CF, 0x2212:
                result.append(UInt8(ascii: " "))
            default:
                let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive, .widthInsensitive]
                result.append(contentsOf: String(scalar).folding(options: options, locale: nil).utf8)
            }
        }
        return result
    }

    /// The lower-case second byte of å, ä or ö for the second byte of `0xC3 byte`, or nil for other letters.
    private static func swedishLetter(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x85, 0xA5: return 0xA5  // Å å
        case 0x84, 0xA4: return 0xA4  // Ä ä
        case 0x96, 0xB6: return 0xB6  // Ö ö
        default: return nil
        }
    }

    /// The unaccented ASCII letter of a Latin-1 letter encoded as `0xC3 byte` (À–ÿ), or nil for the
    /// characters in that range without one (Æ, Ð, ×, Ø, Þ, ß, æ, ð, ÷, ø, þ).
    private static func latin1Letter(_ byte: UInt8) -> UInt8? {
        switch byte & 0xDF {  // 0xC3 0x80–0x9F are capitals, 0xA0–0xBF the same letters in lower case
        case 0x80...0x85: return UInt8(ascii: "a")
        case 0x87: return UInt8(ascii: "c")
        case 0x88...0x8B: return UInt8(ascii: "e")
        case 0x8C...0x8F: return UInt8(ascii: "i")
        case 0x91: return UInt8(ascii: "n")
        case 0x92...0x96: return UInt8(ascii: "o")
        case 0x99...0x9C: return UInt8(ascii: "u")
        case 0x9D: return UInt8(ascii: "y")
        case 0x9F: return byte == 0xBF ? UInt8(ascii: "y") : nil  // ÿ; 0x9F itself is ß
        default: return nil
        }
    }

    /// The byte as it takes part in a word (ASCII letters lowercased, digits, the bytes of other letters), or nil
    /// for a separator (``foldedUTF8(_:keepingSwedishLetters:)`` has turned non-ASCII separators into spaces).
    @inline(__always)
    static func wordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
        case 0x80...: return byte
        default: return nil
        }
    }
}
