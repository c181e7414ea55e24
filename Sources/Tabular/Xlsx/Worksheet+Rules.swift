import CXlsxWriter
import Foundation

/// A conditional-format rule: Excel re-applies it whenever a user edits the cells, so colours follow the data.
public enum ConditionalRule: Hashable, Sendable {
    /// The cell's value equals `text` (Excel compares ignoring case) → `style`; e.g. `High` → red fill.
    case cellEqualsText(String, style: CellStyle)
    /// The cell's value equals `number` → `style`.
    case cellEqualsNumber(Double, style: CellStyle)
    /// The cell's text contains `text` (ignoring case) → `style`. The text may not contain `"`.
    case textContains(String, style: CellStyle)
    /// `formula` is true for the range's top-left cell (relative references shift for the others) → `style`.
    case formula(String, style: CellStyle)
    /// A colour scale from `low` (smallest value) through an optional `middle` (50th percentile) to `high`.
    case colorScale(low: XlsxColor, middle: XlsxColor? = nil, high: XlsxColor)
}

/// The look of an Excel table: none, or one of Excel's built-in Light 1–21, Medium 1–28 and Dark 1–11 styles.
public enum TableStyle: Hashable, Sendable {
    /// No table style (plain cells, still a table with filters).
    case none
    /// Table Style Light `n` (1–21).
    case light(Int)
    /// Table Style Medium `n` (1–28); Medium 9 is Excel's default.
    case medium(Int)
    /// Table Style Dark `n` (1–11).
    case dark(Int)

    /// The library's style type and number, or nil when the number is outside Excel's range.
    var libraryStyle: (type: lxw_table_style_type, number: UInt8)? {
        switch self {
        case .none: return (LXW_TABLE_STYLE_TYPE_LIGHT, 0)
        case .light(let number): return (1...21).contains(number) ? (LXW_TABLE_STYLE_TYPE_LIGHT, UInt8(number)) : nil
        case .medium(let number): return (1...28).contains(number) ? (LXW_TABLE_STYLE_TYPE_MEDIUM, UInt8(number)) : nil
        case .dark(let number): return (1...11).contains(number) ? (LXW_TABLE_STYLE_TYPE_DARK, UInt8(number)) : nil
        }
    }
}

