import Foundation
import Tabular

/// Tags spend lines and aggregates them per supplier × category in the same pass.
///
/// Per line: the category from the most specific source (the line's CPV code, the supplier list, a keyword,
/// the account group), the country (production before registered), and per area the higher of the
/// assessed layers — `unknown` when neither was assessed, never low by default. Memory grows with
/// suppliers × categories, not with lines: reasons and supplier facts are computed once and shared, and
/// per-value answers are cached with a bound (``LineTagger``).
public final class SpendAnalyzer {
    /// The language of category names and reasons.
    public let language: Language
    private var tagger: LineTagger

    /// Every distinct reason text; `LineTag.reasonID` points here.
    public var reasons: [String] { tagger.reasons }

    /// Creates an analyzer for one spend file.
    public init(templates: TemplateSet, suppliers: SupplierList, mapping: ColumnMapping, language: Language) {
        self.language = language
        tagger = LineTagger(templates: templates, suppliers: suppliers, mapping: mapping, language: language)
    }

    // MARK: - Per line

    /// Tags one accepted line and adds its amount to its supplier × category.
    public func tag(_ record: CSVRecord, amount: Amount) -> LineTag {
        tagger.tag(record, amount: amount)
    }

    // MARK: - Aggregation

    /// The priority of a line's group, available after `finish`.
    public private(set) var groupPriorities: [Int] = []
    /// The task ids of a line's group joined with `|`, available after `finish`.
    public private(set) var groupTaskIDs: [String] = []

    /// Computes priorities, tasks, follow-up and the plan once every line is in.
    public func finish(
        counts: IngestionCounts, rejects: [RejectedRecord], planStart: CivilDate
    ) -> AnalysisResult {
        let templates = tagger.templates
        let supplierFacts = tagger.supplierFacts
        let reasons = tagger.reasons
        let total = counts.amountTotal
        var rows: [(group: Int, row: RegisterRow)] = []
        for (index, group) in tagger.groups.enumerated() {
            let facts = supplierFacts[group.supplier]
            let priority = templates.settings.priority(overall: group.levels.overall, spend: group.spend, total: total)
            let tasks = templates.tasks(for: group.levels, overall: group.levels.overall, priority: priority)
            let source = group.spendBySource.entries
                .max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .none
            let row = RegisterRow(
                supplierKey: facts.key, supplierName: facts.name, orgNumber: facts.orgNumber,
                country: group.country >= 0 ? templates.countries[group.country] : nil,
                category: group.category >= 0 ? templates.categories[group.category] : nil, categorySource: source,
                spend: group.spend, lines: group.lines, share: group.spend.fraction(of: total), levels: group.levels,
                priority: priority, reason: reasons[group.reasonID], tasks: tasks,
                followUp: templates.followUp(priority: priority), matchedSupplierList: facts.listEntry != nil)
            rows.append((index, row))
        }
        groupPriorities = Array(repeating: 3, count: rows.count)
        groupTaskIDs = Array(repeating: "", count: rows.count)
        for (group, row) in rows {
            groupPriorities[group] = row.priority
            groupTaskIDs[group] = row.tasks.map(\.id).joined(separator: "|")
        }
        let sorted = rows.map(\.row).sorted(by: Self.registerOrder)

        var quality = DataQuality()
        quality.supplierListGiven = !tagger.suppliers.entries.isEmpty
        quality.suppliers = supplierFacts.count
        quality.linesWithoutCategory = tagger.linesWithoutCategory
        quality.spendWithoutCategory = tagger.spendWithoutCategory
        quality.linesWithoutCountry = tagger.linesWithoutCountry
        quality.spendBySource = tagger.spendBySource.entries
        if quality.supplierListGiven {
            var unmatchedSpend: [String: Amount] = [:]
            for row in sorted where !row.matchedSupplierList {
                unmatchedSpend[row.supplierName, default: .zero] += row.spend
            }
            quality.unmatchedSuppliers = Set(sorted.filter { !$0.matchedSupplierList }.map(\.supplierKey)).count
            quality.unmatchedSupplierNames = unmatchedSpend.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .prefix(50).map(\.key)
        }
        quality.unknownCountryNames = tagger.unknownCountryCounts

        let plan = FollowUpPlanner.plan(rows: sorted, tasks: templates.tasks, start: planStart)
        return AnalysisResult(
            rows: sorted, total: total, counts: counts, rejects: rejects, quality: quality, sources: templates.sources,
            language: language, plan: plan, planStart: planStart)
    }

    /// Priority first, then spend descending, then supplier and category: stable across runs.
    static func registerOrder(_ lhs: RegisterRow, _ rhs: RegisterRow) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
        if lhs.spend != rhs.spend { return lhs.spend > rhs.spend }
        if lhs.supplierKey != rhs.supplierKey { return lhs.supplierKey < rhs.supplierKey }
        return (lhs.category?.code ?? "") < (rhs.category?.code ?? "")
    }
}
