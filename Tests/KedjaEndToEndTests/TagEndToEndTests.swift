import Foundation
import Testing

/// `kedja tag`: the enriched CSV keeps the input's dialect byte for byte and re-tags idempotently.
@Suite struct TagEndToEndTests {
    static let kedjaColumns = [
        "kedja_category_code", "kedja_category", "kedja_category_source", "kedja_country",
        "kedja_risk_human_rights", "kedja_risk_labour_rights", "kedja_risk_environment", "kedja_risk_anti_corruption",
        "kedja_risk_overall", "kedja_priority", "kedja_tasks", "kedja_reason",
    ]

    /// Reads a CSV with Python's csv module: an independent reader of what Kedja wrote.
    static func pythonRows(_ path: String, encoding: String) throws -> [[String]] {
        let json = try Kedja.python(
            """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """, [path, encoding])
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]] ?? []
    }

    @Test func sampleLedgerIsTaggedInItsOwnDialect() throws {
        let folder = try Kedja.temporaryDirectory()
        let output = folder.appendingPathComponent("tagged.csv").path
        let result = try Kedja.run([
            "tag", Kedja.sampleLedger, "--suppliers", Kedja.sampleSuppliers, "-o", output,
            "--lang", "en", "--json", "--start", "2026-01-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["rows_written"] as? Int == 2994)
        #expect(json["rows_rejected"] as? Int == 6)

        let input = try Self.pythonRows(Kedja.sampleLedger, encoding: "cp1252")
        let tagged = try Self.pythonRows(output, encoding: "cp1252")
        let header = try #require(tagged.first)
        #expect(Array(header.prefix(input[0].count)) == input[0])
        #expect(Array(header.suffix(12)) == Self.kedjaColumns)
        // Every accepted record keeps its fields exactly; the rejected ones are in the rejects file.
        let rejectedRecords = Set((json["rejects"] as? [[String: Any]] ?? []).compactMap { $0["record"] as? Int })
        let accepted = input.dropFirst().enumerated().filter { !rejectedRecords.contains($0.offset + 1) }.map(\.element)
        #expect(tagged.count - 1 == accepted.count)
        var (ratedLines, excludedLines) = (0, 0)
        for (original, enriched) in zip(accepted, tagged.dropFirst()) {
            #expect(Array(enriched.prefix(original.count)) == original)
            #expect(enriched.count == original.count + 12)
            guard enriched.count == original.count + 12 else { continue }
            let kedja = Array(enriched.suffix(12))
            #expect(!kedja[11].isEmpty, "every tagged line has a reason")
            if kedja[2] == "excluded" {
                // Outside the scope of procurement (CONTRACT.md): its risk, priority and task cells are empty
                // and its reason says why.
                excludedLines += 1
                #expect(kedja[4..<11].allSatisfy { $0.isEmpty }, "\(kedja)")
                #expect(kedja[11].hasPrefix("outside scope: "), "\(kedja[11])")
            } else {
                ratedLines += 1
                #expect(["cpv", "supplier", "keyword", "account", "none"].contains(kedja[2]), "\(kedja[2])")
                #expect(kedja[4..<9].allSatisfy { ["high", "medium", "low", "unknown"].contains($0) }, "\(kedja)")
                #expect(["1", "2", "3"].contains(kedja[9]), "every rated line has a priority")
            }
        }
        #expect(ratedLines > 0 && excludedLines > 0, "the sample has both rated lines and payments outside the scope")
        let rejects = try Self.pythonRows(folder.appendingPathComponent("tagged.rejects.csv").path, encoding: "cp1252")
        #expect(rejects.count == 7)
        #expect(rejects.first?.prefix(3) == ["kedja_record", "kedja_line", "kedja_reason"])

        // Raw bytes: CRLF endings and Windows-1252, no UTF-8 anywhere.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(bytes.starts(with: Array("Verifikationsnummer;".utf8)))
        #expect(bytes.contains(0xF6), "ö as Windows-1252")
        #expect(String(data: bytes, encoding: .utf8) == nil, "not re-encoded as UTF-8")
    }

    @Test func retaggingATaggedFileGivesTheSameBytes() throws {
        let folder = try Kedja.temporaryDirectory()
        let first = folder.appendingPathComponent("first.csv").path
        let second = folder.appendingPathComponent("second.csv").path
        let options = ["--suppliers", Kedja.sampleSuppliers, "--start", "2026-01-01", "--quiet"]
        #expect(try Kedja.run(["tag", Kedja.sampleLedger, "-o", first] + options).status == 0)
        let again = try Kedja.run(["tag", first, "-o", second] + options)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func specialistRatings() throws {
        let folder = try Kedja.temporaryDirectory()
        let ledger = folder.appendingPathComponent("ledger.csv")
        let text = """
            Leverantör;Organisationsnummer;Land;CPV-kod;Beskrivning;Belopp
            Dhaka Garments Ltd;;Bangladesh;18100000;Arbetskläder;100 000,00
            Kaffegrossisten AB;556036-0793;Sverige;;Kaffe Gevalia 6x500g;50 000,00
            Sol & Panel AB;;SE;09331200;Solpaneler tak;75 000,00
            Konsultbolaget AB;;Sverige;79411000;Konsulttjänst april;20 000,00
            Okänd leverantör;;;;;1 000,00

            """
        try Data(text.utf8).write(to: ledger)
        let output = folder.appendingPathComponent("out.csv").path
        let result = try Kedja.run(["tag", ledger.path, "-o", output, "--lang", "en", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.pythonRows(output, encoding: "utf-8")
        let byName = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        let labour = 6 + 5, overall = 6 + 8, source = 6 + 2
        #expect(byName["Dhaka Garments Ltd"]?[labour] == "high")
        #expect(byName["Dhaka Garments Ltd"]?.last?.contains("BD") == true)
        #expect(
            byName["Kaffegrossisten AB"]?[overall] == "high", "coffee is high upstream even from a Swedish wholesaler")
        #expect(byName["Kaffegrossisten AB"]?[source] == "keyword")
        #expect(byName["Sol & Panel AB"]?[overall] == "high")
        #expect(byName["Konsultbolaget AB"]?[overall] == "low")
        #expect(byName["Okänd leverantör"]?[overall] == "unknown", "no code, category or country is unknown, not low")
    }
}
