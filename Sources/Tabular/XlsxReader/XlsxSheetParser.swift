/// Turns the XML tokens of one worksheet part into rows of typed cells.
///
/// It reads `<sheetData>` only: each `<row>` becomes an `XlsxRow` once its end tag arrives, cells
/// placed by their `r` reference (or one after the previous cell when a producer omits it) and
/// gaps filled with `.empty`.
struct XlsxSheetParser {
    private let decoder: XlsxCellDecoder
    private let limits: XlsxLimits
    private let path: String
    private let sheet: String
    private let part: String

    private var inSheetData = false
    private var inRow = false
    /// The current row's number; until the next row starts, the number that row's must exceed.
    private var rowIndex = 0
    private var cells: [XlsxCell] = []

    private var inCell = false
    private var column = 0
    private var cellType = XlsxCellType.number
    private var cellStyle = 0
    private var value = ""
    private var hasValue = false
    private var inValue = false
    private var inlineText = ""
    private var hasInlineString = false
    private var inInlineString = false
    private var inInlineText = false
    private var phoneticDepth = 0

    /// Prepares to read the sheet named `sheet`, stored in `part` of the workbook at `path` (those
    /// three for error messages).
    init(decoder: XlsxCellDecoder, limits: XlsxLimits, path: String, sheet: String, part: String) {
        self.decoder = decoder
        self.limits = limits
        self.path = path
        self.sheet = sheet
        self.part = part
    }

    /// Takes the next token; returns a row when the token completes one that holds a value.
    mutating func handle(_ token: XlsxXMLScanner.Token, _ scanner: borrowing XlsxXMLScanner) throws -> XlsxRow? {
        switch token {
        case .startTag:
            try start(scanner)
        case .endTag:
            return try end(scanner)
        case .text:
            if inValue {
                try scanner.appendText(to: &value)
            } else if inInlineText {
                try scanner.appendText(to: &inlineText)
            }
        }
        return nil
    }

    private mutating func start(_ tag: borrowing XlsxXMLScanner) throws {
        if inCell {
            if tag.isNamed("v") {
                hasValue = true
                inValue = !tag.isSelfClosing
            } else if tag.isNamed("is") {
                hasInlineString = true
                inInlineString = !tag.isSelfClosing
            } else if inInlineString, tag.isNamed("rPh") {
                if !tag.isSelfClosing { phoneticDepth += 1 }
            } else if inInlineString, phoneticDepth == 0, tag.isNamed("t") {
                inInlineText = !tag.isSelfClosing
            }
        } else if inRow, tag.isNamed("c") {
            try startCell(tag)
            if tag.isSelfClosing { try finishCell() }
        } else if inSheetData, tag.isNamed("row") {
            try startRow(tag)
        } else if tag.isNamed("sheetData") {
            inSheetData = !tag.isSelfClosing
        }
    }

    private mutating func end(_ tag: borrowing XlsxXMLScanner) throws -> XlsxRow? {
        if inCell {
            if tag.isNamed("c") {
                try finishCell()
            } else if tag.isNamed("v") {
                inValue = false
            } else if tag.isNamed("t") {
                inInlineText = false
            } else if tag.isNamed("rPh") {
                phoneticDepth -= 1
            } else if tag.isNamed("is") {
                inInlineString = false
            }
        } else if inRow, tag.isNamed("row") {
            inRow = false
            while cells.last == .empty { cells.removeLast() }
            return cells.isEmpty ? nil : XlsxRow(index: rowIndex, cells: cells)
        } else if tag.isNamed("sheetData") {
            inSheetData = false
        }
        return nil
    }

