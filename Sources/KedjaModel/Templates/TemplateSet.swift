import Foundation

/// Every rule table of a `Templates/` folder, loaded once and indexed for the tagger's per-line lookups.
///
/// The tables hold the domain's facts (category risks, keywords, account groups, countries and their
/// index values, the agency's tasks, follow-up cascades, materiality); the code only knows the method.
/// Lookups that run once per spend line (``categoryForCPV(_:)``, ``categoryForKeywordText(_:)``,
/// ``categoryForAccount(_:)``, ``country(named:)``, ``countryRisk(_:)``) use indexes built at load time.
public struct TemplateSet: Sendable {
    /// Where the tables were read from.
    public let location: TemplateLocation
    /// The category rules, in table order.
    public let categories: [Category]
    /// The keyword rules, in table order.
    public let keywords: [KeywordRule]
    /// The account groups, in table order.
    public let accountGroups: [AccountGroup]
    /// The countries, in table order.
    public let countries: [Country]
    /// Every published index value, in table order.
    public let countryIndexValues: [CountryIndexValue]
    /// The bands that turn index values into levels, in table order.
    public let countryBands: [CountryBand]
    /// The agency's tasks, in table order.
    public let tasks: [PhaseTask]
    /// Every follow-up step, in table order.
    public let followUpSteps: [FollowUpStep]
    /// What is not procurement, in table order.
    public let scopeRules: [ScopeRule]
    /// The company legal forms supplier names are compared with and without.
    public let legalForms: LegalForms
    /// What each risk area is called and covers.
    public let areaNames: RiskAreaNames
    /// The materiality thresholds for prioritisation.
    public let settings: PrioritySettings
    /// Whose analysis this is (`organisation` in settings.csv), for the committee report; empty when not set.
    public let organisation: String
    /// The distinct sources and years the tables name, for the Method sheet of every report.
    public let sources: [TemplateSource]
    /// Audit capacity, audit validity and the condition-level rule's threshold (settings.csv).
    public let planning: PlanningSettings
    /// The self-assessment questions (questions.csv), in table order.
    public let questions: [Question]

    /// Where each rule came from and the doubts found while loading, for ``problems(cpvCodes:)``.
    let index: TemplateIndex

    init(
        location: TemplateLocation, categories: [Category], keywords: [KeywordRule], accountGroups: [AccountGroup],
        countries: [Country], countryIndexValues: [CountryIndexValue], countryBands: [CountryBand],
        tasks: [PhaseTask], followUpSteps: [FollowUpStep], scopeRules: [ScopeRule], legalForms: LegalForms,
        areaNames: RiskAreaNames, settings: PrioritySettings, organisation: String,
        planning: PlanningSettings = PlanningSettings(), sources: [TemplateSource], index: TemplateIndex,
        questions: [Question] = []
    ) {
        self.questions = questions
        self.planning = planning
        self.location = location
        self.categories = categories
        self.keywords = keywords
        self.accountGroups = accountGroups
        self.countries = countries
        self.countryIndexValues = countryIndexValues
        self.countryBands = countryBands
        self.tasks = tasks
        self.followUpSteps = followUpSteps
        self.scopeRules = scopeRules
        self.legalForms = legalForms
        self.areaNames = areaNames
        self.settings = settings
        self.organisation = organisation
        self.sources = sources
        self.index = index
    }

