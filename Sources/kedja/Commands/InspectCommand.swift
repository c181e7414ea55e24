import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja inspect FILE`: what Kedja sees in a file, before anything is written.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a file's dialect, which column got which role and why, counts, the exact total and problems.")

    @Argument(
        help: "The CSV file (spend export or supplier list), or an XLSX workbook; - reads CSV from standard input.")
    var file: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        try reportingFailures {
            let (spend, table) = try options.openSpendInput(file)
            var rejects: [RejectedRecord] = []
            let counts: IngestionCounts
            do {
                counts = try spend.forEachLine(
                    accepted: { _, _ in },
                    rejected: { _, reject in
                        // The summary lists the first ones and counts the rest, so memory stays bounded.
                        if rejects.count < RejectSpool.listLimit { rejects.append(reject) }
                    })
            } catch {
                throw table.relabel(error)
            }
            var summary = RunSummary(
                command: "inspect", file: spend, counts: counts, rejects: table.relabel(rejects), outputs: [])
            table.describe(in: &summary)
            if counts.fieldsWithLiteralQuotes > 0 {
                summary.details["fields_with_literal_quotes"] = String(counts.fieldsWithLiteralQuotes)
            }
            if options.json {
                print(summary.json())
            } else {
                print(InspectReport(summary: summary, hasAmount: spend.hasAmountColumn).text)
            }
            if options.strict && counts.rowsRejected > 0 { throw ExitCode(1) }
        }
    }
}

/// The human-readable form of `inspect`.
struct InspectReport {
    let summary: RunSummary
    let hasAmount: Bool

    var text: String {
        let input = summary.input
        var lines: [String] = []
        lines.append(
            "File:          \(input.path == TableInput.standardInput ? TableInput.standardInputName : input.path)")
        lines.append("Encoding:      \(input.encoding)\(input.bom ? " with BOM" : "")")
        lines.append(
            "Delimiter:     \(printable(input.delimiter))   Quote: \(input.quote)   Line ending: \(printable(input.lineEnding))"
        )
        lines.append(
            "Numbers:       decimal mark '\(input.decimalMark)', thousands separator \(input.thousandsSeparator)")
        lines.append("Header:        \(input.header ? "yes" : "no")\(input.profile.map { "   Profile: \($0)" } ?? "")")
        lines.append("Columns:")
        for column in summary.columns {
            lines.append(
                "  \(column.role.padding(toLength: 19, withPad: " ", startingAt: 0)) column \(column.column) '\(column.header)': \(column.reason)"
            )
        }
        if !hasAmount {
            lines.append("  (no amount column: spend commands need --map amount=COLUMN)")
        }
        lines.append(
            "Records:       \(summary.rowsRead) read, \(summary.rowsWritten) accepted, \(summary.rowsRejected) rejected"
                + (summary.blankLinesSkipped > 0 ? ", \(summary.blankLinesSkipped) blank lines skipped" : ""))
        if let quotes = summary.details["fields_with_literal_quotes"].flatMap({ Int($0) }) {
            lines.append("Quotes:        \(Messages.literalQuotes(quotes))")
        }
        if hasAmount {
            lines.append(
                "Amount total:  \(summary.amountTotal) (accepted records); rejected records held \(summary.amountRejected)"
            )
        }
        lines.append("Reconciled:    \(summary.reconciled ? "yes, every record is accepted or rejected" : "NO")")
        if !summary.rejects.isEmpty {
            lines.append("Problems:")
            for reject in summary.rejects.prefix(50) {
                lines.append("  record \(reject.record) (line \(reject.line)): \(reject.reason)")
            }
            if summary.rowsRejected > 50 { lines.append("  … and \(summary.rowsRejected - 50) more (see --json)") }
        }
        return lines.joined(separator: "\n")
    }

    private func printable(_ text: String) -> String {
        text.replacingOccurrences(of: "\t", with: "TAB").replacingOccurrences(of: "\r", with: "CR")
            .replacingOccurrences(of: "\n", with: "LF")
    }
}
