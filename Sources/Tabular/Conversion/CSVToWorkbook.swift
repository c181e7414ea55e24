import Foundation

/// Converts a CSV file into a workbook with typed cells, streaming in constant memory.
///
/// Each column's type is decided once from a sample, the way a careful analyst would: amounts in either
/// decimal mark become numbers, dates become date cells, and identifiers — leading zeros, organisation
/// numbers, digit strings too long for Excel's 15 significant digits — stay text so nothing is altered.
/// A cell that does not fit its column's type is written as text rather than changed.
public enum CSVToWorkbook {
    /// What one column holds.
    public enum ColumnType: Equatable, Sendable {
        case text
        /// Amounts or counts; `integers` when no sampled value has decimals (ids, account numbers).
        case number(DecimalMark, integers: Bool)
        case date(DateLayout)
    }

    /// Converts `reader`'s file to an XLSX at `path`, header bold and frozen with a filter over the data, printed A4
    /// landscape one page wide with the header on every page; sheets continue on a new sheet past Excel's row
    /// limit. Records with another field count than the header are written as they are and counted as ragged.
    ///
    /// - Parameters:
    ///   - sheetName: the name to derive the sheet's from (the input's file name without extension).
    ///   - cutMarker: the marker that ends a text cut to Excel's cell limit (``Workbook/cutMarker``).
    public static func convert(
        _ reader: CSVReader, to path: String, sheetName: String, sampleSize: Int = 2_000,
        cutMarker: @escaping (Int) -> String = CellText.cutMarker(removed:)
    ) throws -> CSVConversion.Counts {
        let sample = try reader.sample(records: sampleSize)
        let width = sample.header.count
        let types = (0..<width).map { column in
            columnType(sample.rows.compactMap { $0.count > column ? $0[column] : nil })
        }
        let widths = (0..<width).map { column -> Double in
            let longest =
                ([sample.header[column]] + sample.rows.prefix(500).compactMap { $0.count > column ? $0[column] : nil })
                .map(\.count).max() ?? 8
            return Double(min(max(longest + 2, 8), 60))
        }

        let workbook = try Workbook(
            path: path, constantMemory: true,
            properties: DocumentProperties(
                title: sheetName, author: "Kedja", created: DocumentProperties.creationTime()))
        workbook.cutMarker = cutMarker
        let headerStyle = CellStyle(bold: true, fillColor: XlsxColor(red: 0xDD, green: 0xEB, blue: 0xF7), border: .thin)
        let amountStyle = CellStyle(numberFormat: "#,##0.00")
        let integerStyle = CellStyle(numberFormat: "0")
        let dateStyle = CellStyle(numberFormat: CellStyle.defaultDateFormat)
        let baseName = Self.sheetName(forFileNamed: sheetName)
        var sheetNumber = 0
        var sheet: Worksheet?
        var row = 0

        /// The filter and print area cover the header and the rows written, known only when the sheet is done.
        func finishSheet() throws {
            guard let sheet, width > 0 else { return }
            let data = CellRange(firstRow: 0, firstCol: 0, lastRow: max(row - 1, 0), lastCol: width - 1)
            try sheet.autofilter(data)
        }

        func startSheet() throws {
            try finishSheet()
            sheetNumber += 1
            let next = try workbook.addWorksheet(name: Self.sheetName(baseName, number: sheetNumber))
            for (column, width) in widths.enumerated() { try next.setColumn(first: column, last: column, width: width) }
            for (column, title) in sample.header.enumerated() {
                try next.write(row: 0, col: column, string: title, style: headerStyle)
            }
            try next.freezePanes(row: 1, col: 0)
            try next.setPaper(.a4)
            try next.setLandscape()
            try next.fitToPages(width: 1, height: 0)
            try next.repeatRows(first: 0, last: 0)
            sheet = next
            row = 1
        }

        var counts = CSVConversion.Counts()
        try startSheet()
        try reader.forEachRecord { record in
            counts.records += 1
            if record.isHeader { return true }
            if let problem = record.problem {
                counts.rejects.append((record.number, record.line, problem))
                return true
            }
            if record.fieldCount != width { counts.ragged += 1 }
            if row == ExcelLimits.rowCount { try startSheet() }
            guard let sheet else { return false }
            for column in 0..<record.fieldCount {
                let field = record.field(column)
                if field.isEmpty { continue }
                switch column < width ? types[column] : .text {
                case .number(let mark, let integers):
                    if case .success(let amount) = AmountParser.parse(field, decimalMark: mark), amount.fitsInDouble {
                        try sheet.write(
                            row: row, col: column, number: amount.doubleValue,
                            style: integers ? integerStyle : amountStyle)
                        continue
                    }
                case .date(let layout):
                    if let date = DateParser.parse(field, layout: layout) {
                        try sheet.write(
                            row: row, col: column, date: .day(year: date.year, month: date.month, day: date.day),
                            style: dateStyle)
                        continue
                    }
                case .text:
                    break
                }
                try sheet.write(row: row, col: column, string: record.string(at: column))
            }
            row += 1
            counts.written += 1
            return true
        }
        try finishSheet()
        try workbook.close()
        counts.textRepairs = workbook.textRepairs
        return counts
    }

