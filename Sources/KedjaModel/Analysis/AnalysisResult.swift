import Tabular

/// Where a line's category came from, most specific first; written as `kedja_category_source`.
public enum CategorySource: String, Sendable, Codable, CaseIterable {
    /// The line's own CPV code.
    case cpv
    /// The supplier list's CPV code or category for the supplier.
    case supplier
    /// A keyword in the description, account text or supplier name.
    case keyword
    /// The account group (Kommun-Bas), the coarsest hint.
    case account
    /// Nothing matched: the category is unknown.
    case none
    /// A payment outside the scope of procurement (scope.csv): never rated, never planned.
    case excluded
}

/// One spend line's tags: what `kedja tag` appends and what the aggregates are built from.
public struct LineTag: Sendable {
    /// The category, if any rule matched.
    public var category: Category?
    /// Which rule matched.
    public var categorySource: CategorySource
    /// The country whose index values were used (production country before registered country).
    public var country: Country?
    /// The level per area: the higher of the assessed layers, `unknown` when none was assessed.
    public var levels: RiskProfile
    /// Position of the reason text in `SpendAnalysis.reasons` (reasons repeat across lines; stored once).
    public var reasonID: Int
    /// Position of the supplier × category group in the analysis.
    public var groupID: Int
    /// Position of the line's combination of tags (everything above but the group) among the distinct
    /// combinations of the run, from 0: lines with the same value carry the same tags, so a writer encodes
    /// them once, when it first meets the value.
    public var tagClass: Int
}

/// One row of the risk register: a supplier × category with its spend, risk, priority and follow-up.
public struct RegisterRow: Sendable {
    /// A stable key for the supplier (list id, org number or normalised name).
    public var supplierKey: String
    /// The supplier's name as the supplier list or the ledger gives it.
    public var supplierName: String
    /// The supplier number of the ledger (else of the supplier list), when there is one: it tells apart
    /// suppliers whose names are masked alike ("Privatperson (skyddad)").
    public var supplierID: String?
    /// The organisation number, normalised `NNNNNN-NNNN`, when known.
    public var orgNumber: String?
    /// The country used for the country layer.
    public var country: Country?
    /// The category; nil for spend no rule classified.
    public var category: Category?
    /// How the category was found for most of the spend.
    public var categorySource: CategorySource
    /// The exact spend (credit notes included).
    public var spend: Amount
    /// The number of lines.
    public var lines: Int
    /// Spend as a share of the total, for display (0.0–1.0).
    public var share: Double
    /// The level per area.
    public var levels: RiskProfile
    /// The highest area level.
    public var overall: RiskLevel { levels.overall }
    /// Priority 1 (act first) to 3, from risk and materiality (settings.csv).
    public var priority: Int
    /// Why the levels are what they are, naming every input.
    public var reason: String
    /// The tasks of the purchasing model that apply (tasks.csv).
    public var tasks: [PhaseTask]
    /// The follow-up cascade for the priority (followup.csv).
    public var followUp: [FollowUpStep]
    /// Whether the supplier was found in the supplier list.
    public var matchedSupplierList: Bool
    /// The contract conditions recommended for the row (``ConditionLevel/recommended(category:overall:priority:settings:)``).
    public var recommendedCondition: ConditionLevel = .none
    /// The contract the spend runs under (`--contracts`), when one is known.
    public var contract: Contract? {
        get { contractBox?.contract }
        set { contractBox = newValue.map(ContractBox.init) }
    }
    /// The contract behind a reference: a register row is copied into every plan step and there are tens of
    /// thousands of rows, so a contract (with its category) held inline would cost hundreds of bytes each.
    private var contractBox: ContractBox?

    /// Creates a row.
    public init(
        supplierKey: String, supplierName: String, orgNumber: String?, country: Country?, category: Category?,
        categorySource: CategorySource, spend: Amount, lines: Int, share: Double, levels: RiskProfile, priority: Int,
        reason: String, tasks: [PhaseTask], followUp: [FollowUpStep], matchedSupplierList: Bool,
        supplierID: String? = nil
    ) {
        self.supplierKey = supplierKey
        self.supplierID = supplierID
        self.supplierName = supplierName
        self.orgNumber = orgNumber
        self.country = country
        self.category = category
        self.categorySource = categorySource
        self.spend = spend
        self.lines = lines
        self.share = share
        self.levels = levels
        self.priority = priority
        self.reason = reason
        self.tasks = tasks
        self.followUp = followUp
        self.matchedSupplierList = matchedSupplierList
    }
}