    private mutating func startRow(_ tag: borrowing XlsxXMLScanner) throws {
        if let raw = tag.rawAttribute("r") {
            guard let number = XlsxCellReference.positiveInteger(raw) else {
                let text = String(decoding: raw, as: UTF8.self)
                throw XlsxReadError(
                    path: path, sheet: sheet,
                    reason: .malformedXML(entry: part, detail: "a row number '\(text)' that is not a positive integer"))
            }
            // Excel writes each row once, in order; a repeated or earlier number is merged, replaced or kept apart
            // depending on the program, so the table cannot be read one way only.
            guard number > rowIndex else {
                throw XlsxReadError(path: path, sheet: sheet, reason: .rowOutOfOrder(row: number, previous: rowIndex))
            }
            rowIndex = number
        } else {
            rowIndex += 1
        }
        guard rowIndex <= limits.maxRows else {
            throw XlsxReadError(path: path, sheet: sheet, reason: .tooManyRows(row: rowIndex, limit: limits.maxRows))
        }
        cells.removeAll(keepingCapacity: true)
        column = 0
        inRow = !tag.isSelfClosing
    }

    private mutating func startCell(_ tag: borrowing XlsxXMLScanner) throws {
        if let raw = tag.rawAttribute("r") {
            guard let parsedColumn = XlsxCellReference.column(of: raw) else {
                throw XlsxReadError(
                    path: path, sheet: sheet,
                    reason: .malformedCell(
                        cell: String(decoding: raw, as: UTF8.self), detail: "not a cell reference"))
            }
            // As with rows: a cell repeated or written left of an earlier one is read differently by each program.
            guard parsedColumn > column else {
                throw XlsxReadError(
                    path: path, sheet: sheet,
                    reason: .cellOutOfOrder(
                        cell: XlsxCellReference.name(column: parsedColumn, row: rowIndex),
                        previous: XlsxCellReference.name(column: column, row: rowIndex)))
            }
            column = parsedColumn
        } else {
            column += 1
        }
        guard column <= limits.maxColumns else {
            throw XlsxReadError(
                path: path, sheet: sheet,
                reason: .tooManyColumns(cell: reference, limit: limits.maxColumns))
        }
        guard let type = XlsxCellType(tag.rawAttribute("t")) else {
            let code = tag.rawAttribute("t").map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw XlsxReadError(
                path: path, sheet: sheet,
                reason: .malformedCell(cell: reference, detail: "unknown cell type '\(code)'"))
        }
        cellType = type
        cellStyle = tag.rawAttribute("s").flatMap(XlsxCellReference.nonNegativeInteger) ?? 0
        value.removeAll(keepingCapacity: true)
        inlineText.removeAll(keepingCapacity: true)
        hasValue = false
        hasInlineString = false
        inValue = false
        inInlineString = false
        inInlineText = false
        phoneticDepth = 0
        inCell = !tag.isSelfClosing
    }

    private mutating func finishCell() throws {
        inCell = false
        let cell: XlsxCell
        do {
            cell = try decoder.cell(
                type: cellType,
                value: hasValue ? value : nil,
                inlineString: hasInlineString ? inlineText : nil,
                style: cellStyle)
        } catch {
            throw XlsxReadError(
                path: path, sheet: sheet, reason: .malformedCell(cell: reference, detail: error.problem))
        }
        guard cell != .empty || column <= cells.count else { return }
        if column <= cells.count {
            cells[column - 1] = cell
        } else {
            cells.append(contentsOf: repeatElement(.empty, count: column - 1 - cells.count))
            cells.append(cell)
        }
    }

    /// The current cell's A1 reference, for error messages.
    private var reference: String {
        XlsxCellReference.name(column: column, row: rowIndex)
    }
}

/// The cell types of the `t` attribute.
enum XlsxCellType {
    case number, sharedString, inlineString, formulaString, boolean, error, isoDate

    /// The type for the raw `t` attribute (`nil` attribute = number); `nil` for an unknown code.
    init?(_ raw: ArraySlice<UInt8>?) {
        guard let raw else {
            self = .number
            return
        }
        switch String(decoding: raw, as: UTF8.self) {
        case "n": self = .number
        case "s": self = .sharedString
        case "inlineStr": self = .inlineString
        case "str": self = .formulaString
        case "b": self = .boolean
        case "e": self = .error
        case "d": self = .isoDate
        default: return nil
        }
    }
}

