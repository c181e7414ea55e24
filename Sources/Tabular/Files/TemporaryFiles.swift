import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files and folders of this process, so that an interrupted run (SIGINT, SIGTERM) removes them
/// before it exits, and the owners' locks that tell a live run's files from a killed one's; and the outputs already
/// put in place, which the interrupted run names.
///
/// Each temporary file is held under an advisory lock (`flock`) while it is written: a later run removes a file
/// left behind only when it can take that lock, so the owner is gone. Process ids cannot tell, as a run in
/// another PID namespace (a container) sees other numbers.
public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Notes `path` (a file or a folder) as this process's, to be removed if the process is stopped.
    public static func register(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    /// Forgets `path`: it was removed or put in place.
    public static func unregister(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// Removes every registered file and folder; for a signal handler, before the process exits.
    public static func removeAll() {
        let all = paths.withLock { current in
            defer { current.removeAll() }
            return current
        }
        for path in all { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Outputs this process has put in place, in order: what an interrupted run says it wrote before it stopped.
    private static let placed = Mutex<[String]>([])

    /// Notes that the output `path` (as the user named it) is complete and in place.
    public static func notePlaced(_ path: String) {
        placed.withLock { $0.append(path) }
    }

    /// The outputs this process has put in place so far.
    public static var outputsPlaced: [String] { placed.withLock { $0 } }

    /// Removes the file at `path` if no live run holds its lock; a file that cannot be opened is left alone.
    static func removeIfAbandoned(_ path: String) {
        guard let descriptor = try? FileDescriptor.open(path, O_RDONLY | O_NONBLOCK) else { return }
        defer { try? descriptor.close() }
        // Unlinked while locked, so no run can take the name over in between.
        if descriptor.tryLock() { unlink(path) }
    }
}
