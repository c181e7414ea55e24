import Foundation
import KedjaTestSupport
import Tabular
import Testing

/// Issue 13, item 4: a sheet's CSV is sized by the cells that hold something, and bounded: one stray far cell can
/// no longer turn a tiny workbook into gigabytes of temporary CSV.
@Suite("XLSX to CSV: size")
struct XlsxToCSVSizeTests {
    static let header =
        #"<c r="A1" t="inlineStr"><is><t>Leverantör</t></is></c><c r="B1" t="inlineStr"><is><t>Belopp</t></is></c>"#

    /// A sheet of `rows` data rows under the header, with `farCell` (XML of one cell in row 1) after the header.
    static func workbook(rows: Int, farCell: String) throws -> URL {
        let data = (2...(rows + 1)).map {
            #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>AB</t></is></c><c r="B\#($0)"><v>\#($0)</v></c></row>"#
        }
        return try XlsxReaderFixtures.handWrittenWorkbook(
            sheets: [("Data", #"<row r="1">"# + header + farCell + "</row>" + data.joined())])
    }

    /// Converts the first sheet of `url` into memory and returns the outcome and the CSV text.
    static func convert(_ url: URL, limits: XlsxLimits = .default) throws -> (XlsxToCSV.Outcome, String) {
        let writer = CSVWriter.inMemory(
            dialect: CSVDialect(encoding: .utf8, delimiter: UInt8(ascii: ","), lineEnding: .lf))
        let outcome = try XlsxToCSV.convert(XlsxReader(url: url, limits: limits), to: writer)
        return (outcome, String(decoding: writer.finishedBytes(), as: UTF8.self))
    }

    @Test("a far cell of empty text adds no fields")
    func emptyFarCellIgnored() throws {
        let url = try Self.workbook(rows: 3, farCell: #"<c r="XFD1" t="inlineStr"><is><t></t></is></c>"#)
        let (outcome, csv) = try Self.convert(url)
        #expect(outcome.width == 2)
        #expect(csv == "Leverantör,Belopp\nAB,2\nAB,3\nAB,4\n")
    }

    @Test("a CSV over XlsxLimits.maxCSVBytes is refused before it is written, naming the far cell")
    func farCellBeyondTheBoundRefused() throws {
        let url = try Self.workbook(rows: 20, farCell: #"<c r="XFD1" t="inlineStr"><is><t>x</t></is></c>"#)
        let error = #expect(throws: XlsxReadError.self) {
            _ = try Self.convert(url, limits: XlsxLimits(maxCSVBytes: 100_000))
        }
        #expect(error?.reason == .csvTooLarge(farthestCell: "XFD1", width: 16_384, limit: 100_000))
        #expect(error?.exitStatus == .dataError)
        #expect(error?.description.contains("cell XFD1 makes that 16384 columns") == true)
        // Within the bound the same sheet converts, every record as wide as the widest row.
        let (outcome, _) = try Self.convert(url, limits: XlsxLimits(maxCSVBytes: 1_000_000))
        #expect(outcome.width == 16_384)
    }

    @Test("long texts count too: the bound holds while writing")
    func boundHeldWhileWriting() throws {
        let long = String(repeating: "x", count: 5_000)
        let url = try Self.workbook(rows: 30, farCell: #"<c r="C1" t="inlineStr"><is><t>\#(long)</t></is></c>"#)
        let error = #expect(throws: XlsxReadError.self) {
            _ = try Self.convert(url, limits: XlsxLimits(maxCSVBytes: 2_000))
        }
        #expect(error?.reason == .csvTooLarge(farthestCell: "C1", width: 3, limit: 2_000))
    }

    /// Converts the first sheet of `url` for analysis: blank rows skipped, long empty expanses left out.
    static func convertForAnalysis(_ url: URL) throws -> (XlsxToCSV.Outcome, String) {
        let writer = CSVWriter.inMemory(
            dialect: CSVDialect(encoding: .utf8, delimiter: UInt8(ascii: ","), lineEnding: .lf))
        let outcome = try XlsxToCSV.convert(
            XlsxReader(url: url), to: writer, blankRows: .skip, columns: .withoutEmptyExpanses)
        return (outcome, String(decoding: writer.finishedBytes(), as: UTF8.self))
    }

    @Test("a table to analyse leaves out the empty columns a far cell opens up, and keeps the far cell")
    func farCellExpanseLeftOut() throws {
        let url = try Self.workbook(rows: 3, farCell: #"<c r="XFD1" t="inlineStr"><is><t>x</t></is></c>"#)
        let (outcome, csv) = try Self.convertForAnalysis(url)
        #expect(outcome.width == 3)
        #expect(outcome.columnsLeftOut == [2...16_382])
        #expect(csv == "Leverantör,Belopp,x\nAB,2,\nAB,3,\nAB,4,\n")
        // A faithful copy keeps every column.
        let (copy, _) = try Self.convert(url)
        #expect(copy.width == 16_384 && copy.columnsLeftOut.isEmpty)
    }

    @Test("spacer columns shorter than XlsxToCSV.emptyExpanse keep their place")
    func spacerColumnsKept() throws {
        let spacer = XlsxToCSV.emptyExpanse - 1
        let far = CellRange.columnName(2 + spacer)
        let url = try Self.workbook(rows: 2, farCell: #"<c r="\#(far)1" t="inlineStr"><is><t>Not</t></is></c>"#)
        let (outcome, csv) = try Self.convertForAnalysis(url)
        #expect(outcome.width == 3 + spacer)
        #expect(outcome.columnsLeftOut.isEmpty)
        #expect(csv.hasPrefix("Leverantör,Belopp" + String(repeating: ",", count: spacer) + ",Not\n"))
        // One column more and the run is an expanse, left out.
        let wider = try Self.workbook(
            rows: 2,
            farCell: #"<c r="\#(CellRange.columnName(3 + spacer))1" t="inlineStr"><is><t>Not</t></is></c>"#)
        let (leftOut, text) = try Self.convertForAnalysis(wider)
        #expect(leftOut.columnsLeftOut == [2...(2 + spacer)])
        #expect(text.hasPrefix("Leverantör,Belopp,Not\nAB,2,\n"))
    }
}
