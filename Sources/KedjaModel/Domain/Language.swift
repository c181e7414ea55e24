/// The language of labels, workbooks and messages (`--lang sv|en`).
///
/// Swedish is the default because the users are Swedish procurement teams; English serves
/// colleagues, auditors and reuse outside Sweden. Every label in the domain comes in both.
public enum Language: String, CaseIterable, Sendable, Codable {
    case sv
    case en

    /// The language a user typed, in any letter case (`sv`, `EN`, `Sv`), or nil for none of them.
    public init?(userText: String) {
        self.init(rawValue: userText.lowercased())
    }
}

/// A text Kedja can give in either language: an error's message, a reject reason.
///
/// The value keeps what happened (a kind and its figures) and says it in words only where it reaches the user:
/// standard error, the rejects CSV, a workbook, the JSON summary. English stays the type's `description`.
public protocol Bilingual {
    /// The text in `language`.
    func text(_ language: Language) -> String
}
