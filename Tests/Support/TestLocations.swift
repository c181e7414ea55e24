import Foundation

/// Where the package, the third-party test material and each test's scratch files live.
///
/// Every test target needs these, and each used to work them out on its own; one definition keeps them
/// agreeing. Paths come from this file's location, so tests find them whatever the working directory.
public enum TestLocations {
    /// The folder holding Package.swift, found upwards from this source file.
    public static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// Third-party test material (`../shared/testdata` beside the package), kept out of the repository
    /// because it is not ours to commit.
    public static let sharedTestData = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testdata", isDirectory: true)

    /// A file or folder inside the shared test material, by its path relative to `sharedTestData`.
    public static func testData(_ relative: String) -> URL {
        sharedTestData.appendingPathComponent(relative)
    }

    /// A fresh, empty folder for one test's files, so parallel tests never share a path.
    ///
    /// `prefix` starts the folder's name, so a folder says which suite made it. Every such folder lives in
    /// one folder of the test process, removed when the process exits, so a suite leaves nothing in
    /// `$TMPDIR` even where a test cannot clean up after itself (a failed expectation, a killed child).
    public static func temporaryDirectory(prefix: String = "kedja-tests") throws -> URL {
        let folder = try TestRunFolder.url.get()
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// The folder that holds every temporary folder of this test process, removed at exit.
private enum TestRunFolder {
    /// Its path, for the exit handler (a C function pointer cannot capture it).
    nonisolated(unsafe) static var path = ""

    static let url = Result<URL, any Error> {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kedja-test-run-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.path
        atexit { try? FileManager.default.removeItem(atPath: TestRunFolder.path) }
        return folder
    }
}