    /// Each country index the tables rate with (one with bands), and its edition: `Corruption Perceptions Index 2025`.
    public var indexEditions: [String] {
        let names = Dictionary(countryBands.map { ($0.index, $0.indexName) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        // Only indices with bands rate anything; a value table kept for reference (fh_score) is not "used".
        return countryIndexValues.compactMap { value in
            names[value.index].map { "\($0) \(value.edition)" }
        }.filter { seen.insert($0).inserted }
    }

    /// The file names of the tables this type reads from a templates folder.
    public static let tableFileNames = [
        "categories.csv", "category-stages.csv", "keywords.csv", "accounts.csv", "scope.csv", "countries.csv",
        "country-indices.csv", "country-bands.csv", "tasks.csv", "followup.csv", "legal-forms.csv",
        "risk-areas.csv", "settings.csv", "questions.csv",
    ]

    // MARK: Per-line lookups

    /// The category of a CPV code as a spend file writes it (`18100000-0`, `18100000`, or with text
    /// after it): the category with the longest matching prefix, or nil when none covers the code.
    ///
    /// A 7-digit code is read as one whose leading zero a spreadsheet dropped.
    public func categoryForCPV(_ digits: some Collection<UInt8>) -> Category? {
        let found =
            digits.withContiguousStorageIfAvailable { categoryIndex(forCPV: $0) }
            ?? Array(digits).withUnsafeBufferPointer { categoryIndex(forCPV: $0) }
        return found.map { categories[$0] }
    }

    /// The category of a CPV code in a field's raw bytes, as the CSV reader hands them over; see the
    /// generic version. This overload spares the hot path a generic call across modules.
    public func categoryForCPV(_ bytes: UnsafeBufferPointer<UInt8>) -> Category? {
        categoryIndex(forCPV: bytes).map { categories[$0] }
    }

    /// The category of a CPV code given as text; see the byte version.
    public func categoryForCPV(_ text: String) -> Category? {
        categoryForCPV(Array(text.utf8))
    }

    /// The position in ``categories`` of the category of a CPV code in a field's bytes; see the public `categoryForCPV` lookups.
    func categoryIndex(forCPV bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let code = CPVCode.leadingCode(in: bytes) else { return nil }
        return index.category(forCode: code)
    }

    /// The category a keyword in free text points at (supplier name, description, account text),
    /// with the keyword that matched; nil when no keyword matches. Matching rules: see `Templates/README.md`.
    public func categoryForKeywordText(_ text: String) -> (category: Category, keyword: String)? {
        guard let entry = index.keywordMatcher.bestMatch(in: text) else { return nil }
        return (categories[entry.target], entry.keyword)
    }

    /// The keyword rule that matches free text best, as a position in the keyword matcher (stable for the
    /// life of the set), for callers that cache matches per distinct text; see ``keywordMatch(at:)``.
    func keywordMatchPosition(in text: String) -> Int? {
        index.keywordMatcher.bestMatchPosition(in: text)
    }

    /// The best keyword match over several texts by the same rule as within one (most specific category, then
    /// longest keyword, then table order), with the position of the text it was found in; earlier texts win ties.
    func bestKeywordMatch(in texts: [String]) -> (position: Int, text: Int)? {
        var best: (position: Int, text: Int)?
        for (offset, text) in texts.enumerated() where !text.isEmpty {
            guard let position = index.keywordMatcher.bestMatchPosition(in: text) else { continue }
            if let current = best, !index.keywordMatcher.isBetter(position, than: current.position) { continue }
            best = (position, offset)
        }
        return best
    }

    /// Whether the keyword match at `position` beats the one at `other`: more specific, then longer, then earlier.
    func isBetterKeywordMatch(_ position: Int, than other: Int) -> Bool {
        index.keywordMatcher.isBetter(position, than: other)
    }

    /// The number of keyword rules the matcher holds: ``keywordMatchPosition(in:)`` answers below it.
    var keywordMatchCount: Int { index.keywordMatcher.entryCount }

    /// The category position and the keyword of a match ``keywordMatchPosition(in:)`` returned.
    func keywordMatch(at position: Int) -> (category: Int, keyword: String) {
        let entry = index.keywordMatcher.entry(at: position)
        return (entry.target, entry.keyword)
    }

    /// The positions in ``categories`` and ``accountGroups`` an account number in a field's bytes hints at;
    /// see ``categoryForAccount(_:)``.
    func accountCategoryIndex(forAccount bytes: UnsafeBufferPointer<UInt8>) -> (category: Int, group: Int)? {
        guard let group = index.accountGroup(forAccount: bytes), let category = index.accountCategories[group] else {
            return nil
        }
        return (category, group)
    }

    /// The position in ``countries`` of the country a text names; see ``country(named:)``.
    func countryIndex(named name: String) -> Int? {
        let key = TextFolding.lookupKey(name)
        guard !key.isEmpty else { return nil }
        return index.countryByKey[key]
    }

    /// The category an account number hints at, with its account group; nil when no group matches
    /// or the longest matching group says nothing about a category.
    ///
    /// The field may hold text after the number ("64110 Förbrukningsmaterial"); leading spaces are skipped.
    public func categoryForAccount(_ digits: some Collection<UInt8>) -> (category: Category, group: AccountGroup)? {
        let found =
            digits.withContiguousStorageIfAvailable { index.accountGroup(forAccount: $0) }
            ?? Array(digits).withUnsafeBufferPointer { index.accountGroup(forAccount: $0) }
        guard let group = found, let category = index.accountCategories[group] else { return nil }
        return (categories[category], accountGroups[group])
    }

    /// The country a spend or supplier file names: by alpha-2 or alpha-3 code, Swedish or English
    /// name, or a listed variant, ignoring case, accents, spaces and punctuation.
    public func country(named name: String) -> Country? {
        countryIndex(named: name).map { countries[$0] }
    }

    /// The country's risk per area from the banded indices, keyed by area; areas no index assesses
    /// are absent (not assessed). When several indices band the same area, the highest level wins.
    public func countryRisk(_ alpha2: String) -> [RiskArea: CountryRating] {
        index.ratingsByCountry[alpha2.uppercased()] ?? [:]
    }

    /// The country's risk as a profile, for combining with a category's levels.
    public func countryRiskProfile(_ alpha2: String) -> RiskProfile {
        index.profilesByCountry[alpha2.uppercased()] ?? .unassessed
    }

    /// Every published index value for the country, banded or not (e.g. the Freedom House score).
    public func countryIndexValues(_ alpha2: String) -> [CountryIndexValue] {
        index.indexValuesByCountry[alpha2.uppercased()] ?? []
    }

    // MARK: Planning

    /// The tasks that apply to a supplier × category with these levels and this priority, in table order;
    /// for a service or works performed in Sweden, none about a product's chain.
    public func tasks(
        for levels: RiskProfile, overall: RiskLevel, priority: Int, performedInSweden: Bool = false
    ) -> [PhaseTask] {
        tasks.filter {
            $0.trigger.applies(to: levels, overall: overall, priority: priority)
                && !(performedInSweden && $0.trigger.goodsOnly)
        }
    }

    /// The follow-up cascade of a track for a priority, in step order; empty for a priority with no steps. For a
    /// service or works performed in Sweden, steps that carry out a task about a product's chain (a factory
    /// audit) are left out.
    public func followUp(
        priority: Int, track: FollowUpTrack = .supplyChain, performedInSweden: Bool = false
    ) -> [FollowUpStep] {
        let steps = index.followUpByTrack[track]?[priority] ?? []
        guard performedInSweden else { return steps }
        let goodsOnly = Set(tasks.filter(\.trigger.goodsOnly).map(\.id))
        return steps.filter { !goodsOnly.contains($0.taskID) }
    }

    // MARK: Scope

    /// The position in ``scopeRules`` of the rule a supplier falls under: its organisation number's leading
    /// digits, else (with no organisation number) whole words of its name or of the supplier list's category
    /// text, unless the name carries a company's legal form.
    func scopeRuleIndex(orgNumber: String?, names: [String]) -> Int? {
        if let orgNumber {
            let digits = orgNumber.filter { $0.isASCII && $0.isNumber }
            for (prefix, rule) in index.scopeOrgPrefixes where digits.hasPrefix(prefix) { return rule }
            return nil
        }
        // A company's name may hold such a word ("Stad & Land Bygg AB", "Region Syd Transport AB"): names with a
        // legal form are never taken for a public body.
        for name in names where !name.isEmpty && !legalForms.hasLegalForm(name) {
            if let match = index.scopeNameMatcher.bestMatchPosition(in: name) {
                return index.scopeNameMatcher.entry(at: match).target
            }
        }
        return nil
    }

    /// The position in ``scopeRules`` of the account rule an account number in a field's bytes falls under.
    func scopeRuleIndex(forAccount bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard index.longestScopeAccountPrefix > 0 else { return nil }
        var position = 0
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        var value = 0
        var length = 0
        while position < bytes.count, length < index.longestScopeAccountPrefix,
            bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9")
        {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            length += 1
            position += 1
        }
        // The longest prefix decides.
        while length >= 1 {
            if let rule = index.scopeRuleByAccountPrefix[CPVCode.prefixKey(value: value, length: length)] {
                return rule
            }
            value /= 10
            length -= 1
        }
        return nil
    }

    /// The position in ``scopeRules`` of the text rule whose words free text (a description or account
    /// text) holds.
    func scopeRuleIndex(inText text: String) -> Int? {
        index.scopeTextMatcher.bestMatchPosition(in: text).map { index.scopeTextMatcher.entry(at: $0).target }
    }

    /// Whether the table has account or text rules, which are looked up per line.
    var hasLineScopeRules: Bool { index.longestScopeAccountPrefix > 0 || index.scopeTextMatcher.entryCount > 0 }
}

/// A category's CPV prefix as a number: the code divided by `divisor` equals `value` when the code
/// falls under the category.
struct CategoryPrefix: Sendable {
    var value: Int
    var divisor: Int
    var length: Int
    var category: Int
}

/// The indexes behind the lookups, and where each rule came from.
struct TemplateIndex: Sendable {
    /// The category prefixes by CPV division (the first two digits), longest first: a lookup scans
    /// the few prefixes of one division instead of hashing up to seven keys.
    var categoryPrefixesByDivision: [[CategoryPrefix]] = Array(repeating: [], count: 100)
    var keywordMatcher = KeywordMatcher()
    /// Account group position by account prefix key, and the longest prefix length.
    var accountGroupByPrefix: [Int: Int] = [:]
    var longestAccountPrefix = 0
    /// Category position per account group position, for groups that hint at a covered category.
    var accountCategories: [Int: Int] = [:]
    var countryByKey: [String: Int] = [:]
    var ratingsByCountry: [String: [RiskArea: CountryRating]] = [:]
    var profilesByCountry: [String: RiskProfile] = [:]
    var indexValuesByCountry: [String: [CountryIndexValue]] = [:]
    var followUpByTrack: [FollowUpTrack: [Int: [FollowUpStep]]] = [:]
    /// Scope rules: organisation-number and account prefixes (longest first) with their rule's position, and
    /// matchers of whole words in names and in line texts.
    var scopeOrgPrefixes: [(prefix: String, rule: Int)] = []
    /// Account scope rules by prefix key (``CPVCode/prefixKey(value:length:)``), and the longest prefix length.
    var scopeRuleByAccountPrefix: [Int: Int] = [:]
    var longestScopeAccountPrefix = 0
    var scopeNameMatcher = KeywordMatcher()
    var scopeTextMatcher = KeywordMatcher()

    /// The line of each rule, parallel to the public arrays, for problems found after loading.
    var categoryLines: [Int] = []
    var categoryCheckDigits: [[Character?]] = []
    var keywordLines: [Int] = []
    var accountLines: [Int] = []
    /// The doubts found while loading.
    var warnings: [TemplateProblem] = []
    /// Paths of the tables, by file name.
    var paths: [String: String] = [:]

    /// The category with the longest prefix of an 8-digit code.
    func category(forCode code: Int) -> Int? {
        categoryPrefix(forCode: code)?.category
    }

    /// The longest category prefix of an 8-digit code, with its length and category.
    func categoryPrefix(forCode code: Int) -> CategoryPrefix? {
        let division = code / 1_000_000
        guard categoryPrefixesByDivision.indices.contains(division) else { return nil }
        for prefix in categoryPrefixesByDivision[division] where code / prefix.divisor == prefix.value {
            return prefix
        }
        return nil
    }

    /// The account group with the longest prefix of the account number at the start of the field.
    func accountGroup(forAccount bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        var value = 0
        var length = 0
        while index < bytes.count, length < longestAccountPrefix,
            bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9")
        {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            length += 1
            index += 1
        }
        while length >= 1 {
            if let found = accountGroupByPrefix[CPVCode.prefixKey(value: value, length: length)] { return found }
            value /= 10
            length -= 1
        }
        return nil
    }
}
