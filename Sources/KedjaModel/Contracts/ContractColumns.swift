import Foundation
import Tabular

/// A column of a contracts or audits file, whatever the user's header calls it: the names users type in
/// `--map FIELD=COLUMN` and that `Templates/contract-columns.csv` lists synonyms for.
public enum ContractColumn: String, CaseIterable, Sendable {
    case contractID = "contract_id"
    case supplierID = "supplier_id"
    case orgNumber = "org_number"
    case supplierName = "supplier_name"
    case category
    case cpv
    case start
    case end
    case conditions
    case codeOfConduct = "code_of_conduct"
    case date
    case kind
    case result
    case source

    /// The fields only a contracts or audits file has, which `--map` sends there rather than to the spend file.
    public static let ownFields: [ContractColumn] = [
        .contractID, .start, .end, .conditions, .codeOfConduct, .kind, .result, .source,
    ]
}

/// The header names of contracts and audits files (`Templates/contract-columns.csv`), matched like the spend roles:
/// case, accents and punctuation aside, exact names first, then a header that starts with a name of four letters or
/// more.
public struct ContractVocabulary: Sendable {
    /// The synonyms in table order, normalised.
    var synonyms: [(column: ContractColumn, text: String, key: String)]

    /// The table's file name.
    public static let file = "contract-columns.csv"

    /// Loads the table from a rule set; a folder exported before the table existed falls back to the built-in one.
    public static func load(from location: TemplateLocation) throws -> ContractVocabulary {
        var reader = TemplateReader(location: location)
        if case .folder = location, location.contents(of: file) == nil {
            reader = TemplateReader(location: .builtIn)
        }
        var synonyms: [(ContractColumn, String, String)] = []
        let names = ContractColumn.allCases.map(\.rawValue).joined(separator: ", ")
        for row in reader.rows(of: file, columns: ["field", "synonym"]) ?? [] {
            guard let column = ContractColumn(rawValue: row["field"]) else {
                reader.error(
                    file, row.line,
                    Phrase(
                        sv: "field '\(row["field"])' är inget fält. Använd något av \(names).",
                        en: "field '\(row["field"])' is not a field. Use one of \(names)."))
                continue
            }
            guard let synonym = reader.required(row, "synonym", in: file) else { continue }
            synonyms.append((column, synonym, ColumnVocabulary.normalizedHeader(synonym)))
        }
        guard reader.errors.isEmpty else { throw TemplateError(problems: reader.errors) }
        return ContractVocabulary(synonyms: synonyms)
    }

    /// The column of each field in `header`: `--map` overrides (by header name or 1-based number) first, then
    /// exact synonyms in table order, then prefixes.
    public func map(header: [String], overrides: [(ContractColumn, String)] = []) -> [ContractColumn: Int] {
        let keys = header.map(ColumnVocabulary.normalizedHeader)
        var found: [ContractColumn: Int] = [:]
        var taken = Set<Int>()
        for (column, name) in overrides {
            let index: Int? =
                if let number = Int(name), number >= 1, number <= header.count { number - 1 } else {
                    keys.firstIndex(of: ColumnVocabulary.normalizedHeader(name))
                }
            guard let index else { continue }
            found[column] = index
            taken.insert(index)
        }
        for exact in [true, false] {
            for synonym in synonyms where found[synonym.column] == nil {
                let index = keys.indices.first { index in
                    guard !taken.contains(index), !keys[index].isEmpty else { return false }
                    return exact
                        ? keys[index] == synonym.key : synonym.key.count >= 4 && keys[index].hasPrefix(synonym.key)
                }
                guard let index else { continue }
                found[synonym.column] = index
                taken.insert(index)
            }
        }
        return found
    }
}

/// A contracts or audits file lacks a column it cannot do without (exit 65).
public struct ContractFileError: Error, CustomStringConvertible, Sendable {
    /// The file as the user named it.
    public var path: String
    /// What is missing and how to fix it.
    public var message: String
    public var description: String { "\(path): \(message)" }
}

extension ContractFileError: ExitStatusReporting {
    public var exitStatus: ExitStatus { .dataError }
}

/// Reads the cells of a contracts or audits file shared by both: dates in the usual layouts, the supplier's keys.
enum ContractCells {
    /// A date in ISO, compact, `D.M.YYYY`, `DD-MM-YYYY` or `DD/MM/YYYY` form.
    static func date(_ text: String) -> CivilDate? {
        let trimmed = text.trimmingWhitespace()
        for layout in [DateLayout.iso, .compact, .dayMonthYearDot, .dayMonthYearDash, .dayMonthYearSlash] {
            if let date = DateParser.parse(trimmed, layout: layout) { return date }
        }
        return nil
    }

    /// `ja/nej`, `yes/no` (and `x`, `1`, `0`, `true`, `false`); nil for an empty or unknown cell.
    static func yesNo(_ text: String) -> Bool?? {
        let key = ColumnVocabulary.normalizedHeader(text)
        if key.isEmpty { return .some(nil) }
        if ["ja", "yes", "j", "y", "x", "1", "true", "sant"].contains(key) { return true }
        if ["nej", "no", "n", "0", "false", "falskt", "saknas", "ingen"].contains(key) { return false }
        return nil
    }
}

/// Finds the entries of a contracts or audits file for a supplier: by supplier id, then org number, then name (with
/// and without legal form). An entry whose organisation number differs from the supplier's is never its own, however
/// its id or name agrees: two companies may share a name, as the supplier list's join holds too.
struct SupplierKeyIndex: Sendable {
    private var byID: [String: [Int]] = [:]
    private var byOrg: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    private var byBaseName: [String: [Int]] = [:]
    /// Each entry's organisation number, where it has one.
    private var orgNumbers: [Int: String] = [:]
    let legalForms: LegalForms

    init(legalForms: LegalForms) { self.legalForms = legalForms }

    mutating func add(_ position: Int, id: String, orgNumber: String?, name: String) {
        if !id.isEmpty { byID[SupplierList.idKey(id), default: []].append(position) }
        if let orgNumber {
            byOrg[orgNumber, default: []].append(position)
            orgNumbers[position] = orgNumber
        }
        let keys = legalForms.keys(of: name)
        guard !keys.base.isEmpty, !SupplierList.isMasked(keys.base) else { return }
        byName[keys.exact, default: []].append(position)
        byBaseName[keys.base, default: []].append(position)
    }

    /// The positions for a register row's supplier; the first key that finds any wins.
    func matches(id: String?, orgNumber: String?, name: String) -> [Int] {
        if let orgNumber, let found = byOrg[orgNumber] { return found }
        func sameCompany(_ positions: [Int]?) -> [Int]? {
            guard let positions, let orgNumber else { return positions }
            let kept = positions.filter { orgNumbers[$0] == nil || orgNumbers[$0] == orgNumber }
            return kept.isEmpty ? nil : kept
        }
        if let id, !id.isEmpty, let found = sameCompany(byID[SupplierList.idKey(id)]) { return found }
        let keys = legalForms.keys(of: name)
        guard !keys.base.isEmpty, !SupplierList.isMasked(keys.base) else { return [] }
        return sameCompany(byName[keys.exact]) ?? sameCompany(byBaseName[keys.base]) ?? []
    }
}
