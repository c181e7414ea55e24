import Foundation
import KedjaTestSupport
import Testing

@testable import Tabular

/// The third-party CSV suites in ../shared/testdata/csv-conformance, read where they are.
@Suite struct CSVConformanceTests {
    static let spectrum = TestLocations.testData("csv-conformance/csv-spectrum")
    static let sineemore = TestLocations.testData("csv-conformance/sineemore-csv-test-data")

    static func names(in folder: URL, ext: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".\(ext)") }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }

    static let spectrumCases = names(in: spectrum.appendingPathComponent("csvs"), ext: "csv")
    static let sineemoreValidCases = names(in: sineemore.appendingPathComponent("csv"), ext: "csv").filter {
        !$0.hasPrefix("bad-")
    }

    /// Every record of a file, decoded, with the dialect's header flag ignored.
    static func records(of bytes: [UInt8], path: String, dialect: CSVDialect? = nil) throws -> (CSVDialect, [[String]])
    {
        let reader = try CSVReader(bytes: bytes, path: path, dialect: dialect)
        var rows: [[String]] = []
        try reader.forEachRecord { record in
            rows.append(record.strings())
            return true
        }
        return (reader.dialect, rows)
    }

    /// Converts to another dialect (`;`, LF, UTF-16LE with BOM) and back, as `kedja convert` does.
    static func roundTrip(_ bytes: [UInt8], path: String) throws -> [[String]] {
        let reader = try CSVReader(bytes: bytes, path: path)
        var target = reader.dialect
        target.delimiter = UInt8(ascii: ";")
        target.lineEnding = .lf
        target.encoding = .utf16LE
        target.hasBOM = true
        let writer = CSVWriter.inMemory(dialect: target)
        let counts = try CSVConversion.copy(reader, to: writer)
        #expect(counts.rejected == 0)
        return try records(of: writer.finishedBytes(), path: path + " (converted)").1
    }

    @Test func theSuitesAreThere() {
        #expect(Self.spectrumCases.count == 12)
        #expect(Self.sineemoreValidCases.count == 18)
    }

    @Test(arguments: spectrumCases)
    func csvSpectrum(name: String) throws {
        let csv = try [UInt8](Data(contentsOf: Self.spectrum.appendingPathComponent("csvs/\(name).csv")))
        let json = try Data(contentsOf: Self.spectrum.appendingPathComponent("json/\(name).json"))
        let expected = try JSONSerialization.jsonObject(with: json)
        var expectedRows: [[String: String]] =
            (expected as? [[String: String]]) ?? [(expected as? [String: String]) ?? [:]]
        if name.hasSuffix("_crlf") && !csv.contains(0x0D) {
            // Upstream's .gitattributes asks git for CRLF in *_crlf.csv; this copy was checked out with LF,
            // so the line break inside the quoted field is LF too.
            expectedRows = expectedRows.map { $0.mapValues { $0.replacingOccurrences(of: "\r\n", with: "\n") } }
        }
        for rows in [try Self.records(of: csv, path: name).1, try Self.roundTrip(csv, path: name)] {
            let header = try #require(rows.first)
            let objects = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            if name == "location_coordinates" {
                // Upstream's JSON gives another phone number than its CSV holds; every other field must match.
                #expect(objects.first?["Location Coordinates"] == expectedRows.first?["Location Coordinates"])
                #expect(objects.first?["Contact Phone Number"] == "2095257564")
            } else {
                #expect(objects == expectedRows, "\(name)")
            }
        }
    }

    @Test(arguments: sineemoreValidCases)
    func rfc4180Valid(name: String) throws {
        let csv = try [UInt8](Data(contentsOf: Self.sineemore.appendingPathComponent("csv/\(name).csv")))
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.sineemore.appendingPathComponent("json/\(name).json")))
        for rows in [try Self.records(of: csv, path: name).1, try Self.roundTrip(csv, path: name)] {
            if !name.hasPrefix("header-"), let arrays = json as? [[String]] {
                #expect(rows == arrays, "\(name)")
            } else {
                let objects = try #require(json as? [[String: String]])
                #expect(rows.first == ["foo", "bar", "baz"], "\(name)")
                let decoded = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(["foo", "bar", "baz"], $0)) }
                #expect(decoded == objects, "\(name)")
            }
        }
    }

    /// `bad-unescaped-quote` is invalid RFC 4180 (the suite gives it no expected records), but Excel, LibreOffice and
    /// pandas read its quotes as text, and so does Kedja (issue 12 item 7): ERP exports write `Restaurang "Blå Dörren"
    /// AB` unquoted, and refusing the whole ledger for it helps nobody. `inspect` counts such fields.
    @Test func anUnescapedQuoteInAnUnquotedFieldIsReadAsSpreadsheetsReadIt() throws {
        let csv = try [UInt8](Data(contentsOf: Self.sineemore.appendingPathComponent("csv/bad-unescaped-quote.csv")))
        let reader = try CSVReader(bytes: csv, path: "bad-unescaped-quote")
        var rows: [[String]] = []
        let statistics = try reader.forEachRecord { record in
            rows.append(record.strings())
            return true
        }
        #expect(rows == [["foo", "bar", "baz"], ["1", "This \"quotes\" must be escaped", "3"]])
        #expect(statistics.fieldsWithLiteralQuotes == 1)
        #expect(try Self.roundTrip(csv, path: "bad-unescaped-quote") == rows)
    }

    @Test(arguments: [
        ("bad-quotes-with-unescaped-quote", CSVError.Kind.malformedQuote, 2),
        ("bad-missing-quote", .unterminatedQuote, 2),
    ])
    func malformedQuotesStopTheRunWithTheLine(name: String, kind: CSVError.Kind, line: Int) throws {
        let csv = try [UInt8](Data(contentsOf: Self.sineemore.appendingPathComponent("csv/\(name).csv")))
        let error = try #require(throws: CSVError.self) { try Self.records(of: csv, path: name) }
        #expect(error.kind == kind)
        #expect(error.line == line)
        #expect(error.description.contains("\(name), line \(line)"))
    }

    /// Issue 12 item 6: a converter loses nothing, so short and long rows are written field for field and counted.
    @Test(arguments: [("bad-header-less-fields", ["1", "2"]), ("bad-header-more-fields", ["1", "2", "3", "4"])])
    func shortAndLongRowsAreKeptAsTheyAre(name: String, fields: [String]) throws {
        let csv = try [UInt8](Data(contentsOf: Self.sineemore.appendingPathComponent("csv/\(name).csv")))
        let writer = CSVWriter.inMemory(dialect: CSVDialect())
        let counts = try CSVConversion.copy(try CSVReader(bytes: csv, path: name), to: writer)
        #expect(counts.written == 2)
        #expect(counts.ragged == 1)
        #expect(counts.rejects.isEmpty)
        #expect(try Self.records(of: writer.finishedBytes(), path: name).1 == [["foo", "bar", "baz"], fields])
    }

    @Test func anEmptyFileIsRejected() throws {
        let csv = try [UInt8](Data(contentsOf: Self.sineemore.appendingPathComponent("csv/bad-header-no-header.csv")))
        let error = try #require(throws: CSVError.self) { try Self.records(of: csv, path: "bad-header-no-header.csv") }
        #expect(error.kind == .empty)
    }

    @Test func aWrongHeaderIsNotTheExpectedOne() throws {
        let csv = try [UInt8](
            Data(contentsOf: Self.sineemore.appendingPathComponent("csv/bad-header-wrong-header.csv")))
        let rows = try Self.records(of: csv, path: "bad-header-wrong-header.csv").1
        #expect(rows == [["qux", "quux", "quuz"]])
        #expect(rows.first != ["foo", "bar", "baz"])
    }
}
