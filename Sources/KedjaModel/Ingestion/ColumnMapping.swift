import Foundation
import Tabular

/// Which column of a file holds which role, and why: the answer `inspect` shows and every command uses.
///
/// Users never rename their ERP's columns: a mapping comes from `--map` overrides first, then an ERP
/// profile (named, or the best match to the header), then Swedish and English header synonyms.
public struct ColumnMapping: Sendable, Equatable {
    /// One role's column.
    public struct Assignment: Sendable, Equatable {
        /// The column's position, from 0.
        public var column: Int
        /// The column's header as written in the file.
        public var header: String
        /// Why this column got the role, for `inspect`.
        public var basis: Basis
        /// Why this column got the role, in English.
        public var reason: String { basis.text(.en) }
    }

    /// Why a column got its role: said in the run's language by `inspect` and the JSON summary.
    public enum Basis: Sendable, Equatable, Bilingual {
        /// `--map ROLE=COLUMN`, as typed.
        case override(ColumnRole, column: String)
        /// An ERP profile's column name.
        case profile(String, column: String)
        /// A header synonym, matched whole or as the header's start.
        case header(synonym: String, exact: Bool)

        public func text(_ language: Language) -> String {
            switch self {
            case .override(let role, let column):
                "--map \(role.rawValue)=\(column)"
            case .profile(let name, let column):
                Phrase(sv: "profil \(name): '\(column)'", en: "profile \(name): '\(column)'").text(language)
            case .header(let synonym, let exact):
                exact
                    ? Phrase(sv: "rubriken är '\(synonym)'", en: "header matches '\(synonym)'").text(language)
                    : Phrase(sv: "rubriken börjar med '\(synonym)'", en: "header starts with '\(synonym)'").text(
                        language)
            }
        }
    }

    /// The header as read.
    public var header: [String]
    /// The roles found.
    public var assignments: [ColumnRole: Assignment]
    /// The ERP profile used, if any.
    public var profile: String?

    /// The column index for a role, if the file has it.
    public func column(_ role: ColumnRole) -> Int? { assignments[role]?.column }

    /// The message for commands that need spend when no amount column was found: the headers seen and the fix.
    /// `place` names the header: `ledger.csv, line 1`, or a worksheet's header row; `language` is the message's.
    ///
    /// The example `--map` names a column only from `amountColumns` (columns whose values read as amounts), never
    /// just any header: a user who copies the example must not get a supplier number summed as spend. A file that
    /// reads like a supplier list is said to be one, since the likely mistake is the files given the wrong way round.
    public func missingAmountMessage(place: String, amountColumns: [Int], language: Language = .en) -> String {
        // A hostile or broken header can have a million columns, or one name of megabytes: show the first few
        // dozen names, each cut short, and count the rest, so the message stays a message.
        let shownCount = 36
        let nameLength = 60
        var seen = header.prefix(shownCount).map { name in
            name.count > nameLength ? "'\(name.prefix(nameLength))…'" : "'\(name)'"
        }.joined(separator: ", ")
        if header.count > shownCount {
            let more = header.count - shownCount
            seen += Phrase(
                sv: " och \(more) till (\(header.count) i allt)", en: " and \(more) more (\(header.count) in all)"
            ).text(language)
        }
        var message = Phrase(
            sv: "\(place): ingen beloppskolumn bland rubrikerna \(seen).",
            en: "\(place): no amount column found among the headers \(seen)."
        ).text(language)
        if looksLikeSupplierList {
            message += Phrase(
                sv: " Det ser ut som en leverantörslista (leverantörer med länder eller kategorier, inga belopp): har "
                    + "filerna bytt plats? Ange reskontran först och leverantörslistan med --suppliers. Är det här "
                    + "reskontran, tala om för Kedja vilken kolumn som har beloppet med --map amount=KOLUMN.",
                en:
                    " It looks like a supplier list (suppliers with countries or categories, no amounts): were the files "
                    + "swapped? Give the spend export first and the supplier list with --suppliers. If this is the spend "
                    + "export, tell Kedja which column holds the amount with --map amount=COLUMN."
            ).text(language)
        } else if let column = amountColumns.first, header.indices.contains(column) {
            message += Phrase(
                sv: " Tala om för Kedja vilken kolumn som har beloppet, t.ex. --map amount=\"\(header[column])\".",
                en: " Tell Kedja which column holds the amount, e.g. --map amount=\"\(header[column])\"."
            ).text(language)
        } else {
            message += Phrase(
                sv:
                    " Tala om för Kedja vilken kolumn som har beloppet med --map amount=KOLUMN (dess rubrik, eller dess "
                    + "nummer från 1); ingen kolumn här har belopp som Kedja kan läsa.",
                en: " Tell Kedja which column holds the amount with --map amount=COLUMN (its header, or its number "
                    + "from 1); no column here holds amounts that Kedja can read."
            ).text(language)
        }
        return message
    }

