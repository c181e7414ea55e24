import Foundation
import Tabular

/// What a committee report says about itself before any figure: whose analysis it is, which ledger file and
/// period it covers, when it was made, and with which version of Kedja and which rule tables and indices.
///
/// A committee reads a report months after it was made, often as a printout: without these facts no one can
/// tell whether two reports compare like with like, or find the export a figure came from.
public struct RunDescription: Sendable, Equatable {
    /// `organisation` in settings.csv; empty when the rule tables do not name one.
    public var organisation: String
    /// The spend file's name, as the user gave it (without its folder).
    public var sourceName: String
    /// The spend file's SHA-256 in hexadecimal, when it was computed (reports only).
    public var sourceDigest: String?
    /// The first and last date on the ledger's accepted lines, when it has a date column that reads as dates.
    public var period: ClosedRange<CivilDate>?
    /// The header of the date column the period was read from.
    public var periodColumn: String?
    /// When the run was made; every workbook of the run stores it as its creation time.
    public var time: Date
    /// Kedja's version.
    public var toolVersion: String
    /// Where the rule tables came from: the built-in set, or a folder.
    public var ruleTables: TemplateLocation
    /// Each country index used, with its edition: `Corruption Perceptions Index 2025`.
    public var indexEditions: [String]

    /// Creates a description.
    public init(
        organisation: String = "", sourceName: String = "", sourceDigest: String? = nil,
        period: ClosedRange<CivilDate>? = nil, periodColumn: String? = nil, time: Date = RunDescription.fixedTime,
        toolVersion: String = "", ruleTables: TemplateLocation = .builtIn, indexEditions: [String] = []
    ) {
        self.organisation = organisation
        self.sourceName = sourceName
        self.sourceDigest = sourceDigest
        self.period = period
        self.periodColumn = periodColumn
        self.time = time
        self.toolVersion = toolVersion
        self.ruleTables = ruleTables
        self.indexEditions = indexEditions
    }

    /// The time of a run whose caller gives none (tests): fixed, so the same analysis gives the same bytes.
    public static let fixedTime = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01T00:00:00Z

}

/// The first and last date of a ledger's lines, kept while they stream past.
public struct LedgerPeriod: Sendable {
    /// The date column and how it writes its dates (decided once from the file's first records).
    private let column: Int
    private let layout: DateLayout
    public private(set) var range: ClosedRange<CivilDate>?

    /// Nil when the file has no date column or its values read as no known layout.
    public init?(column: Int?, layout: DateLayout?) {
        guard let column, let layout else { return nil }
        self.column = column
        self.layout = layout
    }

    /// Notes the date of one accepted line; a blank or unreadable date is passed over.
    public mutating func note(_ record: CSVRecord) {
        guard column < record.fieldCount, let date = DateParser.parse(record.field(column), layout: layout) else {
            return
        }
        if let range {
            if date < range.lowerBound {
                self.range = date...range.upperBound
            } else if date > range.upperBound {
                self.range = range.lowerBound...date
            }
        } else {
            range = date...date
        }
    }
}
