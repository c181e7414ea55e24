/// A position in one of the tagger's lists (categories, countries, evidence texts, scope rules), or none.
///
/// A plain 32-bit integer that the compiler keeps apart by list, so a category position can never stand where a
/// country's is meant and "none" has a name instead of `-1`: zero cost, like swift-system's `FileDescriptor`
/// around an `Int32`. The tagger hashes the bytes of keys built from these, so the layout stays one `Int32`.
struct TablePosition<List>: Hashable, Sendable {
    let rawValue: Int32

    /// The position of the element at `index`.
    init(_ index: Int) { rawValue = Int32(truncatingIfNeeded: index) }

    private init(rawValue: Int32) { self.rawValue = rawValue }

    /// No element.
    static var none: Self { Self(rawValue: -1) }

    /// Whether this is ``none``.
    var isNone: Bool { rawValue < 0 }

    /// The array index, or nil for ``none``.
    var index: Int? { rawValue < 0 ? nil : Int(rawValue) }
}

/// The lists ``TablePosition`` points into.
enum CategoryList {}
enum CountryList {}
enum EvidenceList {}
enum ScopeRuleList {}

/// A position in `TemplateSet.categories`.
typealias CategoryPosition = TablePosition<CategoryList>
/// A position in `TemplateSet.countries`.
typealias CountryPosition = TablePosition<CountryList>
/// A position in the tagger's interned evidence texts (0 is the empty text).
typealias EvidencePosition = TablePosition<EvidenceList>
/// A position in `TemplateSet.scopeRules`.
typealias ScopeRulePosition = TablePosition<ScopeRuleList>

/// Where in a line a keyword was found: what its evidence says, and its slot among a keyword's evidence texts.
enum KeywordPlace: Int, CaseIterable {
    case description, accountText, supplierName

    /// How many places there are: the stride of a keyword's evidence slots.
    static let count = allCases.count

    /// The column role the place is.
    var role: ColumnRole {
        switch self {
        case .description: .description
        case .accountText: .accountText
        case .supplierName: .supplierName
        }
    }
}
