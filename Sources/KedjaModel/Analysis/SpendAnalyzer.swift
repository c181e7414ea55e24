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
    /// Set by `finish`, which releases the per-group aggregates: no line may come after it.
    private var isFinished = false

    /// Every distinct reason text; `LineTag.reasonID` points here.
    public var reasons: [String] { tagger.reasons }
    /// The compact form of every reason (at most 255 characters), for the enriched CSV; parallel to ``reasons``.
    public var compactReasons: [String] { tagger.compactReasons }

    /// Creates an analyzer for one spend file.
    public init(templates: TemplateSet, suppliers: SupplierList, mapping: ColumnMapping, language: Language) {
        self.language = language
        tagger = LineTagger(templates: templates, suppliers: suppliers, mapping: mapping, language: language)
    }

    // MARK: - Per line

    /// Tags one accepted line and adds its amount to its supplier × category.
    public func tag(_ record: CSVRecord, amount: Amount) -> LineTag {
        // Two statements: in one expression the tagger would be read before `place` adds the line's class.
        let place = self.place(record, amount: amount)
        return tagger.tags(at: place)
    }

    /// Tags one accepted line and adds its amount to its supplier × category, like ``tag(_:amount:)``, but
    /// returns where the line's tags are instead of a copy of them: for passes over millions of lines, which
    /// ask for the tags (``tags(at:)``) only of a class they have not met yet.
    public func place(_ record: CSVRecord, amount: Amount) -> LinePlace {
        precondition(!isFinished, "a line was placed after finish(), which ends the pass")
        return tagger.place(record, amount: amount)
    }

    /// The tags of the lines at `place`, as ``tag(_:amount:)`` returned them.
    public func tags(at place: LinePlace) -> LineTag {
        tagger.tags(at: place)
    }

    // MARK: - Aggregation

    /// The priority of a line's group, available after `finish`; nil for payments outside the scope.
    public private(set) var groupPriorities: [Int?] = []
    /// The task ids of a line's group joined with `|`, available after `finish`; empty outside the scope.
    public private(set) var groupTaskIDs: [String] = []

    /// Computes priorities, tasks, follow-up and the plan once every line is in; the per-group aggregates are
    /// released, so call it once, at the end of the pass.
    ///
    /// - Parameters:
    ///   - contracts: the contracts (`--contracts`), joined to each supplier × category once, after the pass.
    ///   - audits: earlier and joint follow-ups (`--audits`), which cover plan steps.
    public func finish(
        counts: IngestionCounts, rejects: [RejectedRecord], planStart: CivilDate,
        contracts: ContractList = ContractList(), audits: AuditList = AuditList()
    ) -> AnalysisResult {
        precondition(!isFinished, "finish() ends the pass and is called once")
        isFinished = true
        tagger.releaseLineCaches()
        let templates = tagger.templates
        let supplierFacts = tagger.supplierFacts
        let reasons = tagger.reasons
        let total = counts.amountTotal
        // Materiality and a row's share are of the procurement spend: payments outside the scope take no part.
        let procurementTotal = total - tagger.excludedSpend
        // One array of rows, sorted in place: a ledger's rows are many, and every copy of them counts.
        var rows: [RegisterRow] = []
        rows.reserveCapacity(tagger.groups.count)
        groupPriorities = []
        groupPriorities.reserveCapacity(tagger.groups.count)
        groupTaskIDs = []
        groupTaskIDs.reserveCapacity(tagger.groups.count)
        // Rows with the same levels and priority share one task list (and its memory).
        struct TaskKey: Hashable {
            var levels: RiskProfile
            var priority: Int
            var performedInSweden: Bool
        }
        var taskLists: [TaskKey: (tasks: [PhaseTask], ids: String)] = [:]
        // Rows of one priority, track and kind share one cascade (and its memory).
        struct FollowUpKey: Hashable {
            var priority: Int
            var track: FollowUpTrack
            var performedInSweden: Bool
        }
        var cascades: [FollowUpKey: [FollowUpStep]] = [:]
        var unclassified: [Int: UnclassifiedSupplier] = [:]
        var unknownRiskSpend = Amount.zero
        for group in tagger.groups {
            let facts = supplierFacts[group.supplier]
            guard !group.isExcluded else {
                groupPriorities.append(nil)
                groupTaskIDs.append("")
                continue
            }
            if group.levels.overall == .unknown { unknownRiskSpend += group.spend }
            if group.category.isNone {
                unclassified[
                    group.supplier,
                    default: UnclassifiedSupplier(
                        name: facts.name, orgNumber: facts.orgNumber, spend: .zero, lines: 0, isListed: facts.isListed)
                ]
                .spend += group.spend
                unclassified[group.supplier]?.lines += group.lines
            }
            let priority = templates.settings.priority(
                overall: group.levels.overall, spend: group.spend, total: procurementTotal)
            let category = group.category.index.map { templates.categories[$0] }
            let inSweden = category?.isPerformedInSweden ?? false
            let track: FollowUpTrack = category?.needsLabourConditions == true ? .labourConditions : .supplyChain
            let taskKey = TaskKey(levels: group.levels, priority: priority, performedInSweden: inSweden)
            let (tasks, taskIDs) =
                taskLists[taskKey]
                ?? {
                    let tasks = templates.tasks(
                        for: group.levels, overall: group.levels.overall, priority: priority,
                        performedInSweden: inSweden)
                    let list = (tasks, tasks.map(\.id).joined(separator: "|"))
                    taskLists[taskKey] = list
                    return list
                }()
            let source =
                group.spendBySource.entries
                .max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .none
            let cascadeKey = FollowUpKey(priority: priority, track: track, performedInSweden: inSweden)
            let followUp =
                cascades[cascadeKey]
                ?? {
                    let steps = templates.followUp(priority: priority, track: track, performedInSweden: inSweden)
                    cascades[cascadeKey] = steps
                    return steps
                }()
            var row = RegisterRow(
                supplierKey: facts.key, supplierName: facts.name, orgNumber: facts.orgNumber,
                country: group.country.index.map { templates.countries[$0] },
                category: category, categorySource: source,
                spend: group.spend, lines: group.lines, share: group.spend.fraction(of: procurementTotal),
                levels: group.levels,
                priority: priority, reason: reasons[group.reasonID], tasks: tasks,
                followUp: followUp, matchedSupplierList: facts.isListed, supplierID: facts.id)
            row.recommendedCondition = ConditionLevel.recommended(
                category: category, overall: group.levels.overall, priority: priority, settings: templates.planning)
            rows.append(row)
            groupPriorities.append(priority)
            groupTaskIDs.append(taskIDs)
        }
        tagger.releaseGroups()
        rows.sort(by: Self.registerOrder)

        var quality = DataQuality()
        quality.supplierListGiven = !tagger.suppliers.entries.isEmpty
        quality.suppliers = supplierFacts.count
        quality.linesWithoutCategory = tagger.linesWithoutCategory
        quality.spendWithoutCategory = tagger.spendWithoutCategory
        quality.linesWithoutCountry = tagger.linesWithoutCountry
        quality.spendBySource = tagger.spendBySource.entries
        quality.excludedLines = tagger.excludedLines
        quality.excludedSpend = tagger.excludedSpend
        quality.unknownRiskSpend = unknownRiskSpend
        quality.classifyNext = unclassified.values
            .sorted { ($0.spend, $1.name) > ($1.spend, $0.name) }
            .prefix(20).map { $0 }
        if quality.supplierListGiven {
            var unmatchedSpend: [String: Amount] = [:]
            var unmatchedKeys = Set<String>()
            for row in rows where !row.matchedSupplierList {
                unmatchedSpend[row.supplierName, default: .zero] += row.spend
                unmatchedKeys.insert(row.supplierKey)
            }
            quality.unmatchedSuppliers = unmatchedKeys.count
            quality.unmatchedSupplierNames = unmatchedSpend.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .prefix(50).map(\.key)
        }
        quality.unknownCountryNames = tagger.unknownCountryCounts

        // Contracts join per supplier × category, never per line.
        var figures: ContractFigures?
        if contracts.isGiven {
            var found = ContractFigures(file: contracts.path, contracts: contracts.contracts.count)
            for index in rows.indices {
                rows[index].contract = contracts.contract(for: rows[index])
                guard let contract = rows[index].contract else {
                    found.spendOutsideContract += rows[index].spend
                    continue
                }
                found.spendUnderContract += rows[index].spend
                let weaker = !contract.conditions.meets(rows[index].recommendedCondition)
                let noConduct = contract.codeOfConduct == false
                if weaker || noConduct {
                    found.gaps.append(
                        ConditionGap(
                            row: rows[index], contract: contract, weakerConditions: weaker, noCodeOfConduct: noConduct))
                }
            }
            figures = found
        }
        let plan = FollowUpPlanner.plan(
            rows: rows, tasks: templates.tasks, start: planStart,
            context: FollowUpContext(audits: audits, settings: templates.planning, language: language))
        var result = AnalysisResult(
            rows: rows, total: total, counts: counts, rejects: rejects, quality: quality, sources: templates.sources,
            legalForms: templates.legalForms, areaNames: templates.areaNames,
            language: language, plan: plan, planStart: planStart)
        result.planning = templates.planning
        result.contractFigures = figures
        if audits.isGiven { result.auditsFile = (audits.path, audits.audits.count) }
        return result
    }

    /// Priority first, then spend descending, then supplier and category: stable across runs.
    static func registerOrder(_ lhs: RegisterRow, _ rhs: RegisterRow) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
        if lhs.spend != rhs.spend { return lhs.spend > rhs.spend }
        if lhs.supplierKey != rhs.supplierKey { return lhs.supplierKey < rhs.supplierKey }
        return (lhs.category?.code ?? "") < (rhs.category?.code ?? "")
    }
}

/// Where a tagged line's tags are: its tag class (the tags lines share) and its supplier × category group.
///
/// Two integers, so a pass that tags millions of lines copies no strings per line; ``SpendAnalyzer/tags(at:)``
/// turns a place into the tags.
public struct LinePlace: Sendable, Equatable {
    /// Position of the line's combination of tags among the run's distinct combinations (``LineTag/tagClass``).
    public var tagClass: Int
    /// Position of the line's supplier × category group (``LineTag/groupID``).
    public var groupID: Int

    /// Creates a place.
    public init(tagClass: Int, groupID: Int) {
        self.tagClass = tagClass
        self.groupID = groupID
    }
}
