import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Synchronization
import Tabular

/// How a command reports and how strict it is: the flags `convert` shares with the spend commands.
struct RunFlags: ParsableArguments {
    @Flag(help: "Exit with status 1 when any record is rejected.")
    var strict = false

    @Flag(help: "No progress line and no report on standard error.")
    var quiet = false

    @Flag(help: "Print the summary as one JSON object on standard output.")
    var json = false

    @Option(help: "Largest field accepted, in bytes; larger fields reject their record.")
    var maxFieldSize: Int = CSVLimits().maxFieldBytes

    func validate() throws {
        guard maxFieldSize > 0 else { throw ValidationError("--max-field-size must be a positive number of bytes.") }
    }

    var limits: CSVLimits { CSVLimits(maxFieldBytes: maxFieldSize) }
}

/// The options every data command takes (CONTRACT.md), parsed once and shared.
struct CommonOptions: ParsableArguments {
    @Option(help: "Folder of rule tables to use instead of the bundled set (see `kedja templates export`).")
    var templates: String?

    @Option(help: "Language of workbooks and labels: sv or en.")
    var lang: String = "sv"

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Which column holds a role, overriding detection: ROLE=COLUMN (a header name or a column number). Repeatable.",
            valueName: "role=column"))
    var mappings: [String] = []

    @Option(
        help:
            "An ERP column profile from Templates/profiles (raindance, unit4, visma, leverantorsreskontra, uk-spend-over-500)."
    )
    var profile: String?

    @OptionGroup var run: RunFlags

    @Option(help: "The worksheet to read when the spend file (or FILE) is an XLSX workbook (default: the first).")
    var sheet: String?

    func validate() throws {
        guard lang == "sv" || lang == "en" else { throw ValidationError("--lang must be sv or en, not '\(lang)'.") }
        for mapping in mappings { _ = try MappingError.parseOverride(mapping) }
    }

    var strict: Bool { run.strict }
    var quiet: Bool { run.quiet }
    var json: Bool { run.json }

    /// The parsed `--map` overrides.
    func overrides() throws -> [(ColumnRole, String)] {
        try mappings.map(MappingError.parseOverride)
    }

    /// The templates folder in use: `--templates`, or the bundled set found from the binary's location.
    func templatesDirectory() throws -> URL {
        try existingTemplates(templates.map { URL(fileURLWithPath: $0) })
    }

    var limits: CSVLimits { run.limits }

    /// The language of labels, validated to sv or en.
    var language: Language { lang == "en" ? .en : .sv }

    /// Opens a spend file with the user's mapping options, keeping where a workbook's rows came from.
    func openSpendInput(_ path: String) throws -> (file: SpendFile, table: TableInput) {
        let table = try TableInput.open(path, sheet: sheet, sheetOption: "--sheet")
        let vocabulary = try ColumnVocabulary.load(from: templatesDirectory())
        do {
            let file = try SpendFile(
                path: table.csvPath, vocabulary: vocabulary, overrides: overrides(), profile: profile, limits: limits)
            return (file, table)
        } catch {
            throw table.relabel(error)
        }
    }
}

/// A table named on the command line: a CSV file read as it is, or one worksheet of an XLSX workbook, which is
/// first written to a private CSV file because the analysis streams CSV.
///
/// Messages name what the user sees: the workbook, the sheet and the sheet row, never the private file.
struct TableInput {
    /// The path as the user gave it.
    let path: String
    /// The CSV file the pass reads: `path` itself, or the converted sheet.
    let csvPath: String
    /// The sheet read and where its rows went, when `path` is a workbook.
    let sheet: XlsxToCSV.Outcome?

    /// The dialect a workbook's private CSV is written in: UTF-8 with a BOM, so an enriched copy opens in Excel
    /// with å, ä and ö intact, and `,` between fields, so a column of numbers with `.` as the decimal mark (as cells
    /// hold them) reads with that mark even when its values alone leave it open (`12.345`).
    static let workbookDialect = CSVDialect(
        encoding: .utf8, hasBOM: true, delimiter: UInt8(ascii: ","), lineEnding: .crlf)

    /// Opens `path`: a workbook is converted (`sheet`, or its first worksheet), a CSV file is used as it is.
    ///
    /// - Parameter sheetOption: the option that names the sheet, for the message when it is given with a CSV file.
    static func open(_ path: String, sheet: String?, sheetOption: String) throws -> TableInput {
        guard isWorkbook(path) else {
            if let sheet {
                throw CommandFailure.usage(
                    "\(sheetOption) \(sheet): \(path) is a CSV file, not a workbook; leave \(sheetOption) out.")
            }
            return TableInput(path: path, csvPath: path, sheet: nil)
        }
        let reader = try XlsxReader(url: URL(fileURLWithPath: path))
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let csvPath = try ScratchFiles.path(named: "\(stem).csv")
        let writer = CSVWriter(file: try AtomicOutputFile(destination: csvPath), dialect: workbookDialect)
        let outcome = try XlsxToCSV.convert(
            reader, sheet: sheet, to: writer, blankRows: .skip, quotingForSniffer: true)
        return TableInput(path: path, csvPath: csvPath, sheet: outcome)
    }

