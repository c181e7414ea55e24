import Foundation
import KedjaTestSupport
import Testing

@testable import Tabular

/// The dialect-preserving writer: quoting, encodings, BOM, line endings, Excel-safe text and atomic files.
@Suite struct CSVWriterTests {
    static func write(_ dialect: CSVDialect, excelSafe: Bool = false, _ rows: [[String]]) throws -> [UInt8] {
        let writer = CSVWriter.inMemory(dialect: dialect, excelSafe: excelSafe)
        for row in rows {
            for field in row { writer.writeField(field) }
            try writer.endRecord()
        }
        try writer.finish()
        return writer.finishedBytes()
    }

    @Test func quotesOnlyWhereNeeded() throws {
        let bytes = try Self.write(
            CSVDialect(delimiter: UInt8(ascii: ";"), lineEnding: .lf),
            [["a;b", "say \"hi\"", "two\nlines", "plain", "1,5"]])
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";plain;1,5\n")
    }

    @Test func quotesEverythingWhenTheSourceDid() throws {
        let bytes = try Self.write(CSVDialect(lineEnding: .crlf, quotesAllFields: true), [["a", "1"]])
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\",\"1\"\r\n")
    }

    @Test func windows1252WithTransliteration() throws {
        let bytes = try Self.write(
            CSVDialect(encoding: .windows1252, delimiter: UInt8(ascii: ";")), [["Åsa → Öberg", "€"]])
        #expect(bytes == [0xC5] + Array("sa -> ".utf8) + [0xD6] + Array("berg;".utf8) + [0x80, 0x0D, 0x0A])
    }

    @Test func utf16WithBOM() throws {
        let bytes = try Self.write(CSVDialect(encoding: .utf16LE, hasBOM: true, lineEnding: .lf), [["å"]])
        #expect(bytes == [0xFF, 0xFE, 0xE5, 0x00, 0x0A, 0x00])
    }

    @Test func noFinalLineEndingWhenTheSourceHadNone() throws {
        let bytes = try Self.write(CSVDialect(lineEnding: .lf, endsWithLineEnding: false), [["a"], ["b"]])
        #expect(String(decoding: bytes, as: UTF8.self) == "a\nb")
    }

    @Test func excelSafePrefixesFormulaLikeTextButNotNumbers() throws {
        let rows = [["=HYPERLINK(\"x\")", "+46 8 123", "-cmd", "@SUM(A1)", "-1 200,00", "+5", "Plain"]]
        let safe = String(
            decoding: try Self.write(CSVDialect(delimiter: UInt8(ascii: ";"), lineEnding: .lf), excelSafe: true, rows),
            as: UTF8.self)
        #expect(safe == "\"'=HYPERLINK(\"\"x\"\")\";\"'+46 8 123\";\"'-cmd\";\"'@SUM(A1)\";-1 200,00;+5;Plain\n")
        let exact = String(
            decoding: try Self.write(CSVDialect(delimiter: UInt8(ascii: ";"), lineEnding: .lf), rows), as: UTF8.self)
        #expect(exact.hasPrefix("\"=HYPERLINK(\"\"x\"\")\";+46 8 123;-cmd;"))
    }

    @Test func copiesRecordsByteForByteIncludingTheSourcesQuoting() throws {
        let source = Array("\"Name\";\"Amount\"\r\n\"Åkesson AB\";1 234,50\r\n\"B;C\";2,00\r\n".utf8)
        let reader = try CSVReader(bytes: source, path: "in.csv")
        let writer = CSVWriter.inMemory(dialect: reader.dialect)
        let counts = try CSVConversion.copy(reader, to: writer)
        #expect(counts.written == 3)
        #expect(writer.finishedBytes() == source)
    }

    @Test func atomicFileAppearsOnlyOnCommitAndRefusesItsInput() throws {
        let folder = try TestLocations.temporaryDirectory()
        let destination = folder.appendingPathComponent("out.csv").path
        do {
            let file = try AtomicOutputFile(destination: destination)
            try Array("x".utf8).withUnsafeBytes { try file.write($0) }
            #expect(!FileManager.default.fileExists(atPath: destination))
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "an abandoned file leaves nothing"
        )
        let file = try AtomicOutputFile(destination: destination)
        try Array("y".utf8).withUnsafeBytes { try file.write($0) }
        try file.commit()
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "y")
        #expect(throws: OutputError.self) { try AtomicOutputFile(destination: destination, protecting: [destination]) }
        let viaDot = folder.appendingPathComponent("./out.csv").path
        #expect(throws: OutputError.self) { try AtomicOutputFile(destination: viaDot, protecting: [destination]) }
    }

    @Test func temporaryFilesOfAKilledRunAreRemovedByTheNextRun() throws {
        let folder = try TestLocations.temporaryDirectory()
        let destination = folder.appendingPathComponent("out.csv").path
        let abandoned = folder.appendingPathComponent(".out.csv.kedja-4194303-Ab12Cd").path
        let otherOutput = folder.appendingPathComponent(".other.csv.kedja-4194303-Ab12Cd").path
        for path in [abandoned, otherOutput] { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }
        let file = try AtomicOutputFile(destination: destination)
        try file.commit()
        #expect(!FileManager.default.fileExists(atPath: abandoned), "a dead process's temporary file is removed")
        #expect(FileManager.default.fileExists(atPath: otherOutput), "another output's files are left alone")
    }
}
