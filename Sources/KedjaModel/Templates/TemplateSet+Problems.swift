import Foundation
import Tabular

extension TemplateSet {
    /// Doubtful content for `kedja templates check`, each with file, line and fix: duplicate
    /// prefixes, keywords, accounts or countries; keywords and account groups pointing at codes no
    /// category covers; follow-up steps naming unknown tasks; index values for unknown countries or
    /// outside every band; settings Kedja does not use.
    ///
    /// Also every CPV code the tables name that is not in the CPV list, and every check digit that differs from
    /// it: the list is `cpvCodes` (codes written `03000000-1` or `03000000`) when given, else the CPV 2008
    /// vocabulary compiled into Kedja. Only a list can confirm a check digit: the EU's follow no published rule.
    public func problems(cpvCodes: Set<String>? = nil) -> [TemplateProblem] {
        var problems = index.warnings
        let reference = Self.checkDigitsByCode(cpvCodes ?? CPV2008.codes)

        func check(_ code: String, written checkDigit: Character?, file: String, line: Int, what: Phrase) {
            let path = index.paths[file] ?? file
            guard let known = reference[code] else {
                problems.append(
                    TemplateProblem(
                        path: path, line: line,
                        phrase: Phrase(
                            sv: "\(what.sv) \(code) finns inte i CPV 2008. Slå upp koden i CPV-listan och rätta den.",
                            en: "\(what.en) \(code) is not a CPV 2008 code. Look the code up in the CPV list and "
                                + "correct it.")))
                return
            }
            if let checkDigit, let known, checkDigit != known {
                problems.append(
                    TemplateProblem(
                        path: path, line: line,
                        phrase: Phrase(
                            sv: "\(what.sv) \(code)-\(checkDigit) har fel kontrollsiffra: CPV 2008 skriver "
                                + "\(code)-\(known). Rätta den eller utelämna kontrollsiffran.",
                            en: "\(what.en) \(code)-\(checkDigit) has the wrong check digit: CPV 2008 writes "
                                + "\(code)-\(known). Correct it or leave the check digit out.")))
            }
        }
        for (position, category) in categories.enumerated() {
            for (code, checkDigit) in zip(category.codes, index.categoryCheckDigits[position]) {
                check(
                    code, written: checkDigit, file: "categories.csv", line: index.categoryLines[position],
                    what: Phrase(sv: "cpv_code", en: "cpv_code"))
            }
        }
        for (position, keyword) in keywords.enumerated() {
            check(
                keyword.cpvCode, written: nil, file: "keywords.csv", line: index.keywordLines[position],
                what: Phrase(sv: "cpv_code för '\(keyword.keyword)'", en: "cpv_code of '\(keyword.keyword)'"))
        }
        for (position, group) in accountGroups.enumerated() {
            guard let code = group.cpvCode else { continue }
            check(
                code, written: nil, file: "accounts.csv", line: index.accountLines[position],
                what: Phrase(
                    sv: "cpv_code för kontogrupp \(group.prefix)", en: "cpv_code of account group \(group.prefix)"))
        }
        return problems
    }

    /// The codes of a CPV list file (the first column, or the one headed `code`), as written there.
    ///
    /// For `kedja templates check --cpv FILE`, which checks against a list other than the CPV 2008 vocabulary
    /// Kedja carries (a newer edition, say), and for tests.
    public static func readCPVCodeList(contentsOf url: URL) throws -> Set<String> {
        let table = try CSVTable.read(contentsOf: url)
        let column = table.column(named: "code") ?? 0
        var codes = Set<String>()
        if let first = table.header.indices.contains(column) ? table.header[column] : nil, CPVCode.parse(first) != nil {
            codes.insert(first.trimmingCharacters(in: .whitespaces))
        }
        for row in table.rows {
            let text = row[column].trimmingCharacters(in: .whitespaces)
            if CPVCode.parse(text) != nil { codes.insert(text) }
        }
        return codes
    }

    /// The reference list as code → check digit (nil where the list gives none).
    private static func checkDigitsByCode(_ codes: Set<String>) -> [String: Character?] {
        var result: [String: Character?] = [:]
        for text in codes {
            guard let parsed = CPVCode.parse(text) else { continue }
            if let existing = result[parsed.code], existing != nil { continue }
            result[parsed.code] = parsed.checkDigit
        }
        return result
    }
}
