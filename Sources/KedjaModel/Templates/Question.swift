/// What a self-assessment question is about: one of the six routine requirements of the advanced condition level,
/// or one of the four risk areas.
public enum QuestionTopic: Sendable, Hashable {
    /// A routine requirement the supplier must have in place.
    case routine(RoutineRequirement)
    /// The conventions and law behind a risk area.
    case area(RiskArea)

    /// Reads a `topic` cell of `questions.csv`: a routine requirement's id or a risk area's id.
    public init?(code: String) {
        let key = code.trimmingCharacters(in: .whitespaces).lowercased()
        if let routine = RoutineRequirement(rawValue: key) {
            self = .routine(routine)
        } else if let area = RiskArea(rawValue: key) {
            self = .area(area)
        } else {
            return nil
        }
    }

    /// The id as the table writes it.
    public var code: String {
        switch self {
        case .routine(let routine): routine.rawValue
        case .area(let area): area.rawValue
        }
    }
}

/// The six routine requirements of the advanced condition level ("Hållbara leveranskedjor").
public enum RoutineRequirement: String, Sendable, Hashable, CaseIterable {
    /// A policy commitment adopted by management.
    case policy
    /// The policy is published and passed on to sub-suppliers.
    case communication
    /// Someone is responsible, with resources.
    case responsibility
    /// A risk analysis of the chain.
    case riskAnalysis = "risk_analysis"
    /// Follow-up of the sub-suppliers.
    case followUp = "follow_up"
    /// Handling of deviations with corrective actions.
    case deviations
}

/// The contract condition level at which a question is asked.
public enum QuestionLevel: String, Sendable, Hashable, CaseIterable {
    /// Asked of every supplier with a self-assessment: the ILO fundamental conventions and the production country's
    /// labour law.
    case basic
    /// Asked where the advanced level applies: the routine requirements and the risk areas at issue.
    case advanced
    /// Asked of a service or works performed in Sweden under labour-law conditions at collective-agreement level
    /// (LOU ch. 17 §§ 2–3), when the contract has them and their check is due: pay, working hours, leave and
    /// subcontractors, each with the documents that show them.
    case collectiveAgreement = "collective-agreement"

    /// Reads a `level` cell in English or Swedish (`basic`/`bas`, `advanced`/`avancerad`,
    /// `collective-agreement`/`kollektivavtal`).
    public init?(code: String) {
        switch code.trimmingCharacters(in: .whitespaces).lowercased() {
        case "basic", "bas": self = .basic
        case "advanced", "avancerad": self = .advanced
        case "collective-agreement", "kollektivavtal": self = .collectiveAgreement
        default: return nil
        }
    }

    /// The question level a contract condition level asks for: advanced for advanced, the labour-law questions for
    /// collective-agreement conditions, basic for everything else (a supplier with a self-assessment is asked at
    /// least the basic questions).
    public init(_ condition: ConditionLevel?) {
        switch condition {
        case .advanced: self = .advanced
        case .collectiveAgreement: self = .collectiveAgreement
        default: self = .basic
        }
    }
}

/// One self-assessment question: one row of `Templates/questions.csv`.
public struct Question: Sendable, Hashable {
    /// The question's id, unique in the table (`L1`); `kedja followup` matches answers by it.
    public var id: String
    /// What the question is about.
    public var topic: QuestionTopic
    /// The lowest condition level at which it is asked.
    public var level: QuestionLevel
    /// The question in Swedish.
    public var textSv: String
    /// The question in English.
    public var textEn: String
    /// The evidence asked for, in Swedish.
    public var evidenceSv: String
    /// The evidence asked for, in English.
    public var evidenceEn: String

    /// Creates a question.
    public init(
        id: String, topic: QuestionTopic, level: QuestionLevel, textSv: String, textEn: String, evidenceSv: String,
        evidenceEn: String
    ) {
        self.id = id
        self.topic = topic
        self.level = level
        self.textSv = textSv
        self.textEn = textEn
        self.evidenceSv = evidenceSv
        self.evidenceEn = evidenceEn
    }

    /// The question in `language`.
    public func text(_ language: Language) -> String { language == .sv ? textSv : textEn }

    /// The evidence asked for in `language`.
    public func evidence(_ language: Language) -> String { language == .sv ? evidenceSv : evidenceEn }

    /// The questions of `questions` (in table order) a supplier is asked: every basic question; at the advanced
    /// level also the advanced questions on the routine requirements and on the risk areas in `areas`; under
    /// collective-agreement conditions the labour-law questions only (the chain's questions do not apply to work
    /// done here).
    public static func selected(
        from questions: [Question], level: QuestionLevel, areas: Set<RiskArea>
    ) -> [Question] {
        questions.filter { question in
            switch (level, question.level) {
            case (.collectiveAgreement, .collectiveAgreement), (.basic, .basic), (.advanced, .basic): return true
            case (.advanced, .advanced):
                switch question.topic {
                case .routine: return true
                case .area(let area): return areas.contains(area)
                }
            default: return false
            }
        }
    }

    /// The risk areas at issue for categories with `profiles`: every area rated medium or high, or not assessed
    /// (unknown stays unknown, never quietly low); all four when no category is known.
    public static func areasAtIssue(_ profiles: [RiskProfile]) -> Set<RiskArea> {
        guard !profiles.isEmpty else { return Set(RiskArea.allCases) }
        var areas = Set<RiskArea>()
        for profile in profiles {
            for area in RiskArea.allCases where profile[area] >= .medium || !profile[area].isAssessed {
                areas.insert(area)
            }
        }
        return areas
    }
}
