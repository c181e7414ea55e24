/// One record as the reader delivers it: a view of the fields' bytes, valid only inside the callback.
///
/// Records are not copied into strings: a million-line ledger is read at byte speed, and only the fields a
/// role needs are ever decoded. Copy what you keep (`string(at:)`, `bytes(at:)`) before the callback returns.
public struct CSVRecord {
    /// Position among all records of the file, from 1; the header (when there is one) is record 1.
    public let index: Int
    /// The data record number users see, from 1; 0 for the header.
    public let number: Int
    /// The physical line (from 1) where the record starts.
    public let line: Int
    /// The number of fields the record had in the file (also when more were dropped by a limit).
    public let fieldCount: Int
    /// Why the record cannot be used as it is (a field over the size limit, too many fields), if so.
    public let problem: CSVRecordProblem?
    /// The encoding of the field bytes: UTF-8 or Windows-1252.
    public let fieldEncoding: TextEncoding

    private let storage: UnsafePointer<UInt8>
    private let ends: UnsafePointer<Int>
    private let quoted: UnsafePointer<Bool>
    /// The fields kept (fewer than `fieldCount` when a limit dropped some).
    let storedCount: Int
    /// Whether any field may be marked quoted, so writers that copy the record must look field by field.
    let hasQuotedFields: Bool

    init(
        index: Int, number: Int, line: Int, fieldCount: Int, storedCount: Int, problem: CSVRecordProblem?,
        fieldEncoding: TextEncoding, storage: UnsafePointer<UInt8>, ends: UnsafePointer<Int>,
        quoted: UnsafePointer<Bool>,
        hasQuotedFields: Bool
    ) {
        self.index = index
        self.number = number
        self.line = line
        self.fieldCount = fieldCount
        self.storedCount = storedCount
        self.problem = problem
        self.fieldEncoding = fieldEncoding
        self.storage = storage
        self.ends = ends
        self.quoted = quoted
        self.hasQuotedFields = hasQuotedFields
    }

    /// Whether this record is the header row.
    public var isHeader: Bool { number == 0 }

    /// The bytes of field `index` (empty past the end of the record).
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0 && index < storedCount else { return UnsafeBufferPointer(start: storage, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: storage + start, count: ends[index] - start)
    }

    /// The bytes of every kept field one after another, without separators: for scanning a record at once.
    var storedBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage, count: storedCount == 0 ? 0 : ends[storedCount - 1])
    }

    /// Copies the field ends (relative to the first field) and quoting flags, for a copy of `storedBytes`.
    func copyLayout(ends: UnsafeMutablePointer<Int>, quoted: UnsafeMutablePointer<Bool>) {
        ends.update(from: self.ends, count: storedCount)
        quoted.update(from: self.quoted, count: storedCount)
    }

    /// Whether field `index` is quoted in the file's pattern (a column the file always quotes, or a quoted
    /// header); fields whose text needs quotes are quoted by writers anyway.
    public func isQuoted(_ index: Int) -> Bool {
        index >= 0 && index < storedCount && quoted[index]
    }

    /// Field `index` decoded to a string.
    public func string(at index: Int) -> String {
        TextCodec.decode(field(index), as: fieldEncoding)
    }

    /// A copy of field `index`'s bytes.
    public func bytes(at index: Int) -> [UInt8] {
        Array(field(index))
    }

    /// Every field decoded to a string.
    public func strings() -> [String] {
        (0..<storedCount).map { string(at: $0) }
    }

}

/// Why a record was read but cannot be used as it is.
public enum CSVRecordProblem: Sendable, Equatable, CustomStringConvertible {
    /// A field was longer than the configured limit; its content was discarded to protect memory.
    case fieldTooLarge(field: Int, limit: Int)
    /// The record had more fields than the configured limit.
    case tooManyFields(count: Int, limit: Int)

    public var description: String {
        switch self {
        case .fieldTooLarge(let field, let limit):
            return "field \(field) is larger than \(limit) bytes (raise --max-field-size if it is real data)"
        case .tooManyFields(let count, let limit):
            return "the record has \(count) fields, more than the limit of \(limit)"
        }
    }
}

/// Size limits that turn pathological input into rejected records instead of exhausted memory.
public struct CSVLimits: Sendable, Equatable {
    /// The largest field kept, in bytes.
    public var maxFieldBytes: Int
    /// The most fields kept in one record.
    public var maxFieldsPerRecord: Int

    /// Creates limits; the defaults are far beyond any real ledger.
    public init(maxFieldBytes: Int = 16 << 20, maxFieldsPerRecord: Int = 16_384) {
        self.maxFieldBytes = maxFieldBytes
        self.maxFieldsPerRecord = maxFieldsPerRecord
    }
}
