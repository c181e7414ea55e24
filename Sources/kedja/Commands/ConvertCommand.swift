import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja convert IN -o OUT`: the plain spreadsheet converter between CSV dialects and XLSX.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert CSV to CSV in another dialect (every field's text kept), CSV to XLSX with typed cells, "
            + "or a worksheet of an XLSX workbook to CSV.",
        discussion: """
            From a workbook, every row from row 1 to the last row with a value becomes a record, as wide as the \
            widest row; cells are written as they hold: text as typed, numbers with . as the decimal mark (to \
            Excel's 15 significant digits), dates as YYYY-MM-DD. The default dialect is UTF-8 with a BOM, comma \
            and CRLF (TAB for .tsv); change it with the options below.
            """)

    @Argument(help: "The input file: CSV (.csv, .tsv, .txt) or an XLSX workbook; - reads CSV from standard input.")
    var input: String

    @Option(help: "The worksheet to convert when IN is a workbook (default: the first).")
    var sheet: String?

    @Option(
        name: .shortAndLong,
        help: "The output file; its extension (.csv, .tsv, .xlsx) picks the format; - writes CSV to standard output.")
    var output: String

    @Option(help: "Output delimiter: a character, or tab, semicolon, comma, pipe (default: the input's; TAB for .tsv).")
    var delimiter: String?

    @Option(help: "Output encoding: utf-8, windows-1252, utf-16le (default: the input's).")
    var encoding: String?

    @Flag(inversion: .prefixedNo, help: "Write a byte-order mark (default: as the input).")
    var bom: Bool?

    @Option(help: "Output line ending: crlf or lf (default: the input's).")
    var lineEnding: String?

    @Flag(help: "Prefix text that Excel would run as a formula (=, +, -, @) with ' in CSV output.")
    var excelSafe = false

    @OptionGroup var flags: RunFlags

    @OptionGroup var languageOption: LanguageOption

    /// The language of messages.
    private var messages: Messages { Messages(languageOption.language) }

    func run() throws {
        try reportingFailures(languageOption.language) {
            if output == StandardStreams.path && flags.json {
                throw CommandFailure.usage(messages.jsonAndStandardOutput)
            }
            if input != TableInput.standardInput { try TableInput.requireRegularFile(input) }
            if input != TableInput.standardInput && TableInput.isWorkbook(input) {
                try convertWorkbook()
                return
            }
            let table = try TableInput.open(input, sheet: sheet, sheetOption: "--sheet")
            do {
                try convertCSV(table)
            } catch {
                throw table.relabel(error, language: languageOption.language)
            }
        }
    }

    /// Converts a CSV input (a file, or standard input copied to `table.csvPath`) to CSV or XLSX.
    private func convertCSV(_ table: TableInput) throws {
        let reader = try CSVReader(path: table.csvPath, limits: flags.limits)
        let format = OutputFormat(path: output)
        switch format {
        case .csv, .tsv:
            let dialect = try outputDialect(from: reader.dialect, format: format)
            let writer = try csvWriter(dialect: dialect)
            let counts = try CSVConversion.copy(reader, to: writer, withholdingOnRejects: flags.strict)
            try conclude(
                counts, from: table.displayName(languageOption.language), dialect: reader.dialect, workbook: false)
        case .xlsx:
            let file = try AtomicOutputFile(destination: output, protecting: [input])
            let sheetName =
                input == TableInput.standardInput
                ? OutputNames.standardInputStem : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            let counts: CSVConversion.Counts
            do {
                let language = languageOption.language
                counts = try CSVToWorkbook.convert(
                    reader, to: try file.pathForLibraries, sheetName: sheetName,
                    cutMarker: { CellText.cutMarker(removed: $0, language) })
            } catch let error as XlsxError where error.isSaveFailure {
                throw OutputError(savingWorkbookAt: output, error)
            }
            // Under --strict a record left out means no output (the temporary file goes with `file`).
            if !(flags.strict && counts.rejected > 0) { try file.commit() }
            try conclude(
                counts, from: table.displayName(languageOption.language), dialect: reader.dialect, workbook: true)
        }
    }

    /// The CSV writer for OUT: a file that appears when complete, or standard output for `-`.
    private func csvWriter(dialect: CSVDialect) throws -> CSVWriter {
        if output == StandardStreams.path { return CSVWriter.standardOutput(dialect: dialect, excelSafe: excelSafe) }
        let file = try AtomicOutputFile(destination: output, protecting: [input])
        return CSVWriter(file: file, dialect: dialect, excelSafe: excelSafe)
    }

    /// Writes `--sheet` (or the first worksheet) of the workbook IN as CSV in the requested dialect.
    private func convertWorkbook() throws {
        let format = OutputFormat(path: output)
        guard format != .xlsx else {
            throw CommandFailure.usage(messages.workbookAlready(input))
        }
        let reader = try XlsxReader(url: URL(fileURLWithPath: input))
        let dialect = try outputDialect(from: TableInput.workbookDialect, format: format)
        let writer = try csvWriter(dialect: dialect)
        let outcome = try XlsxToCSV.convert(reader, sheet: sheet, to: writer, blankRows: .keep)
        if flags.json {
            print(outcome.json(input: input, output: output, dialect: dialect))
        } else {
            note(
                messages.converted(
                    messages.workbookSheet(input, sheet: outcome.sheet), to: messages.outputName(output),
                    records: max(outcome.records - 1, 0), ragged: 0, rejected: 0),
                quiet: flags.quiet)
        }
    }

    /// Prints the JSON summary, or the summary line and the rejected records, and applies `--strict`; for a
    /// `workbook` output, also what its cell texts needed.
    private func conclude(
        _ counts: CSVConversion.Counts, from source: String, dialect: CSVDialect, workbook: Bool
    ) throws {
        if workbook, !counts.textRepairs.isEmpty {
            note(counts.textRepairs.summaryLine(languageOption.language), quiet: flags.quiet)
        }
        if flags.json {
            print(
                counts.json(
                    input: input, output: output, dialect: dialect, workbook: workbook,
                    language: languageOption.language))
        } else {
            note(
                messages.converted(
                    source, to: messages.outputName(output), records: counts.dataRecordsWritten(dialect),
                    ragged: counts.ragged, rejected: counts.rejected),
                quiet: flags.quiet)
            for reject in counts.rejects.prefix(RejectList.shown) {
                note(
                    messages.notWritten(source, record: reject.record, line: reject.line, problem: reject.problem),
                    quiet: flags.quiet)
            }
            if let more = RejectList.more(counts.rejected, where: messages.rejectsInJSON, messages) {
                note(more, quiet: flags.quiet)
            }
            if flags.strict && counts.rejected > 0 { note(messages.strictWithheld(nil), quiet: flags.quiet) }
        }
        if flags.strict && counts.rejected > 0 { throw ExitCode(1) }
    }

    private func outputDialect(from source: CSVDialect, format: OutputFormat) throws -> CSVDialect {
        var dialect = source
        dialect.quotesAllFields = false
        if format == .tsv { dialect.delimiter = 0x09 }
        if let delimiter {
            guard let byte = CSVDialect.delimiter(fromUserText: delimiter) else {
                throw CommandFailure.usage(messages.badDelimiter(delimiter))
            }
            dialect.delimiter = byte
        }
        if let encoding {
            guard let value = TextEncoding(userName: encoding) else {
                throw CommandFailure.usage(messages.badEncoding(encoding))
            }
            if value != source.encoding { dialect.hasBOM = value != .windows1252 && value != .utf8 }
            dialect.encoding = value
        }
        if let bom { dialect.hasBOM = bom && dialect.encoding != .windows1252 }
        if let lineEnding {
            guard let value = LineEnding(userName: lineEnding) else {
                throw CommandFailure.usage(messages.badLineEnding(lineEnding))
            }
            dialect.lineEnding = value
        }
        return dialect
    }
}

/// The output formats `convert` picks by extension.
enum OutputFormat {
    case csv, tsv, xlsx

    init(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "xlsx": self = .xlsx
        case "tsv", "tab": self = .tsv
        default: self = .csv
        }
    }
}

extension XlsxToCSV.Outcome {
    /// The `--json` summary of a workbook conversion, in the keys of CONTRACT.md where they apply.
    ///
    /// As for a CSV input, the first record counts as the header: `rows_read` is the records after it.
    func json(input: String, output: String, dialect: CSVDialect) -> String {
        let dataRecords = max(records - 1, 0)
        let object: [String: Any] = [
            "command": "convert",
            "input": ["path": input, "format": "xlsx", "sheet": sheet, "columns": width],
            "output": [
                "encoding": dialect.encoding.rawValue, "bom": dialect.hasBOM,
                "delimiter": dialect.delimiterText, "line_ending": dialect.lineEnding.rawValue,
            ],
            "rows_read": dataRecords,
            "rows_written": dataRecords,
            "rows_rejected": 0,
            "rejects": [Any](),
            "outputs": [output],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
