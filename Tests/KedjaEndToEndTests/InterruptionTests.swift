import Foundation
import KedjaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 13, item 6: nothing left behind. An interrupted run removes its temporary files and exits 130 or 143;
/// a killed run's files are removed by the next run only when no live run holds them.
@Suite struct InterruptionTests {
    /// A ledger long enough that a run is still writing when the signal comes.
    static func writeLongLedger(to url: URL) throws {
        var text = "Leverantör;Konto;Belopp\n"
        text.reserveCapacity(12_000_000)
        for line in 0..<400_000 { text += "Leverantör \(line % 997) AB;6410;\(line % 1000),50\n" }
        try Data(text.utf8).write(to: url)
    }

    @Test(arguments: [("INT", 130), ("TERM", 143)])
    func aSignalRemovesTheRunsTemporaryFiles(signal: String, status: Int) throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeLongLedger(to: folder.appendingPathComponent("ledger.csv"))
        // The run is signalled as soon as its first temporary file exists, by the process id the shell started.
        let script = """
            "$0" run ledger.csv --out-dir out --quiet 2> stderr & pid=$!
            tries=0
            while [ -z "$(ls -A out 2>/dev/null)" ] && [ $tries -lt 600 ]; do sleep 0.05; tries=$((tries + 1)); done
            kill -\(signal) $pid
            wait $pid
            echo $?
            """
        let result = try Kedja.runProcess("/bin/sh", ["-c", script, Kedja.binary], in: folder)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == String(status))
        let out = folder.appendingPathComponent("out").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [], "left behind in out/")
        let stderr = try String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)
        #expect(stderr.contains("kedja: avbruten; tillfälliga filer borttagna"), "in Swedish by default: \(stderr)")
    }
}
