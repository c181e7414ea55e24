import Foundation

/// Whether a ``CSVReader`` parses on a second thread while the caller works on the records parsed so far.
///
/// Parsing (libcsv and line counting) is about a third of the work of tagging a ledger; on a machine with a
/// second core it can run beside the caller's work instead of before it. The records the caller sees, their
/// order and numbers, and every error are the same either way.
public enum CSVReadAhead: Sendable {
    /// Read ahead for inputs of a few mebibytes or more, where the second thread pays for itself.
    case automatic
    /// Always read ahead (tests use this to check both ways give the same records).
    case always
    /// Parse on the caller's thread, record by record.
    case never

    /// Inputs at least this large are read ahead under `.automatic`.
    static let automaticMinimumBytes: Int64 = 4 << 20

    func applies(toByteCount byteCount: Int64?) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .automatic: (byteCount ?? 0) >= Self.automaticMinimumBytes
        }
    }
}

extension CSVReader {
    /// `forEachRecord` with the parsing on a second thread: records are copied into batches there and handed
    /// over, so the caller's work on one batch overlaps the parsing of the next.
    func forEachRecordReadingAhead(
        progress: ((Int64) -> Void)?, _ body: (CSVRecord) throws -> Bool
    ) throws -> CSVReadStatistics {
        let channel = RecordBatchChannel(batches: 4, fieldEncoding: dialect.encoding.fieldEncoding)
        let parsing = AheadParser(reader: self, channel: channel)
        let thread = Thread { parsing.run() }
        thread.stackSize = 1 << 20
        thread.start()
        // Whatever happens below, the parsing thread is told to stop and is waited for: it reads this reader.
        defer { channel.cancelAndWaitForEnd() }

        var bytesReported: Int64 = 0
        while let batch = channel.receive() {
            let delivered = try batch.forEach(body)
            // Batches fill faster than the reader's chunks: report a count only when it has moved on.
            if batch.bytesRead > bytesReported {
                bytesReported = batch.bytesRead
                progress?(bytesReported)
            }
            channel.giveBack(batch)
            if let stop = delivered {
                // Stopped early: the records delivered, and the line where the last one starts (parsing on the
                // caller's thread would also count blank lines skipped and end on the record's last line).
                return CSVReadStatistics(records: stop.index, lines: stop.line)
            }
        }
        return try channel.outcome()
    }
}

/// The parsing side of a read-ahead pass, run on its own thread. `@unchecked Sendable`: it is handed to exactly one thread, and what it
/// shares with the caller's thread goes through the channel's lock; the reader's own properties are constants.
private final class AheadParser: @unchecked Sendable {
    private let reader: CSVReader
    private let channel: RecordBatchChannel

    init(reader: CSVReader, channel: RecordBatchChannel) {
        self.reader = reader
        self.channel = channel
    }

    func run() {
        // The filling state sits behind one pointer, like the reader's own per-record state: the callbacks run
        // per record, and captured variables would be boxed and checked for exclusive access each time.
        let filling = UnsafeMutablePointer<Filling>.allocate(capacity: 1)
        filling.initialize(to: Filling(batch: channel.emptyBatch()))
        defer {
            filling.deinitialize(count: 1)
            filling.deallocate()
        }
        let channel = self.channel
        let outcome = Result<CSVReadStatistics, any Error> {
            try reader.parseRecords(progress: { filling.pointee.bytesRead = $0 }) { record in
                guard let current = filling.pointee.batch else { return false }
                current.append(record)
                guard current.isFull else { return true }
                current.bytesRead = filling.pointee.bytesRead
                channel.send(current)
                filling.pointee.batch = channel.emptyBatch()
                return filling.pointee.batch != nil
            }
        }
        // The records before an error are delivered first, as when parsing on the caller's thread.
        if let batch = filling.pointee.batch {
            batch.bytesRead = (try? outcome.get())?.bytesRead ?? filling.pointee.bytesRead
            channel.send(batch)
        }
        channel.finish(outcome)
    }

    /// The batch being filled (nil once the caller has stopped) and the bytes read so far.
    private struct Filling {
        var batch: RecordBatch?
        var bytesRead: Int64 = 0
    }
}

/// Records copied out of the parser into one block of memory: their bytes, field ends and quoting flags.
final class RecordBatch {
    /// The record at which the caller asked to stop early.
    struct Stop {
        let index: Int
        let line: Int
    }

    private struct Entry {
        let index: Int
        let number: Int
        let line: Int
        let fieldCount: Int
        let storedCount: Int
        let problem: CSVRecordProblem?
        let hasQuotedFields: Bool
        let byteStart: Int
        let fieldStart: Int
    }

    /// The bytes read from the file when the batch was handed over, for progress.
    var bytesRead: Int64 = 0
    private let fieldEncoding: TextEncoding
    private var entries: [Entry] = []
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private var byteCount = 0
    private var ends: UnsafeMutablePointer<Int>
    private var quoted: UnsafeMutablePointer<Bool>
    private var fieldCapacity: Int
    private var fieldCount = 0

