#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes records in a given dialect, buffered, so an enriched copy goes back to the ERP system as it came.
///
/// Source fields are copied as bytes and re-quoted exactly where the source quoted them (or where the
/// content needs it), so the original columns survive byte for byte; new fields are encoded from strings.
/// Bytes go through one growable buffer by pointer and whole fields at a time (`memcpy`), because this
/// runs for every field of every line of a ledger.
public final class CSVWriter {
    /// The dialect written.
    public let dialect: CSVDialect
    /// Whether text fields that Excel would run as formulas are prefixed with `'` (never numbers).
    public let excelSafe: Bool

    private let sink: Sink
    // Written for every field of every line. A writer is used from one place at a time and never calls out
    // while it holds these, so the run-time exclusivity checks Swift would make on each access only cost.
    @exclusivity(unchecked) private var buffer = ByteBuffer(capacity: CSVWriter.flushThreshold + 4096)
    @exclusivity(unchecked) private var fieldsInRecord = 0
    private var recordsWritten = 0
    private let lineEnding: [UInt8]
    private let delimiter: UInt8
    private let quote: UInt8
    private let quotesAllFields: Bool
    /// The bytes that make a field need quotes.
    private let quoteTriggers: QuoteTriggers

    private enum Sink {
        case file(AtomicOutputFile)
        case standardOutput
        case memory
    }

    /// Writes to a file that appears atomically when `finish()` succeeds.
    public convenience init(file: AtomicOutputFile, dialect: CSVDialect, excelSafe: Bool = false) {
        self.init(sink: .file(file), dialect: dialect, excelSafe: excelSafe)
    }

    /// Writes to standard output (for `-o -`).
    public static func standardOutput(dialect: CSVDialect, excelSafe: Bool = false) -> CSVWriter {
        CSVWriter(sink: .standardOutput, dialect: dialect, excelSafe: excelSafe)
    }

    /// Collects the output in memory; read it with `finishedBytes()`.
    public static func inMemory(dialect: CSVDialect, excelSafe: Bool = false) -> CSVWriter {
        CSVWriter(sink: .memory, dialect: dialect, excelSafe: excelSafe)
    }

    private init(sink: Sink, dialect: CSVDialect, excelSafe: Bool) {
        self.sink = sink
        self.dialect = dialect
        self.excelSafe = excelSafe
        self.lineEnding = dialect.lineEnding.bytes
        delimiter = dialect.delimiter
        quote = dialect.quote
        quotesAllFields = dialect.quotesAllFields
        quoteTriggers = QuoteTriggers(delimiter: dialect.delimiter, quote: dialect.quote)
        if dialect.hasBOM {
            // The BOM is written in the target encoding directly, after any transcoding step.
            pendingBOM = dialect.encoding.byteOrderMark
        }
    }

    deinit { buffer.deallocate() }

    private var pendingBOM: [UInt8] = []
    private var memoryOutput: [UInt8] = []
    private static let flushThreshold = 1 << 20

    /// Appends a field given as bytes in the dialect's field encoding; `quoted` keeps the source's quoting.
    public func writeField(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool = false) {
        if fieldsInRecord > 0 { buffer.append(delimiter) }
        fieldsInRecord += 1
        let needsQuotes = quoted || quotesAllFields || quoteTriggers.occur(in: bytes)
        let prefix = excelSafe && startsLikeFormula(bytes)
        recordIsOneEmptyField = fieldsInRecord == 1 && bytes.isEmpty && !needsQuotes
        if !needsQuotes && !prefix {
            buffer.append(bytes)
            return
        }
        buffer.append(quote)
        if prefix {
            // The prefix is text inside the quotes: doubled when the dialect quotes with `'` itself.
            buffer.append(UInt8(ascii: "'"))
            if quote == UInt8(ascii: "'") { buffer.append(quote) }
        }
        if bytes.contains(quote) {
            for byte in bytes {
                if byte == quote { buffer.append(byte) }
                buffer.append(byte)
            }
        } else {
            buffer.append(bytes)
        }
        buffer.append(quote)
    }

    /// Appends a field given as text, encoded for the dialect.
    public func writeField(_ text: String) {
        let bytes = TextCodec.encode(text, as: dialect.encoding.fieldEncoding)
        bytes.withUnsafeBufferPointer { writeField($0) }
    }

    /// Appends every field of a record read from a file, with its quoting.
    public func writeFields(of record: CSVRecord, count: Int? = nil) {
        for index in 0..<min(count ?? record.fieldCount, record.fieldCount) {
            writeField(record.field(index), quoted: record.isQuoted(index))
        }
    }

    /// Appends the fields at `columns` of a record read from a file, in that order, with their quoting: the
    /// input's columns of an enriched copy, written for every line.
    ///
    /// A record none of whose bytes needs quotes (the usual case) is checked once as a whole, and its fields
    /// are copied without looking at them again.
    public func writeFields(of record: CSVRecord, columns: [Int]) {
        guard !quotesAllFields, !excelSafe, !record.hasQuotedFields, !quoteTriggers.occur(in: record.storedBytes) else {
            for column in columns { writeField(record.field(column), quoted: record.isQuoted(column)) }
            return
        }
        for column in columns {
            if fieldsInRecord > 0 { buffer.append(delimiter) }
            fieldsInRecord += 1
            buffer.append(record.field(column))
        }
    }

