import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// How a command reports and how strict it is: the flags `convert` shares with the spend commands.
struct RunFlags: ParsableArguments {
    @Flag(help: "Exit with status 1 when any record is rejected.")
    var strict = false

    @Flag(help: "No progress line and no report on standard error.")
    var quiet = false

    @Flag(help: "Print the summary as one JSON object on standard output.")
    var json = false

    @Option(help: "Largest field accepted, in bytes; larger fields reject their record.")
    var maxFieldSize: Int = CSVLimits().maxFieldBytes

    func validate() throws {
        guard maxFieldSize > 0 else { throw ValidationError(Messages.parsing.maxFieldSizeNotPositive) }
    }

    var limits: CSVLimits { CSVLimits(maxFieldBytes: maxFieldSize) }
}

/// `--lang`: the language of workbooks, labels and messages, in any letter case (`sv`, `EN`).
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of workbooks, labels and messages: sv or en.")
    var lang: String = "sv"

    func validate() throws {
        // Said in English: the language asked for is not known.
        guard Language(userText: lang) != nil else { throw ValidationError("--lang must be sv or en, not '\(lang)'.") }
    }

    /// The language asked for, validated to sv or en.
    var language: Language { Language(userText: lang) ?? .sv }
}

/// The options every data command takes (CONTRACT.md), parsed once and shared.
struct CommonOptions: ParsableArguments {
    @Option(
        help:
            "Folder of rule tables to use instead of the built-in set (see `kedja templates export`); also KEDJA_TEMPLATES."
    )
    var templates: String?

    @OptionGroup var languageOption: LanguageOption

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Which column holds a role, overriding detection: ROLE=COLUMN (a header name or a column number). Repeatable.",
            valueName: "role=column"))
    var mappings: [String] = []

    @Option(
        help:
            "An ERP column profile from Templates/profiles (raindance, unit4, visma, leverantorsreskontra, uk-spend-over-500)."
    )
    var profile: String?

    @OptionGroup var run: RunFlags

    @Option(help: "The worksheet to read when the spend file (or FILE) is an XLSX workbook (default: the first).")
    var sheet: String?

    func validate() throws {
        // A malformed --map is a usage error (64) like any other bad option, not a failure of the run.
        do {
            _ = try overrides()
        } catch {
            throw ValidationError(Messages(language).failureText(error))
        }
    }

    var strict: Bool { run.strict }
    var quiet: Bool { run.quiet }
    var json: Bool { run.json }

    /// The parsed `--map` overrides of the spend file's roles (fields only a contracts or audits file has are left
    /// to ``contractOverrides()``).
    func overrides() throws -> [(ColumnRole, String)] {
        try mappings.filter { Self.contractField($0) == nil }.map(MappingError.parseOverride)
    }

    /// The `--map` overrides for the contracts and audits files: their own fields (`contract_id`, `start`, `end`,
    /// `conditions`, `code_of_conduct`, `kind`, `result`, `source`), and the supplier, category and date roles,
    /// which apply there when the file has the named column.
    func contractOverrides() -> [(ContractColumn, String)] {
        mappings.compactMap { text in
            guard let equals = text.firstIndex(of: "=") else { return nil }
            let name = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard let field = ContractColumn(rawValue: name) else { return nil }
            let column = String(text[text.index(after: equals)...])
            // A column number means the spend file's column unless the field is the contracts file's own.
            if !ContractColumn.ownFields.contains(field) && Int(column) != nil { return nil }
            return (field, column)
        }
    }

    /// The contracts or audits field a `--map` entry names, when it is one the spend file has no role for.
    private static func contractField(_ text: String) -> ContractColumn? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        guard ColumnRole(rawValue: name) == nil, let field = ContractColumn(rawValue: name) else { return nil }
        return field
    }

    /// The rule tables in use: `--templates`, else `KEDJA_TEMPLATES`, else the built-in set.
    func templateLocation() throws -> TemplateLocation {
        try existingTemplates(templates.map { URL(fileURLWithPath: $0) })
    }

    var limits: CSVLimits { run.limits }

    /// The language of labels and messages, validated to sv or en.
    var language: Language { languageOption.language }

    /// Opens a spend file with the user's mapping options, keeping where a workbook's rows came from.
    func openSpendInput(_ path: String) throws -> (file: SpendFile, table: TableInput) {
        let table = try TableInput.open(path, sheet: sheet, sheetOption: "--sheet")
        let vocabulary = try ColumnVocabulary.load(from: templateLocation())
        do {
            let file = try SpendFile(
                path: table.csvPath, vocabulary: vocabulary, overrides: overrides(), profile: profile, limits: limits)
            return (file, table)
        } catch {
            throw table.relabel(error, language: language)
        }
    }
}
