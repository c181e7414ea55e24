import ArgumentParser
import Foundation
import KedjaModel
import Tabular

/// `kedja convert IN -o OUT`: the plain spreadsheet converter between CSV dialects and XLSX.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert CSV to CSV in another dialect (every field's text kept), or CSV to XLSX with typed cells.")

    @Argument(help: "The input file (.csv, .tsv, .txt).")
    var input: String

    @Option(name: .shortAndLong, help: "The output file; its extension (.csv, .tsv, .xlsx) picks the format.")
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

    @Flag(help: "Exit with status 1 when any record is rejected.")
    var strict = false

    @Flag(help: "Print a JSON summary on standard output.")
    var json = false

    @Option(help: "Largest field accepted, in bytes.")
    var maxFieldSize: Int = CSVLimits().maxFieldBytes

    func run() throws {
        try reportingFailures {
            let reader = try CSVReader(path: input, limits: CSVLimits(maxFieldBytes: maxFieldSize))
            let format = OutputFormat(path: output)
            switch format {
            case .csv, .tsv:
                let dialect = try outputDialect(from: reader.dialect, format: format)
                let file = try AtomicOutputFile(destination: output, protecting: [input])
                let writer = CSVWriter(file: file, dialect: dialect, excelSafe: excelSafe)
                let counts = try CSVConversion.copy(reader, to: writer)
                if json { print(counts.json(input: input, output: output, dialect: reader.dialect)) }
                if strict && counts.rejected > 0 { throw ExitCode(1) }
            case .xlsx:
                let file = try AtomicOutputFile(destination: output, protecting: [input])
                let sheetName = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                let counts = try CSVToWorkbook.convert(reader, to: file.pathForLibraries, sheetName: sheetName)
                try file.commit()
                if json { print(counts.json(input: input, output: output, dialect: reader.dialect)) }
                if strict && counts.rejected > 0 { throw ExitCode(1) }
            }
        }
    }

    private func outputDialect(from source: CSVDialect, format: OutputFormat) throws -> CSVDialect {
        var dialect = source
        dialect.quotesAllFields = false
        if format == .tsv { dialect.delimiter = 0x09 }
        if let delimiter {
            guard let byte = CSVDialect.delimiter(fromUserText: delimiter) else {
                throw CommandFailure.usage("--delimiter \(delimiter): give one character, or tab, semicolon, comma or pipe.")
            }
            dialect.delimiter = byte
        }
        if let encoding {
            guard let value = TextEncoding(userName: encoding) else {
                throw CommandFailure.usage("--encoding \(encoding): use utf-8, windows-1252 or utf-16le.")
            }
            if value != source.encoding { dialect.hasBOM = value != .windows1252 && value != .utf8 }
            dialect.encoding = value
        }
        if let bom { dialect.hasBOM = bom && dialect.encoding != .windows1252 }
        if let lineEnding {
            guard let value = LineEnding(userName: lineEnding) else {
                throw CommandFailure.usage("--line-ending \(lineEnding): use crlf or lf.")
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
