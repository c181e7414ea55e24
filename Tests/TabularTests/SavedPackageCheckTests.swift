import Foundation
import KedjaTestSupport
import Testing

@testable import Tabular

/// Issue 13, found by the second attack: with `$TMPDIR` full, libxlsxwriter saved workbooks whose parts were empty or
/// cut short and reported success. `Workbook.close()` now reads the saved package back and fails on such a part.
@Suite("Saved workbook: every part complete")
struct SavedPackageCheckTests {
    @Test("a part that closes its root element, or is one self-closed element, is complete")
    func completeParts() {
        let declaration = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.utf8) + [0x0D, 0x0A]
        let sheet = declaration + Array(#"<worksheet xmlns="x"><sheetData><row r="1"/></sheetData></worksheet>"#.utf8)
        #expect(SavedPackageCheck.closesRoot(head: sheet, tail: sheet + [0x0A]))
        let empty = declaration + Array(#"<Types xmlns="y"/>"#.utf8)
        #expect(SavedPackageCheck.closesRoot(head: empty, tail: empty))
    }

    @Test("an empty part, a cut one, or one ending in another element's close is incomplete")
    func incompleteParts() {
        let sheet = Array(#"<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>"#.utf8)
        #expect(!SavedPackageCheck.closesRoot(head: [], tail: []))
        #expect(!SavedPackageCheck.closesRoot(head: sheet, tail: sheet))
        let cut = Array(#"<worksheet xmlns="x"><sheetData><row r="1"/></sheetData></works"#.utf8)
        #expect(!SavedPackageCheck.closesRoot(head: cut, tail: cut))
        let inner = Array(#"<worksheet xmlns="x"><sheetData/>"#.utf8)
        #expect(!SavedPackageCheck.closesRoot(head: inner, tail: inner))
    }

    @Test("a workbook Kedja writes passes; the same package with one part cut short names that part")
    func packageReadBack() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-saved")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        let workbook = try Workbook(path: path, properties: XlsxWriterFixture.properties)
        let sheet = try workbook.addWorksheet(name: "Data")
        for row in 0..<200 { try sheet.write(row: row, col: 0, string: "rad \(row)") }
        try workbook.close()
        #expect(SavedPackageCheck.incompleteParts(at: path) == [])

        let cut = folder.appendingPathComponent("cut.xlsx").path
        _ = try ChildProcess.python(
            """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:
                for item in source.infolist():
                    data = source.read(item.filename)
                    if item.filename == "xl/worksheets/sheet1.xml":
                        data = data[: len(data) // 2]
                    out.writestr(item, data)
            """, arguments: [path, cut])
        #expect(SavedPackageCheck.incompleteParts(at: cut) == ["xl/worksheets/sheet1.xml"])
    }
}