/// One scheduled follow-up task of the plan.
public struct PlannedTask: Sendable {
    /// The register row it follows up.
    public var row: RegisterRow {
        get { followedUp.row }
        set { followedUp = SharedRow(newValue) }
    }
    /// The row, held once for all of its tasks: a row is several hundred bytes and a large plan has hundreds
    /// of thousands of tasks.
    private var followedUp: SharedRow
    /// The cascade step.
    public var step: FollowUpStep {
        get { scheduled.step }
        set { scheduled = SharedStep(step: newValue, task: scheduled.task) }
    }
    /// The task (its id and text).
    public var task: PhaseTask? {
        get { scheduled.task }
        set { scheduled = SharedStep(step: scheduled.step, task: newValue) }
    }
    /// Step and task, held once for every supplier's task of that step, as `followedUp` holds the row.
    private var scheduled: SharedStep
    /// When it is due: the plan's start plus the step's offset, later when capacity is full, never after the
    /// contract's end.
    public var due: CivilDate
    /// Where the step stands when the plan is made: the first step planned, later ones conditional, covered by an
    /// earlier or joint audit.
    public var status: PlanStepStatus = .planned
    /// What Kedja says about the step: what it waits on, the audit that covers it, a move for capacity or to the
    /// next procurement; empty when nothing needs saying.
    public var note = ""
    /// The supplier's other categories the step covers (one follow-up per supplier), besides `row.category`.
    public var otherCategories: [Category] = []
    /// The contract the supplier's follow-up runs under, when one is known.
    public var contract: Contract? {
        get { contractBox?.contract }
        set { contractBox = newValue.map(ContractBox.init) }
    }
    /// The contract behind a reference, as in ``RegisterRow``.
    private var contractBox: ContractBox?
    /// Whether the step waits for the next procurement because the contract ends first.
    public var movedToNextProcurement = false

    /// Creates a planned task.
    public init(row: RegisterRow, step: FollowUpStep, task: PhaseTask?, due: CivilDate) {
        self.init(sharing: SharedRow(row), scheduled: SharedStep(step: step, task: task), due: due)
    }

    /// Creates a planned task for a row and a step already held by other tasks.
    init(sharing row: SharedRow, scheduled: SharedStep, due: CivilDate) {
        self.followedUp = row
        self.scheduled = scheduled
        self.due = due
    }

    /// Every category the step covers: the row's, then the supplier's others.
    public var categories: [Category] { (row.category.map { [$0] } ?? []) + otherCategories }
}

/// Where a planned step stands when Kedja makes the plan.
public enum PlanStepStatus: String, Sendable, Hashable {
    /// The first step of a supplier's cascade: to be done.
    case planned
    /// A later step: done only if the result of the one before calls for it.
    case conditional
    /// A recent earlier or joint audit of the same kind or stricter covers it (or the contract already has the
    /// conditions the step would put in).
    case covered
}

/// A contract whose conditions fall short of the recommendation, or lack the code of conduct: to fix at the next
/// procurement.
public struct ConditionGap: Sendable {
    /// The register row (supplier × category) the contract covers.
    public var row: RegisterRow
    /// The contract.
    public var contract: Contract
    /// Whether the conditions are weaker than recommended.
    public var weakerConditions: Bool
    /// Whether the contract lacks the code of conduct.
    public var noCodeOfConduct: Bool
}

/// What the contracts file adds to the analysis: spend under contract and outside any, and the condition gaps.
public struct ContractFigures: Sendable {
    /// The contracts file as the user named it.
    public var file: String
    /// How many usable contracts it holds.
    public var contracts: Int
    /// In-scope spend of register rows with a contract.
    public var spendUnderContract = Amount.zero
    /// In-scope spend of register rows without one.
    public var spendOutsideContract = Amount.zero
    /// Contracts whose conditions fall short, in register order.
    public var gaps: [ConditionGap] = []

    /// Creates empty figures.
    public init(file: String, contracts: Int) {
        self.file = file
        self.contracts = contracts
    }
}

/// One register row shared by the planned tasks that follow it up.
final class SharedRow: Sendable {
    let row: RegisterRow

    init(_ row: RegisterRow) { self.row = row }
}

/// A cascade step with its task, held by reference: every supplier's task of the step shares one, so a plan of a
/// hundred thousand tasks does not carry the step's and the task's texts in each of them.
final class SharedStep: Sendable {
    let step: FollowUpStep
    let task: PhaseTask?

    init(step: FollowUpStep, task: PhaseTask?) {
        self.step = step
        self.task = task
    }
}

