import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja run`: all four outputs in one pass.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Write the enriched CSV, the risk register, the follow-up plan and the committee report in one pass.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(
        help: ArgumentHelp(
            "Folder for the outputs: " + OutputNames.help(OutputNames.tagged) + ", "
                + OutputNames.help(OutputNames.register) + ", " + OutputNames.help(OutputNames.plan) + ", "
                + OutputNames.help(OutputNames.report)
                + ", and NAME-taggad.rejects.csv when records are rejected."))
    var outDir: String = "Reports"

    func run() throws {
        let language = options.language
        let messages = Messages(language)
        try reportingFailures(language) {
            do {
                try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: outDir, reason: messages.cannotCreateFolder(error.localizedDescription))
            }
            let tagged = OutputNames.tagged(for: input.spend, directory: outDir, language: language)
            let register = OutputNames.register(for: input.spend, directory: outDir, language: language)
            let plan = OutputNames.plan(for: input.spend, directory: outDir, language: language)
            let report = OutputNames.report(for: input.spend, directory: outDir, language: language)
            var repairs = TextRepairs()
            let pass = try analyse(
                input, options, enrichedPath: tagged, workbooks: [register, plan, report], describeSource: true
            ) { result in
                repairs = try RegisterWorkbook.write(result, to: register)
                repairs = repairs + (try PlanWorkbook.write(result, to: plan))
                repairs = repairs + (try ReportWorkbook.write(result, to: report))
            }
            let workbooks = pass.outcome.withheld ? [] : [register, plan, report]
            try conclude(
                "run", pass, outputs: pass.outcome.outputs + workbooks, options: options, repairs: repairs,
                register: workbooks.isEmpty ? nil : register)
        }
    }
}