    /// The sheet name for a file named `fileName` (without extension): the name itself when Excel allows it, a
    /// long one cut after its last whole word (space, `-`, `_`, `.`) within Excel's 31 characters, and `Data` for a
    /// name Excel refuses (empty, reserved, an apostrophe at either end).
    static func sheetName(forFileNamed fileName: String) -> String {
        var name = fileName.filter { !"[]:*?/\\".contains($0) }
        let isBreak: (Character) -> Bool = { " -_.".contains($0) }
        if name.utf16.count > ExcelLimits.sheetNameLength {
            let fitting = prefix(name, units: ExcelLimits.sheetNameLength)
            let endsAtBreak = name.dropFirst(fitting.count).first.map(isBreak) ?? true
            let wholeWords = fitting.lastIndex(where: isBreak).map { String(fitting[..<$0]) } ?? ""
            name = endsAtBreak || wholeWords.count < 8 ? fitting : wholeWords
        }
        return (try? Workbook.checkSheetName(name)) != nil ? name : "Data"
    }

    /// The name of the `number`th sheet of a long file: `base`, then `base (2)`, `base (3)`… cut to fit 31 characters.
    static func sheetName(_ base: String, number: Int) -> String {
        guard number > 1 else { return base }
        let suffix = " (\(number))"
        return prefix(base, units: ExcelLimits.sheetNameLength - suffix.utf16.count) + suffix
    }

    /// The longest start of `text` of at most `units` UTF-16 units (as Excel counts a sheet name's length), whole
    /// characters only.
    private static func prefix(_ text: String, units: Int) -> String {
        var kept = ""
        var count = 0
        for character in text {
            count += character.utf16.count
            if count > units { break }
            kept.append(character)
        }
        return kept
    }

    /// Decides a column's type from its sample values: dates when a layout fits them all, numbers when
    /// at least 95 % are amounts, otherwise text.
    public static func columnType(_ values: [String]) -> ColumnType {
        let present = values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !present.isEmpty, !present.contains(where: looksLikeIdentifier) else { return .text }
        let bytes = present.map { Array($0.utf8) }
        // A date cell holds the day only: values with a time of day stay text rather than lose the time.
        if !present.contains(where: { $0.contains(":") }), let layout = DateParser.detectLayout(samples: bytes),
            bytes.allSatisfy({ DateParser.parse($0, layout: layout) != nil })
        {
            return .date(layout)
        }
        // A few broken values ("n/a") must not turn a column of amounts into text; they are written as text.
        let mark = AmountParser.detectStyle(samples: bytes).decimalMark ?? .point
        let amounts = bytes.filter { (try? AmountParser.parse($0, decimalMark: mark).get()) != nil }
        guard amounts.count * 100 >= bytes.count * 95 else { return .text }
        return .number(mark, integers: !bytes.contains { $0.contains(mark.rawValue) })
    }

    /// Leading zeros, organisation or personal numbers, and digit strings over 15 digits must stay text.
    static func looksLikeIdentifier(_ value: String) -> Bool {
        let digits = value.filter(\.isNumber)
        if digits.count > 15 && value.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) { return true }
        if value.count > 1, value.first == "0", let second = value.dropFirst().first, second.isNumber { return true }
        if OrgNumber.parse(value) != nil && value.allSatisfy({ $0.isNumber || $0 == "-" })
            && (digits.count == 10 || digits.count == 12)
        {
            return true
        }
        return false
    }
}

extension Amount {
    /// Whether a number cell can hold this amount exactly enough: at most 15 significant digits, as Excel keeps.
    var fitsInDouble: Bool {
        let magnitude = micros < 0 ? -micros : micros
        var significant = magnitude
        while significant > 0 && significant % 10 == 0 { significant /= 10 }
        return significant < 1_000_000_000_000_000
    }
}
