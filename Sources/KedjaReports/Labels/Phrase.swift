import KedjaModel

/// A text in Swedish and English, kept side by side so whoever edits one sees the other.
///
/// Every word a workbook shows is a `Phrase` in this folder, so a translation is reviewed in one place and a
/// workbook's code never picks a language itself.
struct Phrase: Sendable {
    /// The Swedish text (the default language of Kedja's users).
    let sv: String
    /// The English text.
    let en: String

    /// The text in `language`.
    func text(_ language: Language) -> String {
        language == .sv ? sv : en
    }
}
