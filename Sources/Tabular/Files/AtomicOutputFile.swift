import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears at its destination only when complete.
///
/// Bytes go to a temporary file beside the destination, which `commit()` syncs, renames into place and records
/// in the folder (synced too). A failed or interrupted run leaves the earlier output untouched and no temporary
/// file behind.
///
/// A destination that is not a regular file — a FIFO, a character device such as `/dev/null`, a terminal, or an
/// open descriptor named as `/proc/self/fd/N`, `/dev/fd/N` or `/dev/stdout` — is written through, as `cp` does:
/// renaming a file onto it would replace the special file (as root, the system's `/dev/null`) with a regular one.
/// What a library writes itself (``pathForLibraries``) is then built in `$TMPDIR` and copied through on `commit()`.
public final class AtomicOutputFile {
    /// Where the file will appear, as the caller named it (messages name this).
    public let destination: String
    /// The file the destination names once symbolic links are followed, as `cp` and `>` follow them: the new file
    /// replaces the link's target and the link stays. The destination itself when it is no link.
    private let target: String
    /// The descriptor written to: the temporary file's, or the destination's when writing through.
    private var descriptor: FileDescriptor?
    /// Whether the destination is written through rather than replaced.
    private let writesThrough: Bool
    /// The temporary file beside the destination, or the one in `$TMPDIR` a library writes when writing through.
    private var temporaryPath: String?
    /// When writing through, the library's temporary file, held open for its lock (``TemporaryFiles``).
    private var libraryDescriptor: FileDescriptor?
    private var committed = false

    /// Creates the temporary file next to `destination` (or opens a special destination); refuses a destination
    /// that is one of `inputs` or a folder.
    public init(destination: String, protecting inputs: [String] = []) throws {
        self.destination = destination
        let target = FileIdentity.followingLinks(destination)
        self.target = target
        for input in inputs where FileIdentity.same(input, destination) {
            throw OutputError(path: destination, problem: .alsoAnInput(input))
        }
        var status = stat()
        let exists = stat(destination, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFDIR {
            throw OutputError(path: destination, problem: .folder)
        }
        writesThrough = exists && Self.isWrittenThrough(status, destination)
        if writesThrough {
            do {
                descriptor = try FileDescriptor.open(destination, O_WRONLY | O_TRUNC)
            } catch {
                throw OutputError(path: destination, failure: error)
            }
            return
        }
        let directory = Self.directory(of: target)
        let prefix = ".\(Self.fileName(of: target)).kedja-"
        Self.removeAbandoned(in: directory, prefix: prefix)
        let (descriptor, path) = try Self.makeTemporary(in: directory, prefix: prefix, for: destination)
        self.descriptor = descriptor
        temporaryPath = path
    }

    deinit {
        if let temporaryPath, !committed || writesThrough {
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
        }
        // Closed after the unlink: the lock is held until the file is gone.
        if !committed { try? descriptor?.close() }
        try? libraryDescriptor?.close()
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let descriptor else { throw OutputError(path: destination, problem: .alreadyComplete) }
        do {
            try descriptor.writeAll(bytes)
        } catch {
            throw OutputError(path: destination, failure: error, inTemporaryFolder: Self.isTemporary(destination))
        }
    }

    /// Syncs the data and renames the file into place (or, writing through, copies what a library wrote).
    ///
    /// The bytes synced are those at the temporary path when `commit()` is called, read through a descriptor of
    /// their own: a library that wrote the file itself may have replaced the file this object created. The
    /// temporary file stays open, and so locked, until it has its final name.
    public func commit() throws {
        guard !committed, let descriptor else { return }
        do {
            if writesThrough {
                if let temporaryPath { try Self.copy(temporaryPath, to: descriptor) }
                try Self.syncIfPossible(descriptor)
                self.descriptor = nil
                try descriptor.close()
            } else if let temporaryPath {
                let written = try FileDescriptor.open(temporaryPath, O_RDONLY)
                defer { try? written.close() }
                try written.sync()
                guard rename(temporaryPath, target) == 0 else { throw FileDescriptor.Failure(code: errno) }
                TemporaryFiles.unregister(temporaryPath)
                self.descriptor = nil
                try? descriptor.close()
                let folder = try FileDescriptor.open(Self.directory(of: target), O_RDONLY)
                defer { try? folder.close() }
                try Self.syncIfPossible(folder)
            }
            committed = true
            self.descriptor = nil
            TemporaryFiles.notePlaced(destination)
        } catch let failure as FileDescriptor.Failure {
            // A descriptor still set is closed by `deinit`, after the temporary file is removed.
            throw OutputError(path: destination, failure: failure, inTemporaryFolder: Self.isTemporary(destination))
        }
    }

    /// The path a library that writes its file itself (libxlsxwriter) writes to; `commit()` puts it in place.
    public var pathForLibraries: String {
        get throws {
            if let temporaryPath { return temporaryPath }
            let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
            let (descriptor, path) = try Self.makeTemporary(
                in: directory, prefix: ".\(Self.fileName(of: destination)).kedja-", for: destination)
            libraryDescriptor = descriptor
            temporaryPath = path
            return path
        }
    }

    /// Creates an empty temporary file readable like any output (0644), named `PREFIX PID-XXXXXX`, locked and
    /// registered as this process's (``TemporaryFiles``).
    private static func makeTemporary(
        in directory: String, prefix: String, for destination: String
    ) throws -> (FileDescriptor, String) {
        var template = Array("\(directory)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        let raw = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard raw >= 0 else {
            guard errno != ENOENT else {
                throw OutputError(path: destination, problem: .missingFolder(directory))
            }
            throw OutputError(
                path: destination, failure: FileDescriptor.Failure(code: errno),
                inTemporaryFolder: isTemporary(directory + "/"))
        }
        fchmod(raw, 0o644)
        let descriptor = FileDescriptor(rawValue: raw)
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // A new file no one else has opened: the lock is always free.
        _ = descriptor.tryLock()
        TemporaryFiles.register(path)
        return (descriptor, path)
    }

    /// Whether `path` lies in `$TMPDIR`, where a full disk or a missing permission is the temporary folder's.
    private static func isTemporary(_ path: String) -> Bool {
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return path.hasPrefix(temporary.hasSuffix("/") ? temporary : temporary + "/")
    }

    /// Whether an output at `path` is written through rather than replaced: a FIFO, a device or an open
    /// descriptor, where no file can be put beside it (the rejects of `-o /dev/null` go elsewhere).
    public static func isWrittenThrough(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && isWrittenThrough(status, path)
    }

    private static func isWrittenThrough(_ status: stat, _ path: String) -> Bool {
        status.st_mode & S_IFMT != S_IFREG || namesDescriptor(path)
    }

    /// Whether `path` names an open descriptor (`/proc/self/fd/1`, `/dev/fd/1`, `/dev/stdout`), whose file the
    /// user means to write into even when it is a regular one.
    private static func namesDescriptor(_ path: String) -> Bool {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        return path.hasPrefix("/proc/") || path.hasPrefix("/dev/fd/") || path == "/dev/stdout"
            || path == "/dev/stderr"
    }

    /// Copies the file at `path` to `target`.
    private static func copy(_ path: String, to target: FileDescriptor) throws {
        let source = try FileDescriptor.open(path, O_RDONLY)
        defer { try? source.close() }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk.baseAddress!, count: chunk.count)
            if count == 0 { return }
            try target.writeAll(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
        }
    }

