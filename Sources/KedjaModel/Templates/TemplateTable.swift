import Foundation
import Tabular

/// One data row of a rule table, with its fields trimmed and addressable by column name.
struct TemplateRow {
    /// The physical line where the row starts (the header is line 1).
    let line: Int
    private let fields: [String]
    private let columns: [String: Int]

    init(line: Int, fields: [String], columns: [String: Int]) {
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    /// The trimmed field under `column`; empty when the column is absent or the row is short.
    subscript(column: String) -> String {
        guard let index = columns[column], index < fields.count else { return "" }
        return fields[index]
    }
}

/// Reads the rule tables of one set, collecting every error and warning with file and line.
struct TemplateReader {
    let location: TemplateLocation
    /// Problems that make the set unusable; `TemplateSet.load` throws them.
    private(set) var errors: [TemplateProblem] = []
    /// Doubtful but usable content; `TemplateSet.problems` reports it.
    private(set) var warnings: [TemplateProblem] = []

    init(location: TemplateLocation) {
        self.location = location
    }

    func path(of file: String) -> String {
        location.path(of: file)
    }

    mutating func error(_ file: String, _ line: Int?, _ phrase: Phrase) {
        errors.append(TemplateProblem(path: path(of: file), line: line, phrase: phrase))
    }

    mutating func warning(_ file: String, _ line: Int?, _ phrase: Phrase) {
        warnings.append(TemplateProblem(path: path(of: file), line: line, phrase: phrase))
    }

    /// The rows of `file`, which must have every column in `columns`; `optional` columns are read
    /// when present. Blank rows are skipped. When the file is missing, unreadable or lacks a column,
    /// the problem is recorded and the result is nil.
    mutating func rows(of file: String, columns: [String], optional: [String] = []) -> [TemplateRow]? {
        guard let bytes = location.contents(of: file) else {
            error(
                file, nil,
                Phrase(
                    sv: "tabellen saknas. Återställ den från den inbyggda uppsättningen "
                        + "(kedja templates export KATALOG) eller från versionshanteringen.",
                    en: "the table is missing. Restore it from the bundled set (kedja templates export DIR) or from "
                        + "version control."))
            return nil
        }
        let table: CSVTable
        do {
            table = try CSVTable.read(bytes: bytes, path: path(of: file))
        } catch let failure as CSVError where failure.kind == .empty {
            // A rule table is restored, not exported from the ERP system as the CSV layer's own advice says.
            error(
                file, nil,
                Phrase(
                    sv: "tabellen är tom. Återställ den från den inbyggda uppsättningen (kedja templates export "
                        + "KATALOG) eller från versionshanteringen.",
                    en: "the table is empty. Restore it from the bundled set (kedja templates export DIR) or from "
                        + "version control."))
            return nil
        } catch let failure as CSVError {
            error(
                file, failure.line,
                Phrase(
                    sv: "kan inte läsas som en tabell: \(Self.messageWithoutPlace(failure, in: .sv))",
                    en: "cannot be read as a table: \(Self.messageWithoutPlace(failure, in: .en))"))
            return nil
        } catch {
            self.error(
                file, nil,
                Phrase(
                    sv: "kan inte läsas som en tabell: \((error as? any Bilingual)?.text(.sv) ?? "\(error)")",
                    en: "cannot be read as a table: \(error)"))
            return nil
        }
        var indices: [String: Int] = [:]
        var missing: [String] = []
        for column in columns {
            if let index = table.column(named: column) { indices[column] = index } else { missing.append(column) }
        }
        for column in optional {
            if let index = table.column(named: column) { indices[column] = index }
        }
        guard missing.isEmpty else {
            let seen = table.header.joined(separator: ";")
            let lacking = missing.joined(separator: ", ")
            let named = columns.joined(separator: ";")
            error(
                file, 1,
                Phrase(
                    sv: "rubrikraden saknar \(lacking). Rad 1 ska ange kolumnerna \(named) åtskilda av semikolon; nu "
                        + "står det '\(seen)'.",
                    en: "the header lacks \(lacking). Row 1 must name the columns \(named) separated by semicolons; it "
                        + "reads '\(seen)'."))
            return nil
        }
        return table.rows.compactMap { row in
            let fields = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.contains(where: { !$0.isEmpty }) else { return nil }
            return TemplateRow(line: row.line, fields: fields, columns: indices)
        }
    }

    /// A CSV error's message in `language` without its leading "path, line N: ", which the problem states itself.
    private static func messageWithoutPlace(_ failure: CSVError, in language: Language) -> String {
        let text = failure.text(language)
        guard text.hasPrefix(failure.path), let colon = text.range(of: ": ") else { return text }
        return String(text[colon.upperBound...])
    }

    // MARK: Field readers: each returns nil after recording an error that names the fix.

