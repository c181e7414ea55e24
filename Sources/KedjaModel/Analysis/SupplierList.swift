import Foundation
import Tabular

/// The buyer's supplier list: what the ledger does not say about a supplier (country, production country,
/// CPV code or category), joined to spend lines on supplier id, then org number, then normalised name.
///
/// A name joins only one organisation: the exact name (legal form included) first, then the name without its
/// legal form if no two organisations in the list share it, and never across differing org numbers, so
/// "Snickeri KB" does not take on the country and spend of "Snickeri AB".
public struct SupplierList: Sendable {
    /// One supplier as the list describes it.
    public struct Entry: Sendable {
        /// The list's supplier id, if any.
        public var id: String
        /// The supplier's name.
        public var name: String
        /// The normalised organisation number, if valid (also derived from a Swedish VAT number).
        public var orgNumber: String?
        /// The registered country as written.
        public var country: String
        /// The production country as written (beats the registered one).
        public var productionCountry: String
        /// A CPV code for what the supplier delivers.
        public var cpv: String
        /// A category text (matched against keywords when there is no CPV code).
        public var category: String
        /// Where the entry is in the file.
        public var line: Int
    }

    /// The entries, in file order.
    public private(set) var entries: [Entry] = []
    /// The list's path.
    public var path: String

    private var byID: [String: Int] = [:]
    private var byOrgNumber: [String: Int] = [:]
    /// By ``exactNameKey(_:)``: the entry, or nil when entries of different organisations share the name.
    private var byName: [String: Int?] = [:]
    /// By ``nameKey(_:)`` (no legal form): the entry, or nil when entries of different organisations share it.
    private var byBaseName: [String: Int?] = [:]

    /// Loads a supplier list (any dialect) with the same header vocabulary as spend files.
    public init(path: String, vocabulary: ColumnVocabulary, overrides: [(ColumnRole, String)] = []) throws {
        self.path = path
        let table = try CSVTable.read(path: path)
        let mapping = try vocabulary.map(header: table.header, overrides: overrides)
        guard [.supplierID, .supplierName, .orgNumber, .vatNumber].contains(where: { mapping.column($0) != nil }) else {
            throw TemplateError(problems: [
                TemplateProblem(
                    path: path, line: 1,
                    message:
                        "the supplier list has no supplier id, name, org number or VAT number column among \(table.header.map { "'\($0)'" }.joined(separator: ", ")); add one or use --map"
                )
            ])
        }
        func value(_ row: CSVTable.Row, _ role: ColumnRole) -> String {
            mapping.column(role).map { row[$0].trimmingWhitespace() } ?? ""
        }
        for row in table.rows {
            let entry = Entry(
                id: value(row, .supplierID), name: value(row, .supplierName),
                orgNumber: (OrgNumber.parse(value(row, .orgNumber))
                    ?? VATNumber.parse(value(row, .vatNumber))?.orgNumber)
                    .map(\.description),
                country: value(row, .country), productionCountry: value(row, .productionCountry),
                cpv: value(row, .cpv), category: value(row, .category), line: row.line)
            add(entry)
        }
        byName = Self.organisations(of: namesakes.exact, in: entries, exactNames: namesakes.exactNameOf)
        byBaseName = Self.organisations(of: namesakes.base, in: entries, exactNames: namesakes.exactNameOf)
        namesakes = Namesakes()
    }

    /// While loading: the entries of each name, before they are told apart by organisation, and each entry's
    /// exact name key.
    private struct Namesakes {
        var exact: [String: [Int]] = [:]
        var base: [String: [Int]] = [:]
        var exactNameOf: [String] = []
    }

    private var namesakes = Namesakes()
    /// Per entry: its legal forms as a set of bits (see ``nameKeys(_:)``), for joins by a name without them.
    private var legalFormsOf: [UInt32] = []

    /// An empty list, for runs without `--suppliers`.
    public init() { path = "" }

    private mutating func add(_ entry: Entry) {
        let position = entries.count
        entries.append(entry)
        if !entry.id.isEmpty, byID[Self.idKey(entry.id)] == nil { byID[Self.idKey(entry.id)] = position }
        if let org = entry.orgNumber, byOrgNumber[org] == nil { byOrgNumber[org] = position }
        let keys = Self.nameKeys(entry.name)
        namesakes.exactNameOf.append(keys.exact)
        legalFormsOf.append(keys.forms)
        guard !keys.base.isEmpty, !Self.isMasked(keys.base) else { return }
        namesakes.exact[keys.exact, default: []].append(position)
        namesakes.base[keys.base, default: []].append(position)
    }

    /// Per name, its first entry when all its entries are one organisation, else nil. Two entries are one
    /// organisation when their org numbers agree, or, when one of them has none, when their exact names do.
    private static func organisations(
        of groups: [String: [Int]], in entries: [Entry], exactNames exactNameOf: [String]
    ) -> [String: Int?] {
        groups.mapValues { positions in
            var orgNumbers = Set<String>()
            var exactNames = Set<String>()
            var unnumberedNames = Set<String>()
            for position in positions {
                let exact = exactNameOf[position]
                exactNames.insert(exact)
                if let org = entries[position].orgNumber {
                    orgNumbers.insert(org)
                } else {
                    unnumberedNames.insert(exact)
                }
            }
            let oneOrganisation =
                orgNumbers.count <= 1
                && (unnumberedNames.isEmpty || (unnumberedNames.count == 1 && exactNames.count == 1))
            return oneOrganisation ? positions[0] : nil
        }
    }

