import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja plan`: the follow-up plan workbook.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the follow-up plan: one row per follow-up task of each prioritised supplier.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "The workbook to write, or - for standard output when that is not a terminal (default: next to SPEND, "
                + OutputNames.help(OutputNames.plan) + ")."))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Last period's follow-up plan (XLSX): Status, Responsible, Comment and the corrective-action columns are "
                + "carried into the new plan; rows that match no task go to the sheet Utgått/Discontinued.",
            valueName: "plan.xlsx"))
    var previous: String?

    func run() throws {
        try writeOneWorkbook(
            "plan", input: input, options: options, output: output, defaultName: OutputNames.plan,
            previous: previous.map { PreviousWorkbook(path: $0, read: PreviousPlan.read(path:)) }
        ) { pass, previousPlan, path in
            let carryover = previousPlan.map { PlanCarryover(previous: $0, result: pass.result) }
            let repairs = try PlanWorkbook.write(pass.result, carryover: carryover, to: path)
            guard let carryover else { return WrittenWorkbook(repairs: repairs) }
            note(
                Messages(options.language).carriedOver(
                    previous ?? "", carried: carryover.carried.count, priorityChanges: carryover.priorityChanges,
                    discontinued: carryover.discontinued.count,
                    sheet: PlanLabels(options.language).discontinuedSheet),
                quiet: options.quiet || options.json)
            return WrittenWorkbook(
                repairs: repairs,
                details: [
                    "carried_over": String(carryover.carried.count),
                    "priority_changes": String(carryover.priorityChanges),
                    "discontinued": String(carryover.discontinued.count),
                ])
        }
    }
}
