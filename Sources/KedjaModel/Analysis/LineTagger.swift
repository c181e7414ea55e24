import Tabular

/// The per-line half of ``SpendAnalyzer``: tags one line and adds it to its supplier × category group.
///
/// Everything a line can ask is answered once per distinct value and then looked up by the field's bytes:
/// the supplier by its raw id, org number and name; keywords, countries and CPV evidence by the field
/// (``FieldCache``); reasons and tag classes by small integer keys. Evidence texts are interned, so
/// categories, countries and evidence travel through the hot path as positions, never as strings. A
/// struct, so the analyzer mutates it in place with one exclusive access per line.
struct LineTagger {
    /// What the ledger and the supplier list say about one supplier, shared by all its spellings.
    struct SupplierFacts {
        var key: String
        var name: String
        /// The supplier number, the ledger's before the list's.
        var id: String?
        var orgNumber: String?
        /// Whether the supplier list has the supplier.
        var isListed: Bool
    }

    /// The supplier list's tags for one supplier, as positions: what every line of it reads.
    private struct SupplierTags {
        var category = CategoryPosition.none
        var categoryEvidence = EvidencePosition.none
        var country = CountryPosition.none
        var countryEvidence = EvidencePosition.none
        /// Whether `country` is where the goods are made (the list's production country).
        var countryIsProduction = false
        /// The scope rule the supplier falls under (a public body, …).
        var scopeRule = ScopeRulePosition.none
    }

    /// Spend per category source, with which sources occurred (a source whose lines sum to zero still counts).
    struct SpendBySource {
        private var cpv = Amount.zero
        private var supplier = Amount.zero
        private var keyword = Amount.zero
        private var account = Amount.zero
        private var none = Amount.zero
        private var excluded = Amount.zero
        /// One bit per source (its position in `allCases`) that occurred.
        private var present: UInt8 = 0

        mutating func add(_ amount: Amount, source: CategorySource) {
            switch source {
            case .cpv: cpv += amount
            case .supplier: supplier += amount
            case .keyword: keyword += amount
            case .account: account += amount
            case .none: none += amount
            case .excluded: excluded += amount
            }
            present |= 1 << source.position
        }

        /// The sources that occurred, with their spend.
        var entries: [CategorySource: Amount] {
            var result: [CategorySource: Amount] = [:]
            for source in CategorySource.allCases where present & (1 << source.position) != 0 {
                switch source {
                case .cpv: result[source] = cpv
                case .supplier: result[source] = supplier
                case .keyword: result[source] = keyword
                case .account: result[source] = account
                case .none: result[source] = none
                case .excluded: result[source] = excluded
                }
            }
            return result
        }
    }

    /// A supplier × category: the register row's figures, summed line by line.
    struct Group {
        var supplier: Int
        /// The category of the group's first line.
        var category: CategoryPosition
        /// Whether the group holds payments outside the scope of procurement, which never become register rows.
        var isExcluded = false
        var spend = Amount.zero
        var lines = 0
        var levels = RiskProfile.unassessed
        var spendBySource = SpendBySource()
        /// The first country a line of the group named.
        var country = CountryPosition.none
        var reasonID = -1
        var reasonLevel = RiskLevel.unknown

        init(supplier: Int, category: CategoryPosition) {
            self.supplier = supplier
            self.category = category
        }

        mutating func add(amount: Amount, tags: ClassFacts) {
            spend += amount
            lines += 1
            levels = levels.combined(with: tags.levels)
            spendBySource.add(amount, source: tags.source)
            if country.isNone { country = tags.country }
            // The row's reason is that of its riskiest line, so the register explains its own rating.
            if reasonID < 0 || tags.levels.overall > reasonLevel {
                reasonID = tags.reasonID
                reasonLevel = tags.levels.overall
            }
        }
    }

