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
        help: ArgumentHelp(
            "The enriched CSV, or - for standard output (default: next to SPEND, "
                + OutputNames.help(OutputNames.tagged) + ")."))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Where rejected records go, or - for standard output (default: next to the output, OUT.rejects.csv, e.g. "
                + "NAME-taggad.rejects.csv; with -o -, a pipe or a device, NAME.rejects.csv next to SPEND)."))
    var rejects: String?

    @Flag(
        help:
            "Prefix text Excel would run as a formula with ', in the enriched CSV and the rejects (for CSV opened in Excel, not for the ERP round trip)."
    )
    var excelSafe = false

    func run() throws {
        let messages = Messages(options.language)
        try reportingFailures(options.language) {
            let path = output ?? OutputNames.tagged(for: input.spend, directory: nil, language: options.language)
            let standardOutputs = [path, rejects].filter { $0 == StandardStreams.path }.count
            if standardOutputs > 0 && options.json { throw CommandFailure.usage(messages.jsonAndStandardOutput) }
            if standardOutputs > 1 { throw CommandFailure.usage(messages.standardOutputTwice) }
            // With the CSV on standard output, a pipe or a device, rejected records still go to a file: next to the
            // input, as no file can be put beside /dev/null or /proc/self/fd/1.
            let besideInput = path == "-" || AtomicOutputFile.isWrittenThrough(path)
            let rejectsPath = rejects ?? (besideInput ? OutputNames.rejects(besides: input.spend) : nil)
            let pass = try analyse(input, options, enrichedPath: path, rejectsPath: rejectsPath, excelSafe: excelSafe)
            try conclude("tag", pass, outputs: pass.outcome.outputs, options: options)
        }
    }
}
