import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja report`: the committee report workbook.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the committee report: key figures, top risks, charts, heat map, data quality.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "The workbook to write, or - for standard output when that is not a terminal (default: next to SPEND, "
                + OutputNames.help(OutputNames.report) + ")."))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Last period's risk register (XLSX, from `kedja register`): adds the sheet Förändringar/Changes.",
            valueName: "register.xlsx"))
    var previous: String?

    @Option(
        help: ArgumentHelp(
            "With --previous: the least change in a supplier's spend that is listed, in kronor (default: the "
                + "materiality of settings.csv, the lower of priority1_min_spend and priority1_min_share of total spend).",
            valueName: "amount"))
    var changeThreshold: String?

    func validate() throws {
        let messages = Messages(options.language)
        if changeThreshold != nil && previous == nil {
            throw ValidationError(messages.changeThresholdWithoutPrevious)
        }
        if let changeThreshold, Amount(changeThreshold) == nil {
            throw ValidationError(messages.badChangeThreshold(changeThreshold))
        }
    }

    func run() throws {
        let areas = try RiskAreaNames.load(from: options.templateLocation())
        try writeOneWorkbook(
            "report", input: input, options: options, output: output, defaultName: OutputNames.report,
            previous: previous.map {
                PreviousWorkbook(path: $0, read: { try PreviousRegister.read(path: $0, areas: areas) })
            }
        ) { pass, previousRegister, path in
            let comparison = try previousRegister.map { register in
                RegisterComparison(previous: register, current: pass.result, threshold: try threshold(pass.result))
            }
            let repairs = try ReportWorkbook.write(pass.result, comparison: comparison, to: path)
            guard let comparison else { return WrittenWorkbook(repairs: repairs) }
            return WrittenWorkbook(
                repairs: repairs,
                details: [
                    "changes_new_high_risk": String(comparison.joined.count),
                    "changes_gone_high_risk": String(comparison.left.count),
                    "changes_risk_levels": String(comparison.levelChanges.count),
                    "changes_spend_shifts": String(comparison.spendShifts.count),
                    "change_threshold": comparison.threshold.description,
                ])
        }
    }

    /// `--change-threshold`, or the materiality of the templates' settings for this period's total.
    private func threshold(_ result: AnalysisResult) throws -> Amount {
        if let changeThreshold, let amount = Amount(changeThreshold) { return amount }
        let settings = try TemplateSet.load(from: options.templateLocation()).settings
        return RegisterComparison.materialShift(settings: settings, total: result.total)
    }
}