    /// What a tag class means, as positions and values only: what the hot path reads for every line.
    struct ClassFacts {
        /// The first category with the line's category code (groups key on the code).
        var categoryKey: CategoryPosition
        var country: CountryPosition
        var source: CategorySource
        var levels: RiskProfile
        var reasonID: Int
    }

    /// The group key's category for lines outside the scope of procurement (no category position is negative
    /// but ``TablePosition/none``'s -1).
    private static let excludedCategoryKey: Int64 = -2

    /// The keys of classes, reasons and groups: fixed-size integers only, whose bytes key a ``ByteKeyIndex``.
    private struct ClassKey: Equatable {
        var category: CategoryPosition
        var source: Int32
        var evidence: EvidencePosition
        var country: CountryPosition
        var countryEvidence: EvidencePosition
        var countryIsProduction: Int32
        var scopeRule: ScopeRulePosition
    }

    private struct ReasonKey {
        var category: CategoryPosition
        var evidence: EvidencePosition
        var country: CountryPosition
        var countryEvidence: EvidencePosition
        var countryIsProduction: Int32
        var scopeRule: ScopeRulePosition
    }

    private struct GroupKey: Equatable {
        var supplier: Int64
        var category: Int64
    }

    let templates: TemplateSet
    let suppliers: SupplierList
    let language: Language
    private let phrase: EvidencePhrases
    /// The columns of the line's free text checked against the scope table's words (description, account text).
    private let scopeTextColumns: [Int]
    /// Whether the scope table has account rules or text rules to check on every line.
    private let checksLineScope: Bool
    /// The columns of the raw supplier spelling, of keyword text (with where in the line it is) and of
    /// countries (production first), in the order they are consulted.
    private let spellingColumns: [Int?]
    private let keywordColumns: [(column: Int, place: KeywordPlace)]
    private let countryColumns: [(column: Int, production: Bool)]
    private let cpvColumn: Int?
    private let accountColumn: Int?
    private let supplierIDColumn, supplierNameColumn, orgNumberColumn: Int?

    /// Per category position: the first position with the same code (groups and reasons key on the code),
    /// and its levels.
    private let categoryKeys: [CategoryPosition]
    private let categoryLevels: [RiskProfile]
    /// Per country position: the first position with the same alpha-2 code, and the country layer's levels.
    private let countryKeys: [CountryPosition]
    private let countryProfiles: [RiskProfile]
    /// Per keyword match position: the category it leads to.
    private let keywordCategories: [CategoryPosition]

    // Suppliers: raw spelling (id, org number, name bytes) → supplier position.
    private var supplierSpellings = ByteKeyIndex(capacity: 1024)
    private var supplierOfSpelling: [Int] = []
    private var spelling: [UInt8] = []
    private var previousSpelling: [UInt8] = []
    private var previousSupplier = -1
    private var supplierByKey: [String: Int] = [:]
    private(set) var supplierFacts: [SupplierFacts] = []
    private var supplierTags: [SupplierTags] = []

    // Evidence texts, interned: the reason key holds positions into `evidenceTexts`.
    private var evidenceIDs: [String: EvidencePosition] = [:]
    private var evidenceTexts: [String] = []
    /// The empty evidence text, at position 0.
    private let noEvidence = EvidencePosition(0)
    private var cpvEvidence = FieldCache()
    /// Field bytes → what free text says: its keyword match and its scope rule, packed by ``TextFacts``, each
    /// computed the first time a line asks for it.
    private var textFacts = FieldCache()
    /// Per keyword match position × place (description, account text, supplier name): evidence, once made.
    private var keywordEvidence: [EvidencePosition]
    /// Per account group position: evidence, once made.
    private var accountEvidence: [EvidencePosition]
    /// Field bytes → country position, or `-(slot + 1)` for a name no table knows (see `unknownCountryLines`).
    private var countryMatches = FieldCache(maximumKeyBytes: 1 << 20)
    private var lineCountryEvidence: (production: EvidencePosition, registered: EvidencePosition) = (.none, .none)
    private var unknownCountrySlots: [String: Int] = [:]
    private var unknownCountryNames: [String] = []
    private var unknownCountryLines: [Int] = []
    /// Unknown country names met in the supplier list, counted once per supplier.
    private var unknownListCountries: [String: Int] = [:]