/// Everything the workbooks show, computed in one pass over the spend file.
public struct AnalysisResult: Sendable {
    /// Register rows, highest priority first, then spend descending, then supplier and category for stable order.
    public var rows: [RegisterRow]
    /// The exact total of accepted spend.
    public var total: Amount
    /// Counts from reading the file.
    public var counts: IngestionCounts
    /// The first rejected records, at most ``RejectSpool/listLimit``: what summaries list.
    public var rejects: [RejectedRecord]
    /// The rejected records after those, on disk; nil when ``rejects`` holds them all.
    public var laterRejects: RejectSpool?
    /// Data-quality figures for the committee report.
    public var quality: DataQuality
    /// The rule tables used, with source and year, for the Method sheet.
    public var sources: [TemplateSource]
    /// The legal forms supplier names are compared with and without, for matching last period's suppliers.
    public var legalForms: LegalForms
    /// What each risk area is called and covers, for every heading and the Method sheet.
    public var areaNames: RiskAreaNames
    /// The language of labels and reasons.
    public var language: Language
    /// The follow-up plan: one task per cascade step of each prioritised row, by due date.
    public var plan: [PlannedTask]
    /// The plan's start date (`--start`).
    public var planStart: CivilDate
    /// Whose run this is, of which file and period, when and with what: the committee report's opening lines.
    public var run = RunDescription()
    /// The capacity and audit rules the plan used (settings.csv).
    public var planning = PlanningSettings()
    /// Spend under contract and the condition gaps, when a contracts file was given.
    public var contractFigures: ContractFigures?
    /// The audits file, when one was given, and how many audits it holds.
    public var auditsFile: (file: String, audits: Int)?

    /// Creates a result.
    public init(
        rows: [RegisterRow], total: Amount, counts: IngestionCounts, rejects: [RejectedRecord], quality: DataQuality,
        sources: [TemplateSource], legalForms: LegalForms, areaNames: RiskAreaNames, language: Language,
        plan: [PlannedTask],
        planStart: CivilDate
    ) {
        self.rows = rows
        self.total = total
        self.counts = counts
        self.rejects = rejects
        self.quality = quality
        self.sources = sources
        self.legalForms = legalForms
        self.areaNames = areaNames
        self.language = language
        self.plan = plan
        self.planStart = planStart
    }
}

/// A supplier with spend no rule gave a category: an entry of the "what to classify next" list.
public struct UnclassifiedSupplier: Sendable, Equatable {
    /// The supplier's name.
    public var name: String
    /// The organisation number, when known.
    public var orgNumber: String?
    /// The spend without a category.
    public var spend: Amount
    /// The lines without a category.
    public var lines: Int
    /// Whether the supplier list has the supplier (fill in its CPV code or category there), or not (add it).
    public var isListed: Bool

    /// Creates an entry.
    public init(name: String, orgNumber: String?, spend: Amount, lines: Int, isListed: Bool) {
        self.name = name
        self.orgNumber = orgNumber
        self.spend = spend
        self.lines = lines
        self.isListed = isListed
    }
}

/// How much of the spend Kedja could classify, for the committee's data-quality section.
public struct DataQuality: Sendable, Equatable {
    /// Distinct suppliers in the ledger.
    public var suppliers = 0
    /// Suppliers not found in the supplier list (0 when no list was given).
    public var unmatchedSuppliers = 0
    /// Names of unmatched suppliers, by spend descending (at most 50).
    public var unmatchedSupplierNames: [String] = []
    /// Whether a supplier list was given.
    public var supplierListGiven = false
    /// Lines with no known country.
    public var linesWithoutCountry = 0
    /// Country names that were given but not recognised, with their line counts.
    public var unknownCountryNames: [String: Int] = [:]
    /// Lines no rule gave a category.
    public var linesWithoutCategory = 0
    /// Spend without a category.
    public var spendWithoutCategory = Amount.zero
    /// Spend per category source.
    public var spendBySource: [CategorySource: Amount] = [:]
    /// Lines outside the scope of procurement (payments to public bodies, grants, …).
    public var excludedLines = 0
    /// Spend outside the scope of procurement.
    public var excludedSpend = Amount.zero
    /// In-scope spend whose overall risk is unknown: no layer could assess any area.
    public var unknownRiskSpend = Amount.zero
    /// The suppliers with the most spend no rule gave a category, most first (at most 20): which rows of
    /// the supplier list to fill in first.
    public var classifyNext: [UnclassifiedSupplier] = []

    /// Creates empty figures.
    public init() {}
}

/// A contract held by reference, so the rows and plan steps that name one stay small.
final class ContractBox: Sendable {
    let contract: Contract

    init(_ contract: Contract) { self.contract = contract }
}
