import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// Failures the command line reports itself, beyond the libraries' own errors.
enum CommandFailure: ExitStatusReporting, CustomStringConvertible, Bilingual {
    case noTemplatesIn(String)
    case usage(String)

    var exitStatus: ExitStatus {
        switch self {
        case .noTemplatesIn: .noInput
        case .usage: .usage
        }
    }

    var description: String { text(.en) }

    /// The message in `language`; a usage message was made in the run's language already.
    func text(_ language: Language) -> String {
        switch self {
        case .noTemplatesIn(let folder): Messages(language).noTemplatesIn(folder)
        case .usage(let message): message
        }
    }
}

/// A failure after some of a run's outputs were put in place: the message says which, so that no one takes a part
/// of a set of outputs for the whole; the status is the failure's own.
struct FailureAfterOutputs: ExitStatusReporting, CustomStringConvertible, Bilingual {
    let underlying: any Error
    let written: [String]

    var exitStatus: ExitStatus { (underlying as? any ExitStatusReporting)?.exitStatus ?? .dataError }

    var description: String { text(.en) }

    func text(_ language: Language) -> String {
        let files = written.joined(separator: ", ")
        return Messages(language).failureText(underlying) + "\n  "
            + Phrase(
                sv: "skrivet före felet: \(files); körningens övriga utdata skrevs inte.",
                en: "written before the failure: \(files); the run's other outputs were not written."
            ).text(language)
    }
}

/// The rule tables `explicit` names, else `KEDJA_TEMPLATES`'s folder, else the built-in set; a named folder must
/// hold the tables (exit 66 otherwise).
func existingTemplates(_ explicit: URL?) throws -> TemplateLocation {
    let location = explicit.map(TemplateLocation.folder) ?? .standard()
    if case .folder(let folder) = location,
        !FileManager.default.fileExists(atPath: folder.appendingPathComponent("categories.csv").path)
    {
        throw CommandFailure.noTemplatesIn(folder.path)
    }
    return location
}

/// Runs a command body and turns every failure into its message (in `language`) on standard error and
/// CONTRACT.md's exit code; the private CSV copies of workbook inputs are removed however the body ends.
func reportingFailures(_ language: Language, _ body: () throws -> Void) throws {
    defer { ScratchFolder.removeAll() }
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data((Messages(language).failure(error) + "\n").utf8))
        throw ExitCode(exitCode(for: error))
    }
}

/// CONTRACT.md's exit code for a failure: the status the error states (``ExitStatusReporting``), else 65.
func exitCode(for error: any Error) -> Int32 {
    ((error as? any ExitStatusReporting)?.exitStatus ?? .dataError).rawValue
}

/// Writes a line to standard error unless quiet.
func note(_ text: String, quiet: Bool) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