    // Classes, reasons, groups: each index hands out ids in order, so an id is a position in the arrays.
    private var classIDs = ByteKeyIndex(capacity: 4096)
    private var classFacts: [ClassFacts] = []
    /// Per class: the tags as lines carry them (the group filled in per line).
    private var classTags: [LineTag] = []
    private var reasonIDs = ByteKeyIndex(capacity: 4096)
    private(set) var reasons: [String] = []
    /// Per reason: its compact form for the enriched CSV (at most 255 characters).
    private(set) var compactReasons: [String] = []
    private(set) var groups: [Group] = []
    private var groupIDs = ByteKeyIndex(capacity: 4096)
    /// The previous line's class and group: consecutive lines often share them, and a comparison is cheaper
    /// than a lookup.
    private var previousClass: (key: ClassKey, id: Int)?
    private var previousGroup: (key: GroupKey, id: Int)?

    // Data quality, per line.
    private(set) var spendBySource = SpendBySource()
    private(set) var linesWithoutCategory = 0
    private(set) var spendWithoutCategory = Amount.zero
    private(set) var linesWithoutCountry = 0
    private(set) var excludedLines = 0
    private(set) var excludedSpend = Amount.zero

    init(templates: TemplateSet, suppliers: SupplierList, mapping: ColumnMapping, language: Language) {
        self.templates = templates
        self.suppliers = suppliers
        self.language = language
        supplierIDColumn = mapping.column(.supplierID)
        supplierNameColumn = mapping.column(.supplierName)
        orgNumberColumn = mapping.column(.orgNumber)
        spellingColumns = [supplierIDColumn, orgNumberColumn, supplierNameColumn]
        keywordColumns = KeywordPlace.allCases.compactMap { place in mapping.column(place.role).map { ($0, place) } }
        countryColumns = [(ColumnRole.productionCountry, true), (.country, false)].compactMap { role, production in
            mapping.column(role).map { ($0, production) }
        }
        scopeTextColumns = [ColumnRole.description, .accountText].compactMap { mapping.column($0) }
        checksLineScope = templates.hasLineScopeRules
        cpvColumn = mapping.column(.cpv)
        accountColumn = mapping.column(.account) ?? mapping.column(.accountText)
        phrase = EvidencePhrases(language: language)

        var firstByCode: [String: CategoryPosition] = [:]
        categoryKeys = templates.categories.enumerated().map { position, category in
            if let first = firstByCode[category.code] { return first }
            firstByCode[category.code] = CategoryPosition(position)
            return CategoryPosition(position)
        }
        categoryLevels = templates.categories.map(\.levels)
        var firstByAlpha2: [String: CountryPosition] = [:]
        countryKeys = templates.countries.enumerated().map { position, country in
            if let first = firstByAlpha2[country.alpha2] { return first }
            firstByAlpha2[country.alpha2] = CountryPosition(position)
            return CountryPosition(position)
        }
        countryProfiles = templates.countries.map { templates.countryRiskProfile($0.alpha2) }
        keywordCategories = (0..<templates.keywordMatchCount).map {
            CategoryPosition(templates.keywordMatch(at: $0).category)
        }
        keywordEvidence = Array(repeating: .none, count: templates.keywordMatchCount * KeywordPlace.count)
        accountEvidence = Array(repeating: .none, count: templates.accountGroups.count)
        evidenceTexts = [""]
        evidenceIDs = ["": EvidencePosition(0)]
    }

    // MARK: - Per line

