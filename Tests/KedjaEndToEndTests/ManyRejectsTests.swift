import Foundation
import KedjaTestSupport
import Testing

/// Issue 13, item 7: memory bounded by what the report needs. Rejected records stream to the rejects CSV and the
/// register's sheets; summaries and `--json` list the first 1,000 and count the rest.
@Suite struct ManyRejectsTests {
    /// A ledger of `good` accepted lines and `bad` lines whose amount is not a number.
    static func writeLedger(to url: URL, good: Int, bad: Int) throws {
        var text = "Leverantör;Konto;Belopp\n"
        for line in 0..<good { text += "Bra \(line % 50) AB;6410;\(line),00\n" }
        for line in 0..<bad { text += "Dålig \(line % 50) AB;6410;n/a \(line)\n" }
        try Data(text.utf8).write(to: url)
    }

    @Test func summariesListTheFirstThousandAndEveryOutputHoldsAll() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.csv")
        try Self.writeLedger(to: ledger, good: 10, bad: 1_500)

        let tagged = try Kedja.run(["tag", ledger.path, "-o", "tagged.csv", "--json"], in: folder)
        #expect(tagged.status == 0, "\(tagged.stderr)")
        let json = try tagged.json()
        #expect(json["rows_rejected"] as? Int == 1_500)
        #expect((json["rejects"] as? [Any])?.count == 1_000)
        #expect(json["rejects_not_listed"] as? Int == 500)
        let rejectsCSV = try String(contentsOf: folder.appendingPathComponent("tagged.rejects.csv"), encoding: .utf8)
        #expect(rejectsCSV.split(separator: "\n").count == 1 + 1_500)
        // Standard error lists 20 and counts the rest of all of them, not of the thousand kept for --json.
        let told = try Kedja.run(["tag", ledger.path, "-o", "told.csv", "--lang", "en"], in: folder)
        #expect(told.stderr.contains("… and 1480 more rejected records; all 1500 are in"), "\(told.stderr)")

        let register = try Kedja.run(
            ["register", ledger.path, "-o", "register.xlsx", "--lang", "en", "--quiet"], in: folder)
        #expect(register.status == 0, "\(register.stderr)")
        let (sheets, _) = try WorkbookProbe.read(folder.appendingPathComponent("register.xlsx").path, maxRows: 2_000)
        let rejected = try #require(sheets.first { $0.name == "Rejected" })
        #expect(rejected.cells.count == 1 + 1_500)
        #expect(rejected.values(row: 1_500).last as? String == "amount 'n/a 1499' is not a number")
    }

    @Test func hundredsOfThousandsOfRejectsCostNoMoreMemoryThanAThousand() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let few = folder.appendingPathComponent("few.csv")
        let many = folder.appendingPathComponent("many.csv")
        try Self.writeLedger(to: few, good: 10, bad: 1_000)
        try Self.writeLedger(to: many, good: 10, bad: 400_000)
        let baseline = try Kedja.runMeasuringPeakMemory([
            "tag", few.path, "-o", folder.appendingPathComponent("a.csv").path, "--json",
        ])
        let result = try Kedja.runMeasuringPeakMemory([
            "tag", many.path, "-o", folder.appendingPathComponent("b.csv").path, "--json",
        ])
        #expect(baseline.run.status == 0 && result.run.status == 0, "\(result.run.stderr)")
        #expect(try result.run.json()["rows_rejected"] as? Int == 400_000)
        // Kept in memory, 400,000 rejects took about 60 MB; spooled, they take a buffer.
        let extra = result.peakBytes - baseline.peakBytes
        #expect(extra < 16 << 20, "400,000 rejects cost \(extra >> 20) MiB more than 1,000")
    }
}
