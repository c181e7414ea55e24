import CXlsxWriter
import Foundation

/// Paper sizes for printing, by Excel's paper code.
public enum PaperSize: UInt8, Hashable, Sendable, CaseIterable {
    /// US Letter (code 1).
    case letter = 1
    /// A3 (code 8).
    case a3 = 8
    /// A4 (code 9), the Swedish default.
    case a4 = 9
}

/// Page margins in inches, as Excel stores them.
public struct PageMargins: Hashable, Sendable {
    /// Left margin.
    public var left: Double
    /// Right margin.
    public var right: Double
    /// Top margin.
    public var top: Double
    /// Bottom margin.
    public var bottom: Double

    /// Creates margins; Excel's defaults are 0.7 left and right, 0.75 top and bottom.
    public init(left: Double = 0.7, right: Double = 0.7, top: Double = 0.75, bottom: Double = 0.75) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// Margins given in centimetres, as Swedish users measure them.
    public static func centimetres(left: Double, right: Double, top: Double, bottom: Double) -> PageMargins {
        PageMargins(left: left / 2.54, right: right / 2.54, top: top / 2.54, bottom: bottom / 2.54)
    }
}

/// A printed page header or footer in three sections, built from text and fields Excel fills in when printing.
public struct HeaderFooter: Hashable, Sendable {
    /// One piece of a section.
    public enum Field: Hashable, Sendable {
        /// Literal text (an `&` in it is printed as `&`).
        case text(String)
        /// The page number.
        case pageNumber
        /// The number of pages.
        case pageCount
        /// The sheet's name.
        case sheetName
        /// The file's name.
        case fileName
        /// The date of printing.
        case date
    }

    /// The left section.
    public var left: [Field]
    /// The centre section.
    public var center: [Field]
    /// The right section.
    public var right: [Field]

    /// Creates a header or footer from its three sections.
    public init(left: [Field] = [], center: [Field] = [], right: [Field] = []) {
        self.left = left
        self.center = center
        self.right = right
    }

    /// Excel's control-code form, e.g. `&LKedja&RPage &P of &N`.
    var excelCode: String {
        func code(_ fields: [Field]) -> String {
            fields.map { field in
                switch field {
                case .text(let text): text.replacingOccurrences(of: "&", with: "&&")
                case .pageNumber: "&P"
                case .pageCount: "&N"
                case .sheetName: "&A"
                case .fileName: "&F"
                case .date: "&D"
                }
            }.joined()
        }
        var result = ""
        if !left.isEmpty { result += "&L" + code(left) }
        if !center.isEmpty { result += "&C" + code(center) }
        if !right.isEmpty { result += "&R" + code(right) }
        return result
    }

    /// The texts in all sections, for checks that apply to what the user wrote.
    var texts: [String] {
        (left + center + right).compactMap { field in
            if case .text(let text) = field { return text }
            return nil
        }
    }
}