extension Worksheet {
    /// Applies a conditional format to `range`, so styling follows the value when a user edits a cell.
    public func conditionalFormat(_ range: CellRange, rule: ConditionalRule) throws {
        let subject = "\(rangeSubject(range)), conditional format"
        let corners = try cells(range)
        var condition = lxw_conditional_format()
        var valueText: String?
        var style: CellStyle?
        switch rule {
        case .cellEqualsText(let text, let ruleStyle):
            try TextRules.requireNoNul(text, subject: subject, what: "the text")
            condition.type = LXW.byte(LXW_CONDITIONAL_TYPE_CELL)
            condition.criteria = LXW.byte(LXW_CONDITIONAL_CRITERIA_EQUAL_TO)
            // The rule's value is a formula, so the text becomes a string literal with its quotes doubled.
            valueText = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            style = ruleStyle
        case .cellEqualsNumber(let number, let ruleStyle):
            guard number.isFinite else {
                throw XlsxError(.invalidParameter, subject: subject, detail: "\(number) is not a finite number")
            }
            condition.type = LXW.byte(LXW_CONDITIONAL_TYPE_CELL)
            condition.criteria = LXW.byte(LXW_CONDITIONAL_CRITERIA_EQUAL_TO)
            condition.value = number
            style = ruleStyle
        case .textContains(let text, let ruleStyle):
            try TextRules.requireNoNul(text, subject: subject, what: "the text")
            guard !text.isEmpty, !text.contains("\"") else {
                throw XlsxError(
                    .invalidParameter, subject: subject,
                    detail: "the text to look for must be non-empty and without a double quote (\")")
            }
            condition.type = LXW.byte(LXW_CONDITIONAL_TYPE_TEXT)
            condition.criteria = LXW.byte(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING)
            valueText = text
            style = ruleStyle
        case .formula(let formula, let ruleStyle):
            try TextRules.requireNoNul(formula, subject: subject, what: "the formula")
            guard !formula.isEmpty else {
                throw XlsxError(.invalidParameter, subject: subject, detail: "the formula is empty")
            }
            condition.type = LXW.byte(LXW_CONDITIONAL_TYPE_FORMULA)
            valueText = formula
            style = ruleStyle
        case .colorScale(let low, let middle, let high):
            if let middle {
                condition.type = LXW.byte(LXW_CONDITIONAL_3_COLOR_SCALE)
                condition.mid_color = LXW.color(middle)
            } else {
                condition.type = LXW.byte(LXW_CONDITIONAL_2_COLOR_SCALE)
            }
            condition.min_color = LXW.color(low)
            condition.max_color = LXW.color(high)
        }
        if let valueText {
            try TextRules.requireLength(
                valueText, atMost: 255, code: .textLongerThan255, subject: subject, what: "the rule's value")
        }
        condition.format = try workbook.format(for: style, subject: subject)
        // libxlsxwriter 1.1.4 builds a text rule's formula from the range's top-right cell instead of its
        // top-left one (jmcnamara/libxlsxwriter#395), so over several columns it would test the wrong cells.
        // One rule per column keeps the reference right and the rule a native "Text that contains" rule.
        var columnSpans = [(corners.firstCol, corners.lastCol)]
        if case .textContains = rule {
            columnSpans = (corners.firstCol...corners.lastCol).map { ($0, $0) }
        }
        for (firstCol, lastCol) in columnSpans {
            let result = try LXW.withOptionalCString(valueText) { text in
                condition.value_string = text
                return worksheet_conditional_format_range(
                    handle, corners.firstRow, firstCol, corners.lastRow, lastCol, &condition)
            }
            try XlsxError.check(result, subject)
        }
    }

