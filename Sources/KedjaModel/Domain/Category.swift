/// A purchase category with its supply-chain risk per area: one row of `Templates/categories.csv`.
///
/// A category is named by a CPV 2008 code and covers every code that starts with its ``prefix``, so
/// a division row (`15`, food) and a more specific one (`1586`, coffee) can coexist: the longest
/// prefix wins. The levels, the agency's note and the rationale travel with every tag, so a reader
/// of the risk register can see why a line was rated as it was.
public struct Category: Sendable, Hashable, Identifiable {
    /// The CPV code as 8 digits without the check digit, e.g. `18000000`.
    public var code: String
    /// The digits a CPV code must start with to fall under this category: the code without its
    /// trailing zeros, kept to at least 2 digits (`18000000` → `18`, `33141420` → `3314142`).
    public var prefix: String
    /// The Swedish name.
    public var nameSv: String
    /// The English name.
    public var nameEn: String
    /// The category's risk level in each area.
    public var levels: RiskProfile
    /// What the agency's analysis says about where in the chain the risks lie (may be empty).
    public var agencyNote: String
    /// Why the levels are what they are, in one sentence.
    public var rationale: String
    /// Where the levels come from.
    public var source: String
    /// The year of the source.
    public var year: String

    /// Creates a category; ``prefix`` is derived from `code`.
    public init(
        code: String, nameSv: String, nameEn: String, levels: RiskProfile,
        agencyNote: String = "", rationale: String = "", source: String = "", year: String = ""
    ) {
        self.code = code
        self.prefix = CPVCode.matchingPrefix(of: code)
        self.nameSv = nameSv
        self.nameEn = nameEn
        self.levels = levels
        self.agencyNote = agencyNote
        self.rationale = rationale
        self.source = source
        self.year = year
    }

    /// The CPV code identifies the category.
    public var id: String { code }

    /// The category's name in `language`.
    public func name(_ language: Language) -> String {
        language == .sv ? nameSv : nameEn
    }
}
