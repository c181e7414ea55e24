import CCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the records of a CSV file through libcsv in constant memory.
///
/// libcsv does the RFC 4180 parsing in strict mode (a quoted field left open, or text after its closing quote,
/// stops the run with the line); a quote inside a field that does not start with one is text, as spreadsheets read
/// it. This type adds what ERP exports need on top: encodings and BOMs, physical line numbers, blank lines,
/// and size limits. Records are delivered as byte views; nothing is decoded unless asked.
public final class CSVReader {
    /// The file's path as given, for messages.
    public let path: String
    /// The dialect, sniffed from the first mebibyte unless given.
    public let dialect: CSVDialect
    /// The limits that turn huge fields or rows into rejected records.
    public let limits: CSVLimits
    /// The file's size in bytes, when known (for progress reports).
    public let byteCount: Int64?
    /// Whether `forEachRecord` parses ahead on a second thread; by default for inputs of a few MiB or more.
    public var readAhead = CSVReadAhead.automatic

    private let source: Source

    private enum Source {
        case file(String)
        case memory([UInt8])
    }

    /// Opens a file and sniffs its dialect (unless one is given).
    public init(path: String, dialect: CSVDialect? = nil, limits: CSVLimits = CSVLimits()) throws {
        self.path = path
        self.limits = limits
        self.source = .file(path)
        let descriptor = try Self.open(path)
        defer { close(descriptor) }
        var status = stat()
        byteCount = fstat(descriptor, &status) == 0 ? Int64(status.st_size) : nil
        if let dialect {
            self.dialect = dialect
        } else {
            let (sample, complete) = try Self.readPrefix(descriptor, path: path, count: CSVSniffer.sampleSize)
            if sample.isEmpty { throw CSVError(.empty, path: path) }
            self.dialect = try CSVSniffer.sniff(sample, isComplete: complete, path: path)
        }
    }

    /// Reads from bytes in memory (tests, fuzzing, data already loaded); `path` names the data in messages.
    public init(bytes: [UInt8], path: String, dialect: CSVDialect? = nil, limits: CSVLimits = CSVLimits()) throws {
        self.path = path
        self.limits = limits
        self.source = .memory(bytes)
        self.byteCount = Int64(bytes.count)
        if let dialect {
            self.dialect = dialect
        } else {
            if bytes.isEmpty { throw CSVError(.empty, path: path) }
            self.dialect = try CSVSniffer.sniff(
                Array(bytes.prefix(CSVSniffer.sampleSize)), isComplete: bytes.count <= CSVSniffer.sampleSize, path: path
            )
        }
    }

    /// Streams every record, the header first when the dialect has one, from the start of the file.
    ///
    /// - Parameters:
    ///   - progress: called as reading goes on with the number of bytes read so far (after each chunk, or
    ///     each batch when reading ahead).
    ///   - body: called per record; return `false` to stop reading early.
    /// - Returns: counts of what was read; after an early stop only `records` is exact.
    @discardableResult
    public func forEachRecord(
        progress: ((Int64) -> Void)? = nil, _ body: (CSVRecord) throws -> Bool
    ) throws -> CSVReadStatistics {
        if readAhead.applies(toByteCount: byteCount) {
            return try forEachRecordReadingAhead(progress: progress, body)
        }
        return try parseRecords(progress: progress, body)
    }

    /// Parses on the calling thread, handing each record to `body` as libcsv completes it.
    func parseRecords(
        progress: ((Int64) -> Void)?, _ body: (CSVRecord) throws -> Bool
    ) throws -> CSVReadStatistics {
        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        defer { parser.deallocate() }
        return try withoutActuallyEscaping(body) { escapingBody in
            // The assembler lives at a fixed address that libcsv's callbacks reach through the context
            // pointer: no reference counting and no exclusivity bookkeeping per field.
            let state = UnsafeMutablePointer<RecordAssembler>.allocate(capacity: 1)
            state.initialize(to: RecordAssembler(reader: self, body: escapingBody))
            defer {
                state.pointee.release()
                state.deinitialize(count: 1)
                state.deallocate()
            }
            try run(state, parser: parser, progress: progress)
            return state.pointee.statistics
        }
    }

