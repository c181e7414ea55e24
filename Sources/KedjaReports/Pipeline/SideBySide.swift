import Foundation

/// Two independent pieces of work at once: one on a second thread, one on the caller's.
///
/// After the pass, completing the enriched CSV is a long sequential copy and writing the workbooks is compression;
/// neither reads what the other writes, so on a machine with two cores they take the time of the longer one.
enum SideBySide {
    /// Runs `background` on a new thread and `foreground` on this one, returns when both are done, and rethrows
    /// the background error first (the enriched CSV is the first output named), else the foreground one.
    static func run(_ background: () throws -> Void, _ foreground: () throws -> Void) throws {
        try withoutActuallyEscaping(background) { background in
            let job = Job(background)
            let thread = Thread { job.run() }
            thread.stackSize = 8 << 20
            thread.start()
            var foregroundError: (any Error)?
            do { try foreground() } catch { foregroundError = error }
            try job.waitForEnd()
            if let foregroundError { throw foregroundError }
        }
    }

    /// The background work and how it ended. `@unchecked Sendable`: the closure runs on exactly one thread, and
    /// `run` waits for it (under the semaphore) before its non-escaping context ends.
    private final class Job: @unchecked Sendable {
        private var work: (() throws -> Void)?
        private let done = DispatchSemaphore(value: 0)
        private var error: (any Error)?

        init(_ work: @escaping () throws -> Void) { self.work = work }

        func run() {
            perform()
            done.signal()
        }

        /// Runs the work and lets go of it before `run` signals: the thread object outlives the call, and a
        /// non-escaping closure must not be held once `SideBySide.run` returns.
        @inline(never)
        private func perform() {
            guard let work else { return }
            self.work = nil
            do { try work() } catch { self.error = error }
        }

        func waitForEnd() throws {
            done.wait()
            if let error { throw error }
        }
    }
}
