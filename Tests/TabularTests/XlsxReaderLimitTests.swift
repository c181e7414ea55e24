import Foundation
import KedjaTestSupport
import Tabular
import Testing

/// Files that are not workbooks, broken workbooks, and workbooks that break a limit: each fails
/// with an error naming the file, the sheet or entry, and the limit to raise.
@Suite("XlsxReader errors and limits")
struct XlsxReaderLimitTests {
    let reference = XlsxReaderFixtures.referenceWorkbook

    @Test("a file that is not a ZIP archive")
    func notAZip() throws {
        let url = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxreader")
            .appendingPathComponent("ledger.xlsx")
        try Data("Leverantör;Belopp\nAcme;12,50\n".utf8).write(to: url)
        let error = try #require(throws: XlsxReadError.self) { try XlsxReader(url: url) }
        #expect(error.reason == .notAZipArchive)
        #expect(error.description.hasPrefix("\(url.path): not an XLSX workbook"))
    }

    @Test("a missing file and a folder cannot be opened")
    func unreadable() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxreader")
        let missing = try #require(throws: XlsxReadError.self) {
            try XlsxReader(url: folder.appendingPathComponent("nothing.xlsx"))
        }
        #expect(missing.reason == .fileUnreadable("no such file"))
        let directory = try #require(throws: XlsxReadError.self) { try XlsxReader(url: folder) }
        #expect(directory.reason == .fileUnreadable("it is a folder"))
    }

    @Test("a ZIP archive without a workbook part")
    func noWorkbook() throws {
        let url = try XlsxReaderFixtures.zip(["content.xml": "<office:document/>", "mimetype": "text/plain"])
        let error = try #require(throws: XlsxReadError.self) { try XlsxReader(url: url) }
        #expect(error.reason == .missingPart("xl/workbook.xml"))
    }

    @Test("a zip bomb is refused from its declared sizes before inflating")
    func zipBombDeclared() throws {
        let url = try Self.bomb(lyingAboutSize: false)
        let reader = try XlsxReader(url: url)
        let error = try #require(throws: XlsxReadError.self) { try reader.readSheet("Bomb") }
        #expect(error.reason == .compressionRatioTooHigh(entry: "xl/worksheets/sheet1.xml", limit: 200))
        #expect(error.sheet == "Bomb")
        #expect(error.description.contains("XlsxLimits.maxCompressionRatio"))
        #expect(error.description.contains("sheet 'Bomb'"))
    }

    @Test("a zip bomb whose directory lies about its size is stopped while it inflates")
    func zipBombLying() throws {
        let url = try Self.bomb(lyingAboutSize: true)
        var rows: [Int] = []
        let error = try #require(throws: XlsxReadError.self) {
            try XlsxReader(url: url).forEachRow(sheet: "Bomb") { rows.append($0.index) }
        }
        #expect(error.reason == .compressionRatioTooHigh(entry: "xl/worksheets/sheet1.xml", limit: 200))
        #expect(rows == [1])
    }

    @Test("an entry larger than maxEntryBytes")
    func entryTooLarge() throws {
        let reader = try XlsxReader(url: reference, limits: XlsxLimits(maxEntryBytes: 50_000))
        let error = try #require(throws: XlsxReadError.self) { try reader.readSheet("CPI 2017") }
        #expect(error.reason == .entryTooLarge(entry: "xl/worksheets/sheet1.xml", limit: 50_000))
        #expect(error.sheet == "CPI 2017")
        #expect(error.description.contains("XlsxLimits.maxEntryBytes"))
        // A smaller sheet of the same workbook still reads.
        #expect(try reader.readSheet("BRICS").count == 8)
    }

    @Test("shared strings beyond maxSharedStrings or maxSharedStringBytes")
    func sharedStringLimits() throws {
        let byCount = try XlsxReader(url: reference, limits: XlsxLimits(maxSharedStrings: 100))
        let countError = try #require(throws: XlsxReadError.self) { try byCount.readSheet() }
        #expect(countError.reason == .tooManySharedStrings(limit: 100))
        #expect(countError.description.contains("XlsxLimits.maxSharedStrings"))

        let byBytes = try XlsxReader(url: reference, limits: XlsxLimits(maxSharedStringBytes: 1_000))
        let bytesError = try #require(throws: XlsxReadError.self) { try byBytes.readSheet() }
        #expect(bytesError.reason == .sharedStringsTooLarge(limit: 1_000))
    }

    @Test("rows past maxRows and columns past maxColumns; rows before the limit were delivered")
    func sheetSizeLimits() throws {
        var delivered = 0
        let rowError = try #require(throws: XlsxReadError.self) {
            try XlsxReader(url: reference, limits: XlsxLimits(maxRows: 100)).forEachRow { _ in delivered += 1 }
        }
        #expect(rowError.reason == .tooManyRows(row: 101, limit: 100))
        #expect(rowError.sheet == "CPI 2017")
        #expect(delivered == 99)

        let columnError = try #require(throws: XlsxReadError.self) {
            try XlsxReader(url: reference, limits: XlsxLimits(maxColumns: 5)).readSheet()
        }
        #expect(columnError.reason == .tooManyColumns(cell: "F3", limit: 5))
        #expect(columnError.description.contains("cell F3"))
    }

    @Test("malformed XML, a DOCTYPE, and a cell that contradicts its type")
    func malformedContent() throws {
        let entity = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Bad", "<row r=\"1\"><c t=\"inlineStr\"><is><t>&bogus;</t></is></c></row>")])
        let entityError = try #require(throws: XlsxReadError.self) { try XlsxReader(url: entity).readSheet() }
        guard case .malformedXML(let entry, let detail) = entityError.reason else {
            Issue.record("expected malformed XML, got \(entityError)")
            return
        }
        #expect(entry == "xl/worksheets/sheet1.xml")
        #expect(detail.contains("&bogus;"))

        let doctype = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Bad", "<!DOCTYPE lol [<!ENTITY lol \"lol\">]><row r=\"1\"/>")])
        let doctypeError = try #require(throws: XlsxReadError.self) { try XlsxReader(url: doctype).readSheet() }
        #expect(doctypeError.description.contains("DOCTYPE"))

        let truncated = try XlsxReaderFixtures.handWrittenWorkbook(sheets: [("Bad", "<row r=\"1\"><c><v>1</v>")])
        let truncatedError = try #require(throws: XlsxReadError.self) { try XlsxReader(url: truncated).readSheet() }
        #expect(truncatedError.description.contains("not well-formed XML"))

        let dangling = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Bad", "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>5</v></c></row>")],
            sharedStrings: ["<si><t>only</t></si>"])
        let cellError = try #require(throws: XlsxReadError.self) { try XlsxReader(url: dangling).readSheet() }
        #expect(
            cellError.reason
                == .malformedCell(
                    cell: "B1", detail: "shared string 5 does not exist (the table has 1)"))
    }

    @Test("a damaged entry (checksum mismatch) is reported as such")
    func corruptEntry() throws {
        let url = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Damaged", "<row r=\"1\"><c t=\"inlineStr\"><is><t>hello</t></is></c></row>")])
        try ChildProcess.python(
            """
            import sys, zipfile
            path = sys.argv[1]
            with zipfile.ZipFile(path) as archive:
                parts = {name: archive.read(name) for name in archive.namelist()}
            with zipfile.ZipFile(path, "w") as archive:
                for name, data in parts.items():
                    archive.writestr(name, data, zipfile.ZIP_STORED)
            data = bytearray(open(path, "rb").read())
            position = data.index(b"hello")
            data[position] = ord("j")
            open(path, "wb").write(data)
            """, arguments: [url.path])
        let error = try #require(throws: XlsxReadError.self) { try XlsxReader(url: url).readSheet() }
        guard case .corruptEntry(let entry, _) = error.reason else {
            Issue.record("expected a corrupt entry, got \(error)")
            return
        }
        #expect(entry == "xl/worksheets/sheet1.xml")
    }

    /// A workbook whose sheet "Bomb" holds one row and then 8 MiB of spaces (about 1000:1 deflated);
    /// optionally with its ZIP directory claiming the sheet inflates to 100 bytes.
    static func bomb(lyingAboutSize: Bool) throws -> URL {
        let url = try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Bomb", "<row r=\"1\"><c><v>1</v></c></row>PADDING")])
        try ChildProcess.python(
            """
            import struct, sys, zipfile
            path, lie = sys.argv[1], sys.argv[2] == "lie"
            name = "xl/worksheets/sheet1.xml"
            with zipfile.ZipFile(path) as archive:
                parts = {part: archive.read(part) for part in archive.namelist()}
            parts[name] = parts[name].replace(b"PADDING", b" " * (8 << 20))
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
                for part, data in parts.items():
                    archive.writestr(part, data)
            if lie:
                data = bytearray(open(path, "rb").read())
                encoded = name.encode()
                for signature, size_offset, name_offset in ((b"PK\\x03\\x04", 22, 30), (b"PK\\x01\\x02", 24, 46)):
                    start = 0
                    while True:
                        start = data.index(signature, start)
                        if data[start + name_offset:start + name_offset + len(encoded)] == encoded:
                            struct.pack_into("<I", data, start + size_offset, 100)
                            break
                        start += 4
                open(path, "wb").write(data)
            """, arguments: [url.path, lyingAboutSize ? "lie" : "truthful"])
        return url
    }
}
