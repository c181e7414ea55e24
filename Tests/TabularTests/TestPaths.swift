import Foundation

/// Where the package and the third-party test material live, found from this file's path.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedTestData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")

    static func testData(_ relative: String) -> URL { sharedTestData.appendingPathComponent(relative) }

    /// A fresh temporary folder for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kedja-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
