import Tabular

/// Why a record was rejected: what happened and its figures, said in words only where it reaches the user.
///
/// The pass makes a reason only for a rejected record and never picks a language: the rejects CSV, the register's
/// rejected sheet, the JSON summary and standard error each ask for the text in the run's language
/// (``text(_:)``). ``description`` is the English text.
public enum RejectReason: Sendable, Equatable, Bilingual, CustomStringConvertible {
    /// The amount field (its text as read) is not an amount.
    case amount(field: String, AmountParseError)
    /// A size limit cut the record short (a field or the field count).
    case limit(CSVRecordProblem)
    /// The record has another number of fields than the header.
    case fieldCount(found: Int, header: Int)
    /// A row of a contracts or audits file that cannot be used, and why, in both languages.
    case row(Phrase)

    public func text(_ language: Language) -> String {
        switch self {
        case .amount(let field, let error):
            Phrase(sv: "beloppet '\(field)' ", en: "amount '\(field)' ").text(language) + error.text(language)
        case .limit(let problem):
            problem.text(language)
        case .fieldCount(let found, let header):
            Phrase(
                sv: "posten har \(found) fält, rubrikraden har \(header)",
                en: "the record has \(found) fields, the header has \(header)"
            ).text(language)
        case .row(let phrase):
            phrase.text(language)
        }
    }

    public var description: String { text(.en) }
}

extension AmountParseError: Bilingual {
    /// The reason in `language`, to follow "amount '<text>' " (`beloppet '<text>' `).
    public func text(_ language: Language) -> String {
        switch self {
        case .empty: Phrase(sv: "är tomt", en: description).text(language)
        case .notANumber: Phrase(sv: "är inget tal", en: description).text(language)
        case .tooManyDecimals:
            Phrase(sv: "har fler än \(Amount.maximumFractionDigits) decimaler", en: description).text(language)
        case .tooLarge: Phrase(sv: "är för stort", en: description).text(language)
        }
    }
}

extension CSVRecordProblem: Bilingual {
    /// Why the record cannot be used, in `language`.
    public func text(_ language: Language) -> String {
        switch self {
        case .fieldTooLarge(let field, let limit):
            Phrase(
                sv: "fält \(field) är större än \(limit) byte (höj --max-field-size om det är riktiga data)",
                en: description
            ).text(language)
        case .tooManyFields(let count, let limit):
            Phrase(sv: "posten har \(count) fält, fler än gränsen \(limit)", en: description).text(language)
        }
    }
}
