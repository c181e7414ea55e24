#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KedjaModel
import Tabular

/// Writes the enriched copy of a spend file: the input's columns untouched, then the `kedja_*` columns,
/// in the input's own dialect, so it goes back into the ERP system.
///
/// Priority and tasks belong to a line's supplier × category and are known only when every line is read,
/// so lines are spooled (as finished bytes up to the priority column) to a temporary file and completed in
/// one sequential copy at the end: a single pass over the input, constant memory.
public final class EnrichedCSVWriter {
    /// The appended columns, in CONTRACT.md's order.
    public static let columns = [
        "kedja_category_code", "kedja_category", "kedja_category_source", "kedja_country",
        "kedja_risk_human_rights", "kedja_risk_labour_rights", "kedja_risk_environment", "kedja_risk_anti_corruption",
        "kedja_risk_overall", "kedja_priority", "kedja_tasks", "kedja_reason",
    ]

    private let output: CSVWriter
    private let spool: SpoolFile
    private let keptColumns: [Int]
    private let language: Language
    private let line: CSVWriter
    private var lineCount = 0

    /// Prepares the output; `header` is the input's header, whose earlier `kedja_*` columns are replaced.
    public init(output: CSVWriter, header: [String], language: Language) throws {
        self.output = output
        self.language = language
        let ours = Set(Self.columns)
        keptColumns = header.indices.filter { !ours.contains(header[$0]) }
        spool = try SpoolFile()
        line = CSVWriter.inMemory(dialect: output.dialect)
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

    /// Adds one tagged line; it is completed by `finish`.
    public func add(_ record: CSVRecord, tag: LineTag) throws {
        for index in keptColumns { line.writeField(record.field(index), quoted: record.isQuoted(index)) }
        line.writeField(tag.category?.code ?? "")
        line.writeField(tag.category?.name(language) ?? "")
        line.writeField(tag.categorySource.rawValue)
        line.writeField(tag.country?.alpha2 ?? "")
        for area in RiskArea.allCases { line.writeField(tag.levels[area].code) }
        line.writeField(tag.levels.overall.code)
        try line.drainFields { try spool.append(groupID: tag.groupID, reasonID: tag.reasonID, bytes: $0) }
        lineCount += 1
    }

    /// Completes every line with its group's priority and tasks and its reason, and writes the file.
    public func finish(priorities: [Int], tasks: [String], reasons: [String]) throws {
        let encodedReasons = reasons.map { TextCodec.encode($0, as: output.dialect.encoding.fieldEncoding) }
        let encodedTasks = tasks.map { TextCodec.encode($0, as: output.dialect.encoding.fieldEncoding) }
        try spool.forEach { groupID, reasonID, bytes in
            output.appendRaw(bytes)
            output.writeField(String(priorities[groupID]))
            encodedTasks[groupID].withUnsafeBufferPointer { output.writeField($0) }
            encodedReasons[reasonID].withUnsafeBufferPointer { output.writeField($0) }
            try output.endRecord()
        }
        try output.finish()
    }
}

/// A temporary file of finished line prefixes with the ids needed to complete them.
private final class SpoolFile {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init() throws {
        var template = Array("\(Self.temporaryDirectory())/kedja-spool-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw OutputError(path: Self.temporaryDirectory(), reason: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        // The file has no name once opened: nothing is left behind, whatever happens to the run.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(descriptor) }

    private static func temporaryDirectory() -> String {
        if let directory = getenv("TMPDIR") { return String(cString: directory) }
        return "/tmp"
    }

    func append(groupID: Int, reasonID: Int, bytes: UnsafeBufferPointer<UInt8>) throws {
        appendInteger(UInt32(bytes.count))
        appendInteger(UInt32(groupID))
        appendInteger(UInt32(reasonID))
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func appendInteger(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, buffer.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: "temporary spool file", reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func forEach(_ body: (Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try flush()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw OutputError(path: "temporary spool file", reason: String(cString: strerror(errno)))
        }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var position = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: "temporary spool file", reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            pending.removeFirst(position)
            position = 0
            pending.append(contentsOf: chunk[0..<count])
            try pending.withUnsafeBufferPointer { bytes in
                while bytes.count - position >= 12 {
                    let length = Int(Self.integer(bytes, at: position))
                    guard bytes.count - position - 12 >= length else { break }
                    let group = Int(Self.integer(bytes, at: position + 4))
                    let reason = Int(Self.integer(bytes, at: position + 8))
                    try body(group, reason, UnsafeBufferPointer(rebasing: bytes[(position + 12)..<(position + 12 + length)]))
                    position += 12 + length
                }
            }
        }
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
