import Tabular

/// Something wrong or doubtful in a rule table, with the file, the line and what to do about it.
///
/// `kedja templates check` prints these; a procurement officer fixes the table in Excel from the
/// message alone, so every message says what is wrong and how to put it right, in Swedish and English
/// (``text(_:)`` in the run's language; ``description`` is English).
public struct TemplateProblem: Sendable, Hashable, CustomStringConvertible {
    /// The table's path.
    public var path: String
    /// The physical line (the header is line 1), or nil when the problem concerns the whole file.
    public var line: Int?
    /// What is wrong and how to fix it, in Swedish and English.
    public var phrase: Phrase
    /// What is wrong and how to fix it, in English.
    public var message: String { phrase.en }
    /// Whether ``line`` is a worksheet's row: the problem was retold for a workbook read through a CSV copy.
    public var linesAreSheetRows = false

    /// Creates a problem.
    public init(path: String, line: Int?, phrase: Phrase) {
        self.path = path
        self.line = line
        self.phrase = phrase
    }

    public var description: String {
        if let line { return "\(path), \(linesAreSheetRows ? "row" : "line") \(line): \(message)" }
        return "\(path): \(message)"
    }
}

/// Rule tables that cannot be used: every problem found while loading, so one run of
/// `kedja templates check` shows them all.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order the tables were read.
    public var problems: [TemplateProblem]

    /// Creates an error from at least one problem.
    public init(problems: [TemplateProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

extension TemplateError: ExitStatusReporting {
    public var exitStatus: ExitStatus { .dataError }
}
