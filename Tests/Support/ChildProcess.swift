import Foundation

/// Runs a program as a child process and collects its exit status and output.
///
/// The standard streams are temporary files, never pipes: a blocking read on a pipe can be interrupted by
/// another test's child exiting (`SIGCHLD`), which Foundation's pipe reading turns into a crash, and a
/// child writing more than a pipe holds would block forever while nobody reads.
public enum ChildProcess {
    /// What a finished child left behind.
    public struct Result: Sendable {
        /// The exit status (or the signal number, if a signal ended it).
        public var status: Int32
        /// Everything written to standard output.
        public var stdout: Data
        /// Everything written to standard error, decoded as UTF-8.
        public var stderr: String

        /// Standard output decoded as UTF-8.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

        /// Standard output parsed as one JSON object, for programs with a `--json` mode.
        public func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: stdout) as? [String: Any] else {
                throw CocoaError(.propertyListReadCorrupt)
            }
            return object
        }
    }

    /// A child that had to succeed exited with another status; its stderr says why.
    public struct Failure: Error, CustomStringConvertible {
        /// The program that failed, for the message (not its arguments, which may be a whole script).
        public let program: String
        /// The child's exit status.
        public let status: Int32
        /// What the child wrote to standard error.
        public let stderr: String

        public var description: String { "\(program) exited with \(status): \(stderr)" }
    }

    /// Runs `executable` (a path) with `arguments`, feeding `input` on standard input (nothing if nil) and
    /// starting in `directory` (the test's own if nil), with `environment` added to this process's; waits for it
    /// to exit.
    ///
    /// A non-zero exit is not an error here: tests of failure paths inspect `status` and `stderr`.
    public static func run(
        _ executable: String, arguments: [String], input: Data? = nil, in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-child")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = folder.appendingPathComponent("stdout")
        let errorFile = folder.appendingPathComponent("stderr")
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        if let input {
            let inputFile = folder.appendingPathComponent("stdin")
            try input.write(to: inputFile)
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let output = try FileHandle(forWritingTo: outputFile)
        let errors = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return Result(
            status: process.terminationStatus, stdout: try Data(contentsOf: outputFile),
            stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }

    /// Runs `python3 -c script arguments…` and returns its standard output; throws `Failure` if it exits
    /// non-zero.
    ///
    /// Tests use Python (openpyxl, the csv module) as an independent implementation to build inputs and
    /// check outputs with.
    @discardableResult
    public static func python(_ script: String, arguments: [String] = [], input: Data? = nil) throws -> Data {
        let result = try run("/usr/bin/env", arguments: ["python3", "-c", script] + arguments, input: input)
        guard result.status == 0 else {
            throw Failure(program: "python3", status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }
}