    /// Tags one line and adds its amount to its supplier × category; the tags are at the place returned.
    mutating func place(_ record: CSVRecord, amount: Amount) -> LinePlace {
        let supplier = supplierIndex(for: record)
        let scopeRule = self.scopeRule(record, supplier: supplier)
        let classID: Int
        if !scopeRule.isNone {
            classID = tagClass(
                category: .none, source: .excluded, evidence: noEvidence, country: .none,
                countryEvidence: noEvidence, countryIsProduction: false, scopeRule: scopeRule)
        } else {
            let (category, source, evidence) = classify(record, supplier: supplier)
            let (country, countryEvidence, production) = lineCountry(record, supplier: supplier)
            classID = tagClass(
                category: category, source: source, evidence: evidence, country: country,
                countryEvidence: countryEvidence, countryIsProduction: production, scopeRule: .none)
        }
        let facts = classFacts[classID]

        let groupKey = GroupKey(
            supplier: Int64(supplier),
            category: facts.source == .excluded ? Self.excludedCategoryKey : Int64(facts.categoryKey.rawValue))
        let groupID: Int
        if let previous = previousGroup, previous.key == groupKey {
            groupID = previous.id
        } else {
            let (id, isNew) = groupIDs.insert(bytesOf: groupKey)
            if isNew {
                var group = Group(supplier: supplier, category: facts.categoryKey)
                group.isExcluded = !scopeRule.isNone
                groups.append(group)
            }
            groupID = id
            previousGroup = (groupKey, id)
        }
        groups[groupID].add(amount: amount, tags: facts)

        spendBySource.add(amount, source: facts.source)
        if !scopeRule.isNone {
            excludedLines += 1
            excludedSpend += amount
        } else {
            if facts.categoryKey.isNone {
                linesWithoutCategory += 1
                spendWithoutCategory += amount
            }
            if facts.country.isNone { linesWithoutCountry += 1 }
        }
        return LinePlace(tagClass: classID, groupID: groupID)
    }

    /// The scope rule a line falls under: its supplier's (a public body, …), its account's, or the words of its
    /// description or account text.
    private mutating func scopeRule(_ record: CSVRecord, supplier: Int) -> ScopeRulePosition {
        let supplierRule = supplierTags[supplier].scopeRule
        if !supplierRule.isNone { return supplierRule }
        guard checksLineScope else { return .none }
        // A line with its own CPV code, or from a supplier the list categorises, is a purchase: the account and text
        // rules (salaries, grants) do not take it out.
        if !supplierTags[supplier].category.isNone { return .none }
        if let column = cpvColumn, !record.field(column).isEmpty { return .none }
        if let column = accountColumn, let rule = templates.scopeRuleIndex(forAccount: record.field(column)) {
            return ScopeRulePosition(rule)
        }
        for column in scopeTextColumns {
            let rule = textScopeRule(record, column: column)
            if !rule.isNone { return rule }
        }
        return .none
    }

    /// Lets go of the caches that only speed up placing lines (raw supplier spellings, field values), before
    /// the register rows are built: with tens of thousands of suppliers they are megabytes. Lines placed
    /// afterwards are tagged the same, only slower at first.
    mutating func releaseLineCaches() {
        supplierSpellings = ByteKeyIndex(capacity: 1024)
        supplierOfSpelling = []
        previousSupplier = -1
        cpvEvidence = FieldCache()
        textFacts = FieldCache()
        countryMatches = FieldCache(maximumKeyBytes: 1 << 20)
    }

    /// Lets go of the per-group aggregates once the register rows are built from them: with tens of thousands
    /// of suppliers they are tens of megabytes the workbooks do not need. Lines placed afterwards start new groups.
    mutating func releaseGroups() {
        groups = []
        groupIDs = ByteKeyIndex(capacity: 4096)
        previousGroup = nil
    }

    /// The tags of the lines at `place`.
    func tags(at place: LinePlace) -> LineTag {
        var tag = classTags[place.tagClass]
        tag.groupID = place.groupID
        return tag
    }