    /// Whether the header reads like a supplier list rather than a ledger: suppliers with a country, production
    /// country, CPV code or category, and no amount, date, invoice or account.
    public var looksLikeSupplierList: Bool {
        let roles = Set(assignments.keys)
        return roles.isDisjoint(with: [.amount, .date, .invoice, .account])
            && !roles.isDisjoint(with: [.supplierID, .supplierName, .orgNumber])
            && !roles.isDisjoint(with: [.country, .productionCountry, .cpv, .category])
    }
}

/// The header synonyms and ERP profiles the mapper matches against, loaded from `Templates/`.
public struct ColumnVocabulary: Sendable {
    /// A synonym and its role, normalised for matching.
    struct Synonym: Sendable {
        var role: ColumnRole
        var text: String
        var key: String
        var rank: Int
    }

    /// An ERP profile: fixed column names for each role.
    public struct Profile: Sendable {
        /// The file name without extension (`raindance`).
        public var name: String
        /// The ERP system and layout it describes.
        public var note: String
        /// Role → column name.
        public var columns: [(role: ColumnRole, column: String)]
    }

    var synonyms: [Synonym]
    /// The profiles, by name.
    public var profiles: [String: Profile]

    /// Words (normalised) that mark a VAT or gross column (`moms`, `inkl`), and words that mark a net one
    /// (`exkl`), from `roles.csv`.
    let vatWords: [String]
    let netWords: [String]

    init(synonyms: [Synonym], profiles: [String: Profile], vatWords: [String], netWords: [String]) {
        self.synonyms = synonyms
        self.profiles = profiles
        self.vatWords = vatWords
        self.netWords = netWords
    }