    /// The header (or first record) and up to `count` further records, decoded: what role detection and
    /// number-style detection look at before the full pass.
    public func sample(records count: Int) throws -> (header: [String], rows: [[String]]) {
        var header: [String] = []
        var rows: [[String]] = []
        try forEachRecord { record in
            if record.isHeader {
                header = record.strings()
            } else {
                rows.append(record.strings())
            }
            return rows.count < count
        }
        return (header, rows)
    }

    // MARK: - Driving libcsv

    private static let chunkSize = 1 << 20

    private func run(
        _ state: UnsafeMutablePointer<RecordAssembler>, parser: UnsafeMutablePointer<csv_parser>,
        progress: ((Int64) -> Void)?
    ) throws {
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI)) == 0 else {
            throw CSVError(.outOfMemory, path: path)
        }
        defer { csv_free(parser) }
        csv_set_delim(parser, dialect.delimiter)
        csv_set_quote(parser, dialect.quote)
        csv_set_space_func(parser, keepSpaces)
        csv_set_blk_size(parser, 64 * 1024)

        let context = UnsafeMutableRawPointer(state)
        var transcoder = dialect.encoding.utf16BigEndian.map(UTF16Transcoder.init(bigEndian:))
        var transcoded: [UInt8] = []
        var bytesRead: Int64 = 0
        var skipBOM = dialect.hasBOM ? dialect.encoding.byteOrderMark.count : 0

        func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws {
            var bytes = chunk
            if skipBOM > 0 {
                let skipped = min(skipBOM, bytes.count)
                bytes = UnsafeBufferPointer(rebasing: bytes[skipped...])
                skipBOM -= skipped
            }
            if transcoder != nil {
                transcoded.removeAll(keepingCapacity: true)
                transcoder?.decode(bytes, into: &transcoded)
                try transcoded.withUnsafeBufferPointer { try parse($0) }
            } else {
                try parse(bytes)
            }
        }

        func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            var offset = 0
            while offset < bytes.count {
                offset += csv_parse(parser, base + offset, bytes.count - offset, onField, onRecordEnd, context)
                if offset == bytes.count || state.pointee.stopped { break }
                // libcsv stopped (strict mode) at a quote. Inside a field that does not start with a quote it is
                // text, as Excel, LibreOffice and pandas read it (`Restaurang "Blå Dörren" AB`, `Rör 14"`): feed
                // that one byte with quoting off and go on. Only this rare path costs anything; a misplaced quote
                // after a quoted field's closing quote still stops the run.
                guard isLiteralQuote(bytes[offset], parser: parser) else { throw parseError(parser, state) }
                state.pointee.countLiteralQuote()
                csv_set_quote(parser, 0)
                _ = csv_parse(parser, base + offset, 1, onField, onRecordEnd, context)
                csv_set_quote(parser, dialect.quote)
                parser.pointee.status = 0
                offset += 1
            }
            if parser.pointee.entry_pos > limits.maxFieldBytes, let held = parser.pointee.entry_buf {
                // Keep memory bounded: drop what libcsv holds of a field that is already over the limit. After a
                // quote (state FIELD_MIGHT_HAVE_ENDED) libcsv will take back that quote and the spaces after it, and
                // a CR may be followed by its LF in the next chunk: those last bytes stay.
                let length = parser.pointee.entry_pos
                let keep = parser.pointee.pstate == 3 ? parser.pointee.spaces + 1 : (held[length - 1] == 0x0D ? 1 : 0)
                parser.pointee.entry_pos = state.pointee.dropOversized(held, length: length, keep: keep)
            }
            if let error = state.pointee.failure { throw error }
        }

        switch source {
        case .memory(let bytes):
            var offset = 0
            while offset < bytes.count && !state.pointee.stopped {
                let end = min(offset + Self.chunkSize, bytes.count)
                try bytes.withUnsafeBufferPointer { try feed(UnsafeBufferPointer(rebasing: $0[offset..<end])) }
                bytesRead = Int64(end)
                offset = end
                progress?(bytesRead)
            }
        case .file(let path):
            let descriptor = try Self.open(path)
            defer { close(descriptor) }
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
            defer { buffer.deallocate() }
            while !state.pointee.stopped {
                let count: Int
                do {
                    count = try FileDescriptor(rawValue: descriptor).read(
                        into: buffer.baseAddress!, count: Self.chunkSize)
                } catch {
                    throw CSVError(.cannotOpen(reason: error.description), path: path)
                }
                if count == 0 { break }
                try feed(UnsafeBufferPointer(rebasing: buffer[0..<count]))
                bytesRead += Int64(count)
                progress?(bytesRead)
            }
        }
        if state.pointee.stopped { return }
        if transcoder != nil {
            transcoded.removeAll(keepingCapacity: true)
            transcoder?.finish(into: &transcoded)
            try transcoded.withUnsafeBufferPointer { try parse($0) }
        }
        if csv_fini(parser, onField, onRecordEnd, context) != 0 {
            throw parseError(parser, state)
        }
        if let error = state.pointee.failure { throw error }
        state.pointee.statistics.bytesRead = bytesRead
    }

    /// Whether libcsv stopped at a quote inside an unquoted field that has begun (libcsv's state FIELD_BEGUN).
    private func isLiteralQuote(_ byte: UInt8, parser: UnsafeMutablePointer<csv_parser>) -> Bool {
        byte == dialect.quote && parser.pointee.pstate == 2 && parser.pointee.quoted == 0
    }

    private func parseError(_ parser: UnsafeMutablePointer<csv_parser>, _ state: UnsafeMutablePointer<RecordAssembler>)
        -> CSVError
    {
        switch csv_error(parser) {
        case CSV_EPARSE:
            // An open quote at the end means the quote was never closed; otherwise a quote is misplaced.
            let unterminated = parser.pointee.pstate == 2 && parser.pointee.quoted != 0
            return CSVError(
                unterminated ? .unterminatedQuote : .malformedQuote, path: path, line: state.pointee.currentRecordLine)
        case CSV_ENOMEM, CSV_ETOOBIG:
            return CSVError(.outOfMemory, path: path, line: state.pointee.currentRecordLine)
        default:
            return CSVError(.malformedQuote, path: path, line: state.pointee.currentRecordLine)
        }
    }

    // MARK: - Files

    private static func open(_ path: String) throws -> Int32 {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CSVError(.cannotOpen(reason: String(cString: strerror(errno))), path: path)
        }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw CSVError(.cannotOpen(reason: "it is a directory"), path: path)
        }
        return descriptor
    }

    private static func readPrefix(_ descriptor: Int32, path: String, count: Int) throws -> ([UInt8], complete: Bool) {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read: Int
            do {
                read = try bytes.withUnsafeMutableBufferPointer { buffer throws(FileDescriptor.Failure) in
                    try FileDescriptor(rawValue: descriptor).read(
                        into: buffer.baseAddress! + filled, count: count - filled)
                }
            } catch {
                throw CSVError(.cannotOpen(reason: error.description), path: path)
            }
            if read == 0 { break }
            filled += read
        }
        return (Array(bytes[0..<filled]), filled < count)
    }
}

