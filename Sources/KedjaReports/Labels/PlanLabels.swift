import KedjaModel

/// Where a follow-up task stands, as the plan's Status drop-down offers it.
///
/// The labels are what a user picks in Excel, so a plan read back (`kedja plan --previous`) maps a cell to a
/// status with ``init(label:)`` in either language.
public enum FollowUpStatus: String, CaseIterable, Sendable {
    /// Scheduled, not started: the first step of each supplier's cascade starts here.
    case planned
    /// A later step of the cascade: done only if the previous step's result calls for it.
    case conditional
    /// A recent earlier or joint audit of the same kind or stricter covers the step; the comment names it.
    case covered
    /// Under way, e.g. the self-assessment has been sent out.
    case inProgress = "in_progress"
    /// Carried out without deviations, or its deviations are closed.
    case done
    /// The step found a deviation that needs a corrective action (task O4).
    case deviation

    /// The label in the drop-down: Planerad/Villkorad/Täckt/Pågår/Klar/Avvikelse or
    /// Planned/Conditional/Covered/In progress/Done/Deviation.
    public func label(_ language: Language) -> String {
        phrase.text(language)
    }

    /// Whether Kedja sets this status when it makes the plan (rather than the team while working): a carried-over
    /// row with such a status takes this period's.
    public var isKedjas: Bool { self == .planned || self == .conditional || self == .covered }

    /// The status Kedja gives a planned step.
    public init(_ status: PlanStepStatus) {
        switch status {
        case .planned: self = .planned
        case .conditional: self = .conditional
        case .covered: self = .covered
        }
    }

    /// Reads a Status cell in either language, ignoring case and surrounding spaces; nil for anything else.
    public init?(label: String) {
        let folded = label.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let status = FollowUpStatus.allCases.first(where: {
                $0.phrase.sv.lowercased() == folded || $0.phrase.en.lowercased() == folded
            })
        else { return nil }
        self = status
    }

    private var phrase: Phrase {
        switch self {
        case .planned: Phrase(sv: "Planerad", en: "Planned")
        case .conditional: Phrase(sv: "Villkorad", en: "Conditional")
        case .covered: Phrase(sv: "Täckt", en: "Covered")
        case .inProgress: Phrase(sv: "Pågår", en: "In progress")
        case .done: Phrase(sv: "Klar", en: "Done")
        case .deviation: Phrase(sv: "Avvikelse", en: "Deviation")
        }
    }

    /// What the status means, for the plan's guide sheet.
    var meaning: Phrase {
        switch self {
        case .planned:
            Phrase(
                sv: "Uppgiften är planerad men inte påbörjad: det första steget för varje leverantör.",
                en: "The task is scheduled but not started: the first step for each supplier.")
        case .conditional:
            Phrase(
                sv: "Steget görs bara om resultatet av steget före kräver det; kommentaren säger vad det väntar på.",
                en: "The step is carried out only if the result of the step before calls for it; the comment says what "
                    + "it waits on.")
        case .covered:
            Phrase(
                sv: "En tidigare eller gemensam uppföljning av samma slag eller striktare, högst tre år gammal, täcker "
                    + "steget; kommentaren namnger den.",
                en: "An earlier or joint follow-up of the same kind or stricter, at most three years old, covers the "
                    + "step; the comment names it.")
        case .inProgress:
            Phrase(
                sv: "Arbetet pågår, till exempel är självskattningen utskickad.",
                en: "Work is under way, for example the self-assessment has been sent out.")
        case .done:
            Phrase(
                sv: "Steget är genomfört utan avvikelser, eller avvikelserna är åtgärdade.",
                en: "The step is carried out without deviations, or its deviations are closed.")
        case .deviation:
            Phrase(
                sv: "Steget visade en avvikelse: beskriv den under Avvikelse, planera åtgärden under Åtgärd och sätt "
                    + "en Tidsfrist (tid- och åtgärdsplan, uppgift O4).",
                en: "The step found a deviation: describe it under Deviation, plan the fix under Action and set a "
                    + "Deadline (corrective action plan, task O4).")
        }
    }
}

