import Foundation
import Tabular

/// Tags spend lines and aggregates them per supplier × category in the same pass.
///
/// Per line: the category from the most specific source (the line's CPV code, the supplier list, a keyword,
/// the account group), the country (production before registered), and per area the higher of the
/// assessed layers — `unknown` when neither was assessed, never low by default. Memory grows with
/// suppliers × categories, not with lines: reasons and supplier facts are computed once and shared.
public final class SpendAnalyzer {
    private let templates: TemplateSet
    private let suppliers: SupplierList
    private let mapping: ColumnMapping
    /// The language of category names and reasons.
    public let language: Language

    /// Every distinct reason text; `LineTag.reasonID` points here.
    public private(set) var reasons: [String] = []
    private var reasonIDs: [ReasonKey: Int] = [:]

    private var supplierFacts: [SupplierFacts] = []
    private var supplierIndexByRawKey: [[UInt8]: Int] = [:]
    private var supplierIndexByKey: [String: Int] = [:]
    private var groups: [Group] = []
    private var groupIndex: [GroupKey: Int] = [:]
    private var quality = DataQuality()
    private var unknownCountryCounts: [String: Int] = [:]

    private let columns: Columns
    private let phrase: EvidencePhrases

    /// The column positions the tagger reads, resolved once.
    private struct Columns {
        var supplierID, supplierName, orgNumber, country, productionCountry, cpv, account, accountText, description: Int?
    }

    /// Creates an analyzer for one spend file.
    public init(templates: TemplateSet, suppliers: SupplierList, mapping: ColumnMapping, language: Language) {
        self.templates = templates
        self.suppliers = suppliers
        self.mapping = mapping
        self.language = language
        columns = Columns(
            supplierID: mapping.column(.supplierID), supplierName: mapping.column(.supplierName),
            orgNumber: mapping.column(.orgNumber), country: mapping.column(.country),
            productionCountry: mapping.column(.productionCountry), cpv: mapping.column(.cpv),
            account: mapping.column(.account), accountText: mapping.column(.accountText),
            description: mapping.column(.description))
        quality.supplierListGiven = !suppliers.entries.isEmpty
        phrase = EvidencePhrases(language: language)
    }

    // MARK: - Per line

    /// Tags one accepted line and adds its amount to its supplier × category.
    public func tag(_ record: CSVRecord, amount: Amount) -> LineTag {
        let supplier = supplierIndex(for: record)
        let facts = supplierFacts[supplier]
        let (category, source, evidence) = classify(record, supplier: facts)
        let (country, countryEvidence) = lineCountry(record, supplier: facts)

        var levels = category?.levels ?? .unassessed
        if let country { levels = levels.combined(with: templates.countryRiskProfile(country.alpha2)) }
        let reasonID = reason(category: category, source: source, evidence: evidence, country: country,
                              countryEvidence: countryEvidence, levels: levels)

        let key = GroupKey(supplier: supplier, category: category?.code ?? "")
        let groupID: Int
        if let existing = groupIndex[key] {
            groupID = existing
        } else {
            groupID = groups.count
            groupIndex[key] = groupID
            groups.append(Group(supplier: supplier, category: category))
        }
        groups[groupID].add(amount: amount, levels: levels, source: source, country: country, reasonID: reasonID)

        quality.spendBySource[source, default: .zero] += amount
        if category == nil {
            quality.linesWithoutCategory += 1
            quality.spendWithoutCategory += amount
        }
        if country == nil { quality.linesWithoutCountry += 1 }
        return LineTag(category: category, categorySource: source, country: country, levels: levels,
                       reasonID: reasonID, groupID: groupID)
    }

