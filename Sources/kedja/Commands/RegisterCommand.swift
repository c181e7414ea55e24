import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja register`: the risk register workbook.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Write the risk register: one row per supplier × category.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "The workbook to write, or - for standard output when that is not a terminal (default: next to SPEND, "
                + OutputNames.help(OutputNames.register) + ")."))
    var output: String?

    func run() throws {
        try writeOneWorkbook(
            "register", input: input, options: options, output: output, defaultName: OutputNames.register
        ) { pass, path in
            try RegisterWorkbook.write(pass.result, to: path)
        }
    }
}
