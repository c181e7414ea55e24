import Foundation

/// Converts a CSV file into a workbook with typed cells, streaming in constant memory.
///
/// Each column's type is decided once from a sample, the way a careful analyst would: amounts in either
/// decimal mark become numbers, dates become date cells, and identifiers — leading zeros, organisation
/// numbers, digit strings too long for Excel's 15 significant digits — stay text so nothing is altered.
/// A cell that does not fit its column's type is written as text rather than changed.
public enum CSVToWorkbook {
    /// A fixed creation time (2000-01-01), so converting the same file twice gives the same bytes.
    static let creationTime = Date(timeIntervalSince1970: 946_684_800)

    /// What one column holds.
    public enum ColumnType: Equatable, Sendable {
        case text
        /// Amounts or counts; `integers` when no sampled value has decimals (ids, account numbers).
        case number(DecimalMark, integers: Bool)
        case date(DateLayout)
    }

    /// Converts `reader`'s file to an XLSX at `path`, header bold and frozen with a filter; sheets continue
    /// on a new sheet past Excel's row limit. Records with another field count than the header are reported.
    public static func convert(
        _ reader: CSVReader, to path: String, sheetName: String, sampleSize: Int = 2_000
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
                title: sheetName, author: "Kedja", created: Self.creationTime))
        let headerStyle = CellStyle(bold: true, fillColor: XlsxColor(red: 0xDD, green: 0xEB, blue: 0xF7), border: .thin)
        let amountStyle = CellStyle(numberFormat: "#,##0.00")
        let integerStyle = CellStyle(numberFormat: "0")
        let dateStyle = CellStyle(numberFormat: CellStyle.defaultDateFormat)
        let candidate = String(sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(24))
        let usable = [candidate, candidate + " (99)"].allSatisfy { (try? Workbook.checkSheetName($0)) != nil }
        let baseName = usable ? candidate : "Data"
        var sheetNumber = 0
        var sheet: Worksheet?
        var row = 0

        func startSheet() throws {
            sheetNumber += 1
            let name = sheetNumber == 1 ? baseName : "\(baseName) (\(sheetNumber))"
            let next = try workbook.addWorksheet(name: name)
            for (column, width) in widths.enumerated() { try next.setColumn(first: column, last: column, width: width) }
            for (column, title) in sample.header.enumerated() {
                try next.write(row: 0, col: column, string: title, style: headerStyle)
            }
            try next.freezePanes(row: 1, col: 0)
            if width > 0 {
                try next.autofilter(
                    CellRange(firstRow: 0, firstCol: 0, lastRow: ExcelLimits.rowCount - 1, lastCol: width - 1))
            }
            sheet = next
            row = 1
        }

        var counts = CSVConversion.Counts()
        try startSheet()
        try reader.forEachRecord { record in
            counts.records += 1
            if record.isHeader { return true }
            if let problem = record.problem {
                counts.rejects.append((record.number, record.line, problem.description))
                return true
            }
            if record.fieldCount != width {
                counts.rejects.append(
                    (
                        record.number, record.line,
                        "the record has \(record.fieldCount) fields, the header has \(width)"
                    ))
                return true
            }
            if row == ExcelLimits.rowCount { try startSheet() }
            guard let sheet else { return false }
            for column in 0..<width {
                let field = record.field(column)
                if field.isEmpty { continue }
                switch types[column] {
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
        try workbook.close()
        counts.textRepairs = workbook.textRepairs
        return counts
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
