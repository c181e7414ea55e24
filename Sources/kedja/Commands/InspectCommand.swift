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
        try reportingFailures(options.language) {
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
                throw table.relabel(error, language: options.language)
            }
            var summary = RunSummary(
                command: "inspect", file: spend, counts: counts, rejects: table.relabel(rejects), outputs: [],
                language: options.language)
            table.describe(in: &summary)
            if counts.fieldsWithLiteralQuotes > 0 {
                summary.details["fields_with_literal_quotes"] = String(counts.fieldsWithLiteralQuotes)
            }
            if options.json {
                print(summary.json())
            } else {
                print(
                    InspectReport(
                        summary: summary, hasAmount: spend.hasAmountColumn, messages: Messages(options.language)
                    )
                    .text)
            }
            if options.strict && counts.rowsRejected > 0 { throw ExitCode(1) }
        }
    }
}

/// The human-readable form of `inspect`, in the run's language (its words side by side below).
struct InspectReport {
    let summary: RunSummary
    let hasAmount: Bool
    let messages: Messages

    private func say(sv: String, en: String) -> String {
        Phrase(sv: sv, en: en).text(messages.language)
    }

    /// A line's label, padded so the values line up.
    private func label(sv: String, en: String) -> String {
        say(sv: sv, en: en).padding(toLength: 15, withPad: " ", startingAt: 0)
    }

    /// An amount of the summary (a plain literal) as the language writes it.
    private func amount(_ literal: String) -> String {
        Amount(literal).map { $0.messageText(messages.language) } ?? literal
    }

    var text: String {
        let input = summary.input
        var lines: [String] = []
        let path = input.path == TableInput.standardInput ? TableInput.standardInputName(messages.language) : input.path
        lines.append(label(sv: "Fil:", en: "File:") + path)
        lines.append(
            label(sv: "Kodning:", en: "Encoding:") + input.encoding
                + (input.bom ? say(sv: " med BOM", en: " with BOM") : ""))
        lines.append(
            label(sv: "Avgränsare:", en: "Delimiter:") + printable(input.delimiter)
                + say(sv: "   Citattecken: ", en: "   Quote: ") + input.quote
                + say(sv: "   Radslut: ", en: "   Line ending: ") + printable(input.lineEnding))
        lines.append(
            label(sv: "Tal:", en: "Numbers:")
                + say(
                    sv: "decimaltecken '\(input.decimalMark)', tusentalsavgränsare \(input.thousandsSeparator)",
                    en: "decimal mark '\(input.decimalMark)', thousands separator \(input.thousandsSeparator)"))
        lines.append(
            label(sv: "Rubrikrad:", en: "Header:")
                + (input.header ? say(sv: "ja", en: "yes") : say(sv: "nej", en: "no"))
                + (input.profile.map { say(sv: "   Profil: ", en: "   Profile: ") + $0 } ?? ""))
        lines.append(say(sv: "Kolumner:", en: "Columns:"))
        for column in summary.columns {
            lines.append(
                "  \(column.role.padding(toLength: 19, withPad: " ", startingAt: 0)) "
                    + say(sv: "kolumn", en: "column") + " \(column.column) '\(column.header)': \(column.reason)")
        }
        if !hasAmount {
            lines.append(
                say(
                    sv: "  (ingen beloppskolumn: kommandona för reskontran behöver --map amount=KOLUMN)",
                    en: "  (no amount column: spend commands need --map amount=COLUMN)"))
        }
        let blank = summary.blankLinesSkipped
        lines.append(
            label(sv: "Poster:", en: "Records:")
                + say(
                    sv: "\(Messages.grouped(summary.rowsRead)) lästa, \(Messages.grouped(summary.rowsWritten)) "
                        + "godtagna, \(Messages.grouped(summary.rowsRejected)) avvisade"
                        + (blank > 0 ? ", \(Messages.grouped(blank)) tomma rader överhoppade" : ""),
                    en: "\(summary.rowsRead) read, \(summary.rowsWritten) accepted, \(summary.rowsRejected) rejected"
                        + (blank > 0 ? ", \(blank) blank lines skipped" : "")))
        if let quotes = summary.details["fields_with_literal_quotes"].flatMap({ Int($0) }) {
            lines.append(label(sv: "Citat:", en: "Quotes:") + messages.literalQuotes(quotes))
        }
        if hasAmount {
            let total = amount(summary.amountTotal)
            let rejected = amount(summary.amountRejected)
            lines.append(
                label(sv: "Beloppssumma:", en: "Amount total:")
                    + say(
                        sv: "\(total) (godtagna poster); avvisade poster hade \(rejected)",
                        en: "\(total) (accepted records); rejected records held \(rejected)"))
        }
        lines.append(
            label(sv: "Avstämt:", en: "Reconciled:")
                + (summary.reconciled
                    ? say(
                        sv: "ja, varje post är godtagen eller avvisad", en: "yes, every record is accepted or rejected")
                    : say(sv: "NEJ", en: "NO")))
        if !summary.rejects.isEmpty {
            lines.append(say(sv: "Problem:", en: "Problems:"))
            for reject in summary.rejects.prefix(50) {
                lines.append(
                    say(
                        sv: "  post \(reject.record) (rad \(reject.line)): \(reject.reason)",
                        en: "  record \(reject.record) (line \(reject.line)): \(reject.reason)"))
            }
            if summary.rejects.count > 50 {
                let more = summary.rejects.count - 50
                lines.append(say(sv: "  … och \(more) till (se --json)", en: "  … and \(more) more (see --json)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func printable(_ text: String) -> String {
        text.replacingOccurrences(of: "\t", with: "TAB").replacingOccurrences(of: "\r", with: "CR")
            .replacingOccurrences(of: "\n", with: "LF")
    }
}