/// The follow-up plan's sheet names and column headers in one language.
///
/// The sheet name and the first nine headers are promises (CONTRACT.md, "Workbooks"); scripts and
/// `kedja plan --previous` find the plan and its columns by them. The corrective-action columns follow, then the
/// organisation number and category code that let next period's plan recognise each row, and, in a plan made
/// with `--previous`, the Change column.
public struct PlanLabels: Sendable, Equatable {
    /// The plan's sheet: `Uppföljningsplan` / `Follow-up plan`. Further parts are named `Uppföljningsplan (2)`, ….
    public let planSheet: String
    /// The guide sheet that explains the statuses and the cascade: `Anvisning` / `Guide`.
    public let guideSheet: String
    /// Last period's rows that match no task of this period (`--previous`): `Utgått` / `Discontinued`.
    public let discontinuedSheet: String
    /// What the task ids of the rows mean: `Uppgifter` / `Tasks`.
    public let tasksSheet: String
    /// The plan's header row, left to right, without the Change column.
    public let headers: [String]
    /// The last header of a plan made with `--previous`: `Förändring` / `Change` (new task, changed priority).
    public let changeHeader: String
    /// The Status drop-down's items, in ``FollowUpStatus`` order.
    public let statuses: [String]

    /// The labels in `language`.
    public init(_ language: Language) {
        planSheet = PlanPhrases.planSheet.text(language)
        guideSheet = PlanPhrases.guideSheet.text(language)
        discontinuedSheet = PlanPhrases.discontinuedSheet.text(language)
        tasksSheet = RegisterPhrases.tasksSheet.text(language)
        headers = PlanColumn.allCases.map { $0.header.text(language) }
        changeHeader = PlanPhrases.changeHeader.text(language)
        statuses = FollowUpStatus.allCases.map { $0.label(language) }
    }
}

/// The follow-up plan's columns, in the order CONTRACT.md fixes, then the corrective-action columns, then the keys
/// that identify a row's supplier and category from one period to the next.
enum PlanColumn: Int, CaseIterable, Sendable {
    case supplier, category, priority, method, task, due, responsible, status, comment
    case deviation, action, deadline
    case orgNumber, categoryCode
    case contract, contractEnd, condition

    /// The columns the team fills in, which `kedja plan --previous` carries into the next plan.
    static let teamColumns: [PlanColumn] = [.responsible, .status, .comment, .deviation, .action, .deadline]

    /// The zero-based sheet column.
    var index: Int { rawValue }

    /// The header on row 1.
    var header: Phrase {
        switch self {
        case .supplier: Phrase(sv: "Leverantör", en: "Supplier")
        case .category: Phrase(sv: "Kategori", en: "Category")
        case .priority: Phrase(sv: "Prioritet", en: "Priority")
        case .method: Phrase(sv: "Metod", en: "Method")
        case .task: Phrase(sv: "Uppgift", en: "Task")
        case .due: Phrase(sv: "Förfallodatum", en: "Due")
        case .responsible: Phrase(sv: "Ansvarig", en: "Responsible")
        case .status: Phrase(sv: "Status", en: "Status")
        case .comment: Phrase(sv: "Kommentar", en: "Comment")
        case .deviation: Phrase(sv: "Avvikelse", en: "Deviation")
        case .action: Phrase(sv: "Åtgärd", en: "Action")
        case .deadline: Phrase(sv: "Tidsfrist", en: "Deadline")
        case .orgNumber: Phrase(sv: "Org.nr", en: "Org. number")
        case .categoryCode: Phrase(sv: "Kategorikod", en: "Category code")
        case .contract: Phrase(sv: "Avtal", en: "Contract")
        case .contractEnd: Phrase(sv: "Avtalets slut", en: "Contract end")
        case .condition: Phrase(sv: "Villkor", en: "Condition")
        }
    }
}

/// The follow-up plan's words beyond its sheet name and headers.
enum PlanPhrases {
    static let planSheet = Phrase(sv: "Uppföljningsplan", en: "Follow-up plan")
    static let guideSheet = Phrase(sv: "Anvisning", en: "Guide")
    static let discontinuedSheet = Phrase(sv: "Utgått", en: "Discontinued")
    static let changeHeader = Phrase(sv: "Förändring", en: "Change")
    static let title = Phrase(
        sv: "Uppföljningsplan – ansvarsfulla leveranskedjor", en: "Follow-up plan – responsible supply chains")
    static let statusError = Phrase(
        sv: "Välj en status i listan: Planerad, Villkorad, Täckt, Pågår, Klar eller Avvikelse.",
        en: "Pick a status from the list: Planned, Conditional, Covered, In progress, Done or Deviation.")
    static let statusHeaders = [Phrase(sv: "Status", en: "Status"), Phrase(sv: "Betydelse", en: "Meaning")]
    static let howToHeading = Phrase(sv: "Så används planen", en: "How to use the plan")
    static let gapSheet = Phrase(sv: "Åtgärda vid nästa upphandling", en: "Fix at the next procurement")