    /// Whether `path` is an XLSX workbook: by its extension, or by the ZIP signature every workbook starts with.
    static func isWorkbook(_ path: String) -> Bool {
        let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm"]
        if workbookExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased()) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let signature = (try? handle.read(upToCount: 4)) ?? Data()
        return signature == Data([0x50, 0x4B, 0x03, 0x04])
    }

    /// How messages name the table: the path, or `BOOK.xlsx, sheet 'Blad1'`.
    var displayName: String {
        guard let sheet else { return path }
        return "\(path), sheet '\(sheet.sheet)'"
    }

    /// Makes `summary` name the file as the user gave it and, for a workbook, the sheet read.
    ///
    /// The rejects are left as they are: relabel them to sheet rows before the summary is built.
    func describe(in summary: inout RunSummary) {
        summary.input.path = path
        guard let sheet else { return }
        summary.details["input_format"] = "xlsx"
        summary.details["sheet"] = sheet.sheet
    }

    /// `rejects` with each line replaced by the sheet row the record came from, for a workbook.
    func relabel(_ rejects: [RejectedRecord]) -> [RejectedRecord] {
        guard let sheet else { return rejects }
        return rejects.map { reject in
            var relabelled = reject
            relabelled.line = sheet.rows.sheetRow(forLine: reject.line) ?? reject.line
            return relabelled
        }
    }

    /// `error` retold in terms of the workbook when it names the private CSV: `BOOK.xlsx, sheet 'Blad1', row 7`
    /// instead of the CSV's path and line.
    func relabel(_ error: any Error) -> any Error {
        guard let sheet else { return error }
        let message = "\(error)"
        guard message.contains(csvPath) else { return error }
        var text = Substring(message)
        var retold = ""
        while let range = text.range(of: csvPath) {
            retold += text[..<range.lowerBound]
            retold += displayName
            text = text[range.upperBound...]
            let lineLabel = ", line "
            guard text.hasPrefix(lineLabel) else { continue }
            let digits = text.dropFirst(lineLabel.count).prefix { $0.isASCII && $0.isNumber }
            guard let line = Int(digits), let row = sheet.rows.sheetRow(forLine: line) else { continue }
            retold += ", row \(row)"
            text = text[digits.endIndex...]
        }
        retold += text
        return WorkbookInputError(underlying: error, description: retold)
    }
}

/// An error about a workbook input's private CSV, retold to name the workbook, the sheet and the sheet row.
struct WorkbookInputError: ExitStatusReporting, CustomStringConvertible {
    /// The error as the CSV layer raised it; it decides the exit code.
    let underlying: any Error
    /// The message in the user's terms.
    let description: String

    var exitStatus: ExitStatus { (underlying as? any ExitStatusReporting)?.exitStatus ?? .dataError }
}

/// The private files of one command: the CSV copies of workbook inputs, in a folder only the user can read,
/// removed when the command ends (`reportingFailures`).
enum ScratchFiles {
    private static let folder = Mutex<URL?>(nil)

    /// A new path for a file called `name` in the command's private folder, created on first use.
    static func path(named name: String) throws -> String {
        try folder.withLock { current throws -> String in
            let base: URL
            if let current {
                base = current
            } else {
                base = FileManager.default.temporaryDirectory.appendingPathComponent("kedja-\(UUID().uuidString)")
                do {
                    try FileManager.default.createDirectory(
                        at: base, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw OutputErrorFromFoundation(path: base.path, error: error)
                }
                current = base
            }
            return base.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        }
    }

    /// Removes the private folder and everything in it, if one was made.
    static func removeAll() {
        folder.withLock { current in
            if let url = current { try? FileManager.default.removeItem(at: url) }
            current = nil
        }
    }
}

/// Failures the command line reports itself, beyond the libraries' own errors.
enum CommandFailure: ExitStatusReporting, CustomStringConvertible {
    case templatesNotFound
    case noTemplatesIn(String)
    case noAmountColumn(String)
    case usage(String)

    var exitStatus: ExitStatus {
        switch self {
        case .templatesNotFound, .noTemplatesIn: .noInput
        case .noAmountColumn: .dataError
        case .usage: .usage
        }
    }

    var description: String {
        switch self {
        case .templatesNotFound:
            return "cannot find the bundled rule tables (Templates/). Pass --templates DIR or set KEDJA_TEMPLATES."
        case .noTemplatesIn(let folder):
            return
                "\(folder): no rule tables there (categories.csv is missing). Write a set with `kedja templates export \(folder)`, or pass the folder that holds them."
        case .noAmountColumn(let message): return message
        case .usage(let message): return message
        }
    }
}

/// The templates folder `explicit` names, or the bundled one; either must hold the tables (exit 66 otherwise).
func existingTemplates(_ explicit: URL?) throws -> URL {
    guard let folder = explicit ?? TemplateSet.bundledDirectory() else { throw CommandFailure.templatesNotFound }
    guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("categories.csv").path) else {
        throw CommandFailure.noTemplatesIn(folder.path)
    }
    return folder
}

/// Runs a command body and turns every failure into its message on standard error and CONTRACT.md's exit code;
/// the private CSV copies of workbook inputs are removed however the body ends.
func reportingFailures(_ body: () throws -> Void) throws {
    defer { ScratchFiles.removeAll() }
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("kedja: \(error)\n".utf8))
        throw ExitCode(exitCode(for: error))
    }
}

/// CONTRACT.md's exit code for a failure: the status the error states (``ExitStatusReporting``), else 65.
func exitCode(for error: any Error) -> Int32 {
    ((error as? any ExitStatusReporting)?.exitStatus ?? .dataError).rawValue
}

/// Writes a line to standard error unless quiet.
func note(_ text: String, quiet: Bool) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
