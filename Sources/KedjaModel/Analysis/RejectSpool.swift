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

    /// Adds a record: its number, line and reason.
    public func append(_ reject: RejectedRecord) throws {
        let reason = Array(reject.reason.utf8)
        for value in [Int64(reject.record), Int64(reject.line), Int64(reason.count)] {
            withUnsafeBytes(of: value.littleEndian) { pending.append(contentsOf: $0) }
        }
        pending.append(contentsOf: reason)
        count += 1
        if pending.count >= Self.flushThreshold { try flush() }
    }

    /// Calls `body` with every spooled record, in the order they were added.
    public func forEach(_ body: (RejectedRecord) throws -> Void) throws {
        try flush()
        var offset: Int64 = 0
        var header = [UInt8](repeating: 0, count: 24)
        while offset < written {
            try read(into: &header, at: offset)
            let values = (0..<3).map { index in
                header.withUnsafeBytes {
                    Int(Int64(littleEndian: $0.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)))
                }
            }
            var reason = [UInt8](repeating: 0, count: values[2])
            try read(into: &reason, at: offset + 24)
            offset += 24 + Int64(values[2])
            try body(
                RejectedRecord(record: values[0], line: values[1], reason: String(decoding: reason, as: UTF8.self)))
        }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        do {
            try pending.withUnsafeBytes { try descriptor.writeAll($0) }
        } catch let failure as FileDescriptor.Failure {
            throw OutputError(path: "the temporary file of rejected records", failure: failure, inTemporaryFolder: true)
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
                throw OutputError(
                    path: "the temporary file of rejected records", reason: "it ends in the middle of a record")
            }
            filled += count
        }
    }
}