    /// A batch is handed over at this many bytes or records, whichever comes first.
    private static let byteLimit = 256 * 1024
    private static let recordLimit = 4096

    init(fieldEncoding: TextEncoding) {
        self.fieldEncoding = fieldEncoding
        byteCapacity = Self.byteLimit + 64 * 1024
        bytes = .allocate(capacity: byteCapacity)
        fieldCapacity = 64 * 1024
        ends = .allocate(capacity: fieldCapacity)
        quoted = .allocate(capacity: fieldCapacity)
        entries.reserveCapacity(Self.recordLimit)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
        quoted.deallocate()
    }

    var isFull: Bool { byteCount >= Self.byteLimit || entries.count >= Self.recordLimit }

    /// Copies a record delivered by the parser (valid only during its callback).
    func append(_ record: CSVRecord) {
        let stored = record.storedBytes
        if byteCount + stored.count > byteCapacity {
            bytes = bytes.grown(keeping: byteCount, toHold: byteCount + stored.count, capacity: &byteCapacity)
        }
        if fieldCount + record.storedCount > fieldCapacity {
            let needed = fieldCount + record.storedCount
            var capacity = fieldCapacity
            ends = ends.grown(keeping: fieldCount, toHold: needed, capacity: &capacity)
            quoted = quoted.grown(keeping: fieldCount, toHold: needed, capacity: &fieldCapacity)
        }
        if let base = stored.baseAddress, stored.count > 0 {
            (bytes + byteCount).update(from: base, count: stored.count)
        }
        record.copyLayout(ends: ends + fieldCount, quoted: quoted + fieldCount)
        entries.append(
            Entry(
                index: record.index, number: record.number, line: record.line, fieldCount: record.fieldCount,
                storedCount: record.storedCount, problem: record.problem, hasQuotedFields: record.hasQuotedFields,
                byteStart: byteCount, fieldStart: fieldCount))
        byteCount += stored.count
        fieldCount += record.storedCount
    }

    /// Calls `body` for each record in order; returns where it stopped if `body` returned `false`.
    func forEach(_ body: (CSVRecord) throws -> Bool) rethrows -> Stop? {
        for entry in entries {
            let record = CSVRecord(
                index: entry.index, number: entry.number, line: entry.line, fieldCount: entry.fieldCount,
                storedCount: entry.storedCount, problem: entry.problem, fieldEncoding: fieldEncoding,
                storage: bytes + entry.byteStart, ends: ends + entry.fieldStart, quoted: quoted + entry.fieldStart,
                hasQuotedFields: entry.hasQuotedFields)
            if try !body(record) {
                return Stop(index: entry.index, line: entry.line)
            }
        }
        return nil
    }

    /// Empties the batch for reuse, keeping its memory (also what one huge record made it grow to).
    func reset() {
        entries.removeAll(keepingCapacity: true)
        byteCount = 0
        fieldCount = 0
        bytesRead = 0
    }
}

/// The hand-over between the parsing thread and the caller's: a few batches circulate, full ones to the caller and
/// empty ones back, so memory stays at a few batches however long the file. `@unchecked Sendable`: every field is
/// read and written under `condition`'s lock.
private final class RecordBatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var full: [RecordBatch] = []
    private var empty: [RecordBatch]
    private var result: Result<CSVReadStatistics, any Error>?
    private var cancelled = false
    private var ended = false

    init(batches: Int, fieldEncoding: TextEncoding) {
        empty = (0..<batches).map { _ in RecordBatch(fieldEncoding: fieldEncoding) }
    }

    // MARK: Parsing side

    /// An empty batch to fill, waiting for the caller to give one back; nil once the caller has stopped.
    func emptyBatch() -> RecordBatch? {
        condition.lock()
        defer { condition.unlock() }
        while empty.isEmpty && !cancelled { condition.wait() }
        return cancelled ? nil : empty.removeLast()
    }

    func send(_ batch: RecordBatch) {
        condition.lock()
        defer { condition.unlock() }
        full.append(batch)
        condition.broadcast()
    }

    /// The parse is over, with its statistics or its error.
    func finish(_ outcome: Result<CSVReadStatistics, any Error>) {
        condition.lock()
        defer { condition.unlock() }
        result = outcome
        ended = true
        condition.broadcast()
    }

    // MARK: Caller's side

    /// The next full batch, in order; nil once the parse has ended and every batch was received.
    func receive() -> RecordBatch? {
        condition.lock()
        defer { condition.unlock() }
        while full.isEmpty && !ended { condition.wait() }
        return full.isEmpty ? nil : full.removeFirst()
    }

    func giveBack(_ batch: RecordBatch) {
        batch.reset()
        condition.lock()
        defer { condition.unlock() }
        empty.append(batch)
        condition.broadcast()
    }

    /// How the parse ended; call after `receive()` returned nil.
    func outcome() throws -> CSVReadStatistics {
        condition.lock()
        defer { condition.unlock() }
        guard let result else { return CSVReadStatistics() }
        return try result.get()
    }

    /// Tells the parsing thread to stop (it does at its next batch) and waits until it has.
    func cancelAndWaitForEnd() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while !ended { condition.wait() }
    }
}