    /// The supplier of a line: one lookup of its raw spelling; a new spelling joins the supplier list once.
    private mutating func supplierIndex(for record: CSVRecord) -> Int {
        swap(&spelling, &previousSpelling)
        spelling.removeAll(keepingCapacity: true)
        for column in spellingColumns {
            if let column { spelling.append(contentsOf: record.field(column)) }
            spelling.append(0x1F)
        }
        // Lines of one invoice follow each other: the previous line's supplier is the likeliest.
        if previousSupplier >= 0 && spelling == previousSpelling { return previousSupplier }
        let (spellingID, isNew) = spelling.withUnsafeBufferPointer { supplierSpellings.insert($0) }
        if isNew { supplierOfSpelling.append(supplier(ofNewSpellingIn: record)) }
        previousSupplier = supplierOfSpelling[spellingID]
        return previousSupplier
    }

    /// The supplier a new raw spelling belongs to: the list entry it joins, else its id, org number or name.
    private mutating func supplier(ofNewSpellingIn record: CSVRecord) -> Int {
        let id = supplierIDColumn.map { record.string(at: $0).trimmingWhitespace() } ?? ""
        let name = supplierNameColumn.map { record.string(at: $0).trimmingWhitespace() } ?? ""
        let parsedOrg = orgNumberColumn.flatMap { OrgNumber.parse(record.field($0)) }
        let org = parsedOrg?.description
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
            key = "name:\(templates.legalForms.exactNameKey(name))"
        }
        // Several raw spellings of one supplier share one set of facts.
        if let existing = supplierByKey[key] { return existing }
        var tags = SupplierTags()
        if let entry {
            if let (category, evidence) = supplierCategory(entry) {
                tags.category = category
                tags.categoryEvidence = evidence
            }
            if let (country, evidence, production) = supplierCountry(entry) {
                tags.country = country
                tags.countryEvidence = evidence
                tags.countryIsProduction = production
            }
        }
        // A sole trader's personal number says nothing about the kind of body, so it never decides scope.
        let organisation = [parsedOrg, entry?.orgNumber.flatMap { OrgNumber.parse($0) }]
            .compactMap { $0 }.first { $0.kind != .soleTrader }
        let names = [name, entry?.name ?? "", entry?.category ?? ""]
        tags.scopeRule =
            templates.scopeRuleIndex(orgNumber: organisation?.description, names: names).map(ScopeRulePosition.init)
            ?? .none
        supplierFacts.append(
            SupplierFacts(
                key: key, name: entry.map { $0.name.isEmpty ? name : $0.name } ?? name,
                id: [id, entry?.id ?? ""].first { !$0.isEmpty }, orgNumber: entry?.orgNumber ?? org,
                isListed: entry != nil))
        supplierTags.append(tags)
        supplierByKey[key] = supplierFacts.count - 1
        return supplierFacts.count - 1
    }

    private mutating func supplierCategory(
        _ entry: SupplierList.Entry
    ) -> (category: CategoryPosition, evidence: EvidencePosition)? {
        if !entry.cpv.isEmpty,
            let category = Array(entry.cpv.utf8).withUnsafeBufferPointer({ templates.categoryIndex(forCPV: $0) })
        {
            return (CategoryPosition(category), intern(phrase.supplierListCPV(entry.cpv)))
        }
        guard !entry.category.isEmpty else { return nil }
        // The buyer's category text is often coarse ("Transporter och fordon" for a fuel dealer): the name it
        // describes joins it, and the most specific keyword of the two wins.
        guard let (position, text) = templates.bestKeywordMatch(in: [entry.category, entry.name]) else { return nil }
        let (category, keyword) = templates.keywordMatch(at: position)
        let evidence =
            text == 0
            ? phrase.supplierListCategory(entry.category, keyword: keyword)
            : phrase.supplierListName(entry.name, category: entry.category, keyword: keyword)
        return (CategoryPosition(category), intern(evidence))
    }

    private mutating func supplierCountry(
        _ entry: SupplierList.Entry
    ) -> (country: CountryPosition, evidence: EvidencePosition, production: Bool)? {
        for (text, production) in [(entry.productionCountry, true), (entry.country, false)] where !text.isEmpty {
            if let country = templates.countryIndex(named: text) {
                let evidence = intern(phrase.supplierListCountry(text, production: production))
                return (CountryPosition(country), evidence, production)
            }
            unknownListCountries[text, default: 0] += 1
        }
        return nil
    }

    /// The category, where it came from and the evidence, most specific source first.
    private mutating func classify(
        _ record: CSVRecord, supplier: Int
    ) -> (CategoryPosition, CategorySource, EvidencePosition) {
        if let column = cpvColumn {
            let field = record.field(column)
            if !field.isEmpty, let category = templates.categoryIndex(forCPV: field) {
                return (CategoryPosition(category), .cpv, cpvEvidence(record, column: column))
            }
        }
        let tags = supplierTags[supplier]
        if !tags.category.isNone {
            return (tags.category, .supplier, tags.categoryEvidence)
        }
        // The line's texts compete as one: the most specific keyword among them wins ("Gevalia Kaffe AB" on the
        // account text "Livsmedel" is coffee), and on a tie the earlier text (description, account text, name).
        var best: (match: Int, place: KeywordPlace)?
        for (column, place) in keywordColumns {
            guard let match = keywordMatch(record, column: column) else { continue }
            if let current = best, !templates.isBetterKeywordMatch(match, than: current.match) { continue }
            best = (match, place)
        }
        if let best {
            return (keywordCategories[best.match], .keyword, keywordEvidence(best.match, place: best.place))
        }
        if let column = accountColumn {
            let field = record.field(column)
            if !field.isEmpty, let (category, group) = templates.accountCategoryIndex(forAccount: field) {
                return (CategoryPosition(category), .account, accountEvidence(group))
            }
        }
        return (.none, .none, noEvidence)
    }

    /// The evidence of a line's own CPV code: "CPV" and the field as written.
    private mutating func cpvEvidence(_ record: CSVRecord, column: Int) -> EvidencePosition {
        let field = record.field(column)
        if let known = cpvEvidence.answer(for: field) { return EvidencePosition(known) }
        let evidence = intern("CPV \(record.string(at: column).trimmingWhitespace())")
        cpvEvidence.remember(Int(evidence.rawValue), for: field)
        return evidence
    }

    /// The keyword match position for a free-text field, or nil for an empty field or no match.
    private mutating func keywordMatch(_ record: CSVRecord, column: Int) -> Int? {
        let field = record.field(column)
        guard !field.isEmpty else { return nil }
        var facts = textFacts.answer(for: field).map(TextFacts.init(packed:)) ?? TextFacts()
        if facts.keywordMatch == TextFacts.notComputed {
            facts.keywordMatch = templates.keywordMatchPosition(in: record.string(at: column)) ?? -1
            textFacts.remember(facts.packed, for: field)
        }
        return facts.keywordMatch >= 0 ? facts.keywordMatch : nil
    }

    /// The scope rule of a free-text field's words, remembered per distinct value beside its keyword match
    /// (which is matched only when a line needs it).
    private mutating func textScopeRule(_ record: CSVRecord, column: Int) -> ScopeRulePosition {
        let field = record.field(column)
        guard !field.isEmpty else { return .none }
        var facts = textFacts.answer(for: field).map(TextFacts.init(packed:)) ?? TextFacts()
        if facts.scopeRule == TextFacts.notComputed {
            facts.scopeRule = templates.scopeRuleIndex(inText: record.string(at: column)) ?? -1
            textFacts.remember(facts.packed, for: field)
        }
        return facts.scopeRule >= 0 ? ScopeRulePosition(facts.scopeRule) : .none
    }

    private mutating func keywordEvidence(_ match: Int, place: KeywordPlace) -> EvidencePosition {
        let slot = match * KeywordPlace.count + place.rawValue
        if !keywordEvidence[slot].isNone { return keywordEvidence[slot] }
        let evidence = intern(phrase.keyword(templates.keywordMatch(at: match).keyword, in: place.role))
        keywordEvidence[slot] = evidence
        return evidence
    }

    private mutating func accountEvidence(_ group: Int) -> EvidencePosition {
        if !accountEvidence[group].isNone { return accountEvidence[group] }
        let accountGroup = templates.accountGroups[group]
        let evidence = intern(phrase.accountGroup(accountGroup.prefix, accountGroup.name(language)))
        accountEvidence[group] = evidence
        return evidence
    }

    /// The line's country, its evidence and whether it is where the goods are made: the production country (the
    /// line's, then the supplier list's), then the registered country (the line's, then the list's). Names no
    /// table knows are counted for the report.
    private mutating func lineCountry(
        _ record: CSVRecord, supplier: Int
    ) -> (CountryPosition, EvidencePosition, Bool) {
        let tags = supplierTags[supplier]
        for (column, production) in countryColumns {
            // Where the goods are made beats where the supplier is registered, wherever each is written.
            if !production, !tags.country.isNone, tags.countryIsProduction {
                return (tags.country, tags.countryEvidence, true)
            }
            let field = record.field(column)
            guard !field.isEmpty else { continue }
            let answer: Int
            if let known = countryMatches.answer(for: field) {
                answer = known
            } else {
                let text = record.string(at: column).trimmingWhitespace()
                answer = templates.countryIndex(named: text) ?? -(unknownCountrySlot(text) + 1)
                countryMatches.remember(answer, for: field)
            }
            if answer >= 0 {
                return (CountryPosition(answer), lineCountryEvidence(production: production), production)
            }
            unknownCountryLines[-answer - 1] += 1
        }
        if !tags.country.isNone { return (tags.country, tags.countryEvidence, tags.countryIsProduction) }
        return (.none, noEvidence, false)
    }

    private mutating func unknownCountrySlot(_ text: String) -> Int {
        if let slot = unknownCountrySlots[text] { return slot }
        unknownCountryNames.append(text)
        unknownCountryLines.append(0)
        unknownCountrySlots[text] = unknownCountryNames.count - 1
        return unknownCountryNames.count - 1
    }

    private mutating func lineCountryEvidence(production: Bool) -> EvidencePosition {
        if production {
            if lineCountryEvidence.production.isNone {
                lineCountryEvidence.production = intern(phrase.lineCountry(production: true))
            }
            return lineCountryEvidence.production
        }
        if lineCountryEvidence.registered.isNone {
            lineCountryEvidence.registered = intern(phrase.lineCountry(production: false))
        }
        return lineCountryEvidence.registered
    }

    private mutating func intern(_ text: String) -> EvidencePosition {
        if let known = evidenceIDs[text] { return known }
        evidenceTexts.append(text)
        let position = EvidencePosition(evidenceTexts.count - 1)
        evidenceIDs[text] = position
        return position
    }

    // MARK: - Classes and reasons

    /// The class of a combination of tags, made (with its levels and reason) the first time it occurs.
    private mutating func tagClass(
        category: CategoryPosition, source: CategorySource, evidence: EvidencePosition, country: CountryPosition,
        countryEvidence: EvidencePosition, countryIsProduction: Bool, scopeRule: ScopeRulePosition
    ) -> Int {
        let key = ClassKey(
            category: category, source: Int32(source.position), evidence: evidence, country: country,
            countryEvidence: countryEvidence, countryIsProduction: countryIsProduction ? 1 : 0, scopeRule: scopeRule)
        if let previous = previousClass, previous.key == key { return previous.id }
        let (classID, isNew) = classIDs.insert(bytesOf: key)
        defer { previousClass = (key, classID) }
        if !isNew { return classID }
        let categoryValue = category.index.map { templates.categories[$0] }
        let countryValue = country.index.map { templates.countries[$0] }
        let layer = CountryLayer(category: categoryValue, country: countryValue, isProduction: countryIsProduction)
        var levels = categoryValue?.levels ?? .unassessed
        if layer.applies, let country = country.index { levels = levels.raised(byCountry: countryProfiles[country]) }
        let reasonID = reason(
            category: category, evidence: evidence, country: country, countryEvidence: countryEvidence,
            layer: layer, scopeRule: scopeRule, levels: levels)
        classFacts.append(
            ClassFacts(
                categoryKey: category.index.map { categoryKeys[$0] } ?? .none, country: country, source: source,
                levels: levels, reasonID: reasonID))
        classTags.append(
            LineTag(
                category: categoryValue, categorySource: source, country: countryValue, levels: levels,
                reasonID: reasonID, groupID: -1, tagClass: classID))
        return classID
    }

    /// The reason texts for a combination of tags, composed once per distinct combination.
    private mutating func reason(
        category: CategoryPosition, evidence: EvidencePosition, country: CountryPosition,
        countryEvidence: EvidencePosition, layer: CountryLayer, scopeRule: ScopeRulePosition, levels: RiskProfile
    ) -> Int {
        let key = ReasonKey(
            category: category.index.map { categoryKeys[$0] } ?? .none, evidence: evidence,
            country: country.index.map { countryKeys[$0] } ?? .none, countryEvidence: countryEvidence,
            countryIsProduction: layer.isProduction ? 1 : 0, scopeRule: scopeRule)
        let (reasonID, isNew) = reasonIDs.insert(bytesOf: key)
        if !isNew { return reasonID }
        let inputs: ReasonText.Inputs
        if let scopeRule = scopeRule.index {
            inputs = .excluded(templates.scopeRules[scopeRule])
        } else {
            let countryValue = country.index.map { templates.countries[$0] }
            inputs = .rated(
                category: category.index.map { templates.categories[$0] },
                evidence: evidenceTexts[evidence.index ?? 0], country: countryValue,
                countryEvidence: evidenceTexts[countryEvidence.index ?? 0], layer: layer,
                ratings: countryValue.map { templates.countryRisk($0.alpha2) } ?? [:], levels: levels)
        }
        reasons.append(ReasonText.full(inputs, areas: templates.areaNames, language: language))
        compactReasons.append(ReasonText.compact(inputs, areas: templates.areaNames, language: language))
        return reasonID
    }

    /// Country names no table knows, with how often they were met: once per line, and once per supplier
    /// for the supplier list's.
    var unknownCountryCounts: [String: Int] {
        var counts = unknownListCountries
        for (slot, name) in unknownCountryNames.enumerated() { counts[name, default: 0] += unknownCountryLines[slot] }
        return counts
    }
}

/// What a free-text field says, packed into one integer for ``FieldCache``: the keyword match position and the
/// scope rule, each -1 for none and ``notComputed`` until a line asks for it.
private struct TextFacts {
    static let notComputed = -2

    var keywordMatch = notComputed
    var scopeRule = notComputed

    init() {}

    init(packed: Int) {
        keywordMatch = (packed & 0xFFFF_FFFF) - 2
        scopeRule = (packed >> 32) - 2
    }

    var packed: Int { (scopeRule + 2) << 32 | (keywordMatch + 2) }
}

private extension ByteKeyIndex {
    /// Inserts the bytes of a plain value (integers only, no padding, no references) as a key.
    mutating func insert<Key>(bytesOf key: Key) -> (id: Int, inserted: Bool) {
        withUnsafeBytes(of: key) { insert($0.assumingMemoryBound(to: UInt8.self)) }
    }
}

private extension CategorySource {
    /// The source's position in `allCases`, for per-source arrays.
    var position: Int {
        switch self {
        case .cpv: return 0
        case .supplier: return 1
        case .keyword: return 2
        case .account: return 3
        case .none: return 4
        case .excluded: return 5
        }
    }
}
