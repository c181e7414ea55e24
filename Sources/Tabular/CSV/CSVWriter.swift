#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes records in a given dialect, buffered, so an enriched copy goes back to the ERP system as it came.
///
/// Source fields are copied as bytes and re-quoted exactly where the source quoted them (or where the
/// content needs it), so the original columns survive byte for byte; new fields are encoded from strings.
public final class CSVWriter {
    /// The dialect written.
    public let dialect: CSVDialect
    /// Whether text fields that Excel would run as formulas are prefixed with `'` (never numbers).
    public let excelSafe: Bool

    private let sink: Sink
    private var buffer: [UInt8] = []
    private var fieldsInRecord = 0
    private var recordsWritten = 0
    private let lineEnding: [UInt8]
    private var transcodingNeeded: Bool { dialect.encoding == .utf16LE || dialect.encoding == .utf16BE }

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
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        if dialect.hasBOM {
            // The BOM is written in the target encoding directly, after any transcoding step.
            pendingBOM = dialect.encoding.byteOrderMark
        }
    }

    private var pendingBOM: [UInt8] = []
    private var memoryOutput: [UInt8] = []
    private static let flushThreshold = 1 << 20

    /// Appends a field given as bytes in the dialect's field encoding; `quoted` keeps the source's quoting.
    public func writeField(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool = false) {
        if fieldsInRecord > 0 { buffer.append(dialect.delimiter) }
        fieldsInRecord += 1
        let needsQuotes = quoted || dialect.quotesAllFields || requiresQuotes(bytes)
        let prefix = excelSafe && startsLikeFormula(bytes)
        if !needsQuotes && !prefix {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(dialect.quote)
        if prefix { buffer.append(UInt8(ascii: "'")) }
        if bytes.contains(dialect.quote) {
            for byte in bytes {
                if byte == dialect.quote { buffer.append(byte) }
                buffer.append(byte)
            }
        } else {
            buffer.append(contentsOf: bytes)
        }
        buffer.append(dialect.quote)
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

    /// Hands the fields written since the last call to `body`, then clears them: for writers that assemble a
    /// record in pieces (the enriched CSV spools finished prefixes of lines).
    public func drainFields<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        defer {
            buffer.removeAll(keepingCapacity: true)
            fieldsInRecord = 0
        }
        return try buffer.withUnsafeBufferPointer(body)
    }

    /// Starts or continues the current record with bytes already delimited and quoted for this dialect.
    public func appendRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        if fieldsInRecord > 0 && !bytes.isEmpty { buffer.append(dialect.delimiter) }
        buffer.append(contentsOf: bytes)
        fieldsInRecord += 1
    }

    /// Ends the current record with the dialect's line ending, flushing the buffer when it is large.
    public func endRecord() throws {
        buffer.append(contentsOf: lineEnding)
        fieldsInRecord = 0
        recordsWritten += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes out what is buffered and, for a file, renames it into place.
    public func finish() throws {
        if !dialect.endsWithLineEnding && recordsWritten > 0 && fieldsInRecord == 0 && buffer.count >= lineEnding.count {
            buffer.removeLast(lineEnding.count)
        }
        try flush()
        if case .file(let file) = sink { try file.commit() }
    }

    /// The bytes written, for an in-memory writer after `finish()`.
    public func finishedBytes() -> [UInt8] { memoryOutput }

    private func flush() throws {
        var bytes = pendingBOM
        pendingBOM = []
        if transcodingNeeded {
            bytes += UTF16Transcoder.encode(buffer, bigEndian: dialect.encoding == .utf16BE)
        } else if bytes.isEmpty {
            bytes = buffer
        } else {
            bytes += buffer
        }
        buffer.removeAll(keepingCapacity: true)
        switch sink {
        case .file(let file):
            try bytes.withUnsafeBytes { try file.write($0) }
        case .memory:
            memoryOutput += bytes
        case .standardOutput:
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, bytes.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: "standard output", reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private func requiresQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == dialect.delimiter || byte == dialect.quote || byte == 0x0A || byte == 0x0D {
            return true
        }
        return false
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
