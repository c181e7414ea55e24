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
    /// By ``exactNameKey(_:)``: the first entry of that name.
    private var byName: [String: Int] = [:]
    /// By ``nameKey(_:)`` (no legal form): the entry, or nil when entries of different organisations share it.
    private var byBaseName: [String: Int?] = [:]

    /// Loads a supplier list (any dialect) with the same header vocabulary as spend files.
    public init(path: String, vocabulary: ColumnVocabulary, overrides: [(ColumnRole, String)] = []) throws {
        self.path = path
        let table = try CSVTable.read(path: path)
        let mapping = try vocabulary.map(header: table.header, overrides: overrides)
        guard [.supplierID, .supplierName, .orgNumber, .vatNumber].contains(where: { mapping.column($0) != nil }) else {
            throw TemplateError(problems: [TemplateProblem(path: path, line: 1, message:
                "the supplier list has no supplier id, name, org number or VAT number column among \(table.header.map { "'\($0)'" }.joined(separator: ", ")); add one or use --map")])
        }
        func value(_ row: CSVTable.Row, _ role: ColumnRole) -> String {
            mapping.column(role).map { row[$0].trimmingWhitespace() } ?? ""
        }
        for row in table.rows {
            let entry = Entry(
                id: value(row, .supplierID), name: value(row, .supplierName),
                orgNumber: (OrgNumber.parse(value(row, .orgNumber)) ?? VATNumber.parse(value(row, .vatNumber))?.orgNumber)
                    .map(\.description),
                country: value(row, .country), productionCountry: value(row, .productionCountry),
                cpv: value(row, .cpv), category: value(row, .category), line: row.line)
            add(entry)
        }
    }

    /// An empty list, for runs without `--suppliers`.
    public init() { path = "" }

    private mutating func add(_ entry: Entry) {
        let position = entries.count
        entries.append(entry)
        if !entry.id.isEmpty, byID[Self.idKey(entry.id)] == nil { byID[Self.idKey(entry.id)] = position }
        if let org = entry.orgNumber, byOrgNumber[org] == nil { byOrgNumber[org] = position }
        let (exact, base) = Self.nameKeys(entry.name)
        guard !base.isEmpty, !Self.isMasked(base) else { return }
        if byName[exact] == nil { byName[exact] = position }
        switch byBaseName[base] {
        case .none:
            byBaseName[base] = position
        case .some(.some(let earlier)) where !Self.sameOrganisation(entries[earlier], entry):
            byBaseName[base] = .some(nil)
        default:
            break
        }
    }

    /// Two entries are one organisation when their org numbers agree, or when their exact names do and at most one
    /// has an org number.
    private static func sameOrganisation(_ first: Entry, _ second: Entry) -> Bool {
        if let one = first.orgNumber, let other = second.orgNumber { return one == other }
        return exactNameKey(first.name) == exactNameKey(second.name)
    }

    /// Finds a supplier by id, then org number, then name (exact, then without legal form when unambiguous); a
    /// name never joins an entry whose org number differs from the line's.
    public func match(id: String, orgNumber: String?, name: String) -> Int? {
        if !id.isEmpty, let position = byID[Self.idKey(id)] { return position }
        if let orgNumber, let position = byOrgNumber[orgNumber] { return position }
        let (exactKey, base) = Self.nameKeys(name)
        guard !base.isEmpty, !Self.isMasked(base) else { return nil }
        let position: Int
        if let exact = byName[exactKey] {
            position = exact
        } else if let candidate = byBaseName[base] ?? nil {
            // Without their legal forms the names agree; with two different ones they are two companies.
            let forms = Self.legalForms(of: name)
            let listedForms = Self.legalForms(of: entries[candidate].name)
            guard forms.isEmpty || listedForms.isEmpty || forms == listedForms else { return nil }
            position = candidate
        } else {
            return nil
        }
        if let orgNumber, let listed = entries[position].orgNumber, listed != orgNumber { return nil }
        return position
    }

    private static let maskMarkerBytes = ["skyddad", "sekretess", "privatperson", "redacted", "personal data", "withheld"]
        .map { Array($0.utf8) }

    private static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            (0...(haystack.count - needle.count)).contains { start in
                haystack[start] == first && memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0
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

    private static let legalForms: Set<String> = [
        "ab", "publ", "hb", "kb", "ek", "för", "for", "ekonomisk", "förening", "forening", "ltd", "limited", "plc",
        "llp", "inc", "gmbh", "oy", "as", "a/s", "aps", "bv", "sa", "srl", "co", "company",
    ]

    /// Spellings of one legal form: `Limited` is `Ltd`, `Ekonomisk förening` is `Ek. för.`, `AB (publ)` is `AB`.
    private static let legalFormSpellings = [
        "limited": "ltd", "forening": "for", "ekonomisk": "ek", "company": "co", "publ": "ab",
    ]

    /// The legal forms a name carries, spelt one way.
    static func legalForms(of name: String) -> Set<String> {
        Set(words(of: name).filter(legalForms.contains).map { legalFormSpellings[$0] ?? $0 })
    }

    /// Names compare case- and accent-insensitively, without punctuation and legal forms (`AB`, `Ltd`).
    public static func nameKey(_ name: String) -> String {
        nameKeys(name).base
    }

    /// The name case- and accent-insensitively, without punctuation, legal form kept: `Snickeri KB` is not
    /// `Snickeri AB`.
    public static func exactNameKey(_ name: String) -> String {
        nameKeys(name).exact
    }

    /// ``exactNameKey(_:)`` and ``nameKey(_:)`` from one folding of the name.
    static func nameKeys(_ name: String) -> (exact: String, base: String) {
        let words = words(of: name)
        return (words.joined(separator: " "), words.filter { !legalForms.contains($0) }.joined(separator: " "))
    }

    /// The name's words, folded as keywords are (``TextFolding``); a "word" of punctuation beyond ASCII alone
    /// ("–", "»") is not one.
    private static func words(of name: String) -> [String] {
        TextFolding.searchBytes(name).split(separator: UInt8(ascii: " "))
            .filter { $0.contains { $0 < 0x80 } }
            .map { String(decoding: $0, as: UTF8.self) }
    }
}