    /// Finds a supplier by id, then org number, then name (exact, then without legal form when unambiguous); a
    /// name never joins an entry whose org number differs from the line's.
    public func match(id: String, orgNumber: String?, name: String) -> Int? {
        if !id.isEmpty, let position = byID[Self.idKey(id)] { return position }
        if let orgNumber, let position = byOrgNumber[orgNumber] { return position }
        let keys = Self.nameKeys(name)
        guard !keys.base.isEmpty, !Self.isMasked(keys.base) else { return nil }
        let position: Int
        if let exact = byName[keys.exact] {
            guard let exact else { return nil }  // several organisations of exactly this name
            position = exact
        } else if let candidate = byBaseName[keys.base] ?? nil {
            // Without their legal forms the names agree; with two different ones they are two companies.
            let listedForms = legalFormsOf[candidate]
            let forms = keys.forms
            guard forms == 0 || listedForms == 0 || forms == listedForms else { return nil }
            position = candidate
        } else {
            return nil
        }
        if let orgNumber, let listed = entries[position].orgNumber, listed != orgNumber { return nil }
        return position
    }

    private static let maskMarkerBytes = [
        "skyddad", "sekretess", "privatperson", "redacted", "personal data", "withheld",
    ]
    .map { Array($0.utf8) }

    private static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            (0...(haystack.count - needle.count)).contains { start in
                haystack[start] == first
                    && memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0
            }
        }
    }

    /// Masked names of sole traders ("Privatperson (skyddad)", "Redacted personal data") are shared by many
    /// suppliers, so they never join on name.
    public static func isMasked(_ nameKey: String) -> Bool {
        // Compared as bytes: Foundation's `contains` on strings costs microseconds a call.
        var key = nameKey
        return key.withUTF8 { key in maskMarkerBytes.contains { marker in Self.occurs(marker, in: key) } }
    }

    /// Ids compare without surrounding spaces and leading zeros (`000123` = `123`).
    static func idKey(_ id: String) -> String {
        let trimmed = id.trimmingWhitespace()
        let withoutZeros = trimmed.drop { $0 == "0" }
        return withoutZeros.isEmpty ? trimmed : String(withoutZeros)
    }

    /// Legal forms as words of a folded name (``TextFolding`` has taken case, accents and punctuation off, but
    /// kept å, ä and ö, so `för` and `for` are both listed).
    private static let legalForms: Set<String> = [
        "ab", "publ", "hb", "kb", "ek", "för", "for", "ekonomisk", "förening", "forening", "ltd", "limited", "plc",
        "llp", "inc", "gmbh", "oy", "as", "aps", "bv", "sa", "srl", "co", "company",
    ]

    /// Spellings of one legal form: `Limited` is `Ltd`, `Ekonomisk förening` is `Ek. för.`, `AB (publ)` is `AB`.
    private static let legalFormSpellings = [
        "limited": "ltd", "förening": "för", "forening": "för", "for": "för", "ekonomisk": "ek", "company": "co",
        "publ": "ab",
    ]

    /// Whether a name carries a company's legal form (`AB`, `HB`, `Ek. för.`, `Ltd`, `GmbH`, …): a company, which a
    /// word such as "stad" or "region" in its name does not make a public body.
    static func hasLegalForm(_ name: String) -> Bool {
        nameKeys(name).forms != 0
    }

    /// Each legal form as spelt one way, its bit in a set of forms (in sorted order, so the exact key lists
    /// forms the same way whatever order the name has them in).
    private static let legalFormBits: [String: UInt32] = Dictionary(
        uniqueKeysWithValues: Set(legalForms.map { legalFormSpellings[$0] ?? $0 }).sorted().enumerated()
            .map { ($1, UInt32(1) << UInt32($0)) })
    private static let legalFormsByBit = legalFormBits.sorted { $0.value < $1.value }

    /// Names compare case- and accent-insensitively, without punctuation and legal forms (`AB`, `Ltd`).
    public static func nameKey(_ name: String) -> String {
        nameKeys(name).base
    }

    /// The name case- and accent-insensitively, without punctuation, its legal form kept but spelt one way:
    /// `Snickeri KB` is not `Snickeri AB`, `Alfa AB (publ)` is `Alfa AB`, `Beta Limited` is `Beta Ltd`.
    public static func exactNameKey(_ name: String) -> String {
        nameKeys(name).exact
    }

    /// A name's keys from one folding: the base name, its legal forms (spelt one way, as bits) and the two
    /// together.
    static func nameKeys(_ name: String) -> (exact: String, base: String, forms: UInt32) {
        var base = ""
        var forms: UInt32 = 0
        for word in words(of: name) {
            if legalForms.contains(word) {
                forms |= legalFormBits[legalFormSpellings[word] ?? word] ?? 0
            } else {
                if !base.isEmpty { base += " " }
                base += word
            }
        }
        var exact = base
        for (form, bit) in legalFormsByBit where forms & bit != 0 {
            if !exact.isEmpty { exact += " " }
            exact += form
        }
        return (exact, base, forms)
    }

    /// The name's words, folded as keywords are (``TextFolding``). A "word" of bytes beyond ASCII counts when it
    /// holds a letter or digit (Cyrillic, Greek, CJK names), not when it is punctuation alone ("–", "»").
    private static func words(of name: String) -> [String] {
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
