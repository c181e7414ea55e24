import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports

/// The options `questionnaires` and `followup` share: both read a follow-up plan workbook with the rule tables
/// (`questions.csv`, `settings.csv`) and report in the run's language, on standard error or as JSON.
struct PlanFileOptions: ParsableArguments {
    @Option(
        help:
            "Folder of rule tables to use instead of the built-in set (questions.csv, settings.csv); also KEDJA_TEMPLATES."
    )
    var templates: String?

    @OptionGroup var languageOption: LanguageOption

    @Flag(help: "No report on standard error.")
    var quiet = false

    @Flag(help: "Print the summary as one JSON object on standard output.")
    var json = false

    /// The language of the workbooks written and of the messages.
    var language: Language { languageOption.language }

    /// Whether standard error stays silent: asked to, or the summary goes out as JSON.
    var quietly: Bool { quiet || json }

    /// The plan at `path`, read whole; a missing file is an input error (66).
    func readPlan(_ path: String) throws -> PlanBook {
        guard FileManager.default.fileExists(atPath: path) else { throw FollowUpInputError(path: path) }
        return try PlanBook.read(path: path)
    }

    /// The rule tables: `--templates`, else `KEDJA_TEMPLATES`, else the built-in set.
    func templateSet() throws -> TemplateSet {
        try TemplateSet.load(from: try existingTemplates(templates.map { URL(fileURLWithPath: $0) }))
    }
}
