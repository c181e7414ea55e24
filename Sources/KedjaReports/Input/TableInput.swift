import Foundation
import KedjaModel
import Synchronization
import Tabular

/// A table a user names: a CSV file read as it is, or one worksheet of an XLSX workbook, which is first written
/// to a private CSV file because the analysis streams CSV.
///
/// Messages name what the user sees: the workbook, the sheet and the sheet row, never the private file. The pass
/// takes the sheet's rows from ``sheet`` (``AnalysisRun/Request/spendRows``), and errors are retold from their
/// own path and line (``relabel(_:)-(any Error)``), never by searching their text.
public struct TableInput: Sendable {
    /// `--sheet` (or another sheet option) was given with a CSV file, which has no sheets (a usage error).
    public struct SheetOfCSVFile: ExitStatusReporting, CustomStringConvertible, Bilingual {
        public let option: String
        public let sheet: String
        public let path: String
        public var exitStatus: ExitStatus { .usage }
        public var description: String { text(.en) }
        public func text(_ language: Language) -> String {
            Phrase(
                sv: "\(option) \(sheet): \(path) är en CSV-fil, ingen arbetsbok; utelämna \(option).",
                en: "\(option) \(sheet): \(path) is a CSV file, not a workbook; leave \(option) out."
            ).text(language)
        }
    }

    /// The input is a pipe, a device or a socket, which Kedja cannot read twice (exit 66).
    public struct NotARegularFile: ExitStatusReporting, CustomStringConvertible, Bilingual {
        /// Which kind of special file it is.
        public enum Kind: Sendable {
            case pipe, device, socket
        }
        public let path: String
        public let kind: Kind
        public var exitStatus: ExitStatus { .noInput }
        public var description: String { text(.en) }
        public func text(_ language: Language) -> String {
            let name =
                switch kind {
                case .pipe: Phrase(sv: "en namngiven pipe (FIFO)", en: "a pipe (FIFO)")
                case .device: Phrase(sv: "en enhet", en: "a device")
                case .socket: Phrase(sv: "en socket", en: "a socket")
                }
            return Phrase(
                sv: "\(path): kan inte läsa \(name.sv): Kedja läser en tabell två gånger (en gång för att känna igen "
                    + "formatet, en gång för att läsa den). Spara den i en fil först, t.ex. cat \(path) > reskontra.csv, "
                    + "och ange den filen.",
                en: "\(path): cannot read \(name.en): Kedja reads a table twice (once to detect its dialect, once to "
                    + "read it). Save it to a file first, e.g. cat \(path) > ledger.csv, and pass that file."
            ).text(language)
        }
    }

    /// The path as the user gave it.
    public let path: String
    /// The CSV file the pass reads: `path` itself, or the converted sheet.
    public let csvPath: String
    /// The sheet read and where its rows went, when `path` is a workbook.
    public let sheet: XlsxToCSV.Outcome?

    /// The dialect a workbook's private CSV is written in: UTF-8 with a BOM, so an enriched copy opens in Excel
    /// with å, ä and ö intact, and `,` between fields, so a column of numbers with `.` as the decimal mark (as cells
    /// hold them) reads with that mark even when its values alone leave it open (`12.345`).
    public static let workbookDialect = CSVDialect(
        encoding: .utf8, hasBOM: true, delimiter: UInt8(ascii: ","), lineEnding: .crlf)

    /// Opens `path`: a workbook is converted (`sheet`, or its first worksheet) into ``ScratchFolder``, a CSV file
    /// is used as it is.
    ///
    /// - Parameter sheetOption: the option that names the sheet, for the message when it is given with a CSV file.
    /// `-` (``standardInput``) reads CSV from standard input, copied whole into ``ScratchFolder`` first: the
    /// dialect is sniffed and the file read more than once.
    public static func open(_ path: String, sheet: String?, sheetOption: String) throws -> TableInput {
        if path == standardInput {
            if let sheet { throw SheetOfCSVFile(option: sheetOption, sheet: sheet, path: standardInputName) }
            return TableInput(path: path, csvPath: try copyOfStandardInput(), sheet: nil)
        }
        try requireRegularFile(path)
        guard isWorkbook(path) else {
            try refuseSheet(sheet, option: sheetOption, of: path)
            return TableInput(path: path, csvPath: path, sheet: nil)
        }
        let reader = try XlsxReader(url: URL(fileURLWithPath: path))
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let csvPath = try ScratchFolder.path(named: "\(stem).csv")
        do {
            let writer = CSVWriter(file: try AtomicOutputFile(destination: csvPath), dialect: workbookDialect)
            let outcome = try XlsxToCSV.convert(
                reader, sheet: sheet, to: writer, blankRows: .skip, columns: .withoutEmptyExpanses,
                quotingForSniffer: true)
            return TableInput(path: path, csvPath: csvPath, sheet: outcome)
        } catch let error as OutputError where error.problem.isSystemFailure {
            // The private copy's path means nothing to the user: it is one of Kedja's temporary files.
            throw OutputError.temporaryFile(error)
        }
    }

    /// The path that names standard input, as Unix tools take it.
    public static let standardInput = "-"
    /// How messages name standard input (in English; ``standardInputName(_:)`` in either language).
    public static let standardInputName = "standard input"

    /// How messages in `language` name standard input.
    public static func standardInputName(_ language: Language) -> String {
        Phrase(sv: "standard in", en: standardInputName).text(language)
    }

