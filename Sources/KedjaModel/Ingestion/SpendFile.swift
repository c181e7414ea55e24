import Foundation
import Tabular

/// A spend export opened for reading: its dialect, which column is which, and how its numbers are written.
///
/// Everything is decided once, from the header and a sample of records, before the single streaming pass:
/// the decimal mark is a property of the column, not of a cell, so `1,234` is read the same on every line.
public final class SpendFile {
    /// The streaming reader.
    public let reader: CSVReader
    /// Roles → columns.
    public let mapping: ColumnMapping
    /// The amount column's number style (decimal mark and thousands separator).
    public let numberStyle: NumberStyle
    /// The decimal mark amounts are read with: detected, or the dialect's custom (comma with `;`, else point).
    public let decimalMark: DecimalMark
    /// Without an amount column: the columns, given no other role, whose sampled values read as amounts with
    /// decimals, for the message that asks for `--map amount=…`.
    public let amountColumnCandidates: [Int]

    /// How the date column writes its dates, decided from the first records; nil without a date column or
    /// when its values fit no layout.
    public let dateLayout: DateLayout?

    /// The file's path.
    public var path: String { reader.path }
    /// The header's width: records with another number of fields are rejected.
    public var width: Int { mapping.header.count }

    /// Opens a file, sniffs its dialect and maps its columns.
    public init(
        path: String, vocabulary: ColumnVocabulary, overrides: [(ColumnRole, String)] = [], profile: String? = nil,
        limits: CSVLimits = CSVLimits()
    ) throws {
        var reader = try CSVReader(path: path, limits: limits)
        if !reader.dialect.hasHeader {
            // Spend files always carry a header; a sniffer doubt (e.g. numeric column names) must not shift records.
            var dialect = reader.dialect
            dialect.hasHeader = true
            reader = try CSVReader(path: path, dialect: dialect, limits: limits)
        }
        self.reader = reader
        let sample = try reader.sample(records: 500)
        guard !sample.header.isEmpty else { throw CSVError(.empty, path: path) }
        mapping = try vocabulary.map(header: sample.header, overrides: overrides, profileName: profile)
        if let amountColumn = mapping.column(.amount) {
            let values = sample.rows.compactMap { $0.count > amountColumn ? Array($0[amountColumn].utf8) : nil }
            numberStyle = AmountParser.detectStyle(samples: values)
        } else {
            numberStyle = NumberStyle(decimalMark: nil, thousands: .none)
        }
        let assigned = Set(mapping.assignments.values.map(\.column))
        amountColumnCandidates =
            mapping.column(.amount) != nil
            ? []
            : sample.header.indices.filter { column in
                guard !assigned.contains(column) else { return false }
                let values = sample.rows.compactMap { $0.count > column ? $0[column] : nil }
                guard case .number(_, integers: false) = CSVToWorkbook.columnType(values) else { return false }
                return true
            }
        decimalMark = numberStyle.decimalMark ?? (reader.dialect.delimiter == UInt8(ascii: ",") ? .point : .comma)
        dateLayout = mapping.column(.date).flatMap { column in
            DateParser.detectLayout(
                samples: sample.rows.compactMap { $0.count > column ? Array($0[column].utf8) : nil })
        }
    }

    /// Whether the file has the column every spend command needs.
    public var hasAmountColumn: Bool { mapping.column(.amount) != nil }

    /// Streams the data records: each accepted line with its amount, each rejected one with its reason.
    ///
    /// A record is rejected when its field count differs from the header's, when a limit was hit, or
    /// when its amount is missing or not a number; it is never dropped silently and never zeroed.
    /// A blank or redacted supplier name or a missing code is not a reason: the line is still spend.
    public func forEachLine(
        progress: ((Int64) -> Void)? = nil,
        accepted: (CSVRecord, Amount) throws -> Void,
        rejected: (CSVRecord, RejectedRecord) throws -> Void
    ) throws -> IngestionCounts {
        var counts = IngestionCounts()
        let amountColumn = mapping.column(.amount)
        let width = self.width
        let decimalMark = self.decimalMark
        let statistics = try reader.forEachRecord(progress: progress) { record in
            if record.isHeader { return true }
            counts.rowsRead += 1
            var reason: RejectReason?
            var amount: Amount?
            if let amountColumn, amountColumn < record.fieldCount {
                switch AmountParser.parse(record.field(amountColumn), decimalMark: decimalMark) {
                case .success(let value): amount = value
                case .failure(let error): reason = .amount(field: record.string(at: amountColumn), error)
                }
            }
            if let problem = record.problem {
                reason = .limit(problem)
            } else if record.fieldCount != width {
                reason = .fieldCount(found: record.fieldCount, header: width)
            }
            if let reason {
                counts.rowsRejected += 1
                if let amount { counts.amountRejected += amount }
                try rejected(record, RejectedRecord(record: record.number, line: record.line, reason: reason))
                return true
            }
            let value = amount ?? .zero
            counts.rowsAccepted += 1
            counts.amountTotal += value
            try accepted(record, value)
            return true
        }
        counts.blankLinesSkipped = statistics.blankLinesSkipped
        counts.bytesRead = statistics.bytesRead
        counts.fieldsWithLiteralQuotes = statistics.fieldsWithLiteralQuotes
        return counts
    }
}

/// A record that could not be used, with what a user needs to find and fix it.
public struct RejectedRecord: Sendable, Equatable {
    /// The data record number, from 1 (the header is not a record).
    public var record: Int
    /// The physical line where the record starts.
    public var line: Int
    /// Why it was rejected; ``RejectReason/text(_:)`` says it in the run's language.
    public var reason: RejectReason

    /// Creates a reject.
    public init(record: Int, line: Int, reason: RejectReason) {
        self.record = record
        self.line = line
        self.reason = reason
    }
}

/// What one pass counted: every record is either accepted or rejected, and the totals reconcile.
public struct IngestionCounts: Sendable, Equatable {
    /// Data records read (the header excluded).
    public var rowsRead = 0
    /// Records accepted as spend lines.
    public var rowsAccepted = 0
    /// Records rejected with a reason.
    public var rowsRejected = 0
    /// The exact sum of accepted amounts.
    public var amountTotal = Amount.zero
    /// The sum of the amounts that could be read in rejected records.
    public var amountRejected = Amount.zero
    /// Blank lines between records, which hold no data.
    public var blankLinesSkipped = 0
    /// Bytes read.
    public var bytesRead: Int64 = 0
    /// Fields holding a quote without starting with one, read as text (`Restaurang "Blå Dörren" AB`).
    public var fieldsWithLiteralQuotes = 0

    /// Creates empty counts.
    public init() {}

    /// Whether every record read is accounted for.
    public var reconciles: Bool { rowsRead == rowsAccepted + rowsRejected }
}
