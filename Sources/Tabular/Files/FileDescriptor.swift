import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor with the few calls Kedja's files need, each retried on `EINTR` and failing with the
/// errno's text, so no caller loops over partial writes or interrupted calls on its own.
///
/// A value type over the raw descriptor, in the manner of swift-system's `FileDescriptor`: closing is explicit,
/// and the owner (``AtomicOutputFile``, the spool file) decides when.
public struct FileDescriptor: Sendable {
    /// The descriptor number.
    public let rawValue: Int32

    /// Wraps a descriptor that is already open (standard output is 1).
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// A failed system call: the errno and its text.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The `errno` value.
        public let code: Int32

        /// The failure with `errno` value `code`.
        public init(code: Int32) {
            self.code = code
        }
        /// `strerror`'s text for it.
        public var description: String { String(cString: strerror(code)) }

        /// The failure of the call that just set `errno`.
        static var current: Failure { Failure(code: errno) }
    }

    /// Opens `path` with `flags` (`O_WRONLY`, `O_CREAT`…); `mode` applies when the file is created.
    public static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(Failure) -> FileDescriptor {
        let descriptor = try retrying { systemOpen(path, flags | O_CLOEXEC, mode) }
        return FileDescriptor(rawValue: descriptor)
    }

    /// Creates a file in `$TMPDIR` that has no name once this returns, for scratch data (spools): nothing is left
    /// behind, however the run ends.
    ///
    /// - Throws: `OutputError` naming the temporary folder, with advice about `$TMPDIR`.
    public static func namelessTemporaryFile(prefix: String) throws -> FileDescriptor {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        #if os(Linux)
        // O_TMPFILE makes the file without a name at all, so not even a run killed between creating and unlinking
        // it leaves one behind; file systems without it (EOPNOTSUPP, EISDIR) take the portable way below.
        let unnamed = systemOpen(folder, linuxTemporaryFileFlag | O_RDWR | O_CLOEXEC, 0o600)
        if unnamed >= 0 { return FileDescriptor(rawValue: unnamed) }
        #endif
        var template = Array("\(folder)/\(prefix)-XXXXXX".utf8CString)
        let raw = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard raw >= 0 else {
            throw OutputError.temporaryFile(Failure(code: errno))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return FileDescriptor(rawValue: raw)
    }

    /// Writes all of `bytes`, however many calls the kernel takes.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            offset += try Self.retrying { systemWrite(rawValue, base + offset, bytes.count - offset) }
        }
    }

    /// Reads up to `count` bytes into `buffer`; 0 at the end of the file.
    public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(Failure) -> Int {
        try Self.retrying { systemRead(rawValue, buffer, count) }
    }

    /// Reads up to `count` bytes at `offset` into `buffer`, leaving the file's own offset alone; 0 at the end.
    public func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(Failure) -> Int {
        try Self.retrying { pread(rawValue, buffer, count, off_t(offset)) }
    }

    /// Flushes the file's bytes to the disk.
    public func sync() throws(Failure) {
        _ = try Self.retrying { fsync(rawValue) }
    }

    /// Takes the advisory lock (`flock`) on the file without waiting; false when another open file holds it.
    public func tryLock() -> Bool {
        (try? Self.retrying { flock(rawValue, LOCK_EX | LOCK_NB) }) != nil
    }

    /// Moves the offset to the start, to read back what was written.
    public func rewind() throws(Failure) {
        _ = try Self.retrying { lseek(rawValue, 0, SEEK_SET) }
    }

    /// Closes the descriptor. Not retried on `EINTR`: on Linux the descriptor is released whatever `close`
    /// returns, and a second call could close a descriptor another thread has just been given.
    public func close() throws(Failure) {
        if systemClose(rawValue) == 0 || errno == EINTR { return }
        throw Failure.current
    }

    /// Runs `call` again while it fails with `EINTR`; any other failure is thrown.
    private static func retrying<Result: BinaryInteger>(_ call: () -> Result) throws(Failure) -> Result {
        while true {
            let result = call()
            if result >= 0 { return result }
            if errno != EINTR { throw Failure.current }
        }
    }
}

// The C calls, under names the methods above do not shadow (Glibc and Darwin alike).
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }

#if os(Linux)
/// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import because the C macro is composite;
/// `__O_TMPFILE` is the same on every architecture Swift runs on.
private let linuxTemporaryFileFlag: Int32 = 0o20_000_000 | O_DIRECTORY
#endif
