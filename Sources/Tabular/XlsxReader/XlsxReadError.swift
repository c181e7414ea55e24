/// Why an XLSX workbook could not be read, naming the file, the sheet or ZIP entry, and the limit
/// that was hit, so the user knows what to fix.
public struct XlsxReadError: Error, CustomStringConvertible, Equatable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file cannot be opened at all (missing, a folder, no permission).
        case fileUnreadable(String)
        /// The file is not a ZIP archive, so not an XLSX workbook (perhaps `.xls` or encrypted).
        case notAZipArchive
        /// A part every workbook needs is missing, e.g. `xl/workbook.xml`.
        case missingPart(String)
        /// No worksheet has the requested name (empty when the first worksheet was asked for);
        /// `available` lists the names that exist.
        case sheetNotFound(String, available: [String])
        /// The named sheet is a chart or dialog sheet, which holds no cells.
        case notAWorksheet(String)
        /// A ZIP entry inflates to more than `XlsxLimits.maxEntryBytes`.
        case entryTooLarge(entry: String, limit: UInt64)
        /// A ZIP entry compresses better than `XlsxLimits.maxCompressionRatio` allows: a likely zip bomb.
        case compressionRatioTooHigh(entry: String, limit: Double)
        /// The shared-strings table holds more than `XlsxLimits.maxSharedStrings` entries.
        case tooManySharedStrings(limit: Int)
        /// The shared-strings table holds more than `XlsxLimits.maxSharedStringBytes` of text.
        case sharedStringsTooLarge(limit: Int)
        /// A row number beyond `XlsxLimits.maxRows`.
        case tooManyRows(row: Int, limit: Int)
        /// A column number beyond `XlsxLimits.maxColumns`; `cell` is the reference, e.g. `XFE7`.
        case tooManyColumns(cell: String, limit: Int)
        /// A part's XML is not well-formed.
        case malformedXML(entry: String, detail: String)
        /// A cell's content contradicts its type, e.g. a shared-string index past the table's end.
        case malformedCell(cell: String, detail: String)
        /// The ZIP entry itself cannot be inflated (bad checksum, corrupt deflate data).
        case corruptEntry(entry: String, detail: String)
        /// Two ZIP entries share a name (OPC names compare ignoring case): readers differ in which one they take.
        case duplicateEntry(String)
        /// A row number that repeats or goes back (`row` after `previous`): readers differ in how they merge it.
        case rowOutOfOrder(row: Int, previous: Int)
        /// A cell that repeats or comes left of the one before it in its row (`cell` after `previous`).
        case cellOutOfOrder(cell: String, previous: String)
        /// Written as CSV, the sheet would take more than `XlsxLimits.maxCSVBytes`; `farthestCell` (e.g. `XFD1`) sets
        /// the width of every record.
        case csvTooLarge(farthestCell: String, width: Int, limit: UInt64)
    }

    /// The workbook's path, as given to `XlsxReader`.
    public let path: String
    /// The sheet being read when the error occurred, if any.
    public let sheet: String?
    /// What went wrong.
    public let reason: Reason

    /// Creates an error for the workbook at `path`, optionally while reading `sheet`.
    public init(path: String, sheet: String? = nil, reason: Reason) {
        self.path = path
        self.sheet = sheet
        self.reason = reason
    }

    /// One line for the user: the file, the sheet, what is wrong and, for limits, which setting.
    public var description: String {
        let place = sheet.map { "\(path), sheet '\($0)'" } ?? path
        return "\(place): \(explanation)"
    }

    private var explanation: String {
        switch reason {
        case .fileUnreadable(let why):
            return "cannot open the file: \(why)"
        case .notAZipArchive:
            return "not an XLSX workbook (it is not a ZIP archive; .xls and password-protected workbooks"
                + " cannot be read: save it as .xlsx without a password)"
        case .missingPart(let part):
            return "not an XLSX workbook: the part '\(part)' is missing"
        case .sheetNotFound(let name, let available):
            guard !available.isEmpty else { return "the workbook has no worksheets" }
            let names = available.map { "'\($0)'" }.joined(separator: ", ")
            return "no worksheet named '\(name)'; the workbook has \(names)"
        case .notAWorksheet(let name):
            return "'\(name)' is a chart or dialog sheet and holds no cells"
        case .entryTooLarge(let entry, let limit):
            return "entry '\(entry)' inflates to more than \(limit) bytes (XlsxLimits.maxEntryBytes)"
        case .compressionRatioTooHigh(let entry, let limit):
            return "entry '\(entry)' is compressed more than \(Self.format(limit)):1, which suggests a zip bomb"
                + " (XlsxLimits.maxCompressionRatio)"
        case .tooManySharedStrings(let limit):
            return "the shared-strings table has more than \(limit) entries (XlsxLimits.maxSharedStrings)"
        case .sharedStringsTooLarge(let limit):
            return "the shared-strings table holds more than \(limit) bytes of text (XlsxLimits.maxSharedStringBytes)"
        case .tooManyRows(let row, let limit):
            return "row \(row) is beyond the limit of \(limit) rows (XlsxLimits.maxRows)"
        case .tooManyColumns(let cell, let limit):
            return "cell \(cell) is beyond the limit of \(limit) columns (XlsxLimits.maxColumns)"
        case .malformedXML(let entry, let detail):
            return "entry '\(entry)' is not well-formed XML: \(detail)"
        case .malformedCell(let cell, let detail):
            return "cell \(cell): \(detail)"
        case .corruptEntry(let entry, let detail):
            return "entry '\(entry)' is damaged and cannot be unpacked: \(detail)"
        case .duplicateEntry(let entry):
            return "the file holds two entries named '\(entry)', and programs differ in which one they read, so the"
                + " figures would depend on the program; open the workbook in Excel or LibreOffice and save it again"
        case .rowOutOfOrder(let row, let previous):
            let order = row == previous ? "a second time" : "after row \(previous)"
            return "row \(row) comes \(order); rows must each come once, in ascending order, or programs read"
                + " different figures; open the workbook in Excel or LibreOffice and save it again"
        case .cellOutOfOrder(let cell, let previous):
            let order = cell == previous ? "a second time" : "after \(previous)"
            return "cell \(cell) comes \(order); the cells of a row must each come once, left to right, or programs"
                + " read different figures; open the workbook in Excel or LibreOffice and save it again"
        case .csvTooLarge(let cell, let width, let limit):
            return "as CSV the sheet would take more than \(Self.size(limit)): every record is as wide as the widest"
                + " row, and cell \(cell) makes that \(width) columns; delete what lies beyond the table (or copy the"
                + " table to a new sheet) and save the workbook again"
        }
    }

    /// A byte count as a person reads a limit: `1 GiB`, `64 MiB`, else bytes.
    public static func size(_ bytes: UInt64) -> String {
        if bytes >= 1 << 30 && bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }

    private static func format(_ ratio: Double) -> String {
        ratio == ratio.rounded() && abs(ratio) < 1e15 ? String(Int64(ratio)) : String(ratio)
    }
}

extension XlsxReadError: ExitStatusReporting {
    public var exitStatus: ExitStatus {
        switch reason {
        case .fileUnreadable: .noInput
        case .sheetNotFound: .usage
        default: .dataError
        }
    }
}
