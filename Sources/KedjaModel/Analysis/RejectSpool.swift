import Tabular

/// The rejected records of a pass beyond the first ``listLimit``, kept on disk, so a file of a million broken
/// lines costs memory for a thousand: summaries and `--json` list the first ones and count the rest, while the
/// rejects CSV and the register's Rejected sheets still hold every record.
///
/// The file has no name once created, so nothing is left behind however the run ends. Written during the pass,
/// read afterwards (from one thread at a time); reads go by offset, so a read never disturbs the next write.
public final class RejectSpool: @unchecked Sendable {
    /// How many rejected records a pass keeps in memory and summaries list.
    public static let listLimit = 1_000

    /// Records spooled so far.
    public private(set) var count = 0
    private let descriptor: FileDescriptor
    private var pending: [UInt8] = []
    private var written: Int64 = 0
    private static let flushThreshold = 1 << 20

    /// Creates the spool's nameless file in `$TMPDIR`.
    public init() throws {
        descriptor = try FileDescriptor.namelessTemporaryFile(prefix: "kedja-rejects")
    }

    deinit { try? descriptor.close() }

    /// The fixed part of a spooled record: number, line, the reason's kind and two figures, the text's length.
    private static let headerSize = 6 * 8

    /// Adds a record: its number, line and reason (kept as its kind and figures, so it is said in the run's
    /// language only when it is shown).
    public func append(_ reject: RejectedRecord) throws {
        let (kind, first, second, text) = Self.encode(reject.reason)
        let textBytes = Array(text.utf8)
        for value in [Int64(reject.record), Int64(reject.line), kind, first, second, Int64(textBytes.count)] {
            withUnsafeBytes(of: value.littleEndian) { pending.append(contentsOf: $0) }
        }
        pending.append(contentsOf: textBytes)
        count += 1
        if pending.count >= Self.flushThreshold { try flush() }
    }

    /// Calls `body` with every spooled record, in the order they were added.
    public func forEach(_ body: (RejectedRecord) throws -> Void) throws {
        try flush()
        var offset: Int64 = 0
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        while offset < written {
            try read(into: &header, at: offset)
            let values = (0..<6).map { index in
                header.withUnsafeBytes {
                    Int(Int64(littleEndian: $0.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)))
                }
            }
            var text = [UInt8](repeating: 0, count: values[5])
            try read(into: &text, at: offset + Int64(Self.headerSize))
            offset += Int64(Self.headerSize) + Int64(values[5])
            guard
                let reason = Self.decode(
                    kind: values[2], values[3], values[4], text: String(decoding: text, as: UTF8.self))
            else {
                throw OutputError.damagedTemporaryFile
            }
            try body(RejectedRecord(record: values[0], line: values[1], reason: reason))
        }
    }

    /// A reason as a kind, two figures and a text.
    private static func encode(_ reason: RejectReason) -> (Int64, Int64, Int64, String) {
        switch reason {
        case .amount(let field, .empty): (0, 0, 0, field)
        case .amount(let field, .notANumber): (1, 0, 0, field)
        case .amount(let field, .tooManyDecimals): (2, 0, 0, field)
        case .amount(let field, .tooLarge): (3, 0, 0, field)
        case .limit(.fieldTooLarge(let field, let limit)): (4, Int64(field), Int64(limit), "")
        case .limit(.tooManyFields(let count, let limit)): (5, Int64(count), Int64(limit), "")
        case .fieldCount(let found, let header): (6, Int64(found), Int64(header), "")
        case .row(let phrase): (7, Int64(phrase.sv.utf8.count), 0, phrase.sv + phrase.en)
        }
    }

    /// The reason ``encode(_:)`` wrote; nil for a kind it never writes.
    private static func decode(kind: Int, _ first: Int, _ second: Int, text: String) -> RejectReason? {
        switch kind {
        case 0: .amount(field: text, .empty)
        case 1: .amount(field: text, .notANumber)
        case 2: .amount(field: text, .tooManyDecimals)
        case 3: .amount(field: text, .tooLarge)
        case 4: .limit(.fieldTooLarge(field: first, limit: second))
        case 5: .limit(.tooManyFields(count: first, limit: second))
        case 6: .fieldCount(found: first, header: second)
        case 7:
            .row(
                Phrase(
                    sv: String(decoding: Array(text.utf8).prefix(first), as: UTF8.self),
                    en: String(decoding: Array(text.utf8).dropFirst(first), as: UTF8.self)))
        default: nil
        }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        do {
            try pending.withUnsafeBytes { try descriptor.writeAll($0) }
        } catch let failure as FileDescriptor.Failure {
            throw OutputError.temporaryFile(failure)
        }
        written += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }

    /// Fills `bytes` from `offset`.
    private func read(into bytes: inout [UInt8], at offset: Int64) throws {
        var filled = 0
        while filled < bytes.count {
            let count = try bytes.withUnsafeMutableBytes { buffer in
                try descriptor.read(
                    into: buffer.baseAddress! + filled, count: buffer.count - filled, at: offset + Int64(filled))
            }
            guard count > 0 else {
                throw OutputError.damagedTemporaryFile
            }
            filled += count
        }
    }
}
