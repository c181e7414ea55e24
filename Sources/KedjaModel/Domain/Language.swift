/// The language of labels, workbooks and messages (`--lang sv|en`).
///
/// Swedish is the default because the users are Swedish procurement teams; English serves
/// colleagues, auditors and reuse outside Sweden. Every label in the domain comes in both.
public enum Language: String, CaseIterable, Sendable, Codable {
    case sv
    case en
}