/// What a full pass over a file counted, for the summary and for reconciliation.
public struct CSVReadStatistics: Sendable, Equatable {
    /// Records delivered, the header included.
    public var records = 0
    /// Blank lines between records that held no data and were skipped.
    public var blankLinesSkipped = 0
    /// Physical lines read.
    public var lines = 0
    /// Bytes read from the source.
    public var bytesRead: Int64 = 0
    /// Fields that do not start with a quote but hold one, read as text (`inspect` tells how many it met).
    public var fieldsWithLiteralQuotes = 0
}

// MARK: - libcsv callbacks

private func keepSpaces(_ byte: UInt8) -> Int32 { 0 }

private func onField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    context.assumingMemoryBound(to: RecordAssembler.self).pointee
        .addField(field.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }, length)
}

private func onRecordEnd(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    context.assumingMemoryBound(to: RecordAssembler.self).pointee.endRecord(terminator: terminator)
}

/// The mutable state of one pass: the current record's bytes, line counting and the caller's callback.
///
/// A struct reached through one pointer for the whole pass, because libcsv calls back for every field of
/// every record: the callbacks must not retain, release or check exclusive access each time.
private struct RecordAssembler {
    let body: (CSVRecord) throws -> Bool
    let hasHeader: Bool
    let fieldEncoding: TextEncoding
    let maxFieldBytes: Int
    let maxFields: Int

