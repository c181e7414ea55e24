import Foundation
import KedjaTestSupport
import Testing

/// Issue 13, item 3: supplier names XML cannot hold, or longer than a cell, still give well-formed workbooks and
/// a complete set of outputs, with the repairs counted in the summary.
@Suite struct HostileTextTests {
    /// A name 40,000 characters long: over Excel's 32,767 per cell.
    static let longName = String(repeating: "Lång leverantör ", count: 2_500)

    static func writeLedger(in folder: URL) throws -> URL {
        let ledger = """
            Leverantörsnamn;Organisationsnummer;Konto;Belopp
            Bygg \u{FFFE} AB;556036-0793;6510;100,00
            Städ\u{FFFF}\u{1} AB;;6510;200,00
            \(longName);;6410;300,00
            Vanlig AB;;6410;1,00

            """
        let path = folder.appendingPathComponent("ledger.csv")
        try Data(ledger.utf8).write(to: path)
        return path
    }

    @Test func workbooksStayWellFormedAndTheRepairsAreCounted() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Self.writeLedger(in: folder)
        let outDir = folder.appendingPathComponent("out")
        let result = try Kedja.run(["run", ledger.path, "--out-dir", outDir.path, "--lang", "en", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let outputs = try #require(json["outputs"] as? [String])
        let workbooks = outputs.filter { $0.hasSuffix(".xlsx") }
        #expect(workbooks.count == 3)
        for workbook in workbooks {
            #expect(try XlsxProbe.malformedParts(workbook) == [], "\(workbook)")
        }
        let details = try #require(json["details"] as? [String: String])
        // Each workbook that shows supplier names counts its own replacements and cuts.
        #expect(Int(details["workbook_characters_replaced"] ?? "") ?? 0 >= 3)
        #expect(Int(details["workbook_texts_cut"] ?? "") ?? 0 >= 1)

        let register = try #require(workbooks.first { $0.hasSuffix("risk-register.xlsx") })
        let (sheets, _) = try WorkbookProbe.read(register)
        let names = try #require(sheets.first { $0.name == "Risk register" }).cells.dropFirst().compactMap {
            $0.first?["v"] as? String
        }
        #expect(names.contains("Bygg \u{FFFD} AB"))
        #expect(names.contains("Städ\u{FFFD}\u{FFFD} AB"))
        let cut = try #require(names.first { $0.hasPrefix("Lång leverantör") })
        #expect(cut.utf16.count <= 32_767)
        #expect(cut.range(of: #"… \[cut: \d+ characters\]$"#, options: .regularExpression) != nil)
    }

    @Test func theNoteSaysWhatWasRepaired() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Self.writeLedger(in: folder)
        let output = folder.appendingPathComponent("register.xlsx").path
        let result = try Kedja.run(["register", ledger.path, "-o", output, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("replaced by U+FFFD"), "\(result.stderr)")
        #expect(result.stderr.contains("32,767 characters per cell cut"), "\(result.stderr)")
        #expect(try XlsxProbe.malformedParts(output) == [])
        let swedish = try Kedja.run(["register", ledger.path, "-o", output])
        #expect(swedish.stderr.contains("ersatta med U+FFFD"), "\(swedish.stderr)")
        #expect(swedish.stderr.contains("32 767 tecken per cell kapade"), "\(swedish.stderr)")
        // The marker in a Swedish workbook is Swedish too.
        let (sheets, _) = try WorkbookProbe.read(output)
        let names = try #require(sheets.first { $0.name == "Riskregister" }).cells.dropFirst().compactMap {
            $0.first?["v"] as? String
        }
        let cut = try #require(names.first { $0.hasPrefix("Lång leverantör") })
        #expect(cut.range(of: #"… \[kapad: \d+ tecken\]$"#, options: .regularExpression) != nil)
    }

    @Test func convertToWorkbookRepairsAndCounts() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Self.writeLedger(in: folder)
        let output = folder.appendingPathComponent("ledger.xlsx").path
        let result = try Kedja.run(["convert", ledger.path, "-o", output, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try XlsxProbe.malformedParts(output) == [])
        let details = try #require(try result.json()["details"] as? [String: String])
        #expect(details["workbook_characters_replaced"] == "3")
        #expect(details["workbook_texts_cut"] == "1")
    }
}