    /// Hands the fields written since the last call to `body`, then clears them: for writers that assemble a
    /// record in pieces (the enriched CSV spools finished prefixes of lines, and encodes its own columns once).
    public func drainFields<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        defer {
            buffer.removeAll()
            fieldsInRecord = 0
        }
        return try body(buffer.bytes)
    }

    /// Starts or continues the current record with bytes already delimited and quoted for this dialect
    /// (one field or several, as `drainFields` handed them out); empty bytes are one empty field.
    public func appendRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        if fieldsInRecord > 0 { buffer.append(delimiter) }
        buffer.append(bytes)
        fieldsInRecord += 1
        recordIsOneEmptyField = false
    }

    /// Whether the record so far is a single empty field, which must be written `""`: an empty line would be
    /// read back as a blank line, not as a record.
    private var recordIsOneEmptyField = false

    /// Ends the current record with the dialect's line ending; a large buffer is written out first, so the
    /// last line ending is always still buffered when `finish()` decides whether to keep it.
    public func endRecord() throws {
        if fieldsInRecord == 1 && recordIsOneEmptyField {
            buffer.append(quote)
            buffer.append(quote)
        }
        recordIsOneEmptyField = false
        if buffer.count >= Self.flushThreshold { try flush() }
        buffer.append(lineEnding)
        fieldsInRecord = 0
        recordsWritten += 1
    }

    /// Writes out what is buffered and, for a file, renames it into place.
    public func finish() throws {
        if !dialect.endsWithLineEnding && recordsWritten > 0 && fieldsInRecord == 0 && buffer.count >= lineEnding.count
        {
            buffer.removeLast(lineEnding.count)
        }
        try flush()
        if case .file(let file) = sink { try file.commit() }
    }

    /// The bytes written, for an in-memory writer after `finish()`.
    public func finishedBytes() -> [UInt8] { memoryOutput }

    private func flush() throws {
        let bytes = buffer.bytes
        defer { buffer.removeAll() }
        if !pendingBOM.isEmpty {
            let bom = pendingBOM
            pendingBOM = []
            try bom.withUnsafeBufferPointer { try emit($0) }
        }
        if let bigEndian = dialect.encoding.utf16BigEndian {
            let encoded = UTF16Transcoder.encode(Array(bytes), bigEndian: bigEndian)
            try encoded.withUnsafeBufferPointer { try emit($0) }
        } else {
            try emit(bytes)
        }
    }

    private func emit(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        switch sink {
        case .file(let file):
            try file.write(UnsafeRawBufferPointer(bytes))
        case .memory:
            memoryOutput.append(contentsOf: bytes)
        case .standardOutput:
            do {
                try FileDescriptor(rawValue: 1).writeAll(UnsafeRawBufferPointer(bytes))
            } catch {
                throw OutputError(path: "standard output", failure: error)
            }
        }
    }

    /// Text Excel would evaluate: starts with `=`, `+`, `-`, `@`, TAB or CR and is not a plain number.
    private func startsLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            // A signed number stays as it is; anything else Excel would try to evaluate.
            for mark in [DecimalMark.comma, .point] {
                if case .success = AmountParser.parse(bytes, decimalMark: mark) { return false }
            }
            return true
        default: return false
        }
    }
}

/// A growable run of bytes written through a pointer, for the writer's hot path: one capacity check and
/// one `memcpy` per field, where `Array.append` would also check uniqueness on every call.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; the owner calls this once, when it goes away.
    func deallocate() { base.deallocate() }

    /// The bytes written so far; valid until the next mutation.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func removeLast(_ number: Int) { count -= min(number, count) }

    mutating func removeAll() { count = 0 }

    private mutating func grow(to minimum: Int) {
        base = base.grown(keeping: count, toHold: minimum, capacity: &capacity)
    }
}

/// The four bytes that make a field need quotes (delimiter, quote, LF, CR), found eight bytes at a time.
///
/// Every field of every line is checked, so the check compares whole 64-bit words against each byte
/// repeated eight times and tests for a zero byte in the difference, instead of looking up bytes one by one.
struct QuoteTriggers {
    private let patterns: (UInt64, UInt64, UInt64, UInt64)
    private let bytes: (UInt8, UInt8, UInt8, UInt8)

    init(delimiter: UInt8, quote: UInt8) {
        bytes = (delimiter, quote, 0x0A, 0x0D)
        let ones: UInt64 = 0x0101_0101_0101_0101
        patterns = (ones &* UInt64(delimiter), ones &* UInt64(quote), ones &* 0x0A, ones &* 0x0D)
    }

    /// Whether any of the bytes occurs in `field`.
    @inline(__always)
    func occur(in field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = field.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= field.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if Self.hasZeroByte(word ^ patterns.0) | Self.hasZeroByte(word ^ patterns.1)
                | Self.hasZeroByte(word ^ patterns.2) | Self.hasZeroByte(word ^ patterns.3) != 0
            {
                return true
            }
            offset += 8
        }
        while offset < field.count {
            let byte = base[offset]
            if byte == bytes.0 || byte == bytes.1 || byte == bytes.2 || byte == bytes.3 { return true }
            offset += 1
        }
        return false
    }

    /// Non-zero exactly when some byte of `word` is zero.
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}
