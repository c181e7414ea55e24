import Foundation

/// Reads the cells of an XLSX workbook row by row, without loading a sheet into memory.
///
/// Municipal ledgers published as XLSX, follow-up plans users edited in Excel, and `kedja convert`
/// all come through here. A sheet's XML is inflated in chunks and scanned as it streams, so memory
/// stays flat however long the sheet; only the shared-strings table (text that sheets refer to by
/// index) is held in memory, within `XlsxLimits`.
///
/// ```swift
/// let reader = try XlsxReader(url: ledgerURL)
/// try reader.forEachRow(sheet: reader.sheetNames.first) { row in
///     print(row.index, row.cells.map(\.text))
/// }
/// ```
///
/// Not thread-safe: use one reader per thread.
public final class XlsxReader {
    /// The names of the worksheets — the sheets that hold cells — in the workbook's tab order.
    ///
    /// Hidden sheets are included; chart and dialog sheets are left out.
    public let sheetNames: [String]

    private let package: XlsxPackage
    /// The bounds this reader keeps to, which a conversion of its sheets keeps to as well.
    let limits: XlsxLimits
    private let workbook: XlsxWorkbookInfo

    /// The workbook's path, as messages name it.
    var path: String { package.path }
    /// Built on first use: sheet names alone need neither the shared strings nor the styles.
    private var cachedDecoder: XlsxCellDecoder?

    /// Opens the workbook at `url` and reads its list of sheets.
    ///
    /// - Throws: `XlsxReadError` when the file cannot be opened, is not a ZIP archive, has no
    ///   workbook part, or breaks one of `limits`.
    public init(url: URL, limits: XlsxLimits = .default) throws {
        self.limits = limits
        package = try XlsxPackage(url: url, limits: limits)
        workbook = try XlsxWorkbookInfo.read(from: package)
        sheetNames = workbook.sheets.filter(\.isWorksheet).map(\.name)
    }

    /// Calls `body` with each row of `sheet` that holds a value, in sheet order, as the sheet streams.
    ///
    /// Rows that are absent from the file or hold no value are not reported: `XlsxRow.index` jumps.
    /// Errors thrown by `body` stop the reading and propagate unchanged.
    ///
    /// - Parameters:
    ///   - sheet: A worksheet name (matched exactly, else ignoring case, as Excel does); `nil` reads
    ///     the first worksheet.
    ///   - body: Receives each row.
    /// - Throws: `XlsxReadError` for a missing sheet (naming the sheets that exist), malformed
    ///   content or a broken limit; or whatever `body` throws.
    public func forEachRow(sheet: String? = nil, _ body: (XlsxRow) throws -> Void) throws {
        let (name, part) = try locate(sheet)
        var parser = XlsxSheetParser(
            decoder: try decoder(), limits: limits, path: package.path, sheet: name, part: part)
        try package.scanXML(part, sheet: name) { token, scanner in
            if let row = try parser.handle(token, scanner) {
                try body(row)
            }
        }
    }

    /// Reads a whole sheet into memory: element `i` holds row `i + 1`, rows without a value are empty
    /// arrays, and the array ends at the last row with a value.
    ///
    /// Convenient for small sheets such as a follow-up plan; use `forEachRow` for ledgers.
    ///
    /// - Parameter sheet: A worksheet name, or `nil` for the first worksheet.
    /// - Throws: As `forEachRow`.
    public func readSheet(_ sheet: String? = nil) throws -> [[XlsxCell]] {
        var rows: [[XlsxCell]] = []
        try forEachRow(sheet: sheet) { row in
            if row.index > rows.count + 1 {
                rows.append(contentsOf: repeatElement([], count: row.index - 1 - rows.count))
            }
            if row.index <= rows.count {
                rows[row.index - 1] = row.cells
            } else {
                rows.append(row.cells)
            }
        }
        return rows
    }

    // MARK: - Private

    /// The name and part of the requested worksheet.
    private func locate(_ requested: String?) throws -> (name: String, part: String) {
        let sheet: XlsxWorkbookInfo.Sheet?
        if let requested {
            sheet =
                workbook.sheets.first { $0.name == requested }
                ?? workbook.sheets.first { $0.name.lowercased() == requested.lowercased() }
        } else {
            sheet = workbook.sheets.first(where: \.isWorksheet)
        }
        guard let sheet else {
            throw XlsxReadError(path: package.path, reason: .sheetNotFound(requested ?? "", available: sheetNames))
        }
        guard sheet.isWorksheet else {
            throw XlsxReadError(path: package.path, reason: .notAWorksheet(sheet.name))
        }
        guard let part = sheet.part else {
            throw XlsxReadError(
                path: package.path, sheet: sheet.name, reason: .missingPart("the part of sheet '\(sheet.name)'"))
        }
        return (sheet.name, part)
    }

    /// The cell decoder, reading the shared strings and styles the first time a sheet is read.
    private func decoder() throws -> XlsxCellDecoder {
        if let cachedDecoder { return cachedDecoder }
        var sharedStrings: [String] = []
        if let part = workbook.sharedStringsPart, package.contains(part) {
            sharedStrings = try XlsxSharedStrings.read(part: part, in: package, limits: limits)
        }
        var dateStyles = XlsxDateStyles()
        if let part = workbook.stylesPart, package.contains(part) {
            dateStyles = try XlsxDateStyles(part: part, in: package)
        }
        let decoder = XlsxCellDecoder(
            sharedStrings: sharedStrings, dateStyles: dateStyles,
            uses1904DateSystem: workbook.uses1904DateSystem)
        cachedDecoder = decoder
        return decoder
    }
}
