import Foundation
import KedjaTestSupport
import Tabular
import Testing

/// Issue 13, item 3: whatever text a cell is given, the workbook stays well-formed and the run goes on; what had
/// to change is counted in ``Workbook/textRepairs``.
@Suite("XLSX writer: cell texts")
struct XlsxWriterCellTextTests {
    /// Writes a workbook, checks every XML part with expat, and returns openpyxl's reading and the repairs.
    static func write(
        constantMemory: Bool = false, _ build: (Worksheet) throws -> Void
    ) throws -> (report: ProbeReport, repairs: TextRepairs) {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-celltext")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        let workbook = try Workbook(
            path: path, constantMemory: constantMemory, properties: XlsxWriterFixture.properties)
        try build(try workbook.addWorksheet(name: "A"))
        try workbook.close()
        #expect(try XlsxProbe.malformedParts(path) == [])
        return (try XlsxProbe.read(path), workbook.textRepairs)
    }

    @Test(
        "characters XML 1.0 forbids become U+FFFD and are counted; tab, newline and C1 controls stay",
        arguments: [false, true])
    func forbiddenCharactersReplaced(constantMemory: Bool) throws {
        let texts = [
            "Leverantör \u{FFFE} AB", "Bolag\u{FFFF}", "a\u{0}b\u{1}c\u{1F}d", "tab\there\nrad 2", "C1 \u{85} ok",
            "Åsa & Co",
        ]
        let expected = [
            "Leverantör \u{FFFD} AB", "Bolag\u{FFFD}", "a\u{FFFD}b\u{FFFD}c\u{FFFD}d", "tab\there\nrad 2",
            "C1 \u{85} ok", "Åsa & Co",
        ]
        let (report, repairs) = try Self.write(constantMemory: constantMemory) { sheet in
            for (row, text) in texts.enumerated() {
                try sheet.write(row: row, col: 0, string: text)
            }
            try sheet.write(row: texts.count, col: 0, string: "\u{FFFE}", style: CellStyle(bold: true))
        }
        #expect(repairs.replacedCharacters == 6)
        #expect(repairs.cutTexts == 0)
        let sheet = try report.sheet("A")
        for (row, text) in expected.enumerated() {
            #expect(try sheet.cell(row, 0).v == .string(text), "row \(row)")
        }
        #expect(try sheet.cell(texts.count, 0).v == .string("\u{FFFD}"))
    }

    @Test("a cell holds 32,767 characters; a longer text is cut with a marker, counted", arguments: [false, true])
    func longTextCut(constantMemory: Bool) throws {
        let (report, repairs) = try Self.write(constantMemory: constantMemory) { sheet in
            try sheet.write(row: 0, col: 0, string: String(repeating: "ä", count: 32_767))
            try sheet.write(row: 1, col: 0, string: String(repeating: "x", count: 40_000))
        }
        #expect(
            repairs
                == {
                    var expected = TextRepairs()
                    expected.cutTexts = 1
                    return expected
                }())
        let sheet = try report.sheet("A")
        #expect(try sheet.cell(0, 0).v == .string(String(repeating: "ä", count: 32_767)))
        guard case .string(let cut) = try sheet.cell(1, 0).v else {
            Issue.record("the cut text is not a string")
            return
        }
        let kept = cut.prefix { $0 == "x" }.count
        #expect(cut == String(repeating: "x", count: kept) + CellText.cutMarker(removed: 40_000 - kept))
        #expect(cut.utf16.count <= 32_767)
        #expect(kept > 32_767 - 30, "the marker takes the room of a few words, not more")
    }

    @Test("a cut never splits a character outside the BMP, which Excel counts as two")
    func cutKeepsSurrogatePairs() throws {
        let (report, repairs) = try Self.write { sheet in
            try sheet.write(row: 0, col: 0, string: String(repeating: "😀", count: 16_384))
            try sheet.mergeRange(
                CellRange(firstRow: 1, firstCol: 0, lastRow: 1, lastCol: 1),
                string: String(repeating: "y", count: 32_768))
        }
        #expect(repairs.cutTexts == 2)
        guard case .string(let cut) = try report.sheet("A").cell(0, 0).v else {
            Issue.record("the cut text is not a string")
            return
        }
        #expect(cut.utf16.count <= 32_767)
        let kept = cut.prefix { $0 == "😀" }
        #expect(cut == String(kept) + CellText.cutMarker(removed: 32_768 - kept.utf16.count))
    }

    @Test("a sheet name holding U+FFFE or U+FFFF is refused, as XML cannot hold it")
    func sheetNameWithNoncharacterRefused() throws {
        for name in ["A\u{FFFE}", "B\u{FFFF}"] {
            let error = #expect(throws: XlsxError.self) { try Workbook.checkSheetName(name) }
            #expect(error?.code == .invalidSheetName)
        }
    }
}