    /// Lower case, accents folded, everything but letters and digits removed: `Belopp exkl. moms` → `beloppexklmoms`.
    public static func normalizedHeader(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Maps a header to roles.
    ///
    /// - Parameters:
    ///   - overrides: `--map ROLE=COLUMN` pairs; COLUMN is a header name or a 1-based column number.
    ///   - profileName: `--profile NAME`; nil chooses the best-matching profile, if any matches well.
    public func map(header: [String], overrides: [(ColumnRole, String)] = [], profileName: String? = nil) throws
        -> ColumnMapping
    {
        var mapping = ColumnMapping(header: header, assignments: [:], profile: nil)
        var taken = Set<Int>()
        let keys = header.map(Self.normalizedHeader)

        for (role, column) in overrides {
            guard let index = Self.columnIndex(column, keys: keys, count: header.count) else {
                throw MappingError.unknownColumn(role: role, column: column, header: header)
            }
            mapping.assignments[role] = .init(
                column: index, header: header[index], basis: .override(role, column: column))
            taken.insert(index)
        }

        let profile: Profile?
        if let profileName {
            guard let named = profiles[profileName] else {
                throw MappingError.unknownProfile(profileName, known: profiles.keys.sorted())
            }
            profile = named
        } else {
            profile = bestProfile(keys: keys)
        }
        if let profile {
            mapping.profile = profile.name
            for (role, column) in profile.columns where mapping.assignments[role] == nil {
                let key = Self.normalizedHeader(column)
                guard let index = keys.firstIndex(of: key), !taken.contains(index) else { continue }
                mapping.assignments[role] = .init(
                    column: index, header: header[index], basis: .profile(profile.name, column: column))
                taken.insert(index)
            }
        }

        // Synonyms: exact matches in table order (earlier rows are preferred), then a column whose header
        // starts with a synonym of four letters or more ("Belopp SEK" → amount).
        for exact in [true, false] {
            for synonym in synonyms where mapping.assignments[synonym.role] == nil {
                let index = keys.indices.first { index in
                    guard !taken.contains(index), !keys[index].isEmpty else { return false }
                    return exact
                        ? keys[index] == synonym.key
                        : synonym.key.count >= 4 && keys[index].hasPrefix(synonym.key) && !isVATColumn(keys[index])
                }
                guard let index else { continue }
                mapping.assignments[synonym.role] = .init(
                    column: index, header: header[index], basis: .header(synonym: synonym.text, exact: exact))
                taken.insert(index)
            }
        }
        return mapping
    }

    /// A VAT or gross column (`Belopp inkl. moms`, `Momsbelopp`) must never be read as the spend amount because
    /// its header starts with an amount's name; `Belopp exkl. moms` is the net amount.
    private func isVATColumn(_ key: String) -> Bool {
        vatWords.contains { key.contains($0) } && !netWords.contains { key.contains($0) }
    }

    private func bestProfile(keys: [String]) -> Profile? {
        let present = Set(keys)
        var best: (profile: Profile, hits: Int)?
        for name in profiles.keys.sorted() {
            guard let profile = profiles[name] else { continue }
            let hits = profile.columns.filter { present.contains(Self.normalizedHeader($0.column)) }.count
            let needed = max(3, (profile.columns.count * 2 + 2) / 3)
            guard hits >= needed else { continue }
            if best == nil || hits > best!.hits { best = (profile, hits) }
        }
        return best?.profile
    }

    private static func columnIndex(_ column: String, keys: [String], count: Int) -> Int? {
        if let number = Int(column), number >= 1, number <= count { return number - 1 }
        let key = normalizedHeader(column)
        return keys.firstIndex(of: key)
    }
}

/// A problem in a user's `--map` or `--profile` (exit 64).
public enum MappingError: Error, CustomStringConvertible, Equatable {
    case unknownColumn(role: ColumnRole, column: String, header: [String])
    case unknownProfile(String, known: [String])
    case badOverride(String)

    public var description: String {
        switch self {
        case .unknownColumn(let role, let column, let header):
            return
                "--map \(role.rawValue)=\(column): no such column. The headers are: \(header.map { "'\($0)'" }.joined(separator: ", ")) (or give a column number from 1)."
        case .unknownProfile(let name, let known):
            return "--profile \(name): no such profile. Known profiles: \(known.joined(separator: ", "))."
        case .badOverride(let text):
            return
                "--map \(text): write ROLE=COLUMN with ROLE one of \(ColumnRole.allCases.map(\.rawValue).joined(separator: ", "))."
        }
    }

    /// Parses one `--map ROLE=COLUMN` argument.
    public static func parseOverride(_ text: String) throws -> (ColumnRole, String) {
        guard let equals = text.firstIndex(of: "="),
            let role = ColumnRole(rawValue: text[..<equals].trimmingCharacters(in: .whitespaces).lowercased())
        else { throw MappingError.badOverride(text) }
        return (role, String(text[text.index(after: equals)...]))
    }
}

extension MappingError: ExitStatusReporting {
    public var exitStatus: ExitStatus { .usage }
}
