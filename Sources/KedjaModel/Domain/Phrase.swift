/// A text in Swedish and English, kept side by side so whoever edits one sees the other.
///
/// Every word a workbook shows and every message Kedja writes on standard error is a `Phrase` (or is built from
/// them), so a translation is reviewed in one place and no caller picks a language itself.
public struct Phrase: Sendable, Hashable {
    /// The Swedish text (the default language of Kedja's users).
    public let sv: String
    /// The English text.
    public let en: String

    /// Creates a phrase from its two texts.
    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        language == .sv ? sv : en
    }
}
