import CXlsxWriter
import Foundation

/// The document properties stored in a workbook (File ▸ Info in Excel).
///
/// `created` is required and fixed by the caller, because libxlsxwriter otherwise stamps the current time and
/// two runs over the same data would give different bytes.
public struct DocumentProperties: Hashable, Sendable {
    /// The document title.
    public var title: String?
    /// The subject.
    public var subject: String?
    /// The author.
    public var author: String?
    /// The company or organisation.
    public var company: String?
    /// Keywords, as one text.
    public var keywords: String?
    /// A free comment, e.g. which templates and inputs produced the workbook.
    public var comments: String?
    /// The creation time written into the file; see ``creationTime(environment:)``.
    public var created: Date

    /// The creation time a workbook made now stores: `SOURCE_DATE_EPOCH` (seconds since 1970, the
    /// reproducible-builds convention) when it is set to a number, so the same input gives the same bytes, else
    /// the current time.
    public static func creationTime(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    /// Creates document properties.
    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
        keywords: String? = nil, comments: String? = nil, created: Date
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }
}

/// An XLSX file being written: add sheets, styles and charts, then `close()` to save it.
///
/// A safe face over libxlsxwriter's `lxw_workbook`: every library return code is checked and thrown as
/// ``XlsxError``, Excel's limits are checked before the library sees a value, and nothing is written to `path`
/// until `close()`. After `close()` (successful or not) every call on the workbook, its sheets and its charts
/// throws ``XlsxError/Code/workbookClosed`` instead of touching freed memory. A workbook that is never closed
/// releases its memory when the last reference to it (or to one of its sheets or charts) goes away, and
/// writes nothing. Not thread-safe: use a workbook from one task at a time.
public final class Workbook {
    /// Where the file is written on `close()`.
    public let path: String
    /// Whether sheets stream their rows to disk as they are written (rows in order, no tables), unless
    /// ``addWorksheet(name:streamingRows:)`` says otherwise for a sheet.
    public let isConstantMemory: Bool
    /// The names of the worksheets added so far, in order.
    public private(set) var worksheetNames: [String] = []
    /// What the cell texts written so far needed to fit in the file (see ``CellText``), for the run's summary.
    public private(set) var textRepairs = TextRepairs()
    /// The marker that ends a text cut to Excel's cell limit, given how many characters were cut: English by
    /// default (``CellText/cutMarker(removed:)``), the workbook's own language when it sets one.
    public var cutMarker: (Int) -> String = CellText.cutMarker(removed:)
    /// Whether `close()` keeps libxlsxwriter's own `[ERROR]` lines off standard error, for a program that reports
    /// the returned error itself and prints nothing else while saving; set once, before any workbook is written.
    nonisolated(unsafe) public static var hidesLibraryMessages = false

    /// The library's workbook; nil once closed, which is what makes use-after-close a clean error.
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// The styles used most recently, checked by equality before the dictionary: a line-level sheet writes
    /// millions of cells with a handful of styles, and comparing is much cheaper than hashing a style.
    private var recentFormats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []
    private var nextRecentSlot = 0
    private static let recentFormatCapacity = 8
    private var lowercasedSheetNames: Set<String> = []
    private var lowercasedTableNames: Set<String> = []

    /// Starts a workbook that will be written to `path`.
    ///
    /// - Parameters:
    ///   - path: the `.xlsx` file to create on `close()`; an existing file is replaced.
    ///   - constantMemory: by default, stream each sheet's rows to a temporary file as they are written, so
    ///     memory stays flat for line-level sheets. Rows must then be written in order, and tables and merged
    ///     ranges are not available. A sheet can choose otherwise when it is added.
    ///   - temporaryDirectory: where libxlsxwriter keeps its temporary files; nil for the system default.
    ///   - properties: the document properties, including the fixed creation time.
    public init(
        path: String, constantMemory: Bool = false, temporaryDirectory: String? = nil,
        properties: DocumentProperties
    ) throws {
        self.path = path
        self.isConstantMemory = constantMemory
        let subject = "workbook \(path)"
        try TextRules.requireNoNul(path, subject: subject, what: "the file path")
        if let temporaryDirectory {
            try TextRules.requireNoNul(temporaryDirectory, subject: subject, what: "the temporary directory")
        }
        var options = lxw_workbook_options()
        options.constant_memory = LXW.flag(constantMemory)
        let created = try LXW.withOptionalCString(temporaryDirectory) { directory in
            options.tmpdir = directory
            return path.withCString { workbook_new_opt($0, &options) }
        }
        guard let created else {
            throw XlsxError(.outOfMemory, subject: subject, detail: "libxlsxwriter could not start the workbook")
        }
        handle = created
        try setProperties(properties)
    }

