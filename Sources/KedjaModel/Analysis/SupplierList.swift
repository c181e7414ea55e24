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
    /// By ``LegalForms/exactNameKey(_:)``: the entry, or nil when entries of different organisations share the name.
    private var byName: [String: Int?] = [:]
    /// By ``LegalForms/nameKey(_:)`` (no legal form): the entry, or nil when entries of different organisations share it.
    private var byBaseName: [String: Int?] = [:]

    /// Loads a supplier list (any dialect) with the same header vocabulary as spend files.
    public init(
        path: String, vocabulary: ColumnVocabulary, legalForms: LegalForms, overrides: [(ColumnRole, String)] = []
    ) throws {
        self.path = path
        self.legalForms = legalForms
        let table = try CSVTable.read(path: path)
        let mapping = try vocabulary.map(header: table.header, overrides: overrides)
        guard [.supplierID, .supplierName, .orgNumber, .vatNumber].contains(where: { mapping.column($0) != nil }) else {
            let header = table.header.map { "'\($0)'" }.joined(separator: ", ")
            throw TemplateError(problems: [
                TemplateProblem(
                    path: path, line: 1,
                    phrase: Phrase(
                        sv: "leverantörslistan har ingen kolumn för leverantörsnummer, namn, org.nr eller "
                            + "momsregistreringsnummer bland \(header); lägg till en eller använd --map",
                        en: "the supplier list has no supplier id, name, org number or VAT number column among "
                            + "\(header); add one or use --map"))
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
    /// Per entry: its legal forms as a set of bits (``LegalForms``), for joins by a name without them.
    private var legalFormsOf: [UInt64] = []
    /// The legal forms names are compared with and without.
    private let legalForms: LegalForms

    /// An empty list, for runs without `--suppliers`.
    public init() {
        path = ""
        legalForms = LegalForms(spellings: [])
    }

    private mutating func add(_ entry: Entry) {
        let position = entries.count
        entries.append(entry)
        if !entry.id.isEmpty, byID[Self.idKey(entry.id)] == nil { byID[Self.idKey(entry.id)] = position }
        if let org = entry.orgNumber, byOrgNumber[org] == nil { byOrgNumber[org] = position }
        let keys = legalForms.keys(of: entry.name)
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
        let keys = legalForms.keys(of: name)
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
}