    private func supplierIndex(for record: CSVRecord) -> Int {
        var rawKey: [UInt8] = []
        for column in [columns.supplierID, columns.orgNumber, columns.supplierName] {
            if let column { rawKey.append(contentsOf: record.field(column)) }
            rawKey.append(0x1F)
        }
        if let known = supplierIndexByRawKey[rawKey] { return known }
        let id = columns.supplierID.map { record.string(at: $0).trimmingCharacters(in: .whitespaces) } ?? ""
        let name = columns.supplierName.map { record.string(at: $0).trimmingCharacters(in: .whitespaces) } ?? ""
        let org = columns.orgNumber.flatMap { OrgNumber.parse(record.field($0)) }?.description
        let listIndex = suppliers.match(id: id, orgNumber: org, name: name)
        let entry = listIndex.map { suppliers.entries[$0] }
        let key: String
        if let listIndex {
            key = "list:\(listIndex)"
        } else if !id.isEmpty {
            key = "id:\(SupplierList.idKey(id))"
        } else if let org {
            key = "org:\(org)"
        } else {
            key = "name:\(SupplierList.nameKey(name))"
        }
        // Several raw spellings of one supplier share one set of facts.
        if let existing = supplierIndexByKey[key] {
            supplierIndexByRawKey[rawKey] = existing
            return existing
        }
        let facts = SupplierFacts(
            key: key, name: entry.map { $0.name.isEmpty ? name : $0.name } ?? name,
            orgNumber: entry?.orgNumber ?? org, listEntry: entry,
            category: entry.flatMap { supplierCategory($0) },
            country: entry.flatMap { supplierCountry($0) })
        supplierFacts.append(facts)
        supplierIndexByKey[key] = supplierFacts.count - 1
        supplierIndexByRawKey[rawKey] = supplierFacts.count - 1
        return supplierFacts.count - 1
    }

    private func supplierCategory(_ entry: SupplierList.Entry) -> (Category, String)? {
        if !entry.cpv.isEmpty, let category = templates.categoryForCPV(entry.cpv) {
            return (category, phrase.supplierListCPV(entry.cpv))
        }
        if !entry.category.isEmpty, let (category, keyword) = templates.categoryForKeywordText(entry.category) {
            return (category, phrase.supplierListCategory(entry.category, keyword: keyword))
        }
        return nil
    }

    private func supplierCountry(_ entry: SupplierList.Entry) -> (Country, String)? {
        for (text, production) in [(entry.productionCountry, true), (entry.country, false)] where !text.isEmpty {
            if let country = templates.country(named: text) {
                return (country, phrase.supplierListCountry(text, production: production))
            }
            unknownCountryCounts[text, default: 0] += 1
        }
        return nil
    }

    private func classify(_ record: CSVRecord, supplier: SupplierFacts) -> (Category?, CategorySource, String) {
        if let column = columns.cpv {
            let field = record.field(column)
            if !field.isEmpty, let category = templates.categoryForCPV(field) {
                return (category, .cpv, "CPV \(record.string(at: column).trimmingCharacters(in: .whitespaces))")
            }
        }
        if let (category, evidence) = supplier.category {
            return (category, .supplier, evidence)
        }
        for (column, role) in [(columns.description, ColumnRole.description), (columns.accountText, .accountText),
                               (columns.supplierName, .supplierName)] {
            guard let column, !record.field(column).isEmpty else { continue }
            if let (category, keyword) = templates.categoryForKeywordText(record.string(at: column)) {
                return (category, .keyword, phrase.keyword(keyword, in: role))
            }
        }
        if let column = columns.account ?? columns.accountText, !record.field(column).isEmpty,
           let (category, group) = templates.categoryForAccount(record.field(column)) {
            return (category, .account, phrase.accountGroup(group.prefix, group.name(language)))
        }
        return (nil, .none, "")
    }

    private func lineCountry(_ record: CSVRecord, supplier: SupplierFacts) -> (Country?, String) {
        for (column, production) in [(columns.productionCountry, true), (columns.country, false)] {
            guard let column, !record.field(column).isEmpty else { continue }
            let text = record.string(at: column).trimmingCharacters(in: .whitespaces)
            if let country = templates.country(named: text) { return (country, phrase.lineCountry(production: production)) }
            unknownCountryCounts[text, default: 0] += 1
        }
        if let (country, evidence) = supplier.country { return (country, evidence) }
        return (nil, "")
    }

    // MARK: - Reasons

    private struct ReasonKey: Hashable {
        var category: String
        var evidence: String
        var country: String
        var countryEvidence: String
    }