    /// Syncs `descriptor`, accepting that pipes, devices and some folders cannot be synced (`EINVAL`).
    private static func syncIfPossible(_ descriptor: FileDescriptor) throws(FileDescriptor.Failure) {
        do {
            try descriptor.sync()
        } catch {
            guard error.code == EINVAL || error.code == EROFS || error.code == ENOTSUP else { throw error }
        }
    }

    /// Removes temporary files a killed run left for this destination: those no live run holds locked.
    ///
    /// A run stopped by SIGKILL cannot clean up after itself; the next run for the same output does.
    private static func removeAbandoned(in directory: String, prefix: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in entries where name.hasPrefix(prefix) {
            TemporaryFiles.removeIfAbandoned("\(directory)/\(name)")
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

/// An output that cannot be written (exit 73), with the path and, where one fits, what to do.
///
/// The problem is kept as a case, not as text, so that messages say it in the run's language (KedjaModel's
/// `OutputError: Bilingual`); only the system's own reason (`strerror`) stays as the system words it.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// The output path; for ``isTemporaryFile``, the folder of the temporary file.
    public var path: String
    /// Why it failed.
    public var problem: Problem
    /// What the user can do, when the reason suggests something (space, permissions); nil otherwise.
    public var advice: Advice?
    /// Whether the file is one of Kedja's temporary files (a spool) in the folder `path`, not an output the user
    /// named.
    public var isTemporaryFile = false

    /// Why an output could not be written.
    public enum Problem: Sendable, Equatable {
        /// Whether a system call failed (space, permissions), rather than the path being wrong.
        public var isSystemFailure: Bool {
            if case .system = self { return true }
            return false
        }

        /// A system call failed; the system's reason (`No space left on device`).
        case system(String)
        /// The output is the input named (`protecting`).
        case alsoAnInput(String)
        /// The path names a folder.
        case folder
        /// The file was committed already.
        case alreadyComplete
        /// The folder the file would go in does not exist.
        case missingFolder(String)
        /// Kedja's private folder for converted workbooks could not be made, for the system's reason.
        case privateFolder(String)
        /// A temporary file Kedja wrote reads back other than written (changed or cut by someone else).
        case damagedTemporaryFile
        /// A reason worded by the caller, in the run's language.
        case text(String)
    }

    /// What to do about a failed write, when the failure says: free space, or another folder.
    public enum Advice: Sendable, Equatable {
        /// The disk or quota is full; `temporaryFolder` when the full folder is `$TMPDIR`.
        case space(temporaryFolder: String?)
        /// Writing there is not allowed; `temporaryFolder` when that folder is `$TMPDIR`.
        case permission(temporaryFolder: String?)
    }

    /// Creates an error.
    public init(path: String, problem: Problem, advice: Advice? = nil) {
        self.path = path
        self.problem = problem
        self.advice = advice
    }

    /// Creates an error with a reason the caller worded in the run's language.
    public init(path: String, reason: String, advice: Advice? = nil) {
        self.init(path: path, problem: .text(reason), advice: advice)
    }

    /// Creates the error for a system call on `path` that failed with `failure`, advising on space or permissions
    /// when that is what failed: about `$TMPDIR` for a file `inTemporaryFolder`, else about `--out-dir` and `-o`.
    public init(path: String, failure: FileDescriptor.Failure, inTemporaryFolder: Bool = false) {
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        let advice: Advice?
        switch failure.code {
        case ENOSPC, EDQUOT: advice = .space(temporaryFolder: inTemporaryFolder ? temporary : nil)
        case EACCES, EPERM, EROFS: advice = .permission(temporaryFolder: inTemporaryFolder ? temporary : nil)
        default: advice = nil
        }
        self.init(path: path, problem: .system(failure.description), advice: advice)
    }

    /// The error for one of Kedja's temporary files in `$TMPDIR` (a spool), which has no name the user knows.
    public static func temporaryFile(_ failure: FileDescriptor.Failure) -> OutputError {
        var error = OutputError(
            path: ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp", failure: failure, inTemporaryFolder: true)
        error.isTemporaryFile = true
        return error
    }

    /// `error`, about a file that turns out to be one of Kedja's temporary files in `$TMPDIR`.
    public static func temporaryFile(_ error: OutputError) -> OutputError {
        var error = error
        error.path = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        error.isTemporaryFile = true
        if case .space = error.advice { error.advice = .space(temporaryFolder: error.path) }
        if case .permission = error.advice { error.advice = .permission(temporaryFolder: error.path) }
        return error
    }

    /// The error for one of Kedja's temporary files that reads back other than it was written.
    public static var damagedTemporaryFile: OutputError {
        var error = OutputError(
            path: ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp", problem: .damagedTemporaryFile)
        error.isTemporaryFile = true
        return error
    }

    /// The error for a workbook that could not be saved for `path` (``XlsxError/isSaveFailure``): the library's
    /// temporary path means nothing to the user. The system's reason when there is one, with advice about `$TMPDIR`
    /// when it was the library's temporary files that failed.
    public init(savingWorkbookAt path: String, _ error: XlsxError) {
        if let code = error.systemError {
            self.init(
                path: path, failure: FileDescriptor.Failure(code: code),
                inTemporaryFolder: error.code == .temporaryFile)
        } else {
            self.init(path: path, reason: error.detail)
        }
    }

    /// The reason in English.
    public var reason: String {
        switch problem {
        case .system(let text), .text(let text): text
        case .alsoAnInput(let input):
            "it is also an input (\(input)); choose another output path so the input is not overwritten"
        case .folder: "it is a folder; give the path of a file in it"
        case .alreadyComplete: "the file is already complete"
        case .missingFolder(let folder): "the folder \(folder) does not exist; create it first"
        case .privateFolder(let why): "cannot create a private folder (\(why))"
        case .damagedTemporaryFile: "it reads back other than Kedja wrote it; run the command again"
        }
    }

    public var description: String {
        let sentence = reason.hasSuffix(".") ? reason : reason + "."
        let place = isTemporaryFile ? "a temporary file in \(path)" : path
        return "\(place): cannot write the output: \(sentence)" + (advice.map { " To go on, \($0.english)." } ?? "")
    }
}

extension OutputError.Advice {
    /// The advice in English, to follow "To go on, ".
    public var english: String {
        switch self {
        case .space(let temporary?):
            "free space in the temporary folder \(temporary), or set TMPDIR to a folder with room"
        case .space(nil): "free some space, or choose a folder with room (--out-dir / -o)"
        case .permission(_?): "set TMPDIR to a folder you may write to"
        case .permission(nil): "choose a folder you may write to (--out-dir / -o)"
        }
    }
}

extension OutputError: ExitStatusReporting {
    public var exitStatus: ExitStatus { .cannotCreateOutput }
}
