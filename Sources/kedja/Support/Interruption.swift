import Dispatch
import Foundation
import Tabular

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT (Ctrl-C) and SIGTERM end a run cleanly: the run's temporary files go (the enriched CSV's and each
/// workbook's beside their destinations, the private CSV of a workbook input under `$TMPDIR`), earlier outputs
/// stay as they were, the message names the outputs the run had already put in place, and the exit status is the
/// shell's 130 or 143.
///
/// The signals are taken by a dispatch source rather than a signal handler, so the clean-up runs as ordinary code
/// on a thread of its own while the interrupted work is wherever it was.
enum Interruption {
    /// The signal sources, kept for the life of the process; written once, when first read, never changed.
    nonisolated(unsafe) private static let sources: [any DispatchSourceSignal] = [(SIGINT, 130), (SIGTERM, 143)].map {
        number, status in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            TemporaryFiles.removeAll()
            let placed = TemporaryFiles.outputsPlaced
            FileHandle.standardError.write(Data((Messages.parsing.interrupted(placed: placed) + "\n").utf8))
            exit(Int32(status))
        }
        source.resume()
        return source
    }

    /// Starts handling the signals.
    static func install() {
        _ = sources
    }
}
