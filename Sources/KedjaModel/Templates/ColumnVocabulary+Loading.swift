import Foundation
import Tabular

extension ColumnVocabulary {
    /// The rows of `roles.csv` that name no role but words of a header that must not be read as the spend
    /// amount (``ColumnVocabulary/isVATColumn(_:)``).
    private enum HeaderWord: String, CaseIterable {
        case vat = "vat_word"
        case net = "net_word"
    }

    /// Loads `roles.csv` and `profiles/*.csv` from a templates folder.
    ///
    /// Read like every other rule table (``TemplateReader``): columns found by name, and every bad row reported
    /// with its file, line and fix in one ``TemplateError``; a missing `roles.csv` is a broken rule set (exit 65)
    /// like any other missing table.
    public static func load(from location: TemplateLocation) throws -> ColumnVocabulary {
        var reader = TemplateReader(location: location)
        let roleNames = ColumnRole.allCases.map(\.rawValue).joined(separator: ", ")
        var synonyms: [Synonym] = []
        var headerWords: [HeaderWord: [String]] = [:]
        for row in reader.rows(of: "roles.csv", columns: ["role", "synonym"]) ?? [] {
            if let kind = HeaderWord(rawValue: row["role"]) {
                guard let word = reader.required(row, "synonym", in: "roles.csv") else { continue }
                headerWords[kind, default: []].append(normalizedHeader(word))
                continue
            }
            guard let role = ColumnRole(rawValue: row["role"]) else {
                let known = roleNames + ", " + HeaderWord.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(
                    "roles.csv", row.line,
                    Phrase(
                        sv: "role '\(row["role"])' är ingen roll. Använd någon av \(known).",
                        en: "role '\(row["role"])' is not a role. Use one of \(known)."))
                continue
            }
            guard let synonym = reader.required(row, "synonym", in: "roles.csv") else { continue }
            synonyms.append(
                Synonym(role: role, text: synonym, key: normalizedHeader(synonym), rank: synonyms.count))
        }
        var profiles: [String: Profile] = [:]
        for table in location.files(under: "profiles") where table.hasSuffix(".csv") {
            var columns: [(ColumnRole, String)] = []
            let rows = reader.rows(of: table, columns: ["role", "column"], optional: ["note"]) ?? []
            for row in rows {
                guard let role = ColumnRole(rawValue: row["role"]) else {
                    reader.error(
                        table, row.line,
                        Phrase(
                            sv: "role '\(row["role"])' är ingen roll. Använd någon av \(roleNames).",
                            en: "role '\(row["role"])' is not a role. Use one of \(roleNames)."))
                    continue
                }
                guard let column = reader.required(row, "column", in: table) else { continue }
                columns.append((role, column))
            }
            let name = String(table.dropFirst("profiles/".count).dropLast(4))
            profiles[name] = Profile(name: name, note: rows.first?["note"] ?? "", columns: columns)
        }
        guard reader.errors.isEmpty else { throw TemplateError(problems: reader.errors) }
        return ColumnVocabulary(
            synonyms: synonyms, profiles: profiles, vatWords: headerWords[.vat] ?? [],
            netWords: headerWords[.net] ?? [])
    }

    /// Loads the vocabulary of a folder's tables.
    public static func load(from directory: URL) throws -> ColumnVocabulary {
        try load(from: .folder(directory))
    }
}