/// One sheet of a ``Workbook``: cells, column widths, panes, filters, rules, charts and print setup.
///
/// Rows and columns are zero-based, as in libxlsxwriter (row 0, column 0 is A1). Every method throws
/// ``XlsxError`` instead of writing something Excel would refuse: cells outside 1,048,576 rows × 16,384
/// columns, and any call after the workbook was closed. Cell texts are the exception, because they come from
/// data: they pass ``CellText``, which repairs rather than refuses. In a sheet
/// that streams its rows (constant memory), rows must be written in ascending order. Obtain one from
/// ``Workbook/addWorksheet(name:streamingRows:)``.
public final class Worksheet {
    /// The sheet's name as shown on its tab.
    public let name: String
    /// The workbook this sheet belongs to; kept alive by the sheet so its library handle stays valid.
    let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Whether rows go to disk as they are written (constant-memory mode): rows in order, no tables or merges.
    public let streamsRows: Bool
    /// When streaming, the row being written; earlier rows have been flushed to disk.
    private var currentRow = 0

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String, streamsRows: Bool) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
        self.streamsRows = streamsRows
    }

    // MARK: - Cells

    /// Writes text as a string cell, never as a formula, even when it starts with `=`, `+`, `-` or `@`.
    ///
    /// An empty string leaves the cell blank (styled, when a style is given). Characters XML cannot hold become
    /// U+FFFD and a text over 32,767 characters is cut with a marker (``CellText``), counted in
    /// ``Workbook/textRepairs``: data never makes the file malformed or the run fail.
    public func write(row: Int, col: Int, string: String, style: CellStyle? = nil) throws {
        let (libraryRow, libraryCol) = try cell(row, col, writing: true)
        let format = try workbook.format(for: style, subject: cellSubject(row, col))
        let text = workbook.admitCellText(string)
        let result = text.withCString { worksheet_write_string(handle, libraryRow, libraryCol, $0, format) }
        try XlsxError.check(result, cellSubject(row, col))
    }

    /// Writes a number cell; give the style a number format (e.g. `#,##0`) for how it shows.
    public func write(row: Int, col: Int, number: Double, style: CellStyle? = nil) throws {
        let (libraryRow, libraryCol) = try cell(row, col, writing: true)
        guard number.isFinite else {
            throw XlsxError(
                .invalidParameter, subject: cellSubject(row, col),
                detail: "\(number) is not a number Excel can store (NaN or infinity)")
        }
        let format = try workbook.format(for: style, subject: cellSubject(row, col))
        try XlsxError.check(
            worksheet_write_number(handle, libraryRow, libraryCol, number, format), cellSubject(row, col))
    }

    /// Writes a real date cell; a style without a number format gets ``CellStyle/defaultDateFormat``.
    public func write(row: Int, col: Int, date: ExcelDate, style: CellStyle? = nil) throws {
        let (libraryRow, libraryCol) = try cell(row, col, writing: true)
        var dateStyle = style ?? .plain
        if dateStyle.numberFormat?.isEmpty ?? true {
            dateStyle.numberFormat = CellStyle.defaultDateFormat
        }
        let format = try workbook.format(for: dateStyle, subject: cellSubject(row, col))
        let result: lxw_error
        switch date {
        case .day(let year, let month, let day):
            guard ExcelDate.isValidDay(year: year, month: month, day: day) else {
                throw XlsxError(
                    .invalidParameter, subject: cellSubject(row, col),
                    detail: "\(year)-\(month)-\(day) is not a calendar day Excel can show (1900-01-01 to 9999-12-31)")
            }
            var dateTime = lxw_datetime(
                year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            result = worksheet_write_datetime(handle, libraryRow, libraryCol, &dateTime, format)
        case .serial(let serial):
            guard serial.isFinite, serial >= 0, serial < ExcelDate.serialLimit else {
                throw XlsxError(
                    .invalidParameter, subject: cellSubject(row, col),
                    detail: "\(serial) is not an Excel date serial (0 to 2,958,465, i.e. up to 9999-12-31)")
            }
            result = worksheet_write_number(handle, libraryRow, libraryCol, serial, format)
        }
        try XlsxError.check(result, cellSubject(row, col))
    }

    /// Writes a TRUE/FALSE cell.
    public func writeBoolean(row: Int, col: Int, value: Bool, style: CellStyle? = nil) throws {
        let (libraryRow, libraryCol) = try cell(row, col, writing: true)
        let format = try workbook.format(for: style, subject: cellSubject(row, col))
        try XlsxError.check(
            worksheet_write_boolean(handle, libraryRow, libraryCol, value ? 1 : 0, format), cellSubject(row, col))
    }

    /// Writes an empty cell that carries a style (an unstyled blank writes nothing, as in Excel).
    public func writeBlank(row: Int, col: Int, style: CellStyle? = nil) throws {
        let (libraryRow, libraryCol) = try cell(row, col, writing: true)
        let format = try workbook.format(for: style, subject: cellSubject(row, col))
        try XlsxError.check(worksheet_write_blank(handle, libraryRow, libraryCol, format), cellSubject(row, col))
    }

    /// Writes one of our own formulas, e.g. `=SUM(E2:E40)`; never use this for data from an input file.
    ///
    /// - Parameters:
    ///   - formula: the formula in Excel's English syntax (commas between arguments), with or without `=`.
    ///   - value: the result to store with the formula, shown by viewers that do not recalculate; nil stores 0.
    public func writeFormula(row: Int, col: Int, formula: String, value: Double? = nil, style: CellStyle? = nil) throws
    {
        let (libraryRow, libraryCol) = try cell(row, col, writing: true)
        let subject = cellSubject(row, col)
        try TextRules.requireNoNul(formula, subject: subject, what: "the formula")
        guard !formula.isEmpty, formula != "=" else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "the formula is empty")
        }
        try TextRules.requireLength(
            formula, atMost: ExcelLimits.formulaLength, code: .invalidParameter, subject: subject, what: "the formula")
        if let value, !value.isFinite {
            throw XlsxError(
                .invalidParameter, subject: subject, detail: "the formula's stored value \(value) is not finite")
        }
        let format = try workbook.format(for: style, subject: subject)
        let result = formula.withCString { text in
            if let value {
                return worksheet_write_formula_num(handle, libraryRow, libraryCol, text, format, value)
            }
            return worksheet_write_formula(handle, libraryRow, libraryCol, text, format)
        }
        try XlsxError.check(result, subject)
    }

    /// Merges a range into one cell holding `string` (a title over several columns, say).
    ///
    /// Not available in constant-memory mode, where the rows below are not in memory.
    public func mergeRange(_ range: CellRange, string: String, style: CellStyle? = nil) throws {
        let subject = rangeSubject(range)
        let corners = try cells(range)
        guard !streamsRows else {
            throw XlsxError(
                .featureNotSupported, subject: subject,
                detail: "merged ranges are not available in a sheet that streams its rows (constant memory)")
        }
        guard range.rowCount > 1 || range.columnCount > 1 else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "a merged range needs at least two cells")
        }
        let format = try workbook.format(for: style, subject: subject)
        let text = workbook.admitCellText(string)
        let result = text.withCString {
            worksheet_merge_range(
                handle, corners.firstRow, corners.firstCol, corners.lastRow, corners.lastCol, $0, format)
        }
        try XlsxError.check(result, subject)
    }

    // MARK: - Layout

    /// Sets the width (in characters of the default font, 0–255) and optionally a style of columns `first...last`.
    public func setColumn(first: Int, last: Int, width: Double, style: CellStyle? = nil) throws {
        let range = CellRange(firstRow: 0, firstCol: first, lastRow: 0, lastCol: last)
        let subject = "sheet '\(name)', columns \(CellRange.columnName(first))–\(CellRange.columnName(last))"
        let corners = try cells(range)
        guard width.isFinite, width >= 0, width <= 255 else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "column width \(width) is outside 0–255")
        }
        let format = try workbook.format(for: style, subject: subject)
        try XlsxError.check(worksheet_set_column(handle, corners.firstCol, corners.lastCol, width, format), subject)
    }

    /// Sets a row's height in points (0–409) and optionally its style.
    public func setRow(_ row: Int, height: Double, style: CellStyle? = nil) throws {
        let (libraryRow, _) = try cell(row, 0, writing: true)
        let subject = "sheet '\(name)', row \(row + 1)"
        guard height.isFinite, height >= 0, height <= 409 else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "row height \(height) is outside 0–409 points")
        }
        let format = try workbook.format(for: style, subject: subject)
        try XlsxError.check(worksheet_set_row(handle, libraryRow, height, format), subject)
    }

    /// Freezes the rows above `row` and the columns left of `col` (`freezePanes(row: 1, col: 0)` keeps a header).
    public func freezePanes(row: Int, col: Int) throws {
        let (libraryRow, libraryCol) = try cell(row, col, writing: false)
        worksheet_freeze_panes(handle, libraryRow, libraryCol)
    }

    /// Adds filter buttons to the first row of `range` (the header) for the rows below it.
    public func autofilter(_ range: CellRange) throws {
        let corners = try cells(range)
        try XlsxError.check(
            worksheet_autofilter(handle, corners.firstRow, corners.firstCol, corners.lastRow, corners.lastCol),
            rangeSubject(range))
    }

    /// Colours the sheet's tab.
    public func setTabColor(_ color: XlsxColor) throws {
        _ = try openHandle()
        worksheet_set_tab_color(handle, LXW.color(color))
    }

    /// Sets the zoom shown when the sheet opens, 10–400 percent.
    public func setZoom(_ percent: Int) throws {
        _ = try openHandle()
        guard (10...400).contains(percent) else {
            throw XlsxError(
                .invalidParameter, subject: "sheet '\(name)'", detail: "zoom \(percent)% is outside Excel's 10–400%")
        }
        worksheet_set_zoom(handle, UInt16(percent))
    }

    /// Hides the gridlines on screen and in print, for sheets laid out like a report.
    public func hideGridlines() throws {
        _ = try openHandle()
        worksheet_gridlines(handle, LXW.byte(LXW_HIDE_ALL_GRIDLINES))
    }

    /// Protects the sheet without a password: only cells whose style is ``CellStyle/unlocked`` can be edited, and
    /// column widths and row heights may still be changed.
    public func protect() throws {
        _ = try openHandle()
        var options = lxw_protection()
        options.format_columns = 1
        options.format_rows = 1
        worksheet_protect(handle, nil, &options)
    }

    /// Hides the sheet (Format ▸ Sheet ▸ Hide in Excel); it stays in the file and a user may show it again.
    public func hide() throws {
        _ = try openHandle()
        worksheet_hide(handle)
    }

    // MARK: - Printing

    /// Prints across the page (landscape).
    public func setLandscape() throws {
        _ = try openHandle()
        worksheet_set_landscape(handle)
    }

    /// Sets the paper size for printing.
    public func setPaper(_ paper: PaperSize) throws {
        _ = try openHandle()
        worksheet_set_paper(handle, paper.rawValue)
    }

    /// Shrinks the printout to `width` pages across and `height` pages down; 0 means as many as needed.
    ///
    /// `fitToPages(width: 1, height: 0)` prints every column on one page width, however many rows there are.
    public func fitToPages(width: Int, height: Int) throws {
        _ = try openHandle()
        guard (0...Int(UInt16.max)).contains(width), (0...Int(UInt16.max)).contains(height) else {
            throw XlsxError(
                .invalidParameter, subject: "sheet '\(name)'", detail: "fit to \(width)×\(height) pages is out of range"
            )
        }
        worksheet_fit_to_pages(handle, UInt16(width), UInt16(height))
    }

    /// Repeats rows `first...last` at the top of every printed page (the header row of a long list).
    public func repeatRows(first: Int, last: Int) throws {
        let corners = try cells(CellRange(firstRow: first, firstCol: 0, lastRow: last, lastCol: 0))
        try XlsxError.check(
            worksheet_repeat_rows(handle, corners.firstRow, corners.lastRow),
            "sheet '\(name)', rows \(first + 1)–\(last + 1)")
    }

    /// Limits printing to `range`.
    public func setPrintArea(_ range: CellRange) throws {
        let corners = try cells(range)
        try XlsxError.check(
            worksheet_print_area(handle, corners.firstRow, corners.firstCol, corners.lastRow, corners.lastCol),
            rangeSubject(range))
    }

    /// Sets the printed page margins.
    public func setMargins(_ margins: PageMargins) throws {
        _ = try openHandle()
        let values = [margins.left, margins.right, margins.top, margins.bottom]
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 && $0 < 50 }) else {
            throw XlsxError(
                .invalidParameter, subject: "sheet '\(name)'", detail: "page margins must be between 0 and 50 inches")
        }
        worksheet_set_margins(handle, margins.left, margins.right, margins.top, margins.bottom)
    }

    /// Sets the text printed at the top of every page.
    public func setHeader(_ header: HeaderFooter) throws {
        try setHeaderFooter(header, isHeader: true)
    }

    /// Sets the text printed at the bottom of every page.
    public func setFooter(_ footer: HeaderFooter) throws {
        try setHeaderFooter(footer, isHeader: false)
    }

    // MARK: - Shared checks

    /// The library handle of the sheet while its workbook is open.
    func openHandle() throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.openHandle("sheet '\(name)'")
        return handle
    }

    /// `sheet 'Name', cell B7`.
    func cellSubject(_ row: Int, _ col: Int) -> String {
        "sheet '\(name)', cell \(CellRange.a1(row: row, col: col))"
    }

    /// `sheet 'Name', range A1:D9`.
    func rangeSubject(_ range: CellRange) -> String {
        "sheet '\(name)', range \(range.a1)"
    }

    /// Checks a cell against Excel's limits (and, when `writing` in constant-memory mode, the row order).
    func cell(_ row: Int, _ col: Int, writing: Bool) throws -> (lxw_row_t, lxw_col_t) {
        _ = try workbook.openHandle(cellSubject(row, col))
        guard row >= 0, row < ExcelLimits.rowCount else {
            throw XlsxError(
                .indexOutOfRange, subject: cellSubject(row, col),
                detail: "row index \(row) is outside the sheet (rows 0–1,048,575 from zero, 1–1,048,576 in Excel); "
                    + "continue on another sheet")
        }
        guard col >= 0, col < ExcelLimits.columnCount else {
            throw XlsxError(
                .indexOutOfRange, subject: cellSubject(row, col),
                detail: "column index \(col) is outside the sheet (columns 0–16,383 from zero, A–XFD in Excel)")
        }
        if writing, streamsRows {
            guard row >= currentRow else {
                throw XlsxError(
                    .rowOutOfOrder, subject: cellSubject(row, col),
                    detail: "in constant-memory mode rows are written in order, and row \(currentRow + 1) "
                        + "has already been started")
            }
            currentRow = row
        }
        return (lxw_row_t(row), lxw_col_t(col))
    }

    /// The library corners of a range after checking it lies in the sheet and runs top-left to bottom-right.
    func cells(_ range: CellRange) throws -> (
        firstRow: lxw_row_t, firstCol: lxw_col_t, lastRow: lxw_row_t, lastCol: lxw_col_t
    ) {
        let first = try cell(range.firstRow, range.firstCol, writing: false)
        let last = try cell(range.lastRow, range.lastCol, writing: false)
        guard range.firstRow <= range.lastRow, range.firstCol <= range.lastCol else {
            throw XlsxError(
                .invalidParameter, subject: rangeSubject(range),
                detail: "the range must run from its top-left to its bottom-right cell")
        }
        return (first.0, first.1, last.0, last.1)
    }

    private func setHeaderFooter(_ content: HeaderFooter, isHeader: Bool) throws {
        let subject = "sheet '\(name)', \(isHeader ? "header" : "footer")"
        _ = try openHandle()
        for text in content.texts {
            try TextRules.requireNoNul(text, subject: subject, what: "the text")
            // libxlsxwriter counts "&G" and "&[Picture]" as image placeholders even after "&" is doubled,
            // and refuses a header whose placeholders outnumber its images.
            guard !text.contains("&G"), !text.contains("&[Picture]") else {
                throw XlsxError(
                    .invalidParameter, subject: subject,
                    detail: "the text '\(text)' contains '&G' or '&[Picture]', which libxlsxwriter reads as an image; "
                        + "write it another way (e.g. 'R & G')")
            }
        }
        let code = content.excelCode
        try TextRules.requireLength(
            code, atMost: 255, code: .textLongerThan255, subject: subject,
            what: "the \(isHeader ? "header" : "footer") in Excel's code (fields count as two characters)")
        let result = code.withCString { isHeader ? worksheet_set_header(handle, $0) : worksheet_set_footer(handle, $0) }
        try XlsxError.check(result, subject)
    }
}