    deinit {
        if let handle {
            lxw_workbook_free(handle)
        }
    }

    /// Whether `close()` has been called; a closed workbook accepts nothing more.
    public var isClosed: Bool { handle == nil }

    /// Adds a worksheet at the end, after checking the name against Excel's rules.
    ///
    /// - Parameter streamingRows: write this sheet's rows to a temporary file as they come (rows in order, no
    ///   tables or merged ranges), so its memory stays flat however long it grows; nil follows the workbook's
    ///   `constantMemory`. Lets one long list stream while the small sheets beside it keep every feature.
    /// - Throws: ``XlsxError`` with ``XlsxError/Code/sheetNameTooLong``, ``XlsxError/Code/invalidSheetName``,
    ///   ``XlsxError/Code/sheetNameApostrophe`` or ``XlsxError/Code/sheetNameInUse`` for a name Excel would
    ///   refuse, so a caller building spill-over names (`Riskregister 2`) learns why.
    public func addWorksheet(name: String, streamingRows: Bool? = nil) throws -> Worksheet {
        let subject = "sheet '\(name)'"
        let workbook = try openHandle(subject)
        try Workbook.checkSheetName(name)
        guard !lowercasedSheetNames.contains(name.lowercased()) else {
            throw XlsxError(
                .sheetNameInUse, subject: subject,
                detail: "another sheet is already named '\(name)' (Excel compares sheet names ignoring case)")
        }
        try XlsxError.check(name.withCString { workbook_validate_sheet_name(workbook, $0) }, subject)
        // libxlsxwriter reads the constant-memory option when a sheet is added, so setting it for the one call
        // makes that sheet stream (as rust_xlsxwriter's add_worksheet_with_constant_memory does).
        let streams = streamingRows ?? isConstantMemory
        workbook.pointee.options.constant_memory = LXW.flag(streams)
        defer { workbook.pointee.options.constant_memory = LXW.flag(isConstantMemory) }
        guard let sheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw XlsxError(
                .outOfMemory, subject: subject,
                detail: streams
                    ? "libxlsxwriter could not add the sheet: no memory, or no temporary file for its rows "
                        + "(check that the temporary directory exists and has space)"
                    : "libxlsxwriter could not add the sheet")
        }
        lowercasedSheetNames.insert(name.lowercased())
        worksheetNames.append(name)
        return Worksheet(workbook: self, handle: sheet, name: name, streamsRows: streams)
    }

    /// Checks a sheet name against Excel's rules, without looking at the sheets already in a workbook.
    ///
    /// Excel allows 1–31 characters, none of `[ ] : * ? / \`, no apostrophe at either end, and reserves
    /// `History`. Callers that derive names from data (a category, a year) can check before adding.
    public static func checkSheetName(_ name: String) throws {
        let subject = "sheet '\(name)'"
        guard !name.isEmpty else {
            throw XlsxError(.invalidSheetName, subject: subject, detail: "a sheet name cannot be empty")
        }
        let length = name.utf16.count
        guard length <= ExcelLimits.sheetNameLength else {
            throw XlsxError(
                .sheetNameTooLong, subject: subject,
                detail: "the name has \(length) characters; Excel allows at most \(ExcelLimits.sheetNameLength)")
        }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw XlsxError(
                .invalidSheetName, subject: subject,
                detail: "the name contains '\(bad)'; Excel does not allow any of [ ] : * ? / \\ in sheet names")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            throw XlsxError(
                .invalidSheetName, subject: subject,
                detail: "the name contains a control character (tab, newline…) or U+FFFE/U+FFFF, which XML cannot hold")
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
            throw XlsxError(
                .sheetNameApostrophe, subject: subject,
                detail: "Excel does not allow a sheet name to start or end with '")
        }
        guard name.lowercased() != "history" else {
            throw XlsxError(.invalidSheetName, subject: subject, detail: "Excel reserves the name 'History'")
        }
    }

    /// Creates a chart of `kind`; give it series, then place it with ``Worksheet/insertChart(row:col:chart:xScale:yScale:)``.
    public func addChart(_ kind: ChartKind) throws -> Chart {
        let subject = "\(kind) chart"
        let workbook = try openHandle(subject)
        guard let chart = workbook_add_chart(workbook, LXW.byte(kind.libraryType)) else {
            throw XlsxError(.outOfMemory, subject: subject, detail: "libxlsxwriter could not create the chart")
        }
        return Chart(workbook: self, handle: chart, kind: kind)
    }

    /// Stores a custom document property (File ▸ Properties ▸ Custom), e.g. the template set a report used.
    public func setCustomProperty(name: String, value: String) throws {
        let subject = "custom property '\(name)'"
        let workbook = try openHandle(subject)
        try TextRules.requireNoNul(name, subject: subject, what: "the name")
        try TextRules.requireNoNul(value, subject: subject, what: "the value")
        try TextRules.requireLength(name, atMost: 255, code: .textLongerThan255, subject: subject, what: "the name")
        try TextRules.requireLength(value, atMost: 255, code: .textLongerThan255, subject: subject, what: "the value")
        let result = name.withCString { cName in
            value.withCString { workbook_set_custom_property_string(workbook, cName, $0) }
        }
        try XlsxError.check(result, subject)
    }

    /// Writes the file and releases the library's memory; the workbook cannot be used afterwards.
    ///
    /// libxlsxwriter frees everything even when writing fails, so the workbook counts as closed either way;
    /// a second call throws ``XlsxError/Code/workbookClosed``.
    public func close() throws {
        let subject = "workbook \(path)"
        let workbook = try openHandle(subject)
        handle = nil
        formats.removeAll()
        recentFormats.removeAll()
        let (result, systemError) = LXW.quietly(hidden: Workbook.hidesLibraryMessages) { workbook_close(workbook) }
        guard result != LXW_NO_ERROR else {
            // The library does not check its writes to its temporary files: with their folder full it saves empty
            // or cut parts and reports success. A part that does not end its root element fails the save.
            let incomplete = SavedPackageCheck.incompleteParts(at: path)
            guard incomplete.isEmpty else {
                var error = XlsxError(
                    .temporaryFile, subject: subject,
                    detail:
                        "\(incomplete.count) of its parts came out incomplete (\(incomplete.prefix(3).joined(separator: ", ")))"
                )
                error.systemError = ENOSPC
                error.isSaveFailure = true
                throw error
            }
            return
        }
        let advice: String? =
            switch XlsxError.Code(result) {
            case .cannotCreateFile:
                "cannot create the file; check that the folder exists and that you may write there"
            case .temporaryFile:
                "cannot create a temporary file; check the temporary directory's space and permissions"
            default:
                nil
            }
        var error = XlsxError(
            XlsxError.Code(result), subject: subject,
            detail: advice ?? lxw_strerror(result).map { String(cString: $0) } ?? "libxlsxwriter error \(result)")
        // Saving fails on the file system: the system's reason (a full disk) says more than the library's code.
        if systemError != 0 { error.systemError = systemError }
        error.isSaveFailure = true
        throw error
    }

    // MARK: - For sheets and charts

    /// The library handle while the workbook is open; throws ``XlsxError/Code/workbookClosed`` after `close()`.
    func openHandle(_ subject: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XlsxError(
                .workbookClosed, subject: subject(),
                detail: "the workbook \(path) is already closed; nothing more can be added to it")
        }
        return handle
    }

    /// A cell's text as the file can hold it, counting what had to change: every cell text passes here.
    func admitCellText(_ text: String) -> String {
        let admitted = CellText.admit(text, marker: cutMarker)
        if !admitted.repairs.isEmpty { textRepairs = textRepairs + admitted.repairs }
        return admitted.text
    }

    /// Whether a worksheet of exactly this name exists (chart series must point at one).
    func hasWorksheet(named name: String) -> Bool {
        worksheetNames.contains(name)
    }

    /// The library format for `style`, created once per distinct style; nil means the default format.
    func format(for style: CellStyle?, subject: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style, style != .plain else { return nil }
        if let recent = recentFormats.first(where: { $0.style == style }) { return recent.format }
        if let cached = formats[style] {
            remember(style, cached)
            return cached
        }
        let workbook = try openHandle(subject())
        try style.validate(subject: subject())
        guard let format = workbook_add_format(workbook) else {
            throw XlsxError(.outOfMemory, subject: subject(), detail: "libxlsxwriter could not add a cell format")
        }
        style.apply(to: format)
        formats[style] = format
        remember(style, format)
        return format
    }

    /// Keeps `style` among the recent formats, replacing the oldest entry once the list is full.
    private func remember(_ style: CellStyle, _ format: UnsafeMutablePointer<lxw_format>) {
        if recentFormats.count < Workbook.recentFormatCapacity {
            recentFormats.append((style, format))
        } else {
            recentFormats[nextRecentSlot] = (style, format)
            nextRecentSlot = (nextRecentSlot + 1) % Workbook.recentFormatCapacity
        }
    }

    /// Reserves a table name, which Excel requires to be unique in the workbook; nil picks `TableN`.
    func claimTableName(_ requested: String?, subject: @autoclosure () -> String) throws -> String {
        if let requested {
            guard !lowercasedTableNames.contains(requested.lowercased()) else {
                throw XlsxError(
                    .invalidParameter, subject: subject(),
                    detail: "another table is already named '\(requested)'; table names are unique in a workbook")
            }
            lowercasedTableNames.insert(requested.lowercased())
            return requested
        }
        var number = 1
        while lowercasedTableNames.contains("table\(number)") {
            number += 1
        }
        lowercasedTableNames.insert("table\(number)")
        return "Table\(number)"
    }

    /// Releases a name claimed for a table that the library then refused.
    func releaseTableName(_ name: String) {
        lowercasedTableNames.remove(name.lowercased())
    }

    // MARK: - Private

    private func setProperties(_ properties: DocumentProperties) throws {
        let subject = "workbook \(path)"
        let workbook = try openHandle(subject)
        let seconds = properties.created.timeIntervalSince1970.rounded(.down)
        // libxlsxwriter treats 0 as "now", which would make every run's bytes differ; 9999-12-31 is Excel's end.
        guard seconds >= 1, seconds <= 253_402_300_799 else {
            throw XlsxError(
                .invalidParameter, subject: subject,
                detail: "the creation time must lie after 1970-01-01T00:00:00Z and before the year 10000")
        }
        let texts = [
            properties.title, properties.subject, properties.author, properties.company, properties.keywords,
            properties.comments,
        ]
        for text in texts.compactMap({ $0 }) {
            try TextRules.requireNoNul(text, subject: subject, what: "a document property")
        }
        let result = try LXW.withCStrings(texts.map { $0 ?? "" }) { copies in
            var libraryProperties = lxw_doc_properties()
            libraryProperties.title = properties.title == nil ? nil : copies[0]
            libraryProperties.subject = properties.subject == nil ? nil : copies[1]
            libraryProperties.author = properties.author == nil ? nil : copies[2]
            libraryProperties.company = properties.company == nil ? nil : copies[3]
            libraryProperties.keywords = properties.keywords == nil ? nil : copies[4]
            libraryProperties.comments = properties.comments == nil ? nil : copies[5]
            libraryProperties.created = time_t(seconds)
            return workbook_set_properties(workbook, &libraryProperties)
        }
        try XlsxError.check(result, subject)
    }
}

