import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error for long runs: bytes read, speed and time left.
///
/// Shown only on an interactive terminal, for inputs over a few megabytes, and never with `--quiet`,
/// so scripts and CI logs stay clean. Speed is measured from the first chunk read, so loading the rule
/// tables and the supplier list does not make the first estimate too long; once the whole file is read the
/// line says the outputs are being written, since the enriched CSV and the workbooks still take a while.
final class ProgressLine {
    private let total: Int64?
    /// When the first chunk was reported, and how many bytes it held.
    private var firstReport: (time: Date, bytes: Int64)?
    private var lastDraw = Date.distantPast
    private var finishedReading = false
    /// Whether updates are drawn at all.
    let isActive: Bool
    /// The words of the line, in the run's language.
    private let messages: Messages

    init(enabled: Bool, total: Int64?, messages: Messages) {
        self.total = total
        self.messages = messages
        isActive = enabled && isatty(2) == 1 && (total ?? 0) > 4 << 20
    }

    func update(bytes: Int64) {
        guard isActive, !finishedReading else { return }
        let now = Date()
        guard let first = firstReport else {
            firstReport = (now, bytes)
            return
        }
        let megabytes = Double(bytes) / 1e6
        if let total, bytes >= total {
            finishedReading = true
            draw(messages.progressWriting(megabytes: megabytes))
            return
        }
        // No speed to tell before the count has moved on from the first report.
        guard bytes > first.bytes, now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let speed = Double(bytes - first.bytes) / max(now.timeIntervalSince(first.time), 0.001)
        var percent: Double?
        var left: Double?
        if let total, total > 0 {
            left = Double(total - bytes) / max(speed, 1)
            percent = Double(bytes) * 100 / Double(total)
        }
        draw(messages.progress(megabytes: megabytes, speed: speed / 1e6, percent: percent, secondsLeft: left))
    }

    func finish() {
        guard isActive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Replaces the line on the terminal with `text`.
    private func draw(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }
}
