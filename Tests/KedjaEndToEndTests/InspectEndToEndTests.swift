import Foundation
import Testing

/// `kedja inspect` on the bundled sample and on real council exports, checked against independent counts.
@Suite struct InspectEndToEndTests {
    @Test func sampleLedgerMatchesTheGeneratorsOwnSummary() throws {
        let expected = try #require(
            JSONSerialization.jsonObject(
                with: Data(
                    contentsOf:
                        Kedja.packageRoot.appendingPathComponent("SampleData/expected-summary.json"))) as? [String: Any]
        )
        let result = try Kedja.run(["inspect", Kedja.sampleLedger, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let input = try #require(json["input"] as? [String: Any])
        #expect(input["encoding"] as? String == "windows-1252")
        #expect(input["bom"] as? Bool == false)
        #expect(input["delimiter"] as? String == ";")
        #expect(input["line_ending"] as? String == "\r\n")
        #expect(input["decimal_mark"] as? String == ",")
        #expect(json["rows_read"] as? Int == expected["rows"] as? Int)
        #expect(json["rows_rejected"] as? Int == expected["rows_broken"] as? Int)
        #expect(json["amount_total"] as? String == expected["amount_total"] as? String)
        #expect(json["reconciled"] as? Bool == true)
        let broken = try #require(expected["broken"] as? [[String: Any]])
        let rejects = try #require(json["rejects"] as? [[String: Any]])
        #expect(rejects.map { $0["record"] as? Int } == broken.map { $0["record"] as? Int })
        #expect(rejects.map { $0["line"] as? Int } == broken.map { $0["line"] as? Int })
        let columns = try #require(json["columns"] as? [[String: Any]])
        let roles = Set(columns.compactMap { $0["role"] as? String })
        #expect(
            roles.isSuperset(of: [
                "amount", "supplier_name", "supplier_id", "org_number", "cpv", "account", "description",
            ]))
    }

    /// The record count and total of a UK council export, computed independently with Python's csv and Decimal.
    static func independentTotals(_ path: String) throws -> (rows: Int, withoutAmount: Int, total: String) {
        let output = try Kedja.python(
            """
            import csv, sys
            from decimal import Decimal
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                rows = list(csv.DictReader(f))
            key = next(k for k in rows[0] if k.strip().lower() == 'amount')
            amounts = [r[key].replace(',', '') for r in rows]
            total = sum(Decimal(a) for a in amounts if a.strip())
            print(len(rows), sum(1 for a in amounts if not a.strip()), f"{total:.2f}")
            """, [path])
        let parts = output.split(separator: " ")
        return (Int(parts[0]) ?? -1, Int(parts[1]) ?? -1, String(parts[2]))
    }

    @Test(arguments: ["expenditure-over-500-jan-mar-2014.csv", "expenditure-over-500-jan-mar-2018.csv"])
    func councilExportCountsAndTotalsAreExact(file: String) throws {
        let path = Kedja.sharedTestData.appendingPathComponent("spend/uk-oxford-city-council/\(file)").path
        let expected = try Self.independentTotals(path)
        let result = try Kedja.run(["inspect", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["rows_read"] as? Int == expected.rows)
        #expect(
            json["rows_rejected"] as? Int == expected.withoutAmount, "lines without an amount are rejected, not zeroed")
        #expect(json["amount_total"] as? String == expected.total)
        let input = try #require(json["input"] as? [String: Any])
        #expect(input["delimiter"] as? String == ",")
        #expect(input["decimal_mark"] as? String == ".")
    }

    @Test func humanReadableOutputNamesRolesAndReasons() throws {
        let result = try Kedja.run(["inspect", Kedja.sampleLedger, "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("windows-1252"))
        #expect(result.stdoutText.contains("amount"))
        #expect(result.stdoutText.contains("record 509 (line 534)"))
    }
}
