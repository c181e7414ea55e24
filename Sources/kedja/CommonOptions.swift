import ArgumentParser
import Foundation
import KedjaModel
import Tabular

/// The options every data command takes (CONTRACT.md), parsed once and shared.
struct CommonOptions: ParsableArguments {
    @Option(help: "Folder of rule tables to use instead of the bundled set (see `kedja templates export`).")
    var templates: String?

    @Option(help: "Language of workbooks and labels: sv or en.")
    var lang: String = "sv"

    @Option(name: .customLong("map"), help: ArgumentHelp(
        "Which column holds a role, overriding detection: ROLE=COLUMN (a header name or a column number). Repeatable.",
        valueName: "role=column"))
    var mappings: [String] = []

    @Option(help: "An ERP column profile from Templates/profiles (raindance, unit4, visma, leverantorsreskontra, uk-spend-over-500).")
    var profile: String?

    @Flag(help: "Exit with status 1 when any record is rejected.")
    var strict = false

    @Flag(help: "No progress line and no report on standard error.")
    var quiet = false

    @Flag(help: "Print the summary as one JSON object on standard output.")
    var json = false

    @Option(help: "Largest field accepted, in bytes; larger fields reject their record.")
    var maxFieldSize: Int = CSVLimits().maxFieldBytes

    func validate() throws {
        guard lang == "sv" || lang == "en" else { throw ValidationError("--lang must be sv or en, not '\(lang)'.") }
        guard maxFieldSize > 0 else { throw ValidationError("--max-field-size must be a positive number of bytes.") }
        for mapping in mappings { _ = try MappingError.parseOverride(mapping) }
    }

    /// The parsed `--map` overrides.
    func overrides() throws -> [(ColumnRole, String)] {
        try mappings.map(MappingError.parseOverride)
    }

    /// The templates folder in use: `--templates`, or the bundled set found from the binary's location.
    func templatesDirectory() throws -> URL {
        if let templates { return URL(fileURLWithPath: templates) }
        guard let bundled = TemplateSet.bundledDirectory() else {
            throw CommandFailure.templatesNotFound
        }
        return bundled
    }

    var limits: CSVLimits { CSVLimits(maxFieldBytes: maxFieldSize) }

    /// The language of labels, validated to sv or en.
    var language: Language { lang == "en" ? .en : .sv }

    /// Opens a spend file with the user's mapping options.
    func openSpendFile(_ path: String) throws -> SpendFile {
        let vocabulary = try ColumnVocabulary.load(from: templatesDirectory())
        return try SpendFile(path: path, vocabulary: vocabulary, overrides: overrides(), profile: profile, limits: limits)
    }
}

/// Failures the command line reports itself, beyond the libraries' own errors.
enum CommandFailure: Error, CustomStringConvertible {
    case templatesNotFound
    case noAmountColumn(String)
    case usage(String)

    var description: String {
        switch self {
        case .templatesNotFound:
            return "cannot find the bundled rule tables (Templates/). Pass --templates DIR or set KEDJA_TEMPLATES."
        case .noAmountColumn(let message): return message
        case .usage(let message): return message
        }
    }
}

/// Runs a command body and turns every failure into its message on standard error and CONTRACT.md's exit code.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("kedja: \(error)\n".utf8))
        throw ExitCode(exitCode(for: error))
    }
}

/// CONTRACT.md's exit codes: 64 usage, 65 data not readable as a table, 66 input cannot be opened, 73 output.
func exitCode(for error: any Error) -> Int32 {
    switch error {
    case let csv as CSVError: return csv.isOpenFailure ? 66 : 65
    case is OutputError, is XlsxError, is OutputErrorFromFoundation: return 73
    case is MappingError: return 64
    case let failure as CommandFailure:
        switch failure {
        case .templatesNotFound: return 66
        case .noAmountColumn: return 65
        case .usage: return 64
        }
    default: return 65
    }
}

/// Writes a line to standard error unless quiet.
func note(_ text: String, quiet: Bool) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
