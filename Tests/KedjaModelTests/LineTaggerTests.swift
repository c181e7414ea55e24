import Foundation
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaModel

/// The tagger's shortcuts (answers cached per field value, the previous line's supplier, class and group)
/// never change an answer: lines tag the same wherever they occur in the file.
@Suite struct LineTaggerTests {
    static func tags(_ ledger: String) throws -> (tags: [LineTag], result: AnalysisResult) {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-tagger")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ledger.csv")
        try Data(ledger.utf8).write(to: url)
        let file = try SpendFile(
            path: url.path, vocabulary: ColumnVocabulary.load(from: TemplateFixtures.templatesDirectory))
        let analyzer = SpendAnalyzer(
            templates: try TemplateFixtures.bundled(), suppliers: SupplierList(),
            mapping: file.mapping, language: .en)
        var tags: [LineTag] = []
        let counts = try file.forEachLine(
            accepted: { record, amount in
                tags.append(analyzer.tag(record, amount: amount))
            }, rejected: { _, _ in })
        let start = try #require(CivilDate(year: 2027, month: 1, day: 1))
        return (tags, analyzer.finish(counts: counts, rejects: [], planStart: start))
    }

    @Test func repeatedLinesTagAlikeWhetherTheyFollowEachOtherOrNot() throws {
        let lines = [
            "Kaffe AB;Sverige;;Kaffe 500 g;10,00", "Kaffe AB;Sverige;;Kaffe 500 g;20,00",
            "Textil AB;Bangladesh;18100000;Arbetskläder;30,00", "Kaffe AB;Sverige;;Kaffe 500 g;40,00",
            "Kaffe AB;Sverige;;Te 100 st;50,00", "Textil AB;Bangladesh;18100000;Arbetskläder;60,00",
        ]
        let (tags, result) = try Self.tags(
            "Leverantör;Land;CPV-kod;Beskrivning;Belopp\n" + lines.joined(separator: "\n") + "\n")
        #expect(tags.count == 6)
        #expect(tags[0].tagClass == tags[1].tagClass && tags[1].tagClass == tags[3].tagClass)
        #expect(tags[0].groupID == tags[3].groupID)
        #expect(tags[2].tagClass == tags[5].tagClass && tags[2].groupID == tags[5].groupID)
        #expect(tags[4].tagClass != tags[3].tagClass, "the same supplier right after, another description")
        #expect(tags[4].category?.code == tags[0].category?.code, "tea and coffee share a category")
        #expect(tags[4].reasonID != tags[0].reasonID, "but not the keyword that found it")
        #expect(tags[2].category?.code == "18000000")
        #expect(tags[2].country?.alpha2 == "BD")
        let coffee = try #require(result.rows.first { $0.supplierName == "Kaffe AB" })
        #expect(coffee.lines == 4)
        #expect(coffee.spend == Amount("120.00"))
    }

    @Test func theSameSpellingRightAfterAnotherSupplierIsStillItsOwnSupplier() throws {
        let (tags, result) = try Self.tags(
            """
            Leverantörsnummer;Leverantör;Belopp
            1;Alfa AB;1,00
            2;Beta AB;2,00
            2;Beta AB;3,00
            1;Alfa AB;4,00
            1;ALFA AB;5,00

            """)
        #expect(tags.map(\.groupID) == [0, 1, 1, 0, 0], "another spelling of id 1 is the same supplier")
        #expect(result.quality.suppliers == 2)
        #expect(result.rows.map(\.lines).sorted() == [2, 3])
    }
}
