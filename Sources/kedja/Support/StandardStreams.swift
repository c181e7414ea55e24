import Foundation
import KedjaReports
import Tabular

#if canImport(Glibc)
import Glibc
#endif

/// `-` as an output: standard output, as CONTRACT.md and Unix tools have it.
enum StandardStreams {
    /// The path that names standard output (and, as an input, standard input).
    static let path = "-"

    /// Refuses a workbook on standard output when that is a terminal, where its bytes would only garble the screen
    /// (exit 64), before any work is done.
    static func checkWorkbookDestination(_ path: String, _ messages: Messages) throws {
        guard path == Self.path else { return }
        if isatty(1) == 1 { throw CommandFailure.usage(messages.workbookToTerminal) }
    }

    /// Copies a finished file to standard output.
    static func copyToStandardOutput(_ file: String, _ messages: Messages) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw OutputError(path: messages.standardOutput, reason: error.localizedDescription)
        }
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: messages.standardOutput, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}