/// A cell's stored content contradicts its type.
struct XlsxCellProblem: Error {
    /// What is wrong, in words for the user.
    let problem: String
}

/// Turns a cell's type, raw value and style into an `XlsxCell`, using the workbook's shared
/// strings, date styles and date system.
struct XlsxCellDecoder {
    let sharedStrings: [String]
    let dateStyles: XlsxDateStyles
    let uses1904DateSystem: Bool

    /// The typed cell; `value` is the `<v>` text and `inlineString` the `<is>` text, each `nil` if absent.
    func cell(
        type: XlsxCellType, value: String?, inlineString: String?, style: Int
    ) throws(XlsxCellProblem) -> XlsxCell {
        if type == .inlineString {
            return inlineString.map { .string(XlsxStringEscape.unescape($0)) } ?? .empty
        }
        guard let value, !value.isEmpty else { return .empty }
        switch type {
        case .number:
            let literal = Self.trimmingWhitespace(value)
            guard let number = Double(literal) else {
                throw XlsxCellProblem(problem: "the number '\(value)' cannot be read")
            }
            if dateStyles.isDate(style: style),
                let date = XlsxSerialDate.cell(fromSerial: number, uses1904: uses1904DateSystem)
            {
                return date
            }
            return .number(literal, number)
        case .sharedString:
            guard let index = Int(Self.trimmingWhitespace(value)), sharedStrings.indices.contains(index) else {
                throw XlsxCellProblem(
                    problem: "shared string \(value) does not exist (the table has \(sharedStrings.count))")
            }
            return .string(sharedStrings[index])
        case .formulaString:
            return .string(XlsxStringEscape.unescape(value))
        case .boolean:
            switch Self.trimmingWhitespace(value) {
            case "1", "true": return .boolean(true)
            case "0", "false": return .boolean(false)
            default: throw XlsxCellProblem(problem: "the boolean '\(value)' is neither 1 nor 0")
            }
        case .error:
            return .error(value)
        case .isoDate:
            guard let date = XlsxSerialDate.cell(fromISO8601: Self.trimmingWhitespace(value)) else {
                throw XlsxCellProblem(problem: "the date '\(value)' is not an ISO 8601 date")
            }
            return date
        case .inlineString:
            return .empty
        }
    }

    private static func trimmingWhitespace(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
            first <= 0x20 || last <= 0x20
        else {
            return text
        }
        return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

/// Reads A1-style cell references and the numbers in attributes, straight from bytes.
enum XlsxCellReference {
    /// The 1-based column of a reference like `AB12` (letters then digits), or `nil` if malformed.
    static func column(of raw: ArraySlice<UInt8>) -> Int? {
        var column = 0
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index] | 0x20  // ASCII lower case
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            guard column <= 1 << 24 else { return nil }
            index += 1
        }
        guard column > 0, index < raw.endIndex, positiveInteger(raw[index...]) != nil else { return nil }
        return column
    }

    /// The A1 name of a cell, e.g. column 28, row 3 → `AB3`.
    static func name(column: Int, row: Int) -> String {
        var letters: [Character] = []
        var remaining = column
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed()) + String(row)
    }

    /// A decimal integer ≥ 1 written in ASCII digits only, or `nil`.
    static func positiveInteger(_ raw: ArraySlice<UInt8>) -> Int? {
        guard let value = nonNegativeInteger(raw), value > 0 else { return nil }
        return value
    }

    /// A decimal integer ≥ 0 written in ASCII digits only (at most 18 of them), or `nil`.
    static func nonNegativeInteger(_ raw: ArraySlice<UInt8>) -> Int? {
        guard !raw.isEmpty, raw.count <= 18 else { return nil }
        var value = 0
        for byte in raw {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
