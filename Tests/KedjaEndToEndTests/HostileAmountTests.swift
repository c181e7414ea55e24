import Foundation
import Testing

/// Issue 6: amounts past what a `Double` holds exactly stay exact to the cent in every total; amounts past
/// what any total can hold are rejected by name, not wrapped or rounded.
@Suite struct HostileAmountTests {
    static func inspect(_ ledger: String) throws -> [String: Any] {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.csv")
        try Data(ledger.utf8).write(to: path)
        let result = try Kedja.run(["inspect", path.path, "--json", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        return try result.json()
    }

    @Test func seventeenDigitAmountIsExact() throws {
        let json = try Self.inspect("Leverantör;Belopp\nA;12345678901234567,89\n")
        // As a Double the amount would be 12345678901234568, off by 0.11.
        #expect(json["amount_total"] as? String == "12345678901234567.89")
    }

    @Test func seventeenDigitAmountsSumExactly() throws {
        let json = try Self.inspect(
            "Leverantör;Belopp\nA;12345678901234567,89\nB;0,11\nC;1 234 567 890 123 456,78\nD;-0,01\n")
        // 12345678901234567.89 + 0.11 + 1234567890123456.78 - 0.01, by hand.
        #expect(json["amount_total"] as? String == "13580246791358024.77")
        #expect(json["rows_rejected"] as? Int == 0)
    }

    @Test func creditNoteCancelsAHugeAmountToTheCent() throws {
        let json = try Self.inspect("Leverantör;Belopp\nA;12345678901234567,89\nA;-12345678901234567,88\n")
        #expect(json["amount_total"] as? String == "0.01")
    }

    @Test func amountBeyondAnyTotalIsRejectedByName() throws {
        let json = try Self.inspect("Leverantör;Belopp\nA;1,00\nB;10000000000000000000000000,00\nC;2,00\n")
        #expect(json["amount_total"] as? String == "3.00")
        let reject = try #require((json["rejects"] as? [[String: Any]])?.first)
        #expect(reject["record"] as? Int == 2)
        #expect(reject["reason"] as? String == "amount '10000000000000000000000000,00' is too large")
    }
}
