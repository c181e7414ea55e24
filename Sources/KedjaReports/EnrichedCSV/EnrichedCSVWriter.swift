import KedjaModel
import Tabular

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the enriched copy of a spend file: the input's columns untouched, then the `kedja_*` columns,
/// in the input's own dialect, so it goes back into the ERP system.
///
/// Priority and tasks belong to a line's supplier × category and are known only when every line is read,
/// so lines are spooled (the input's fields, with the line's group and tag class) to a temporary file and
/// completed in one sequential copy at the end: a single pass over the input, constant memory. The
/// appended columns are encoded once per tag class, group and reason, never per line: completing a line
/// is four copies of ready bytes.
public final class EnrichedCSVWriter {
    /// The appended columns, in CONTRACT.md's order.
    /// One risk column per area (`kedja_risk_human_rights`, …), named after the area's code.
    public static let columns =
        ["kedja_category_code", "kedja_category", "kedja_category_source", "kedja_country"]
        + RiskArea.allCases.map { "kedja_risk_\($0.rawValue)" }
        + ["kedja_risk_overall", "kedja_priority", "kedja_tasks", "kedja_reason"]

    private let output: CSVWriter
    private let spool: SpoolFile
    private let keptColumns: [Int]
    private let language: Language
    /// Assembles the kept input fields of one line, quoted as the output quotes them.
    private let line: CSVWriter
    /// Encodes the appended columns, once per distinct value, exactly as the output would.
    private let encoder: CSVWriter
    /// Per tag class: its columns from `kedja_category_code` to `kedja_risk_overall`, ready to copy.
    private var classColumns = EncodedPieces()
    /// Per tag class: the position of its reason text.
    private var classReasons: [Int] = []

    /// Prepares the output; `header` is the input's header, whose earlier `kedja_*` columns are replaced.
    public init(output: CSVWriter, header: [String], language: Language) throws {
        self.output = output
        self.language = language
        let ours = Set(Self.columns)
        keptColumns = header.indices.filter { !ours.contains(header[$0]) }
        spool = try SpoolFile()
        line = CSVWriter.inMemory(dialect: output.dialect, excelSafe: output.excelSafe)
        encoder = CSVWriter.inMemory(dialect: output.dialect, excelSafe: output.excelSafe)
        let quoted = output.dialect.quotedHeader
        for name in keptColumns.map({ header[$0] }) + Self.columns {
            TextCodec.encode(name, as: output.dialect.encoding.fieldEncoding).withUnsafeBufferPointer {
                output.writeField($0, quoted: quoted)
            }
        }
        try output.endRecord()
    }

    /// The input columns kept (all but earlier `kedja_*` columns), for callers that check widths.
    public var keptColumnCount: Int { keptColumns.count }

    /// Adds one tagged line, placed by `analyzer`; it is completed by `finish`.
    public func add(_ record: CSVRecord, at place: LinePlace, taggedBy analyzer: SpendAnalyzer) throws {
        if place.tagClass >= classReasons.count || classReasons[place.tagClass] < 0 {
            encodeClass(of: analyzer.tags(at: place))
        }
        line.writeFields(of: record, columns: keptColumns)
        try line.drainFields { try spool.append(groupID: place.groupID, tagClass: place.tagClass, bytes: $0) }
    }

    /// Encodes the columns a tag class shares with every line of it, the first time a line of it comes by.
    private func encodeClass(of tag: LineTag) {
        while classReasons.count <= tag.tagClass { classReasons.append(-1) }
        let fields: [String]
        if tag.categorySource == .excluded {
            // Outside the scope of procurement: not rated, so the risk cells stay empty (the reason says why).
            fields = ["", "", tag.categorySource.rawValue, ""] + RiskArea.allCases.map { _ in "" } + [""]
        } else {
            fields =
                [
                    tag.category?.code ?? "", tag.category?.name(language) ?? "", tag.categorySource.rawValue,
                    tag.country?.alpha2 ?? "",
                ] + RiskArea.allCases.map { tag.levels[$0].code } + [tag.levels.overall.code]
        }
        encoded(fields) { classColumns.set(tag.tagClass, to: $0) }
        classReasons[tag.tagClass] = tag.reasonID
    }

    /// Hands `body` the fields encoded and delimited as the output writes them.
    private func encoded(_ fields: [String], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for field in fields { encoder.writeField(field) }
        encoder.drainFields(body)
    }