/// Checks on texts handed to libxlsxwriter, shared by workbook, sheets and charts.
enum TextRules {
    /// C strings end at the first NUL, so a NUL would silently cut the text; refuse it instead.
    static func requireNoNul(_ text: String, subject: @autoclosure () -> String, what: String) throws {
        let hasNul = withContiguousBytes(text.utf8) { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        }
        guard !hasNul else {
            throw XlsxError(
                .invalidParameter, subject: subject(),
                detail: "\(what) contains a NUL character, which an XLSX file cannot hold; remove it")
        }
    }

    /// Refuses a text longer than `limit` characters as Excel counts them (UTF-16 code units).
    static func requireLength(
        _ text: String, atMost limit: Int, code: XlsxError.Code, subject: @autoclosure () -> String, what: String
    ) throws {
        // UTF-8 never has fewer code units than UTF-16, so the O(1) byte count settles most texts.
        guard text.utf8.count > limit else { return }
        let length = text.utf16.count
        guard length <= limit else {
            throw XlsxError(
                code, subject: subject(), detail: "\(what) has \(length) characters; Excel allows at most \(limit)")
        }
    }

    /// Refuses a text that libxlsxwriter would read as a formula because it starts with `=`.
    static func requireNotFormula(_ text: String, subject: @autoclosure () -> String, what: String) throws {
        guard !text.hasPrefix("=") else {
            throw XlsxError(
                .invalidParameter, subject: subject(),
                detail: "\(what) '\(text)' starts with '=', which libxlsxwriter would read as a formula")
        }
    }
}
