import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// The default output names, by language, so a folder of reports reads naturally to its users.
///
/// Outputs are named after the input and go next to it; for standard input (`-`) they are named after
/// ``standardInputStem`` and go in the current folder.
enum OutputNames {
    /// The name outputs of standard input are given, as if it were the file `stdin.csv`.
    static let standardInputStem = "stdin"

    /// A default name as help texts give it, `NAME-riskregister.xlsx (NAME-risk-register.xlsx with --lang en)`: made
    /// by the function that names the files, so help and files cannot disagree.
    static func help(_ name: (_ input: String, _ directory: String?, Language) -> String) -> String {
        "\(name("NAME.csv", nil, .sv)) (\(name("NAME.csv", nil, .en)) with --lang en)"
    }

    /// `NAME.rejects.csv` next to SPEND: where `tag -o -` and `--strict` put rejected records when no output file
    /// sets a place.
    static func rejects(besides input: String) -> String {
        AnalysisRun.defaultRejectsPath(for: input == TableInput.standardInput ? "\(standardInputStem).csv" : input)
    }

    /// The enriched CSV keeps a CSV input's extension (`.txt`, `.tsv`); a workbook's becomes `.csv`.
    static func tagged(for input: String, directory: String?, language: Language) -> String {
        name(
            input, directory, language == .sv ? "taggad" : "tagged", ext: "csv",
            keepExtension: !TableInput.isWorkbook(input))
    }

    static func register(for input: String, directory: String?, language: Language) -> String {
        name(input, directory, language == .sv ? "riskregister" : "risk-register", ext: "xlsx")
    }

    static func plan(for input: String, directory: String?, language: Language) -> String {
        name(input, directory, language == .sv ? "uppfoljningsplan" : "follow-up-plan", ext: "xlsx")
    }

    static func report(for input: String, directory: String?, language: Language) -> String {
        name(input, directory, language == .sv ? "namndrapport" : "committee-report", ext: "xlsx")
    }

    private static func name(
        _ input: String, _ directory: String?, _ suffix: String, ext: String, keepExtension: Bool = false
    ) -> String {
        let source = input == TableInput.standardInput ? "\(standardInputStem).csv" : input
        let url = URL(fileURLWithPath: source)
        let stem = url.deletingPathExtension().lastPathComponent
        let inputExtension = url.pathExtension.isEmpty ? ext : url.pathExtension
        let file = "\(stem)-\(suffix).\(keepExtension ? inputExtension : ext)"
        let folder = directory ?? (source as NSString).deletingLastPathComponent
        return folder.isEmpty ? file : "\(folder)/\(file)"
    }
}

/// A workbook for `-` is built in the command's private folder and copied to standard output when complete;
/// anywhere else the library's own atomic writer puts it in place.
enum WorkbookOutput {
    static func write<Value>(_ path: String, messages: Messages, _ body: (String) throws -> Value) throws -> Value {
        guard path == StandardStreams.path else { return try body(path) }
        let scratch = try ScratchFolder.path(named: "workbook.xlsx")
        let value = try body(scratch)
        try StandardStreams.copyToStandardOutput(scratch, messages)
        return value
    }
}
