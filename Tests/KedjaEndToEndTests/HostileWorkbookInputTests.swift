import Foundation
import KedjaTestSupport
import Testing

/// Issue 13, item 4: workbook inputs that programs read in different ways are refused (exit 65) with a message
/// that says what to do, and a stray far cell cannot fill the disk with temporary CSV.
@Suite struct HostileWorkbookInputTests {
    /// Writes a one-sheet workbook to `sys.argv[1]` whose sheet data is `sys.argv[2]` (or the file `@PATH` names);
    /// with a third argument, a second entry `xl/worksheets/sheet1.xml` holding that sheet data is appended, as a
    /// hostile tool would.
    static let maker = """
        import sys, warnings, zipfile
        warnings.simplefilter("ignore")
        main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        def sheet(data):
            if data.startswith("@"):
                data = open(data[1:], encoding="utf-8").read()
            return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{data}</sheetData></worksheet>'
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as book:
            book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            book.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            book.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
            book.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            book.writestr("xl/worksheets/sheet1.xml", sheet(sys.argv[2]))
            if len(sys.argv) > 3:
                book.writestr("xl/worksheets/sheet1.xml", sheet(sys.argv[3]))
        """

    static let header =
        #"<row r="1"><c r="A1" t="inlineStr"><is><t>Leverantör</t></is></c><c r="B1" t="inlineStr"><is><t>Belopp</t></is></c></row>"#

    static func row(_ number: Int, amount: String) -> String {
        #"<row r="\#(number)"><c r="A\#(number)" t="inlineStr"><is><t>AB</t></is></c><c r="B\#(number)"><v>\#(amount)</v></c></row>"#
    }

    static func workbook(in folder: URL, _ sheetData: String, duplicate: String? = nil) throws -> String {
        let path = folder.appendingPathComponent("book.xlsx").path
        _ = try Kedja.python(maker, [path, sheetData] + (duplicate.map { [$0] } ?? []))
        return path
    }

    @Test func twoEntriesOfOneNameAreRefused() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Self.workbook(
            in: folder, Self.header + Self.row(2, amount: "405"),
            duplicate: Self.header + Self.row(2, amount: "1000000000"))
        let result = try Kedja.run(["tag", book, "-o", "-", "--lang", "en"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("two entries named 'xl/worksheets/sheet1.xml'"), "\(result.stderr)")
    }

    @Test func aRowNumberRepeatedOrOutOfOrderIsRefused() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for rows in [
            Self.row(3, amount: "303") + Self.row(2, amount: "102"),
            Self.row(2, amount: "303") + Self.row(2, amount: "102"),
        ] {
            let book = try Self.workbook(in: folder, Self.header + rows)
            let result = try Kedja.run(["tag", book, "-o", "-", "--lang", "en"])
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("sheet 'Data': row 2 comes"), "\(result.stderr)")
            #expect(result.stderr.contains("save it again"), "\(result.stderr)")
        }
    }

    /// Found by the second attack: a cell repeated in its row (`B2` twice) was read as the last of them.
    @Test func aCellRepeatedOrOutOfOrderInItsRowIsRefused() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (cells, told) in [
            (
                #"<c r="A2" t="inlineStr"><is><t>AB</t></is></c><c r="B2"><v>100</v></c><c r="B2"><v>5000</v></c>"#,
                "cell B2 comes a second time"
            ),
            (#"<c r="B2"><v>100</v></c><c r="A2" t="inlineStr"><is><t>AB</t></is></c>"#, "cell A2 comes after B2"),
        ] {
            let book = try Self.workbook(in: folder, Self.header + #"<row r="2">"# + cells + "</row>")
            let result = try Kedja.run(["tag", book, "-o", "-", "--lang", "en"])
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains(told), "\(result.stderr)")
            let swedish = try Kedja.run(["tag", book, "-o", "-"])
            #expect(swedish.stderr.contains("varje cell i en rad ska komma en gång"), "\(swedish.stderr)")
        }
    }

    @Test func aStrayFarCellCannotFillTheDisk() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // XFD1 makes every record 16,384 fields; kept blank rows up to row 1,048,576 would make 17 GB of CSV.
        let far = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Leverantör</t></is></c><c r="XFD1"><v>1</v></c></row>"#
        let book = try Self.workbook(in: folder, far + Self.row(1_048_576, amount: "1"))
        let output = folder.appendingPathComponent("out.csv").path
        let result = try Kedja.run(["convert", book, "-o", output, "--lang", "en"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("cell XFD1 makes that 16384 columns"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["book.xlsx"])
    }

    @Test func aStrayFarCellIsLeftOutOfTheTableAnalysed() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 100,000 rows under a header with a note in XFD1: padded, the table would be 1.6 GB of CSV.
        let note = #"<c r="XFD1" t="inlineStr"><is><t>Anteckning</t></is></c>"#
        let header = Self.header.replacingOccurrences(of: "</row>", with: note + "</row>")
        let rows = (2...100_001).map { Self.row($0, amount: "\($0 % 1000).25") }.joined()
        let sheetData = folder.appendingPathComponent("sheet.xml")
        try (header + rows).write(to: sheetData, atomically: true, encoding: .utf8)
        let book = try Self.workbook(in: folder, "@" + sheetData.path)
        let output = folder.appendingPathComponent("out.csv").path
        let result = try Kedja.run(["tag", book, "-o", output, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("16381 empty columns (C–XFC) were left out; no value was lost"), "\(result.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.count == 100_001)
        #expect(lines[0].contains(#""Leverantör","Belopp","Anteckning","kedja_category_code""#), "\(lines[0])")
        #expect(lines[1].hasPrefix("AB,2.25,,"), "\(lines[1])")
        // Every line is accepted, its amount counted: sum of (n mod 1000) + 0.25 over n = 2…100,001.
        let cents = (2...100_001).reduce(0) { $0 + $1 % 1000 * 100 + 25 }
        #expect(result.stderr.contains("100000 records, 100000 accepted, 0 rejected"), "\(result.stderr)")
        #expect(
            result.stderr.contains("total " + String(format: "%d.%02d", cents / 100, cents % 100)), "\(result.stderr)")
    }
}