    /// Completes every line with its group's priority and tasks (empty outside the scope) and its compact
    /// reason, and writes the file.
    public func finish(priorities: [Int?], tasks: [String], reasons: [String]) throws {
        var groupColumns = EncodedPieces()
        for (priority, taskIDs) in zip(priorities, tasks) {
            encoded([priority.map(String.init) ?? "", taskIDs]) { groupColumns.append($0) }
        }
        var reasonColumns = EncodedPieces()
        for reason in reasons {
            encoded([reason]) { reasonColumns.append($0) }
        }
        let output = self.output
        let classReasons = self.classReasons
        try classColumns.withPieces { classColumns in
            try groupColumns.withPieces { groupColumns in
                try reasonColumns.withPieces { reasonColumns in
                    try spool.forEach { groupID, tagClass, inputFields in
                        if !inputFields.isEmpty { output.appendRaw(inputFields) }
                        output.appendRaw(classColumns[tagClass])
                        output.appendRaw(groupColumns[groupID])
                        output.appendRaw(reasonColumns[classReasons[tagClass]])
                        try output.endRecord()
                    }
                }
            }
        }
        try output.finish()
    }
}

/// Byte strings kept in one buffer and found by position: pieces of records encoded once and copied often.
private struct EncodedPieces {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    /// Adds a piece at the next position.
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        starts.append(bytes.count)
        bytes.append(contentsOf: piece)
        ends.append(bytes.count)
    }

    /// Sets the piece at `index`, adding empty pieces before it where there are none yet.
    mutating func set(_ index: Int, to piece: UnsafeBufferPointer<UInt8>) {
        while starts.count <= index {
            starts.append(bytes.count)
            ends.append(bytes.count)
        }
        starts[index] = bytes.count
        bytes.append(contentsOf: piece)
        ends[index] = bytes.count
    }

    /// Calls `body` with a lookup of pieces by position, valid inside the call.
    func withPieces<Result>(_ body: (Lookup) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { bytes in
            try starts.withUnsafeBufferPointer { starts in
                try ends.withUnsafeBufferPointer { ends in try body(Lookup(bytes: bytes, starts: starts, ends: ends)) }
            }
        }
    }

    /// Pieces by position, over the buffers of one `withPieces` call.
    struct Lookup {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>

        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[starts[index]..<ends[index]])
        }
    }
}

/// A temporary file of lines' input fields with the ids needed to complete them.
private final class SpoolFile {
    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private static let headerSize = 12
    private static let flushThreshold = 1 << 20

    init() throws {
        // The file has no name once opened: nothing is left behind, whatever happens to the run.
        descriptor = try FileDescriptor.namelessTemporaryFile(prefix: "kedja-spool")
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    deinit { try? descriptor.close() }

    /// Appends one line: its length, group and tag class, then its bytes.
    func append(groupID: Int, tagClass: Int, bytes: UnsafeBufferPointer<UInt8>) throws {
        let header = (UInt32(bytes.count).littleEndian, UInt32(groupID).littleEndian, UInt32(tagClass).littleEndian)
        withUnsafeBytes(of: header) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private func flush() throws {
        do {
            try buffer.withUnsafeBytes { try descriptor.writeAll($0) }
        } catch let error as FileDescriptor.Failure {
            throw OutputError.temporaryFile(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Reads the lines back in order: group, tag class and bytes of each.
    func forEach(_ body: (Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try flush()
        do {
            try descriptor.rewind()
        } catch {
            throw OutputError.temporaryFile(error)
        }
        var capacity = 4 << 20
        var chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { chunk.deallocate() }
        var filled = 0
        while true {
            let count: Int
            do {
                count = try descriptor.read(into: chunk + filled, count: capacity - filled)
            } catch {
                throw OutputError.temporaryFile(error)
            }
            if count == 0 { break }
            filled += count
            // Hand out every complete line, then move the incomplete rest to the front.
            var position = 0
            while filled - position >= Self.headerSize {
                let length = Int(Self.integer(chunk, at: position))
                let end = position + Self.headerSize + length
                if end > filled {
                    if Self.headerSize + length > capacity {
                        // A line longer than the buffer (a huge field): make room for it.
                        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.headerSize + length)
                        bigger.update(from: chunk + position, count: filled - position)
                        chunk.deallocate()
                        chunk = bigger
                        capacity = Self.headerSize + length
                        filled -= position
                        position = 0
                    }
                    break
                }
                let group = Int(Self.integer(chunk, at: position + 4))
                let tagClass = Int(Self.integer(chunk, at: position + 8))
                try body(group, tagClass, UnsafeBufferPointer(start: chunk + position + Self.headerSize, count: length))
                position = end
            }
            if position > 0 {
                memmove(chunk, chunk + position, filled - position)
                filled -= position
            }
        }
        guard filled == 0 else {
            throw OutputError.damagedTemporaryFile
        }
    }

    private static func integer(_ bytes: UnsafeMutablePointer<UInt8>, at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(
            bytes[offset + 3]) << 24
    }
}
