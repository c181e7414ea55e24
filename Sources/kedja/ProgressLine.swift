import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error for long runs: bytes read, speed and time left.
///
/// Shown only on an interactive terminal, for inputs over a few megabytes, and never with `--quiet`,
/// so scripts and CI logs stay clean.
final class ProgressLine {
    private let total: Int64?
    private let started = Date()
    private var lastDraw = Date.distantPast
    /// Whether updates are drawn at all.
    let isActive: Bool

    init(enabled: Bool, total: Int64?) {
        self.total = total
        isActive = enabled && isatty(2) == 1 && (total ?? 0) > 4 << 20
    }

    func update(bytes: Int64) {
        guard isActive else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let speed = Double(bytes) / elapsed
        var text = String(format: "\r%.1f MB read, %.1f MB/s", Double(bytes) / 1e6, speed / 1e6)
        if let total, total > 0 {
            let left = Double(total - bytes) / max(speed, 1)
            text += String(format: ", %.0f%%, about %.0f s left   ", Double(bytes) * 100 / Double(total), left)
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        guard isActive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
