import Foundation

/// The company legal forms a supplier's name may carry (`AB`, `HB`, `Ek. för.`, `Ltd`, `GmbH`), from
/// `legal-forms.csv`.
///
/// A legal form decides two things: a name is compared with and without it (`Alfa AB` in the ledger is
/// `Alfa` in the supplier list, but `Snickeri KB` is not `Snickeri AB`), and a name that carries one is a
/// company, never the public body a word such as "stad" or "region" in it would suggest. Which words are
/// legal forms, and which spellings are one form, are facts about company registers, so they live in a
/// table a buyer trading with, say, Norwegian `ASA` companies can extend.
public struct LegalForms: Sendable {
    /// The most forms one table may hold: a name's forms are kept as bits of one word.
    public static let capacity = 64

    /// Each spelling (a folded word, ``TextFolding``) and the bit of the form it spells.
    private let bitOfSpelling: [String: UInt64]
    /// Each form as spelt one way, with its bit, in sorted order, so the exact key lists a name's forms the
    /// same way whatever order the name has them in.
    private let formsByBit: [(form: String, bit: UInt64)]

    /// - Parameter spellings: each folded word and the form it spells (`limited` → `ltd`); at most
    ///   ``capacity`` distinct forms.
    public init(spellings: [(spelling: String, form: String)]) {
        let forms = Set(spellings.map(\.form)).sorted().prefix(Self.capacity)
        let bitOfForm = Dictionary(uniqueKeysWithValues: forms.enumerated().map { ($1, UInt64(1) << UInt64($0)) })
        var bitOfSpelling: [String: UInt64] = [:]
        for (spelling, form) in spellings {
            if let bit = bitOfForm[form] { bitOfSpelling[spelling] = bit }
        }
        self.bitOfSpelling = bitOfSpelling
        formsByBit = forms.map { ($0, bitOfForm[$0]!) }
    }

    /// Whether a name carries a company's legal form: a company, which a word such as "stad" or "region" in its
    /// name does not make a public body.
    public func hasLegalForm(_ name: String) -> Bool {
        keys(of: name).forms != 0
    }

    /// Names compare case- and accent-insensitively, without punctuation and legal forms (`AB`, `Ltd`).
    public func nameKey(_ name: String) -> String {
        keys(of: name).base
    }

    /// The name case- and accent-insensitively, without punctuation, its legal form kept but spelt one way:
    /// `Snickeri KB` is not `Snickeri AB`, `Alfa AB (publ)` is `Alfa AB`, `Beta Limited` is `Beta Ltd`.
    public func exactNameKey(_ name: String) -> String {
        keys(of: name).exact
    }

    /// A name's keys from one folding: the base name, its legal forms (spelt one way, as bits) and the two
    /// together.
    func keys(of name: String) -> (exact: String, base: String, forms: UInt64) {
        var base = ""
        var forms: UInt64 = 0
        for word in Self.words(of: name) {
            if let bit = bitOfSpelling[word] {
                forms |= bit
            } else {
                if !base.isEmpty { base += " " }
                base += word
            }
        }
        var exact = base
        for (form, bit) in formsByBit where forms & bit != 0 {
            if !exact.isEmpty { exact += " " }
            exact += form
        }
        return (exact, base, forms)
    }

    /// The name's words, folded as keywords are (``TextFolding``). A "word" of bytes beyond ASCII counts when it
    /// holds a letter or digit (Cyrillic, Greek, CJK names), not when it is punctuation alone ("–", "»").
    static func words(of name: String) -> [String] {
        TextFolding.searchBytes(name).split(separator: UInt8(ascii: " ")).compactMap { bytes in
            let word = String(decoding: bytes, as: UTF8.self)
            if bytes.contains(where: { $0 < 0x80 }) { return word }
            let hasLetterOrDigit = word.unicodeScalars.contains {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }
            return hasLetterOrDigit ? word : nil
        }
    }
}
