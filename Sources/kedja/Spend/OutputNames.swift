import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// The default output names, by language, so a folder of reports reads naturally to its users.
enum OutputNames {
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
        let url = URL(fileURLWithPath: input)
        let stem = url.deletingPathExtension().lastPathComponent
        let inputExtension = url.pathExtension.isEmpty ? ext : url.pathExtension
        let file = "\(stem)-\(suffix).\(keepExtension ? inputExtension : ext)"
        let folder = directory ?? (input as NSString).deletingLastPathComponent
        return folder.isEmpty ? file : "\(folder)/\(file)"
    }
}
