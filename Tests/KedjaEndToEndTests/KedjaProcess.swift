import Foundation
import KedjaTestSupport

/// Runs the built `kedja` binary as a user would, capturing its output and exit status.
enum Kedja {
    /// What a finished run left behind: status, stdout, stderr.
    typealias Result = ChildProcess.Result

    static var packageRoot: URL { TestLocations.packageRoot }
    static var sharedTestData: URL { TestLocations.sharedTestData }
    static let sampleLedger = packageRoot.appendingPathComponent("SampleData/leverantorsreskontra-2025.csv").path
    static let sampleSuppliers = packageRoot.appendingPathComponent("SampleData/leverantorer.csv").path

    /// The binary next to the test bundle (the same build), else the package's debug build.
    static let binary: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("kedja")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests.path }
        return packageRoot.appendingPathComponent(".build/debug/kedja").path
    }()

    /// Runs kedja with `arguments`, in `directory` if given, with `input` on its standard input (else none) and
    /// `environment` added to the test's.
    @discardableResult
    static func run(
        _ arguments: [String], input: Data? = nil, in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        try ChildProcess.run(binary, arguments: arguments, input: input, in: directory, environment: environment)
    }

    /// Runs any program (a path) with `arguments`, in `directory` if given; its stdin is empty.
    static func runProcess(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        try ChildProcess.run(executable, arguments: arguments, in: directory)
    }

    /// Runs a short Python program (an independent implementation to compare with) and returns its output,
    /// trimmed.
    static func python(_ program: String, _ arguments: [String] = []) throws -> String {
        String(decoding: try ChildProcess.python(program, arguments: arguments), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A fresh, empty folder for one test's files.
    static func temporaryDirectory() throws -> URL {
        try TestLocations.temporaryDirectory(prefix: "kedja-e2e")
    }
}
