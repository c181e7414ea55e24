import Foundation
import Testing

/// Issue 6: a field far over the size limit costs its record, never the run, and never memory in proportion
/// to its size.
@Suite struct HostileHugeFieldTests {
    /// The reader's default field limit (`CSVLimits().maxFieldBytes`, 16 MiB).
    static let defaultFieldLimit = 16 << 20

    /// A three-record ledger whose second record holds a 60 MB field, quoted (it may hold anything) or not.
    static func ledgerWithHugeField(quoted: Bool) -> [UInt8] {
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: 60_000_000)
        let field = quoted ? [UInt8(ascii: "\"")] + filler + [UInt8(ascii: "\"")] : filler
        return Array("Leverantör;Belopp\nA;1,00\n".utf8) + field + Array(";2,00\nC;3,00\n".utf8)
    }

    @Test(arguments: [true, false])
    func sixtyMegabyteFieldRejectsItsRecordInBoundedMemory(quoted: Bool) throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.csv")
        try Data(Self.ledgerWithHugeField(quoted: quoted)).write(to: huge)
        let small = folder.appendingPathComponent("small.csv")
        try Data("Leverantör;Belopp\nA;1,00\nC;3,00\n".utf8).write(to: small)

        let baseline = try Kedja.runMeasuringPeakMemory(["inspect", small.path, "--json"])
        let result = try Kedja.runMeasuringPeakMemory(["inspect", huge.path, "--json"])
        #expect(result.run.status == 0, "\(result.run.stderr)")
        let json = try result.run.json()
        #expect(json["rows_read"] as? Int == 3)
        #expect(json["rows_written"] as? Int == 2)
        #expect(json["rows_rejected"] as? Int == 1)
        #expect(json["amount_total"] as? String == "4.00")
        let rejects = try #require(json["rejects"] as? [[String: Any]])
        #expect(rejects.count == 1)
        #expect(rejects.first?["record"] as? Int == 2)
        #expect(rejects.first?["line"] as? Int == 3)
        #expect((rejects.first?["reason"] as? String)?.contains("större än \(Self.defaultFieldLimit) byte") == true)
        // Holding the field would cost 60 MB; the reader holds at most the limit plus one read chunk of it.
        let extra = result.peakBytes - baseline.peakBytes
        #expect(extra < 2 * Self.defaultFieldLimit, "a 60 MB field cost \(extra >> 20) MiB over a small file")
    }
}

extension Kedja {
    /// A run with its peak resident memory, measured by a Python parent whose only child is kedja.
    struct MeasuredRun {
        var run: Result
        var peakBytes: Int
    }

    /// Runs kedja under a small Python wrapper that reports the child's peak RSS (`ru_maxrss`) on standard
    /// error, so a test can bound memory without the test process's own children muddling the number.
    static func runMeasuringPeakMemory(_ arguments: [String]) throws -> MeasuredRun {
        let wrapper = """
            import resource, subprocess, sys
            code = subprocess.run(sys.argv[1:]).returncode
            sys.stderr.write("\\npeak_rss_kib=%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.exit(code if code >= 0 else 128 - code)
            """
        var result = try runProcess("/usr/bin/env", ["python3", "-c", wrapper, binary] + arguments)
        let marker = "\npeak_rss_kib="
        guard let range = result.stderr.range(of: marker, options: .backwards),
            let kibibytes = Int(result.stderr[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSDebugDescriptionErrorKey: result.stderr]) }
        result.stderr = String(result.stderr[..<range.lowerBound])
        return MeasuredRun(run: result, peakBytes: kibibytes * 1024)
    }
}
