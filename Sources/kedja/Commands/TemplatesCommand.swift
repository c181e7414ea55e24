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

        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let messages = Messages(languageOption.language)
            try reportingFailures(languageOption.language) {
                let manager = FileManager.default
                let target = URL(fileURLWithPath: directory)
                var written: [String] = []
                for (relative, bytes) in TemplateLocation.builtInFileList {
                    let destination = target.appendingPathComponent(relative)
                    if manager.fileExists(atPath: destination.path) && !force {
                        throw CommandFailure.usage(messages.tableExists(destination.path))
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
                print(messages.wroteTables(written.count, to: target.path, option: directory))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a set of rule tables (default: KEDJA_TEMPLATES, else the built-in set).")

        @Argument(help: "The folder to check.")
        var directory: String?

        @Option(
            help:
                "A CPV code list (CSV with codes like 03000000-1) to check every CPV code against instead of the CPV 2008 list built in."
        )
        var cpv: String?

        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let language = languageOption.language
            try reportingFailures(language) {
                let location = try existingTemplates(directory.map { URL(fileURLWithPath: $0) })
                let set = try TemplateSet.load(from: location)
                _ = try ColumnVocabulary.load(from: location)
                let codes = try cpv.map { try TemplateSet.readCPVCodeList(contentsOf: URL(fileURLWithPath: $0)) }
                let problems = set.problems(cpvCodes: codes)
                for problem in problems { print(problem.text(language)) }
                if problems.isEmpty {
                    print(
                        Messages(language).tablesChecked(
                            location.text(language), categories: set.categories.count, keywords: set.keywords.count,
                            accountGroups: set.accountGroups.count, countries: set.countries.count,
                            tasks: set.tasks.count, cpvList: cpv))
                } else {
                    throw ExitCode(65)
                }
            }
        }
    }
}

/// A Foundation file error while writing, reported as an output failure (exit 73).
struct OutputErrorFromFoundation: ExitStatusReporting, CustomStringConvertible, Bilingual {
    let path: String
    let error: any Error
    var exitStatus: ExitStatus { .cannotCreateOutput }
    var description: String { text(.en) }
    func text(_ language: Language) -> String {
        Messages(language).cannotWrite(path, because: error.localizedDescription)
    }
}
