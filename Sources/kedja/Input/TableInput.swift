import Foundation
import KedjaModel
import KedjaReports
import Synchronization
import Tabular

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