    /// Copies standard input into the private folder, so it can be sniffed and then read like any file.
    private static func copyOfStandardInput() throws -> String {
        let path = try ScratchFolder.path(named: "stdin.csv")
        let file = try AtomicOutputFile(destination: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = read(0, buffer.baseAddress, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw CSVError(.cannotOpen(reason: String(cString: strerror(errno))), path: standardInputName)
            }
            if count == 0 { break }
            try file.write(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        try file.commit()
        return path
    }

    /// Whether `path` is an XLSX workbook: by its extension, or by the ZIP signature every workbook starts with.
    public static func isWorkbook(_ path: String) -> Bool {
        let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm"]
        if workbookExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased()) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let signature = (try? handle.read(upToCount: 4)) ?? Data()
        return signature == Data([0x50, 0x4B, 0x03, 0x04])
    }

    /// How a report names the table: the file's name without its folder, and a workbook's sheet.
    public var reportName: String {
        if path == Self.standardInput { return Self.standardInputName }
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let sheet else { return name }
        return "\(name), sheet '\(sheet.sheet)'"
    }

    /// Refuses a FIFO, a device or a socket as an input, before opening it would wait for a writer that has
    /// already gone: a table is read twice, and a pipe gives its bytes once.
    public static func requireRegularFile(_ path: String) throws {
        switch FileIdentity.kind(of: path) {
        case .pipe: throw NotARegularFile(path: path, kind: .pipe)
        case .device: throw NotARegularFile(path: path, kind: .device)
        case .socket: throw NotARegularFile(path: path, kind: .socket)
        default: return
        }
    }

    /// Refuses a sheet option given with `path`, which is not a workbook, when `path` is a CSV file (exit 64).
    ///
    /// Only standard input or a file that can be read is a CSV file: a folder or a missing path fails when it is
    /// opened, with what is really wrong (exit 66), rather than with advice about the option.
    public static func refuseSheet(_ sheet: String?, option: String, of path: String) throws {
        guard let sheet else { return }
        var isDirectory: ObjCBool = false
        let isFile =
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isReadableFile(atPath: path)
        if path == "-" || isFile { throw SheetOfCSVFile(option: option, sheet: sheet, path: path) }
    }

    /// How English messages name the table: the path, `standard input`, or `BOOK.xlsx, sheet 'Blad1'`.
    public var displayName: String { displayName(.en) }

    /// How messages in `language` name the table: the path, `standard input` (`standard in`), or
    /// `BOOK.xlsx, sheet 'Blad1'` (`BOOK.xlsx, blad 'Blad1'`).
    public func displayName(_ language: Language) -> String {
        if path == Self.standardInput { return Self.standardInputName(language) }
        guard let sheet else { return path }
        return Phrase(sv: "\(path), blad '\(sheet.sheet)'", en: "\(path), sheet '\(sheet.sheet)'").text(language)
    }

    /// Makes `summary` name the file as the user gave it and, for a workbook, the sheet read.
    public func describe(in summary: inout RunSummary) {
        summary.input.path = path
        guard let sheet else { return }
        summary.details["input_format"] = "xlsx"
        summary.details["sheet"] = sheet.sheet
    }

    /// `rejects` with each line replaced by the sheet row the record came from, for a workbook.
    public func relabel(_ rejects: [RejectedRecord]) -> [RejectedRecord] {
        guard let sheet else { return rejects }
        return rejects.map { reject in
            var relabelled = reject
            relabelled.line = sheet.rows.sheetRow(forLine: reject.line) ?? reject.line
            return relabelled
        }
    }

    /// `error` retold in terms of the workbook (or standard input) when it is about the private CSV:
    /// `BOOK.xlsx, sheet 'Blad1', row 7` instead of the CSV's path and line. Built from the error's own path and line; other errors pass unchanged.
    /// The table is named in `language`, the language the error will be told in.
    public func relabel(_ error: any Error, language: Language) -> any Error {
        guard csvPath != path else { return error }
        let name = displayName(language)
        switch error {
        case var csv as CSVError where csv.path == csvPath:
            csv.path = name
            if let line = csv.line, let row = sheet?.rows.sheetRow(forLine: line) {
                csv.line = row
                csv.linesAreSheetRows = true
            }
            return csv
        case var templates as TemplateError where templates.problems.contains(where: { $0.path == csvPath }):
            templates.problems = templates.problems.map { problem in
                guard problem.path == csvPath else { return problem }
                var retold = problem
                retold.path = name
                if let line = problem.line, let row = sheet?.rows.sheetRow(forLine: line) {
                    retold.line = row
                    retold.linesAreSheetRows = true
                }
                return retold
            }
            return templates
        case var missing as AnalysisRun.MissingAmountColumn where missing.path == csvPath:
            missing.path = name
            if let sheet {
                missing.line = sheet.rows.sheetRow(forLine: 1) ?? 1
                missing.lineIsSheetRow = true
            }
            return missing
        case var empty as AnalysisRun.NoDataRecords where empty.path == csvPath:
            empty.path = name
            return empty
        default:
            return error
        }
    }
}

/// The private files of one command: the CSV copies of workbook inputs, in a folder only the user can read,
/// removed when the command ends (``removeAll()``) or is interrupted (the folder is one of `TemporaryFiles`).
public enum ScratchFolder {
    private static let folder = Mutex<URL?>(nil)

    /// A new path for a file called `name` in the command's private folder, created on first use.
    public static func path(named name: String) throws -> String {
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
                    throw OutputError(path: base.path, problem: .privateFolder(error.localizedDescription))
                }
                current = base
                TemporaryFiles.register(base.path)
            }
            return base.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        }
    }

    /// Removes the private folder and everything in it, if one was made.
    public static func removeAll() {
        folder.withLock { current in
            if let url = current {
                try? FileManager.default.removeItem(at: url)
                TemporaryFiles.unregister(url.path)
            }
            current = nil
        }
    }
}
