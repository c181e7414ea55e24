import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What makes two paths name the same file, so an output never lands on an input or on another output.
///
/// Path strings cannot tell: a bind mount, a hard link or `/proc/self/cwd` gives one file many paths. A file that
/// exists is known by its device and inode; one not written yet by the device and inode of its folder and its
/// name; only when the folder is missing too does the normalised path decide.
public struct FileIdentity: Hashable, Sendable {
    private enum Key: Hashable, Sendable {
        case file(device: UInt64, inode: UInt64)
        case entry(folderDevice: UInt64, folderInode: UInt64, name: String)
        case path(String)
    }

    private let key: Key

    /// The identity of the file `path` names now, or would name once written.
    public init(path: String) {
        // Split by hand: Foundation's NSString path methods trap on some short paths (`-`) on Linux.
        let slash = path.lastIndex(of: "/")
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ""
        if let file = Self.deviceAndInode(path) {
            key = .file(device: file.device, inode: file.inode)
        } else if let folder = Self.deviceAndInode(folder.isEmpty ? "." : folder) {
            key = .entry(folderDevice: folder.device, folderInode: folder.inode, name: name)
        } else {
            key = .path(URL(fileURLWithPath: path).standardizedFileURL.path)
        }
    }

    /// Whether `first` and `second` name the same file.
    public static func same(_ first: String, _ second: String) -> Bool {
        FileIdentity(path: first) == FileIdentity(path: second)
    }

    /// What kind of file `path` names (following links), or nil when nothing is there.
    public static func kind(of path: String) -> FileKind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFIFO: return .pipe
        case S_IFCHR, S_IFBLK: return .device
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    private static func deviceAndInode(_ path: String) -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }
}

/// The kinds of file an input or output path can name, as far as reading and writing them differ.
public enum FileKind: Sendable, Equatable {
    /// A regular file, read twice or replaced by rename.
    case regular
    /// A folder.
    case folder
    /// A FIFO: its bytes come once, and it is written through.
    case pipe
    /// A character or block device, such as `/dev/null`.
    case device
    /// A socket.
    case socket
    /// Anything else.
    case other
}
