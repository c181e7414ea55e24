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

    /// The identity of the file `path` names now, or would name once written (through a link that names no file
    /// yet, the file it will name).
    public init(path: String) {
        let path = Self.followingLinks(path)
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

    /// `path` with its symbolic links followed to the file they name, which need not exist yet (a dangling link is
    /// followed to where its file will be); `path` itself when it is no link, or after 40 links (a loop).
    static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                link.hasPrefix("/")
                ? link : "\(current.lastIndex(of: "/").map { String(current[..<$0]) } ?? ".")/\(link)"
        }
        return path
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