    /// The guide's note on the capacity the plan assumed and how long an earlier audit counts.
    static func capacity(_ settings: PlanningSettings, auditsFile: String?, planYears: Int) -> Phrase {
        var audits = (
            sv: " Med denna kapacitet sträcker sig planen över \(planYears) planår.",
            en: " With this capacity the plan runs over \(planYears) plan years."
        )
        if let auditsFile {
            audits.sv += " Tidigare och gemensamma uppföljningar: \(auditsFile)."
            audits.en += " Earlier and joint follow-ups: \(auditsFile)."
        }
        return Phrase(
            sv: "Kapacitet (settings.csv): \(settings.onsiteAuditsPerYear) revisioner på plats och "
                + "\(settings.deskAuditsPerYear) kontorsrevisioner per planår (onsite_audits_per_year, "
                + "desk_audits_per_year). Leverantörerna tas i ordning efter prioritet och spend; revisioner som inte "
                + "ryms ett år flyttas till nästa. En tidigare uppföljning av samma slag eller striktare täcker ett steg "
                + "om den är högst \(settings.auditValidYears) år gammal vid planens start. Uppföljning kräver minst "
                + "\(settings.followUpMinContractDays) dagar kvar av avtalet; annars flyttas den till nästa upphandling."
                + audits.sv,
            en: "Capacity (settings.csv): \(settings.onsiteAuditsPerYear) on-site audits and "
                + "\(settings.deskAuditsPerYear) desk audits per plan year (onsite_audits_per_year, "
                + "desk_audits_per_year). Suppliers are taken by priority and spend; audits that do not fit in a year "
                + "move to the next. An earlier follow-up of the same kind or stricter covers a step when it is at most "
                + "\(settings.auditValidYears) years old at the plan's start. Follow-up needs at least "
                + "\(settings.followUpMinContractDays) days of contract left; otherwise it moves to the next "
                + "procurement." + audits.en)
    }

    /// The guide's explanation of due dates, the cascade and the columns to fill in.
    static func howTo(start: String) -> [Phrase] {
        [
            Phrase(
                sv: "En rad per uppföljningssteg för varje prioriterad leverantör i riskregistret: en självskattning "
                    + "täcker alla leverantörens kategorier. Förfallodatum = planens startdatum (\(start)) plus stegets "
                    + "antal dagar i followup.csv, senare om kapaciteten är fylld, aldrig efter avtalets slut.",
                en: "One row per follow-up step for each prioritised supplier of the risk register: one "
                    + "self-assessment covers all the supplier's categories. Due = the plan's start date (\(start)) "
                    + "plus the step's number of days in followup.csv, later when capacity is full, never after the "
                    + "contract's end."),
            Phrase(
                sv: "Uppföljningen är en kaskad: resultatet av varje steg avgör om nästa behövs (självskattning → "
                    + "kontorsrevision → revision på plats → tid- och åtgärdsplan för avvikelser). Bara det första "
                    + "steget är Planerad (och kontrollen av arbetsrättsliga villkor som avtalet redan har); senare "
                    + "steg är Villkorad och kommentaren säger på vad.",
                en: "Follow-up is a cascade: the result of each step decides whether the next is needed "
                    + "(self-assessment → desk audit → on-site audit → corrective action plan). Only the first step "
                    + "is Planned (and the check of labour-law conditions the contract already has); later steps are "
                    + "Conditional and the comment says on what."),
            Phrase(
                sv: "Fyll i Ansvarig, Status och Kommentar. Vid en avvikelse: beskriv den, planera åtgärden och sätt "
                    + "en tidsfrist. Förfallodatum som passerats utan att steget är klart visas i rött.",
                en: "Fill in Responsible, Status and Comment. For a deviation: describe it, plan the action and set a "
                    + "deadline. Due dates passed before the step is done show in red."),
        ]
    }
}