    mutating func level(_ row: TemplateRow, _ column: String, in file: String) -> RiskLevel? {
        let text = row[column]
        if let level = RiskLevel(code: text) { return level }
        error(
            file, row.line,
            Phrase(
                sv:
                    "\(column) '\(text)' är ingen risknivå. Skriv hög, medel, låg eller okänd (eller high, medium, low, "
                    + "unknown).",
                en: "\(column) '\(text)' is not a risk level. Write high, medium, low or unknown (or hög, medel, låg, "
                    + "okänd)."))
        return nil
    }

    /// The level of every risk area, each in the column named after the area; nil (with an error per bad
    /// cell) when any is not a level.
    mutating func levels(_ row: TemplateRow, in file: String) -> RiskProfile? {
        var levels = RiskProfile()
        var read = true
        for area in RiskArea.allCases {
            if let level = level(row, area.rawValue, in: file) { levels[area] = level } else { read = false }
        }
        return read ? levels : nil
    }

    mutating func cpvCode(_ row: TemplateRow, _ column: String, in file: String) -> (
        code: String, checkDigit: Character?
    )? {
        let text = row[column]
        if let parsed = CPVCode.parse(text) { return parsed }
        error(
            file, row.line,
            Phrase(
                sv: "\(column) '\(text)' är ingen CPV-kod. Skriv de 8 siffrorna som i CPV 2008, t.ex. 18000000 eller "
                    + "18000000-7 (formatera kolumnen som text i Excel så att inledande nollor behålls).",
                en: "\(column) '\(text)' is not a CPV code. Write the 8 digits as in CPV 2008, e.g. 18000000 or "
                    + "18000000-7 (format the column as text in Excel so leading zeros stay)."))
        return nil
    }

    mutating func required(_ row: TemplateRow, _ column: String, in file: String, why: Phrase? = nil) -> String? {
        let text = row[column]
        if !text.isEmpty { return text }
        error(
            file, row.line,
            Phrase(
                sv: "\(column) är tom\(why.map { ": \($0.sv)" } ?? ""). Fyll i den eller ta bort raden.",
                en: "\(column) is empty\(why.map { ": \($0.en)" } ?? ""). Fill it in or delete the row."))
        return nil
    }

    /// One or more CPV codes separated by `|`, as a category row may own several.
    mutating func cpvCodes(_ row: TemplateRow, _ column: String, in file: String) -> [(
        code: String, checkDigit: Character?
    )]? {
        let parts = row[column].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        var codes: [(code: String, checkDigit: Character?)] = []
        for part in parts {
            guard let parsed = CPVCode.parse(part) else {
                error(
                    file, row.line,
                    Phrase(
                        sv: "\(column) '\(part)' är ingen CPV-kod. Skriv de 8 siffrorna som i CPV 2008, t.ex. 18000000 "
                            + "eller 18000000-7, flera åtskilda av | (formatera kolumnen som text i Excel så att "
                            + "inledande nollor behålls).",
                        en:
                            "\(column) '\(part)' is not a CPV code. Write the 8 digits as in CPV 2008, e.g. 18000000 or "
                            + "18000000-7, several separated by | (format the column as text in Excel so leading zeros "
                            + "stay)."))
                return nil
            }
            codes.append(parsed)
        }
        guard !codes.isEmpty else {
            error(
                file, row.line,
                Phrase(
                    sv: "\(column) är tom. Ange kategorins CPV-kod, t.ex. 18000000.",
                    en: "\(column) is empty. Give the category's CPV code, e.g. 18000000."))
            return nil
        }
        return codes
    }

    mutating func integer(_ row: TemplateRow, _ column: String, in file: String, range: ClosedRange<Int>) -> Int? {
        let text = row[column]
        if let value = Int(text), range.contains(value) { return value }
        error(
            file, row.line,
            Phrase(
                sv: "\(column) '\(text)' ska vara ett heltal från \(range.lowerBound) till \(range.upperBound).",
                en: "\(column) '\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound)."))
        return nil
    }
}

/// Numbers as users write them in the tables: digits with `.` or `,` as the decimal mark.
enum TemplateNumber {
    /// A plain decimal number (optional minus, digits, one decimal mark), or nil for anything else.
    static func decimal(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        var body = Substring(trimmed)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A non-negative amount of money in the tables' notation (`500000`, `500000,00`), or nil.
    ///
    /// `500,000` is refused rather than read as 500: Excel writes it for 500000 in an English locale, so a
    /// comma or point followed by exactly three digits is a thousands separator, not decimals.
    static func amount(_ text: String) -> Amount? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let mark = trimmed.lastIndex(where: { $0 == "," || $0 == "." }),
            trimmed.distance(from: mark, to: trimmed.endIndex) == 4
        {
            return nil
        }
        return fraction(trimmed)
    }

    /// A non-negative exact number such as a share (`0.005`, `0,005`), or nil.
    static func fraction(_ text: String) -> Amount? {
        let normalized = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard decimal(normalized) != nil, let amount = Amount(normalized), !amount.isNegative else { return nil }
        return amount
    }
}
