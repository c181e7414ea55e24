import Testing

@testable import Tabular

/// The streaming reader: record and line numbers, blank lines, limits, encodings and quotes.
@Suite struct CSVReaderTests {
    struct Read: Equatable {
        var number: Int
        var line: Int
        var fields: [String]
    }

    static func read(_ bytes: [UInt8], limits: CSVLimits = CSVLimits()) throws -> (
        rows: [Read], problems: [CSVRecordProblem?], statistics: CSVReadStatistics
    ) {
        let reader = try CSVReader(bytes: bytes, path: "test.csv", limits: limits)
        var rows: [Read] = []
        var problems: [CSVRecordProblem?] = []
        let statistics = try reader.forEachRecord { record in
            rows.append(Read(number: record.number, line: record.line, fields: record.strings()))
            problems.append(record.problem)
            return true
        }
        return (rows, problems, statistics)
    }

    @Test func physicalLinesCountLineBreaksInsideQuotes() throws {
        let text = "a;b\r\n1;\"two\r\nlines\"\r\n2;x\r\n\"3\nthree\nlines\";y\r\n4;z\r\n"
        let rows = try Self.read(Array(text.utf8)).rows
        #expect(rows.map(\.number) == [0, 1, 2, 3, 4])
        #expect(rows.map(\.line) == [1, 2, 4, 5, 8])
        #expect(rows[1].fields == ["1", "two\r\nlines"])
    }

    @Test func blankLinesInAWideFileAreSkippedAndCounted() throws {
        let result = try Self.read(Array("a;b\n1;2\n\n3;4\n\n".utf8))
        #expect(result.rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.rows.map(\.line) == [1, 2, 4])
        #expect(result.statistics.blankLinesSkipped == 2)
    }

    @Test func spacesAroundFieldsAreKept() throws {
        #expect(try Self.read(Array("a,b\n x , y \n".utf8)).rows[1].fields == [" x ", " y "])
    }

    @Test func anInchMarkAfterADigitIsText() throws {
        let rows = try Self.read(Array("Beskrivning;Belopp\nSkärm 24\" LED;1 999,00\n".utf8)).rows
        #expect(rows[1].fields == ["Skärm 24\" LED", "1 999,00"])
    }

    /// Issue 12 item 7: quotes inside a field that does not start with one are text, as Excel, LibreOffice and
    /// pandas read them, and each such field is counted once.
    @Test func quotesInsideAnUnquotedFieldAreTextAndCounted() throws {
        let text = "Leverantör;Belopp\nRestaurang \"Blå Dörren\" AB;100\nA\"B\";x\"y\nso \"called;ok\"\n\"Quoted\";1\n"
        let result = try Self.read(Array(text.utf8))
        #expect(
            result.rows.map(\.fields) == [
                ["Leverantör", "Belopp"], ["Restaurang \"Blå Dörren\" AB", "100"], ["A\"B\"", "x\"y"],
                ["so \"called", "ok\""], ["Quoted", "1"],
            ])
        #expect(result.rows.map(\.line) == [1, 2, 3, 4, 5])
        #expect(result.statistics.fieldsWithLiteralQuotes == 5)
    }

    @Test func aLiteralQuoteAtAChunkBoundaryIsText() throws {
        // The reader hands libcsv 1 MiB at a time: put a quote inside a field as the first byte of the second chunk.
        let header = Array("a;b\n".utf8)
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) - header.count - 2)
        let bytes = header + Array("1;".utf8) + filler + Array("\"y\n2;z\n".utf8)
        let result = try Self.read(bytes)
        #expect(result.rows.count == 3)
        #expect(result.rows[1].fields[1] == String(decoding: filler, as: UTF8.self) + "\"y")
        #expect(result.rows[2].fields == ["2", "z"])
        #expect(result.statistics.fieldsWithLiteralQuotes == 1)
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        let error = try #require(throws: CSVError.self) {
            try Self.read(Array("a;b\nx;\"so\" called\n".utf8))
        }
        #expect(error.kind == .malformedQuote)
        #expect(error.line == 2)
        #expect(error.description.contains("test.csv, line 2"))
    }

    @Test func aFieldOverTheLimitRejectsItsRecordOnly() throws {
        let big = String(repeating: "x", count: 5_000)
        let result = try Self.read(Array("a;b\n1;\"\(big)\"\n2;ok\n".utf8), limits: CSVLimits(maxFieldBytes: 1_000))
        #expect(result.rows.count == 3)
        #expect(result.problems[1] == .fieldTooLarge(field: 2, limit: 1_000))
        #expect(result.rows[2].fields == ["2", "ok"])
        #expect(result.problems[2] == nil)
    }

    @Test func aFieldOverTheLimitAcrossChunksKeepsMemoryBounded() throws {
        var bytes = Array("a;b\n1;\"".utf8) + [UInt8](repeating: 0x78, count: 3 << 20) + Array("\"\n2;ok\n".utf8)
        bytes += []
        let result = try Self.read(bytes, limits: CSVLimits(maxFieldBytes: 100_000))
        #expect(result.problems[1] == .fieldTooLarge(field: 2, limit: 100_000))
        #expect(result.rows[1].fields[1].isEmpty)
        #expect(result.rows[2].fields == ["2", "ok"])
    }

    @Test func tooManyFieldsRejectsTheRecord() throws {
        let wide = Array(repeating: "x", count: 50).joined(separator: ";")
        let result = try Self.read(Array("a;b\n\(wide)\n1;2\n".utf8), limits: CSVLimits(maxFieldsPerRecord: 10))
        #expect(result.problems[1] == .tooManyFields(count: 50, limit: 10))
        #expect(result.rows[2].fields == ["1", "2"])
    }

    @Test func windows1252FieldsDecode() throws {
        let rows = try Self.read(TextCodec.encode("Namn;Ort\nÅsa Öberg;Malmö\n", as: .windows1252)).rows
        #expect(rows[1].fields == ["Åsa Öberg", "Malmö"])
    }

    @Test func utf16IsTranscodedAcrossChunkBoundaries() throws {
        let line = "Åkesson 😀 AB;1 234,50\r\n"
        let text = "Namn;Belopp\r\n" + String(repeating: line, count: 60_000)
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let result = try Self.read(bytes)
        #expect(result.rows.count == 60_001)
        #expect(result.rows.allSatisfy { $0.number == 0 || $0.fields == ["Åkesson 😀 AB", "1 234,50"] })
    }

    @Test func stoppingEarlyReadsNoFurther() throws {
        let reader = try CSVReader(bytes: Array("a\n1\n2\n3\n".utf8), path: "x")
        var seen = 0
        try reader.forEachRecord { _ in
            seen += 1
            return seen < 2
        }
        #expect(seen == 2)
        let sample = try reader.sample(records: 2)
        #expect(sample.header == ["a"])
        #expect(sample.rows == [["1"], ["2"]])
    }
}
