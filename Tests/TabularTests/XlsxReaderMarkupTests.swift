import Foundation
import Tabular
import Testing

/// Hand-written sheet XML for what producers other than Excel and openpyxl emit: every cell type,
/// rich text with phonetic guides, escapes, CDATA, namespace prefixes, cells without references.
@Suite("XlsxReader markup")
struct XlsxReaderMarkupTests {
    @Test("every cell type: shared, inline, formula text, number, boolean, error, ISO date, blank")
    func cellTypes() throws {
        let url = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [
                (
                    "Types",
                    """
                    <row r="1">\
                    <c r="A1" t="s"><v>0</v></c>\
                    <c r="B1" t="inlineStr"><is><t>inline</t></is></c>\
                    <c r="C1" t="str"><f>A1&amp;"!"</f><v>shared!</v></c>\
                    <c r="D1"><v>-1234.50</v></c>\
                    <c r="E1" t="n"><v>1.5E-3</v></c>\
                    <c r="F1" t="b"><v>0</v></c>\
                    <c r="G1" t="e"><v>#DIV/0!</v></c>\
                    <c r="H1" t="d"><v>2024-03-01T13:45:00</v></c>\
                    <c r="I1"><f>NOW()</f></c>\
                    <c r="J1" s="0"/>\
                    </row>
                    """
                )
            ],
            sharedStrings: ["<si><t>shared</t></si>"])
        let rows = try XlsxReaderFixtures.rows(of: url)
        #expect(
            rows == [
                XlsxRow(
                    index: 1,
                    cells: [
                        .string("shared"), .string("inline"), .string("shared!"), .number("-1234.50", -1234.5),
                        .number("1.5E-3", 0.0015), .boolean(false), .error("#DIV/0!"),
                        .date(year: 2024, month: 3, day: 1, seconds: 49_500),
                    ])
            ])
        #expect(
            rows[0].cells.map(\.text) == [
                "shared", "inline", "shared!", "-1234.50", "0.0015", "FALSE", "#DIV/0!", "2024-03-01 13:45:00",
            ])
    }

    @Test("rich text runs are joined, phonetic guides dropped, _xHHHH_ and entities resolved")
    func textContent() throws {
        let url = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [
                (
                    "Text",
                    """
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
                    <row r="2"><c r="A2" t="inlineStr"><is><r><t xml:space="preserve">Rad </t></r><r><rPr><b/></rPr><t>två</t></r>\
                    <rPh sb="0" eb="1"><t>ラド</t></rPh></is></c>\
                    <c r="B2" t="inlineStr"><is><t><![CDATA[<b>&amp; kept</b>]]></t></is></c>\
                    <c r="C2" t="inlineStr"><is><t>&#x41;&#66;&lt;&gt;&quot;&apos;</t></is></c></row>
                    """
                )
            ],
            sharedStrings: [
                "<si><r><t>東京</t></r><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>",
                "<si><t>line_x000D_\r\nbreak _x005F_x0041_ _xZZZZ_</t></si>",
                "<si/>",
            ])
        let rows = try XlsxReaderFixtures.rows(of: url)
        #expect(
            rows.map(\.cells) == [
                [.string("東京"), .string("line\r\nbreak _x0041_ _xZZZZ_"), .string("")],
                [.string("Rad två"), .string("<b>&amp; kept</b>"), .string("AB<>\"'")],
            ])
    }

    @Test("cells and rows without references follow the previous ones; prefixed names are read")
    func implicitReferencesAndPrefixes() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let url = try XlsxReaderFixtures.zip([
            "xl/workbook.xml": """
            <x:workbook xmlns:x="\(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <x:sheets><x:sheet name="Prefixed" sheetId="1" r:id="rId7"/></x:sheets>
            </x:workbook>
            """,
            "xl/_rels/workbook.xml.rels": """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId7" Target="/xl/worksheets/data.xml"
                Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet"/>
            </Relationships>
            """,
            "xl/worksheets/data.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- written by hand -->
            <x:worksheet xmlns:x="\(main)">
              <x:sheetData>
                <x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>
                <x:row>
                  <x:c r="C2"><x:v>3</x:v></x:c>
                  <x:c><x:v>4</x:v></x:c>
                </x:row>
                <x:row r="7"><x:c r="a7"><x:v>7</x:v></x:c></x:row>
              </x:sheetData>
            </x:worksheet>
            """,
        ])
        let reader = try XlsxReader(url: url)
        #expect(reader.sheetNames == ["Prefixed"])
        let rows = try XlsxReaderFixtures.rows(of: url)
        #expect(
            rows == [
                XlsxRow(index: 1, cells: [.string("a"), .number("2", 2)]),
                XlsxRow(index: 2, cells: [.empty, .empty, .number("3", 3), .number("4", 4)]),
                XlsxRow(index: 7, cells: [.number("7", 7)]),
            ])
    }

    @Test("date styles come from cellXfs, custom numFmts override built-in ids, 1904 is honoured")
    func styles() throws {
        let styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>\
            <numFmt numFmtId="14" formatCode="0.00"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs>
            """
        let sheet = """
            <row r="1"><c s="0"><v>45352</v></c><c s="1"><v>45352</v></c><c s="2"><v>45352</v></c>\
            <c s="3"><v>45352.75</v></c><c s="9"><v>45352</v></c><c s="1"><v>-1</v></c></row>
            """
        let url1900 = try XlsxReaderFixtures.handWrittenWorkbook(sheets: [("S", sheet)], styles: styles)
        #expect(
            try XlsxReaderFixtures.rows(of: url1900)[0].cells == [
                .number("45352", 45352), .date(year: 2024, month: 3, day: 1), .number("45352", 45352),
                .date(year: 2024, month: 3, day: 1, seconds: 64_800), .number("45352", 45352), .number("-1", -1),
            ])
        let url1904 = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("S", sheet)], styles: styles, workbookProperties: "<workbookPr date1904=\"true\"/>")
        #expect(try XlsxReaderFixtures.rows(of: url1904)[0][1] == .date(year: 2028, month: 3, day: 2))
    }
}
