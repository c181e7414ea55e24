import Foundation
import KedjaModel
import Tabular

/// The one JSON object every data command prints with `--json`, as CONTRACT.md fixes it.
///
/// Scripts around Kedja read these keys; add freely, never rename. Amounts are strings with `.` as the
/// decimal mark, exact to the cent, so no JSON reader rounds them through a double.
public struct RunSummary: Encodable, Sendable {
    /// The input file and its detected dialect.
    public struct Input: Encodable, Sendable {
        public var path: String
        public var encoding: String
        public var bom: Bool
        public var delimiter: String
        public var quote: String
        public var lineEnding: String
        public var decimalMark: String
        public var thousandsSeparator: String
        public var header: Bool
        public var profile: String?

        enum CodingKeys: String, CodingKey {
            case path, encoding, bom, delimiter, quote, header, profile
            case lineEnding = "line_ending", decimalMark = "decimal_mark", thousandsSeparator = "thousands_separator"
        }
    }

    /// One column's role and why it got it.
    public struct Column: Encodable, Sendable {
        public var role: String
        public var column: Int
        public var header: String
        public var reason: String
    }

    /// One rejected record as the summary lists it, its reason in the run's language.
    public struct Reject: Encodable, Sendable, Equatable {
        /// The data record number, from 1.
        public var record: Int
        /// The physical line (a worksheet's row for a workbook input) where the record starts.
        public var line: Int
        /// Why it was rejected, in the run's language.
        public var reason: String
    }

    public var command: String
    public var input: Input
    public var columns: [Column]
    public var rowsRead: Int
    public var rowsWritten: Int
    public var rowsRejected: Int
    public var amountTotal: String
    public var amountRejected: String
    public var reconciled: Bool
    public var blankLinesSkipped: Int
    /// The first rejected records, at most `RejectSpool.listLimit`; the rejects CSV and the register hold all.
    public var rejects: [Reject]
    /// Rejected records not in ``rejects``: `rows_rejected` minus those listed.
    public var rejectsNotListed: Int
    public var outputs: [String]
    /// Further figures a command adds (suppliers, unmatched suppliers, classified share…).
    public var details: [String: String]
    /// Rejected records of the contracts and audits files, each naming its file; absent when there are none.
    public var fileRejects: [FileReject]?

    /// A rejected record of a file other than the ledger.
    public struct FileReject: Codable, Sendable, Equatable {
        public var file: String
        public var record: Int
        public var line: Int
        public var reason: String
    }

    /// Adds the contracts and audits files' rejected records, their reasons in `language`.
    public mutating func addFileRejects(_ rejects: [SideFileReject], language: Language) {
        guard !rejects.isEmpty else { return }
        fileRejects =
            (fileRejects ?? [])
            + rejects.map {
                FileReject(
                    file: $0.file, record: $0.record.record, line: $0.record.line,
                    reason: $0.record.reason.text(language))
            }
    }

    enum CodingKeys: String, CodingKey {
        case command, input, columns, rejects, outputs, reconciled, details
        case fileRejects = "file_rejects"
        case rowsRead = "rows_read", rowsWritten = "rows_written", rowsRejected = "rows_rejected"
        case amountTotal = "amount_total", amountRejected = "amount_rejected"
        case blankLinesSkipped = "blank_lines_skipped"
        case rejectsNotListed = "rejects_not_listed"
    }

    /// Builds the summary of a pass over a spend file, with reject reasons and column reasons in `language`.
    public init(
        command: String, file: SpendFile, counts: IngestionCounts, rejects: [RejectedRecord], outputs: [String],
        details: [String: String] = [:], language: Language
    ) {
        let dialect = file.reader.dialect
        self.command = command
        input = Input(
            path: file.path, encoding: dialect.encoding.rawValue, bom: dialect.hasBOM, delimiter: dialect.delimiterText,
            quote: String(UnicodeScalar(dialect.quote)), lineEnding: dialect.lineEnding.rawValue,
            decimalMark: file.decimalMark.description, thousandsSeparator: file.numberStyle.thousands.rawValue,
            header: dialect.hasHeader, profile: file.mapping.profile)
        columns = file.mapping.assignments.sorted { $0.key < $1.key }.map {
            Column(
                role: $0.key.rawValue, column: $0.value.column + 1, header: $0.value.header,
                reason: $0.value.basis.text(language))
        }
        rowsRead = counts.rowsRead
        rowsWritten = counts.rowsAccepted
        rowsRejected = counts.rowsRejected
        amountTotal = counts.amountTotal.description
        amountRejected = counts.amountRejected.description
        reconciled = counts.reconciles
        blankLinesSkipped = counts.blankLinesSkipped
        self.rejects = rejects.prefix(RejectSpool.listLimit).map {
            Reject(record: $0.record, line: $0.line, reason: $0.reason.text(language))
        }
        rejectsNotListed = counts.rowsRejected - self.rejects.count
        self.outputs = outputs
        self.details = details
    }

    /// The summary as one line of JSON with stable key order.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
