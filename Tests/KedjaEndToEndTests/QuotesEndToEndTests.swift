import Foundation
import Testing

/// Issue 12 item 7: quotes as Excel reads them. A quote inside a field that does not start with one is text, and
/// `inspect` counts such fields; a quoted field left open still stops the run, naming its line.
@Suite struct QuotesEndToEndTests {
    static let ledger =
        "Leverantör;Belopp;Beskrivning\nRestaurang \"Blå Dörren\" AB;1 200,00;Lunch\n"
        + "Teknikhuset AB;2 500,00;Skärm 27\" 4K\n\"Bygg AB\";300,00;\"Sand; grus\"\n"

    @Test func inspectReadsStrayQuotesAsTextAndCountsTheFields() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("reskontra.csv").path
        try Data(Self.ledger.utf8).write(to: URL(fileURLWithPath: path))

        let text = try Kedja.run(["inspect", path, "--lang", "en"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdoutText.contains("2 fields hold a quote without starting with one; read as text"))
        #expect(text.stdoutText.contains("3 read, 3 accepted, 0 rejected"))

        let json = try Kedja.run(["inspect", path, "--json"]).json()
        #expect((json["details"] as? [String: String])?["fields_with_literal_quotes"] == "2")
        #expect(json["amount_total"] as? String == "4000.00")
    }

    /// The enriched CSV gives back the fields Python's csv module (which reads quotes as Excel does) finds.
    @Test func tagKeepsTheFieldsAsSpreadsheetsReadThem() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("reskontra.csv").path
        let output = folder.appendingPathComponent("taggad.csv").path
        try Data(Self.ledger.utf8).write(to: URL(fileURLWithPath: path))

        let result = try Kedja.run(["tag", path, "-o", output, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let same = try Kedja.python(
            """
            import csv, sys
            read = lambda p: list(csv.reader(open(p, newline='', encoding='utf-8'), delimiter=';'))
            source, tagged = read(sys.argv[1]), read(sys.argv[2])
            print(source == [row[:3] for row in tagged], source[1][0])
            """, [path, output])
        #expect(same == "True Restaurang \"Blå Dörren\" AB")
    }

    @Test func anUnterminatedQuoteAfterAStrayOneStillNamesItsLine() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cut.csv").path
        try Data("Leverantör;Belopp\nRestaurang \"Blå\" AB;1,00\nB;\"2,00\nC;3,00\n".utf8)
            .write(to: URL(fileURLWithPath: path))

        let result = try Kedja.run(["inspect", path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path), line 3: a quoted field starts here and is never closed"))
    }
}
