/// A task of the agency's purchasing model for responsible supply chains (S1–S3, T1–T4, O1–O5),
/// with the rule that decides when a supplier × category needs it.
public struct PhaseTask: Sendable, Hashable, Identifiable {
    /// The level of the purchasing process a task belongs to.
    public enum Level: String, CaseIterable, Sendable {
        /// Policy, category strategy and planning.
        case strategic
        /// The individual procurement.
        case tactical
        /// Contract follow-up and management.
        case operative

        /// The level's label.
        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.strategic, .sv): return "Strategisk"
            case (.strategic, .en): return "Strategic"
            case (.tactical, .sv): return "Taktisk"
            case (.tactical, .en): return "Tactical"
            case (.operative, .sv): return "Operativ"
            case (.operative, .en): return "Operative"
            }
        }
    }

    /// The lowest overall risk at which a task applies (`min_risk` in `tasks.csv`).
    public enum MinimumRisk: String, CaseIterable, Sendable {
        /// Always, whatever the risk, assessed or not.
        case any
        /// When the risk is not assessed ("needs mapping") or is medium or high.
        ///
        /// Unknown is not treated as low: a supplier × category nobody has mapped gets the mapping
        /// tasks (overview, goals, chain analysis) that a medium risk would.
        case unknown
        /// When the risk is assessed and at least low.
        case low
        /// When the risk is medium or high.
        case medium
        /// When the risk is high.
        case high

        /// Whether `level` reaches this threshold.
        public func admits(_ level: RiskLevel) -> Bool {
            switch self {
            case .any: return true
            case .unknown: return level == .unknown || level >= .medium
            case .low: return level >= .low
            case .medium: return level >= .medium
            case .high: return level == .high
            }
        }
    }

    /// When a task applies: overall risk, the areas that must carry it, and the highest priority number.
    public struct Trigger: Sendable, Hashable {
        /// The overall risk must reach this threshold.
        public var minimumRisk: MinimumRisk
        /// At least one of these areas must reach the threshold too; nil means any area will do.
        public var areas: Set<RiskArea>?
        /// The task applies to priorities 1 through this number.
        public var maxPriority: Int
        /// Whether the task is about a product's chain (its risk analysis, a factory audit), so it never applies
        /// to a service or works performed in Sweden.
        public var goodsOnly: Bool

        /// Creates a trigger.
        public init(minimumRisk: MinimumRisk, areas: Set<RiskArea>? = nil, maxPriority: Int, goodsOnly: Bool = false) {
            self.minimumRisk = minimumRisk
            self.areas = areas
            self.maxPriority = maxPriority
            self.goodsOnly = goodsOnly
        }

        /// Whether the task applies to a supplier × category with these levels and this priority.
        public func applies(to levels: RiskProfile, overall: RiskLevel, priority: Int) -> Bool {
            guard priority <= maxPriority, minimumRisk.admits(overall) else { return false }
            guard let areas else { return true }
            return areas.contains { minimumRisk.admits(levels[$0]) }
        }
    }

    /// The task's identifier, e.g. `T2`.
    public var id: String
    /// The level of the purchasing process.
    public var level: Level
    /// The phase in Swedish, e.g. "Kartlägga".
    public var phaseSv: String
    /// The phase in English, e.g. "Map".
    public var phaseEn: String
    /// What to do, in Swedish.
    public var textSv: String
    /// What to do, in English.
    public var textEn: String
    /// When the task applies.
    public var trigger: Trigger

    /// Creates a task.
    public init(
        id: String, level: Level, phaseSv: String, phaseEn: String,
        textSv: String, textEn: String, trigger: Trigger
    ) {
        self.id = id
        self.level = level
        self.phaseSv = phaseSv
        self.phaseEn = phaseEn
        self.textSv = textSv
        self.textEn = textEn
        self.trigger = trigger
    }

    /// The phase in `language`.
    public func phase(_ language: Language) -> String { language == .sv ? phaseSv : phaseEn }

    /// What to do, in `language`.
    public func text(_ language: Language) -> String { language == .sv ? textSv : textEn }
}