    /// Restricts `range` to a drop-down list of `values` (a status column, say).
    ///
    /// Excel stores the list as one comma-separated text of at most 255 characters, so an item may not
    /// contain a comma (it would become two items) or a double quote.
    /// - Parameter errorMessage: shown when a user types something else; nil for Excel's standard message.
    public func dataValidationList(_ range: CellRange, values: [String], errorMessage: String? = nil) throws {
        let subject = "\(rangeSubject(range)), drop-down list"
        let corners = try cells(range)
        guard !values.isEmpty else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "the list has no items")
        }
        for value in values {
            try TextRules.requireNoNul(value, subject: subject, what: "list item '\(value)'")
            guard !value.isEmpty else {
                throw XlsxError(.invalidParameter, subject: subject, detail: "a list item is empty")
            }
            guard !value.contains(",") else {
                throw XlsxError(
                    .invalidParameter, subject: subject,
                    detail: "list item '\(value)' contains a comma, which Excel would read as two items")
            }
            guard !value.contains("\"") else {
                throw XlsxError(
                    .invalidParameter, subject: subject,
                    detail: "list item '\(value)' contains a double quote, which Excel's list cannot hold")
            }
        }
        let listLength = values.reduce(values.count - 1) { $0 + $1.utf16.count }
        guard listLength <= ExcelLimits.validationListLength else {
            throw XlsxError(
                .textLongerThan255, subject: subject,
                detail: "the items take \(listLength) characters with their commas; Excel allows at most "
                    + "\(ExcelLimits.validationListLength). Shorten the items or use fewer")
        }
        if let errorMessage {
            try TextRules.requireNoNul(errorMessage, subject: subject, what: "the error message")
            try TextRules.requireLength(
                errorMessage, atMost: 255, code: .textLongerThan255, subject: subject, what: "the error message")
        }
        let result = try LXW.withCStrings(values) { items in
            // libxlsxwriter walks the list up to a NULL entry.
            var list: [UnsafeMutablePointer<CChar>?] = items + [nil]
            return try LXW.withOptionalCString(errorMessage) { message in
                list.withUnsafeMutableBufferPointer { listBuffer in
                    var validation = lxw_data_validation()
                    validation.validate = LXW.byte(LXW_VALIDATION_TYPE_LIST)
                    validation.value_list = listBuffer.baseAddress
                    validation.error_message = message
                    return worksheet_data_validation_range(
                        handle, corners.firstRow, corners.firstCol, corners.lastRow, corners.lastCol, &validation)
                }
            }
        }
        try XlsxError.check(result, subject)
    }

    /// Turns `range` into an Excel table: `headers` are written into its first row, the rows below are the data.
    ///
    /// Not available in constant-memory mode. Headers must be unique (ignoring case) and non-empty, one per
    /// column of `range`; the range needs at least one data row below the header.
    /// - Parameters:
    ///   - name: the table's name in formulas (`Register[Spend]`), unique in the workbook; nil picks `TableN`.
    ///   - style: Excel's table style.
    public func addTable(_ range: CellRange, headers: [String], name: String? = nil, style: TableStyle = .medium(9))
        throws
    {
        var subject = "\(rangeSubject(range)), table"
        if let name { subject += " '\(name)'" }
        let corners = try cells(range)
        guard !streamsRows else {
            throw XlsxError(
                .featureNotSupported, subject: subject,
                detail: "tables are not available in a sheet that streams its rows (constant memory)")
        }
        guard range.rowCount >= 2 else {
            throw XlsxError(
                .invalidParameter, subject: subject, detail: "a table needs a header row and at least one data row")
        }
        guard headers.count == range.columnCount else {
            throw XlsxError(
                .invalidParameter, subject: subject,
                detail: "\(headers.count) headers given for \(range.columnCount) columns")
        }
        var seen: Set<String> = []
        for header in headers {
            try TextRules.requireNoNul(header, subject: subject, what: "header '\(header)'")
            try TextRules.requireLength(
                header, atMost: 255, code: .textLongerThan255, subject: subject, what: "header '\(header)'")
            guard !header.isEmpty else {
                throw XlsxError(.invalidParameter, subject: subject, detail: "a table header is empty")
            }
            guard seen.insert(header.lowercased()).inserted else {
                throw XlsxError(
                    .invalidParameter, subject: subject,
                    detail: "header '\(header)' appears twice; Excel needs unique headers (ignoring case)")
            }
        }
        guard let libraryStyle = style.libraryStyle else {
            throw XlsxError(
                .invalidParameter, subject: subject,
                detail: "\(style) is not one of Excel's table styles (Light 1–21, Medium 1–28, Dark 1–11)")
        }
        if let name {
            try TextRules.requireNoNul(name, subject: subject, what: "the table name")
        }
        let tableName = try workbook.claimTableName(name, subject: subject)
        do {
            let result = try LXW.withCStrings([tableName] + headers) { texts in
                var columns = texts.dropFirst().map { header in
                    var column = lxw_table_column()
                    column.header = header
                    return column
                }
                return columns.withUnsafeMutableBufferPointer { columnBuffer in
                    // libxlsxwriter walks the columns up to a NULL entry.
                    var columnPointers: [UnsafeMutablePointer<lxw_table_column>?] = []
                    if let first = columnBuffer.baseAddress {
                        columnPointers = columnBuffer.indices.map { first + $0 }
                    }
                    columnPointers.append(nil)
                    return columnPointers.withUnsafeMutableBufferPointer { pointerBuffer in
                        var options = lxw_table_options()
                        options.name = texts[0]
                        options.style_type = LXW.byte(libraryStyle.type)
                        options.style_type_number = libraryStyle.number
                        options.columns = pointerBuffer.baseAddress
                        return worksheet_add_table(
                            handle, corners.firstRow, corners.firstCol, corners.lastRow, corners.lastCol, &options)
                    }
                }
            }
            try XlsxError.check(result, subject)
        } catch {
            workbook.releaseTableName(tableName)
            throw error
        }
    }
}