    var statistics = CSVReadStatistics()
    var stopped = false
    var failure: (any Error)?

    private var storage: UnsafeMutablePointer<UInt8>
    private var storageCapacity: Int
    private var ends: UnsafeMutablePointer<Int>
    private var quoted: UnsafeMutablePointer<Bool>
    private var fieldCapacity: Int
    private var used = 0
    private var fieldCount = 0
    private var storedCount = 0
    private var problem: CSVRecordProblem?
    private var oversizedFieldPending = false

    private var line = 1
    private(set) var currentRecordLine = 1
    /// The record and field of the last literal quote counted, so a field with several counts once.
    private var lastLiteralQuoteField = (record: 0, field: 0)
    private var previousTerminatorWasCR = false
    private var widestRecord = 0

    /// The sniffed quoting per column: libcsv does not tell a callback whether the field was quoted
    /// (its parser state is only written back between calls), so copies follow the file's pattern.
    /// One flag per column up to the last quoted one.
    private let quotedColumns: [Bool]
    private let anyQuotedColumn: Bool
    private let quotedHeader: Bool

    init(reader: CSVReader, body: @escaping (CSVRecord) throws -> Bool) {
        var flags = [Bool](repeating: false, count: (reader.dialect.quotedColumns.max() ?? -1) + 1)
        for column in reader.dialect.quotedColumns where column >= 0 { flags[column] = true }
        quotedColumns = flags
        anyQuotedColumn = flags.contains(true)
        quotedHeader = reader.dialect.quotedHeader
        self.body = body
        hasHeader = reader.dialect.hasHeader
        fieldEncoding = reader.dialect.encoding.fieldEncoding
        maxFieldBytes = reader.limits.maxFieldBytes
        maxFields = reader.limits.maxFieldsPerRecord
        storageCapacity = 64 * 1024
        storage = .allocate(capacity: storageCapacity)
        fieldCapacity = 256
        ends = .allocate(capacity: fieldCapacity)
        quoted = .allocate(capacity: fieldCapacity)
    }

    func release() {
        storage.deallocate()
        ends.deallocate()
        quoted.deallocate()
    }

    /// libcsv was made to drop the bytes of a field over the limit; remember to mark the record.
    /// Drops all but the last `keep` of the `length` bytes libcsv holds of an oversized field, counting the line
    /// breaks dropped, and returns how many bytes stay. The record is marked when the field ends.
    mutating func dropOversized(_ bytes: UnsafeMutablePointer<UInt8>, length: Int, keep: Int) -> Int {
        oversizedFieldPending = true
        line += Self.lineBreaks(in: UnsafeBufferPointer(start: bytes, count: length - keep))
        if keep > 0 { memmove(bytes, bytes + (length - keep), keep) }
        return keep
    }

    /// Counts the field being read as one with a literal quote, once however many it holds.
    mutating func countLiteralQuote() {
        let field = (record: statistics.records + 1, field: fieldCount + 1)
        guard field != lastLiteralQuoteField else { return }
        lastLiteralQuoteField = field
        statistics.fieldsWithLiteralQuotes += 1
    }

    mutating func addField(_ bytes: UnsafePointer<UInt8>?, _ length: Int) {
        if stopped { return }
        if fieldCount == 0 { currentRecordLine = line }
        fieldCount += 1
        if oversizedFieldPending || length > maxFieldBytes {
            // Fields that are not kept have their line breaks counted now; kept ones at the record's end.
            if let bytes { line += Self.lineBreaks(in: UnsafeBufferPointer(start: bytes, count: length)) }
            oversizedFieldPending = false
            if problem == nil { problem = .fieldTooLarge(field: fieldCount, limit: maxFieldBytes) }
            appendField(nil, 0, quoted: false)
            return
        }
        if fieldCount > maxFields {
            if let bytes { line += Self.lineBreaks(in: UnsafeBufferPointer(start: bytes, count: length)) }
            problem = .tooManyFields(count: fieldCount, limit: maxFields)
            return
        }
        appendField(bytes, length, quoted: isQuotedColumn(storedCount))
    }

