import Foundation

/// How much risk a category, a country or a line carries in one area: unknown, low, medium or high.
///
/// `unknown` means *not assessed*: no rule said anything. It is ordered below `low` for one reason
/// only, so that `max` of several layers gives the highest level among the layers that *were*
/// assessed and stays `unknown` only when none was (DOMAIN.md, "Combining layers"). It never means
/// "less risky than low": never show or count it as low, and never test assessed risk with
/// `level < .medium` (that is true for unknown); use ``isAssessed`` or compare with `>=`.
public enum RiskLevel: Int, Comparable, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Not assessed: neither the category nor the country layer gave a level.
    case unknown = 0
    /// Low risk.
    case low
    /// Medium risk.
    case medium
    /// High risk.
    case high

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The machine value used in the rule tables, the enriched CSV and JSON: `high|medium|low|unknown`.
    public var code: String {
        switch self {
        case .unknown: return "unknown"
        case .low: return "low"
        case .medium: return "medium"
        case .high: return "high"
        }
    }

    public var description: String { code }

    /// Whether some layer assessed this area (the level is not ``unknown``).
    public var isAssessed: Bool { self != .unknown }

    /// The level's label in workbooks: Hög/Medel/Låg/Okänd or High/Medium/Low/Unknown.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.unknown, .sv): return "Okänd"
        case (.low, .sv): return "Låg"
        case (.medium, .sv): return "Medel"
        case (.high, .sv): return "Hög"
        case (.unknown, .en): return "Unknown"
        case (.low, .en): return "Low"
        case (.medium, .en): return "Medium"
        case (.high, .en): return "High"
        }
    }

    /// The level in running text, in lower case: hög/medel/låg/okänd or high/medium/low/unknown.
    public func word(_ language: Language) -> String {
        switch (self, language) {
        case (.unknown, .sv): return "okänd"
        case (.low, .sv): return "låg"
        case (.medium, .sv): return "medel"
        case (.high, .sv): return "hög"
        case (_, .en): return code
        }
    }

    /// Reads a level as a user writes it in a rule table: the English codes or the Swedish words
    /// (hög, medel, låg, okänd, also without the accents), in any case and with surrounding spaces.
    public init?(code text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "unknown", "okänd", "okand": self = .unknown
        case "low", "låg", "lag": self = .low
        case "medium", "medel": self = .medium
        case "high", "hög", "hog": self = .high
        default: return nil
        }
    }

    /// The highest assessed level among `levels`, or ``unknown`` when none was assessed.
    public static func highestAssessed(_ levels: some Sequence<RiskLevel>) -> RiskLevel {
        levels.max() ?? .unknown
    }
}
