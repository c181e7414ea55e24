import KedjaModel

/// A supplier's answer to a self-assessment question, as the Answer drop-down offers it.
public enum QuestionnaireAnswer: String, CaseIterable, Sendable {
    case yes
    case partly
    case no
    case notApplicable = "not_applicable"

    /// The drop-down label: Ja/Delvis/Nej/Ej tillämpligt or Yes/Partly/No/Not applicable.
    public func label(_ language: Language) -> String { phrase.text(language) }

    /// Whether the answer is a deviation: No or Partly.
    public var isDeviation: Bool { self == .no || self == .partly }

    /// Reads an Answer cell in either language, ignoring case, accents and surrounding spaces; nil for anything else.
    public init?(label: String) {
        let key = TextKey.folded(label)
        guard !key.isEmpty,
            let answer = QuestionnaireAnswer.allCases.first(where: {
                TextKey.folded($0.phrase.sv) == key || TextKey.folded($0.phrase.en) == key
            })
        else { return nil }
        self = answer
    }

    private var phrase: Phrase {
        switch self {
        case .yes: Phrase(sv: "Ja", en: "Yes")
        case .partly: Phrase(sv: "Delvis", en: "Partly")
        case .no: Phrase(sv: "Nej", en: "No")
        case .notApplicable: Phrase(sv: "Ej tillämpligt", en: "Not applicable")
        }
    }
}

/// The questionnaire's columns, in the order CONTRACT.md fixes.
enum QuestionnaireColumn: Int, CaseIterable {
    case id, question, answer, comment, evidence

    var header: Phrase {
        switch self {
        case .id: Phrase(sv: "Id", en: "Id")
        case .question: Phrase(sv: "Fråga", en: "Question")
        case .answer: Phrase(sv: "Svar", en: "Answer")
        case .comment: Phrase(sv: "Kommentar", en: "Comment")
        case .evidence: Phrase(sv: "Underlag", en: "Evidence")
        }
    }
}

/// The questionnaire workbook's words.
enum QuestionnairePhrases {
    static let sheet = Phrase(sv: "Självskattning", en: "Questionnaire")
    static let instructionSheet = Phrase(sv: "Anvisning", en: "Instructions")
    /// The hidden sheet with what `kedja followup` matches the workbook by; the same name in both languages.
    static let keySheet = "Kedja"
    static let title = Phrase(
        sv: "Självskattning – ansvarsfulla leveranskedjor", en: "Self-assessment – responsible supply chains")
    /// The title of the questionnaire that checks labour-law conditions in a contract performed in Sweden.
    static let labourTitle = Phrase(
        sv: "Kontroll av arbetsrättsliga villkor", en: "Check of labour-law conditions")

    /// The title for a questionnaire at `level`.
    static func title(for level: QuestionLevel) -> Phrase {
        level == .collectiveAgreement ? labourTitle : title
    }
    static let supplier = Phrase(sv: "Leverantör", en: "Supplier")
    static let orgNumber = Phrase(sv: "Org.nr", en: "Org. number")
    static let contracts = Phrase(sv: "Avtal", en: "Contracts")
    static let categories = Phrase(sv: "Kategorier", en: "Categories")
    static let condition = Phrase(sv: "Villkorsnivå", en: "Condition level")
    static let returnBy = Phrase(sv: "Återsänds senast", en: "Return by")
    static let questions = Phrase(sv: "Antal frågor", en: "Questions")
    static let evidenceAsked = Phrase(sv: "Underlag som efterfrågas: ", en: "Evidence asked for: ")
    static let answerError = Phrase(
        sv: "Välj ett svar i listan: Ja, Delvis, Nej eller Ej tillämpligt.",
        en: "Pick an answer from the list: Yes, Partly, No or Not applicable.")

    /// The instruction sheet's paragraphs.
    static func howTo(returnBy: String, sheet: String, level: QuestionLevel) -> [Phrase] {
        [
            level == .collectiveAgreement
                ? Phrase(
                    sv:
                        "Vi följer upp de arbetsrättsliga villkoren (lön, arbetstid och semester enligt kollektivavtal) "
                        + "i vårt avtal med er. Besvara frågorna på bladet \(sheet) för dem som arbetar i uppdraget, "
                        + "era underleverantörers personal inräknad, och bifoga de underlag som efterfrågas.",
                    en: "We follow up the labour-law conditions (pay, working hours and leave as the collective "
                        + "agreement sets) in our contract with you. Answer the questions on the sheet \(sheet) for "
                        + "those who work on the contract, your sub-contractors' staff included, and attach the "
                        + "documents asked for.")
                : Phrase(
                    sv: "Vi följer upp de särskilda kontraktsvillkoren om ansvarsfulla leveranskedjor i vårt avtal med "
                        + "er. Besvara frågorna på bladet \(sheet) för den produktion som levereras till oss.",
                    en: "We follow up the special contract conditions on responsible supply chains in our contract "
                        + "with you. Answer the questions on the sheet \(sheet) for the production that supplies us."),
            Phrase(
                sv: "Välj Ja, Delvis, Nej eller Ej tillämpligt i kolumnen Svar. Förklara i Kommentar, särskilt vid "
                    + "Delvis och Nej, och skriv i Underlag vilka dokument ni bifogar.",
                en: "Pick Yes, Partly, No or Not applicable in the Answer column. Explain in Comment, above all for "
                    + "Partly and No, and name in Evidence the documents you attach."),
            Phrase(
                sv: "Ändra inte frågorna, bladens namn eller kolumnen Id: svaren läses in automatiskt. "
                    + "Filen får byta namn och sparas i Excel eller LibreOffice.",
                en: "Do not change the questions, the sheet names or the Id column: the answers are read back "
                    + "automatically. The file may be renamed and saved in Excel or LibreOffice."),
            Phrase(
                sv: "Skicka tillbaka arbetsboken med underlagen senast \(returnBy).",
                en: "Return the workbook with the evidence by \(returnBy)."),
        ]
    }
}
