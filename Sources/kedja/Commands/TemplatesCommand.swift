import ArgumentParser
import Foundation
import KedjaModel
import Tabular

/// `kedja templates export DIR | check [DIR]`: the rule tables as files a procurement officer edits.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Export the built-in rule tables for editing, or check a set.",
        subcommands: [Export.self, Check.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in rule tables into DIR for editing.")

        @Argument(help: "The folder to write (created if missing; existing tables are not overwritten unless --force).")
        var directory: String

        @Flag(help: "Overwrite tables that already exist in DIR.")
        var force = false

        func run() throws {
            try reportingFailures {
                let manager = FileManager.default
                let target = URL(fileURLWithPath: directory)
                var written: [String] = []
                for (relative, bytes) in TemplateLocation.builtInFileList {
                    let destination = target.appendingPathComponent(relative)
                    if manager.fileExists(atPath: destination.path) && !force {
                        throw CommandFailure.usage("\(destination.path) exists; pass --force to overwrite it.")
                    }
                    do {
                        try manager.createDirectory(
                            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(bytes).write(to: destination)
                    } catch {
                        throw OutputErrorFromFoundation(path: destination.path, error: error)
                    }
                    written.append(relative)
                }
                print(
                    "Wrote \(written.count) tables to \(target.path). Edit them in Excel and pass --templates \(directory)."
                )
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a set of rule tables (default: KEDJA_TEMPLATES, else the built-in set).")

        @Argument(help: "The folder to check.")
        var directory: String?

        @Option(help: "The CPV 2008 code list (CSV with codes like 03000000-1) to check every CPV code against.")
        var cpv: String?

        func run() throws {
            try reportingFailures {
                let location = try existingTemplates(directory.map { URL(fileURLWithPath: $0) })
                let set = try TemplateSet.load(from: location)
                _ = try ColumnVocabulary.load(from: location)
                let codes = try cpv.map { try TemplateSet.readCPVCodeList(contentsOf: URL(fileURLWithPath: $0)) }
                let problems = set.problems(cpvCodes: codes)
                for problem in problems { print(problem.description) }
                if problems.isEmpty {
                    print(
                        "\(location.description): \(set.categories.count) categories, \(set.keywords.count) keywords, "
                            + "\(set.accountGroups.count) account groups, \(set.countries.count) countries, "
                            + "\(set.tasks.count) tasks: no problems.")
                    // A wrong check digit cannot be told without the list: say so rather than pass it silently.
                    if codes == nil, set.writtenCheckDigitCount > 0 {
                        print(
                            "note: \(set.writtenCheckDigitCount) CPV codes in categories.csv carry a check digit, which "
                                + "only the CPV 2008 list can confirm; pass --cpv FILE (the list as CSV) to check them."
                        )
                    }
                } else {
                    throw ExitCode(65)
                }
            }
        }
    }
}

/// A Foundation file error while writing, reported as an output failure (exit 73).
struct OutputErrorFromFoundation: ExitStatusReporting, CustomStringConvertible {
    let path: String
    let error: any Error
    var exitStatus: ExitStatus { .cannotCreateOutput }
    var description: String { "\(path): cannot write (\(error.localizedDescription)). Choose a writable folder." }
}
