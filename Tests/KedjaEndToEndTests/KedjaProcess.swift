import Foundation

/// Runs the built `kedja` binary as a user would, capturing its output and exit status.
enum Kedja {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedTestData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    static let sampleLedger = packageRoot.appendingPathComponent("SampleData/leverantorsreskontra-2025.csv").path
    static let sampleSuppliers = packageRoot.appendingPathComponent("SampleData/leverantorer.csv").path

    /// The binary next to the test bundle (the same build), else the package's debug build.
    static let binary: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kedja")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests.path }
        return packageRoot.appendingPathComponent(".build/debug/kedja").path
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

        /// Standard output as the `--json` object.
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: stdout) as? [String: Any] else {
                throw CocoaError(.propertyListReadCorrupt)
            }
            return object
        }
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        try runProcess(binary, arguments, in: directory)
    }

    static func runProcess(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Output goes to files, so a large output can never block the process on a full pipe.
        let folder = try temporaryDirectory()
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL)
        let stderrData = try Data(contentsOf: errURL)
        try? FileManager.default.removeItem(at: folder)
        return Result(status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Runs a short Python program (an independent implementation to compare with) and returns its output.
    static func python(_ program: String, _ arguments: [String] = []) throws -> String {
        let result = try runProcess("/usr/bin/env", ["python3", "-c", program] + arguments)
        guard result.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSDebugDescriptionErrorKey: result.stderr]) }
        return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kedja-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