    private func reason(
        category: Category?, source: CategorySource, evidence: String, country: Country?, countryEvidence: String,
        levels: RiskProfile
    ) -> Int {
        let key = ReasonKey(category: category?.code ?? "", evidence: evidence, country: country?.alpha2 ?? "",
                            countryEvidence: countryEvidence)
        if let known = reasonIDs[key] { return known }
        let text = ReasonText.compose(
            category: category, evidence: evidence, country: country, countryEvidence: countryEvidence,
            ratings: country.map { templates.countryRisk($0.alpha2) } ?? [:], levels: levels, language: language)
        reasons.append(text)
        reasonIDs[key] = reasons.count - 1
        return reasons.count - 1
    }

    // MARK: - Aggregation

    private struct SupplierFacts {
        var key: String
        var name: String
        var orgNumber: String?
        var listEntry: SupplierList.Entry?
        var category: (Category, String)?
        var country: (Country, String)?
    }

    private struct GroupKey: Hashable {
        var supplier: Int
        var category: String
    }

    private struct Group {
        var supplier: Int
        var category: Category?
        var spend = Amount.zero
        var lines = 0
        var levels = RiskProfile.unassessed
        var spendBySource: [CategorySource: Amount] = [:]
        var country: Country?
        var reasonID = -1
        var reasonLevel = RiskLevel.unknown

        init(supplier: Int, category: Category?) {
            self.supplier = supplier
            self.category = category
        }

        mutating func add(amount: Amount, levels lineLevels: RiskProfile, source: CategorySource, country lineCountry: Country?, reasonID id: Int) {
            spend += amount
            lines += 1
            levels = levels.combined(with: lineLevels)
            spendBySource[source, default: .zero] += amount
            if country == nil { country = lineCountry }
            // The row's reason is that of its riskiest line, so the register explains its own rating.
            if reasonID < 0 || lineLevels.overall > reasonLevel {
                reasonID = id
                reasonLevel = lineLevels.overall
            }
        }
    }

    /// The priority of a line's group, available after `finish`.
    public private(set) var groupPriorities: [Int] = []
    /// The task ids of a line's group joined with `|`, available after `finish`.
    public private(set) var groupTaskIDs: [String] = []

    /// Computes priorities, tasks, follow-up and the plan once every line is in.
    public func finish(
        counts: IngestionCounts, rejects: [RejectedRecord], planStart: CivilDate
    ) -> AnalysisResult {
        let total = counts.amountTotal
        var rows: [(group: Int, row: RegisterRow)] = []
        for (index, group) in groups.enumerated() {
            let facts = supplierFacts[group.supplier]
            let priority = templates.settings.priority(overall: group.levels.overall, spend: group.spend, total: total)
            let tasks = templates.tasks(for: group.levels, overall: group.levels.overall, priority: priority)
            let source = group.spendBySource.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .none
            let row = RegisterRow(
                supplierKey: facts.key, supplierName: facts.name, orgNumber: facts.orgNumber,
                country: group.country, category: group.category, categorySource: source, spend: group.spend,
                lines: group.lines, share: group.spend.fraction(of: total), levels: group.levels, priority: priority,
                reason: reasons[group.reasonID], tasks: tasks, followUp: templates.followUp(priority: priority),
                matchedSupplierList: facts.listEntry != nil)
            rows.append((index, row))
        }
        groupPriorities = Array(repeating: 3, count: groups.count)
        groupTaskIDs = Array(repeating: "", count: groups.count)
        for (group, row) in rows {
            groupPriorities[group] = row.priority
            groupTaskIDs[group] = row.tasks.map(\.id).joined(separator: "|")
        }
        let sorted = rows.map(\.row).sorted(by: Self.registerOrder)

        quality.suppliers = supplierFacts.count
        if quality.supplierListGiven {
            var unmatchedSpend: [String: Amount] = [:]
            for row in sorted where !row.matchedSupplierList {
                unmatchedSpend[row.supplierName, default: .zero] += row.spend
            }
            quality.unmatchedSuppliers = Set(sorted.filter { !$0.matchedSupplierList }.map(\.supplierKey)).count
            quality.unmatchedSupplierNames = unmatchedSpend.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .prefix(50).map(\.key)
        }
        quality.unknownCountryNames = unknownCountryCounts

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
