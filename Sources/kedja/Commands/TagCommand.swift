import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja tag`: the enriched CSV in the input's dialect.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Append the kedja_* risk columns to every line, in the input's own dialect.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(
        name: .shortAndLong,
        help: "The enriched CSV, or - for standard output (default: SPEND with -tagged before the extension).")
    var output: String?

    @Option(
        help:
            "Where rejected records go (default: next to the output, NAME.rejects.csv; with -o - or a pipe or device, next to SPEND)."
    )
    var rejects: String?

    @Flag(
        help:
            "Prefix text Excel would run as a formula with ', in the enriched CSV and the rejects (for CSV opened in Excel, not for the ERP round trip)."
    )
    var excelSafe = false

    func run() throws {
        try reportingFailures {
            let path = output ?? OutputNames.tagged(for: input.spend, directory: nil, language: options.language)
            if path == "-" && options.json {
                throw CommandFailure.usage(
                    "--json prints to standard output, which -o - already uses: write the CSV to a file, or leave out --json."
                )
            }
            // With the CSV on standard output, a pipe or a device, rejected records still go to a file: next to the
            // input, as no file can be put beside /dev/null or /proc/self/fd/1.
            let besideInput = path == "-" || AtomicOutputFile.isWrittenThrough(path)
            let rejectsPath = rejects ?? (besideInput ? AnalysisRun.defaultRejectsPath(for: input.spend) : nil)
            let pass = try analyse(input, options, enrichedPath: path, rejectsPath: rejectsPath, excelSafe: excelSafe)
            try conclude("tag", pass, outputs: pass.outcome.outputs, options: options)
        }
    }
}
