/// Why a file could not be read as a table, with the file and the physical line where it went wrong.
///
/// These are the errors that stop a run (exit 65 or 66); a single bad record is not an error but a reject.
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A format a file that is not text turns out to be, by its first bytes.
    public enum BinaryFormat: Sendable, Equatable {
        case zip, xls, pdf, gzip

        /// The format's name in English, after "it starts like".
        public var english: String {
            switch self {
            case .zip: "a ZIP archive (an .xlsx workbook?)"
            case .xls: "an old Excel (.xls) workbook"
            case .pdf: "a PDF document"
            case .gzip: "a gzip archive"
            }
        }
    }

    /// What shows that a file is not text.
    public enum NotText: Sendable, Equatable {
        /// It starts like a file of another format.
        case startsLike(BinaryFormat)
        /// It holds NUL bytes.
        case nulBytes
        /// More than 1% of its bytes are control characters.
        case controlCharacters

        /// The finding in English, to follow "this is not a text (CSV) file: ".
        public var english: String {
            switch self {
            case .startsLike(let format): "it starts like \(format.english)"
            case .nulBytes: "it contains NUL bytes"
            case .controlCharacters: "more than 1% of its bytes are control characters"
            }
        }
    }

    /// What went wrong, in terms a user can act on.
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read.
        case cannotOpen(reason: String)
        /// The file has no bytes, or only blank lines.
        case empty
        /// The bytes are not text in any supported encoding (e.g. a spreadsheet or a zip file).
        case notText(NotText)
        /// A quote is opened and never closed before the end of the file.
        case unterminatedQuote
        /// A quoted field's closing quote is followed by more text (a quote inside a field that does not start
        /// with one is text, not an error).
        case malformedQuote
        /// libcsv could not get memory for a field.
        case outOfMemory
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file concerned.
    public var path: String
    /// The physical line (from 1) where the failing record starts, when known.
    public var line: Int?
    /// Whether ``line`` is a worksheet's row: the error was retold for a workbook read through a CSV copy.
    public var linesAreSheetRows = false

    /// Creates an error.
    public init(_ kind: Kind, path: String, line: Int? = nil) {
        self.kind = kind
        self.path = path
        self.line = line
    }

    /// Whether the failure is about opening the file (exit 66) rather than its content (exit 65).
    public var isOpenFailure: Bool {
        if case .cannotOpen = kind { return true }
        return false
    }

    public var description: String {
        let place = line.map { "\(path), \(linesAreSheetRows ? "row" : "line") \($0)" } ?? path
        switch kind {
        case .cannotOpen(let reason):
            return "\(path): cannot open the file (\(reason)). Check the path and that you may read it."
        case .empty:
            return "\(path): the file is empty. Export the ledger again, or point Kedja at the right file."
        case .notText(let finding):
            return
                "\(path): this is not a text (CSV) file: \(finding.english). Save it as CSV (UTF-8 or Windows-1252), or use an .xlsx file directly."
        case .unterminatedQuote:
            return
                "\(place): a quoted field starts here and is never closed. Close the quote (\"…\") or remove it, then run again."
        case .malformedQuote:
            return
                "\(place): a quoted field goes on after its closing quote. Double a quote inside quoted text (\"\"), or quote the whole field, then run again."
        case .outOfMemory:
            return "\(place): out of memory while reading a field."
        }
    }
}

extension CSVError: ExitStatusReporting {
    public var exitStatus: ExitStatus { isOpenFailure ? .noInput : .dataError }
}