    private func isQuotedColumn(_ column: Int) -> Bool {
        if statistics.records == 0 && hasHeader { return quotedHeader }
        return column < quotedColumns.count && quotedColumns[column]
    }

    private mutating func appendField(_ bytes: UnsafePointer<UInt8>?, _ length: Int, quoted isQuoted: Bool) {
        if storedCount == fieldCapacity { growFields() }
        if used + length > storageCapacity { growStorage(to: used + length) }
        if let bytes, length > 0 { (storage + used).update(from: bytes, count: length) }
        used += length
        ends[storedCount] = used
        quoted[storedCount] = isQuoted
        storedCount += 1
    }

    /// Line breaks inside the kept fields of the current record (only quoted fields hold any): one scan of
    /// the record for the rare CR or LF, then a count field by field, so a CR ending one field and an LF
    /// starting the next count as two.
    private func lineBreaksInRecord() -> Int {
        guard used > 0, memchr(storage, 0x0A, used) != nil || memchr(storage, 0x0D, used) != nil else { return 0 }
        var breaks = 0
        var start = 0
        for index in 0..<storedCount {
            breaks += Self.lineBreaks(in: UnsafeBufferPointer(start: storage + start, count: ends[index] - start))
            start = ends[index]
        }
        return breaks
    }

    /// CR, LF and CRLF each count as one line break.
    private static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var breaks = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { breaks += 1 }
            previous = byte
        }
        return breaks
    }

    mutating func endRecord(terminator: Int32) {
        if stopped { return }
        let isLineBreak = terminator == 0x0A || terminator == 0x0D
        if fieldCount == 0 {
            // libcsv reports every line break outside a record: the LF of a CRLF, or a blank line.
            if terminator == 0x0A && previousTerminatorWasCR {
                previousTerminatorWasCR = false
                return
            }
            previousTerminatorWasCR = terminator == 0x0D
            guard isLineBreak else { return }
            currentRecordLine = line
            line += 1
            statistics.lines = line - 1
            defer { currentRecordLine = line }
            if widestRecord > 1 {
                statistics.blankLinesSkipped += 1
                return
            }
            // In a one-column file a blank line is a record holding one empty field.
            appendField(nil, 0, quoted: false)
            fieldCount = 1
            deliver()
            return
        }
        line += lineBreaksInRecord()
        deliver()
        if isLineBreak { line += 1 }
        currentRecordLine = line
        statistics.lines = isLineBreak ? line - 1 : line
        previousTerminatorWasCR = terminator == 0x0D
    }

    private mutating func deliver() {
        if fieldCount > maxFields { problem = .tooManyFields(count: fieldCount, limit: maxFields) }
        statistics.records += 1
        widestRecord = max(widestRecord, fieldCount)
        let index = statistics.records
        let record = CSVRecord(
            index: index, number: hasHeader ? index - 1 : index, line: currentRecordLine, fieldCount: fieldCount,
            storedCount: storedCount, problem: problem, fieldEncoding: fieldEncoding,
            storage: storage, ends: ends, quoted: quoted,
            hasQuotedFields: statistics.records == 1 && hasHeader ? quotedHeader : anyQuotedColumn)
        do {
            if try !body(record) { stopped = true }
        } catch {
            failure = error
            stopped = true
        }
        used = 0
        fieldCount = 0
        storedCount = 0
        problem = nil
    }

    private mutating func growStorage(to minimum: Int) {
        storage = storage.grown(keeping: used, toHold: minimum, capacity: &storageCapacity)
    }

    private mutating func growFields() {
        var capacity = fieldCapacity
        ends = ends.grown(keeping: storedCount, toHold: storedCount + 1, capacity: &capacity)
        quoted = quoted.grown(keeping: storedCount, toHold: storedCount + 1, capacity: &fieldCapacity)
    }
}
