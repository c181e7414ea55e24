import Foundation
import KedjaTestSupport
import Tabular
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 13, item 2: a destination that is not a regular file is written through, as `cp` does, and never replaced
/// by a regular file; the bytes a library writes itself reach it too.
@Suite("Atomic output: special destinations")
struct AtomicOutputFileTests {
    /// The file type bits of `path` (following links), or nil when it does not exist.
    static func fileType(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// Reads a FIFO to its end on another thread, the way a `cat fifo` reader would, while `writing` runs.
    static func readFIFO(_ path: String, while writing: () throws -> Void) throws -> Data {
        final class Received: @unchecked Sendable {
            var data = Data()
        }
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
        reader.start()
        try writing()
        done.wait()
        return received.data
    }

    @Test func aFIFOIsWrittenThroughAndStaysAFIFO() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let data = try Self.readFIFO(fifo) {
            let file = try AtomicOutputFile(destination: fifo)
            try Array("a;b\r\n".utf8).withUnsafeBytes { try file.write($0) }
            try file.commit()
        }
        #expect(String(decoding: data, as: UTF8.self) == "a;b\r\n")
        #expect(Self.fileType(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
    }

    @Test func aCharacterDeviceIsWrittenThroughNotReplaced() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A link in the test's own folder: were the device replaced, the link would be, never /dev/null itself.
        let null = folder.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: null, withDestinationPath: "/dev/null")
        let file = try AtomicOutputFile(destination: null)
        try Array("x".utf8).withUnsafeBytes { try file.write($0) }
        try file.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: null) == "/dev/null")
        #expect(Self.fileType("/dev/null") == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["null"])
    }

    @Test func whatALibraryWritesIsCopiedThroughAndItsFileRemoved() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let payload = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var libraryPath = ""
        let data = try Self.readFIFO(fifo) {
            let file = try AtomicOutputFile(destination: fifo)
            libraryPath = try file.pathForLibraries
            try payload.write(to: URL(fileURLWithPath: libraryPath))
            try file.commit()
        }
        #expect(data == payload)
        #expect(!libraryPath.hasPrefix(folder.path), "the library's file is built in $TMPDIR, not beside the FIFO")
        #expect(!FileManager.default.fileExists(atPath: libraryPath))
        #expect(Self.fileType(fifo) == S_IFIFO)
    }

    @Test func anOpenDescriptorNamedUnderProcIsWrittenInto() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv").path
        FileManager.default.createFile(atPath: target, contents: Data("old contents\n".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: target))
        defer { try? handle.close() }
        var before = stat()
        #expect(stat(target, &before) == 0)
        let file = try AtomicOutputFile(destination: "/proc/self/fd/\(handle.fileDescriptor)")
        try Array("new\n".utf8).withUnsafeBytes { try file.write($0) }
        try file.commit()
        var after = stat()
        #expect(stat(target, &after) == 0)
        #expect(after.st_ino == before.st_ino, "the file the descriptor names is written into, not replaced")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["target.csv"])
    }

    /// Found by the second attack: a symbolic link was replaced by a regular file and its target left as it was.
    @Test func aLinkIsFollowedToItsFileAndStaysALink() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv").path
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        let link = folder.appendingPathComponent("link.csv").path
        #expect(symlink("target.csv", link) == 0)
        // A dangling link, to a file in a subfolder: the file is made where the link points.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let dangling = folder.appendingPathComponent("dangling.csv").path
        #expect(symlink("sub/new.csv", dangling) == 0)
        for path in [link, dangling] {
            let file = try AtomicOutputFile(destination: path)
            try Array("new\n".utf8).withUnsafeBytes { try file.write($0) }
            try file.commit()
            var status = stat()
            #expect(lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK, "\(path) is still a link")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        #expect(
            try String(contentsOfFile: folder.appendingPathComponent("sub/new.csv").path, encoding: .utf8) == "new\n")
        // Two links to one file that does not exist yet are one output.
        let second = folder.appendingPathComponent("second.csv").path
        #expect(symlink("sub/later.csv", second) == 0)
        let third = folder.appendingPathComponent("third.csv").path
        #expect(symlink("sub/later.csv", third) == 0)
        #expect(FileIdentity.same(second, third))
        #expect(!FileIdentity.same(second, link))
    }

    @Test func aFolderIsRefusedWithAClearReason() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: OutputError.self) { try AtomicOutputFile(destination: folder.path) }
        #expect(error?.reason.contains("is a folder") == true)
    }
}

/// Issue 13, item 8: an output error advises on space or permissions only when that is what failed, and about
/// `$TMPDIR` when the file was a temporary one.
@Suite("Output errors: advice")
struct OutputErrorAdviceTests {
    @Test func adviceFollowsTheErrno() {
        let full = OutputError(path: "out.csv", failure: FileDescriptor.Failure(code: ENOSPC))
        #expect(full.description.contains("No space left on device"))
        #expect(full.description.contains("free some space, or choose a folder with room (--out-dir / -o)"))
        let temporary = OutputError(
            path: "spool", failure: FileDescriptor.Failure(code: ENOSPC), inTemporaryFolder: true)
        #expect(temporary.description.contains("TMPDIR"))
        #expect(!temporary.description.contains("--out-dir"))
        let denied = OutputError(path: "out.csv", failure: FileDescriptor.Failure(code: EACCES))
        #expect(denied.description.contains("choose a folder you may write to"))
        let other = OutputError(path: "out.csv", failure: FileDescriptor.Failure(code: EIO))
        #expect(other.advice == nil)
        #expect(!OutputError(path: "a", reason: "it is also an input (b)").description.contains("free"))
    }
}

/// Issue 13, item 6: a temporary file is known as a live run's by its lock, not by a process id, which a run in
/// another PID namespace cannot see.
@Suite("Atomic output: abandoned temporary files")
struct AbandonedTemporaryFileTests {
    @Test func aLockedTemporaryFileIsLeftAloneWhateverItsProcessID() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process id that does not exist here, as a run in a container would have written it.
        let live = folder.appendingPathComponent(".out.csv.kedja-4194303-Ab12Cd").path
        let dead = folder.appendingPathComponent(".out.csv.kedja-4194303-Ef34Gh").path
        for path in [live, dead] { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }
        let holder = open(live, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)

        let file = try AtomicOutputFile(destination: folder.appendingPathComponent("out.csv").path)
        try file.commit()
        #expect(FileManager.default.fileExists(atPath: live), "a live run's file is kept")
        #expect(!FileManager.default.fileExists(atPath: dead), "an abandoned file is removed")
    }

    @Test func aRunHoldsTheLockOfItsTemporaryFileUntilItIsInPlace() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.csv").path
        let first = try AtomicOutputFile(destination: destination)
        try Array("first".utf8).withUnsafeBytes { try first.write($0) }
        // A second run for the same output starts meanwhile: it must not take the first one's file away.
        let second = try AtomicOutputFile(destination: destination)
        try first.commit()
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "first")
        try second.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }
}
