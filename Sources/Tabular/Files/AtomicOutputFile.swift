import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears at its destination only when complete.
///
/// Bytes go to a temporary file beside the destination, which is synced and renamed into place by
/// `commit()`. A failed or interrupted run leaves the earlier output untouched and no temporary file behind.
public final class AtomicOutputFile {
    /// Where the file will appear.
    public let destination: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var committed = false

    /// Creates the temporary file next to `destination`; refuses a destination that is one of `inputs`.
    public init(destination: String, protecting inputs: [String] = []) throws {
        self.destination = destination
        for input in inputs where FileIdentity.same(input, destination) {
            throw OutputError(
                path: destination,
                reason: "it is also an input (\(input)); choose another output path so the input is not overwritten")
        }
        let directory = Self.directory(of: destination)
        let prefix = ".\(Self.fileName(of: destination)).kedja-"
        Self.removeAbandoned(in: directory, prefix: prefix)
        var template = Array("\(directory)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw OutputError(path: destination, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        fchmod(descriptor, 0o644)
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
        }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: destination, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Syncs the data and renames the file into place.
    public func commit() throws {
        guard !committed else { return }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            descriptor = -1
            throw OutputError(path: destination, reason: reason)
        }
        descriptor = -1
        guard rename(temporaryPath, destination) == 0 else {
            throw OutputError(path: destination, reason: String(cString: strerror(errno)))
        }
        committed = true
    }

    /// The path of the temporary file, for libraries that must write a file themselves (libxlsxwriter).
    public var pathForLibraries: String { temporaryPath }

    /// Removes temporary files a killed run left for this destination: those whose process no longer exists.
    ///
    /// A run stopped by SIGKILL cannot clean up after itself; the next run for the same output does.
    private static func removeAbandoned(in directory: String, prefix: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in entries where name.hasPrefix(prefix) {
            let owner = name.dropFirst(prefix.count).prefix { $0 != "-" }
            guard let pid = Int32(owner), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink("\(directory)/\(name)")
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    private static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// An output that cannot be written (exit 73), with the path and what to do.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// The output path.
    public var path: String
    /// Why it failed.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "\(path): cannot write the output: \(reason). Choose a writable folder (--out-dir / -o) with free space."
    }
}

extension OutputError: ExitStatusReporting {
    public var exitStatus: ExitStatus { .cannotCreateOutput }
}
