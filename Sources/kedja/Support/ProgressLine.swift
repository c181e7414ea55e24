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

    init(enabled: Bool, total: Int64?) {
        self.total = total
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
            draw(String(format: "%.1f MB read, writing the outputs…", megabytes))
            return
        }
        // No speed to tell before the count has moved on from the first report.
        guard bytes > first.bytes, now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let speed = Double(bytes - first.bytes) / max(now.timeIntervalSince(first.time), 0.001)
        var text = String(format: "%.1f MB read, %.1f MB/s", megabytes, speed / 1e6)
        if let total, total > 0 {
            let left = Double(total - bytes) / max(speed, 1)
            text += String(format: ", %.0f%%, about %.0f s left", Double(bytes) * 100 / Double(total), left)
        }
        draw(text)
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
