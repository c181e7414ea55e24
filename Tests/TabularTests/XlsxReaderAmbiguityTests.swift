import Foundation
import KedjaTestSupport
import Tabular
import Testing

/// Issue 13, item 4: a package or a sheet that programs read in different ways is refused, never read one of them.
@Suite("XlsxReader: ambiguous workbooks")
struct XlsxReaderAmbiguityTests {
    static let row1 = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Belopp</t></is></c></row>"#

    static func rowWith(_ number: Int, amount: Int) -> String {
        #"<row r="\#(number)"><c r="A\#(number)"><v>\#(amount)</v></c></row>"#
    }

    @Test("a package with two entries of one name is refused")
    func duplicateEntryRefused() throws {
        let url = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Data", Self.row1 + Self.rowWith(2, amount: 405))])
        // Python's zipfile appends a second entry of the same name (with a warning), as a hostile tool would.
        try ChildProcess.python(
            """
            import sys, warnings, zipfile
            warnings.simplefilter("ignore")
            with zipfile.ZipFile(sys.argv[1], "a") as archive:
                archive.writestr("xl/worksheets/sheet1.xml", open(sys.argv[2]).read())
            """,
            arguments: [url.path, try Self.sheetXML(rows: Self.row1 + Self.rowWith(2, amount: 1_000_000_000))])
        let error = #expect(throws: XlsxReadError.self) { try XlsxReader(url: url) }
        #expect(error?.reason == .duplicateEntry("xl/worksheets/sheet1.xml"))
        #expect(error?.exitStatus == .dataError)
        #expect(error?.description.contains("two entries named 'xl/worksheets/sheet1.xml'") == true)
    }

    @Test("a row number that repeats or goes back is refused", arguments: [(2, 2), (3, 2)])
    func rowOutOfOrderRefused(first: Int, second: Int) throws {
        let url = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Data", Self.row1 + Self.rowWith(first, amount: 405) + Self.rowWith(second, amount: 102))])
        let error = #expect(throws: XlsxReadError.self) { try XlsxReaderFixtures.rows(of: url) }
        #expect(error?.reason == .rowOutOfOrder(row: second, previous: first))
        #expect(error?.sheet == "Data")
        #expect(error?.exitStatus == .dataError)
    }

    @Test("rows without a number follow the one before; ascending numbers may skip rows")
    func ascendingRowsRead() throws {
        let url = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Data", Self.row1 + "<row><c><v>1</v></c></row>" + Self.rowWith(5, amount: 2))])
        #expect(try XlsxReaderFixtures.rows(of: url).map(\.index) == [1, 2, 5])
    }

    /// A worksheet part holding `rows` as its sheet data, written to a file of its own; returns its path.
    static func sheetXML(rows: String) throws -> String {
        let url = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxreader").appendingPathComponent("sheet.xml")
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
            """
        try Data(xml.utf8).write(to: url)
        return url.path
    }
}
