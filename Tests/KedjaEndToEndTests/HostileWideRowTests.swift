import Foundation
import Testing

/// Issue 6: a row of 200,000 fields is one rejected record with its number, line and field count.
@Suite struct HostileWideRowTests {
    @Test(arguments: ["", "1"])
    func twoHundredThousandFieldRowIsRejectedAndTheRestCounted(cell: String) throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wide.csv")
        let wideRow = Array(repeating: cell, count: 200_000).joined(separator: ";")
        try Data("Leverantör;Belopp\r\nA;1,00\r\n\(wideRow)\r\nC;3,00\r\n".utf8).write(to: path)

        let result = try Kedja.run(["inspect", path.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["rows_read"] as? Int == 3)
        #expect(json["rows_written"] as? Int == 2)
        #expect(json["rows_rejected"] as? Int == 1)
        #expect(json["amount_total"] as? String == "4.00")
        let reject = try #require((json["rejects"] as? [[String: Any]])?.first)
        #expect(reject["record"] as? Int == 2)
        #expect(reject["line"] as? Int == 3)
        #expect((reject["reason"] as? String)?.contains("200000 fält") == true, "the reason in Swedish by default")

        #expect(try Kedja.run(["inspect", path.path, "--strict", "--quiet"]).status == 1)
    }
}
