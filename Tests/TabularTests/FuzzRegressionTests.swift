import Foundation
import KedjaTestSupport
import Testing

@testable import Tabular

/// Inputs the fuzzer and the mutation runs found (fuzz/regressions holds the raw crash files): each stays fixed.
@Suite struct FuzzRegressionTests {
    static func records(_ bytes: [UInt8], limits: CSVLimits, dialect: CSVDialect? = nil) throws -> [(
        line: Int, count: Int, problem: CSVRecordProblem?, fields: [String]
    )] {
        let reader = try CSVReader(bytes: bytes, path: "fuzz.csv", dialect: dialect, limits: limits)
        var rows: [(Int, Int, CSVRecordProblem?, [String])] = []
        try reader.forEachRecord { record in
            rows.append((record.line, record.fieldCount, record.problem, record.strings()))
            return true
        }
        return rows
    }

    @Test func anOversizedQuotedFieldEndingAtAChunkBoundaryDoesNotCrash() throws {
        // F4: the closing quote was the last byte read; dropping libcsv's buffer under it made a field of length -1.
        let bytes = Array("a\n\"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10) + [UInt8(ascii: "\"")]
        let rows = try Self.records(bytes, limits: CSVLimits(maxFieldBytes: 4))
        #expect(rows.count == 2)
        #expect(rows[1].problem == .fieldTooLarge(field: 1, limit: 4))
    }

    @Test func lineBreaksInsideADroppedFieldAreStillCounted() throws {
        // F6: a field over the limit spanning several reads hid its line breaks from the line numbers after it.
        var bytes = Array("a;b\n1;\"".utf8)
        for _ in 0..<600_000 { bytes += [UInt8(ascii: "x"), 0x0A] }
        bytes += Array("\"\n2;ok\n".utf8)
        let rows = try Self.records(bytes, limits: CSVLimits(maxFieldBytes: 1_000))
        #expect(rows.map(\.line) == [1, 2, 600_003])
        #expect(rows[2].fields == ["2", "ok"])
    }

    @Test func crlfSplitByADroppedFieldCountsOnce() throws {
        var bytes = Array("a;b\n1;\"".utf8)
        for _ in 0..<400_000 { bytes += [UInt8(ascii: "x"), 0x0D, 0x0A] }
        bytes += Array("\"\n2;ok\n".utf8)
        let rows = try Self.records(bytes, limits: CSVLimits(maxFieldBytes: 1_000))
        #expect(rows.map(\.line) == [1, 2, 400_003])
    }

    @Test func aRecordOverBothLimitsReportsItsFullFieldCount() throws {
        // F2: an oversized field after the field-count limit hid the count.
        let rows = try Self.records(
            Array("a;b\n1;2;3;toolong\n".utf8), limits: CSVLimits(maxFieldBytes: 4, maxFieldsPerRecord: 2))
        #expect(rows[1].problem == .tooManyFields(count: 4, limit: 2))
    }

    @Test func theExcelSafePrefixIsDoubledWhenSingleQuotesQuote() throws {
        // F1: with ' as the quote character the prefix ended the quoted field.
        let dialect = CSVDialect(
            delimiter: UInt8(ascii: ";"), quote: UInt8(ascii: "'"), lineEnding: .lf, hasHeader: false)
        let writer = CSVWriter.inMemory(dialect: dialect, excelSafe: true)
        writer.writeField("=x")
        writer.writeField("1")
        try writer.endRecord()
        try writer.finish()
        let rows = try Self.records(writer.finishedBytes(), limits: CSVLimits(), dialect: dialect)
        #expect(rows.map(\.fields) == [["'=x", "1"]])
    }

    @Test func aRecordOfOneEmptyFieldIsWrittenQuoted() throws {
        // F3: an empty line would be read back as a blank line in a wider file, losing the record.
        let dialect = CSVDialect(delimiter: UInt8(ascii: ";"), lineEnding: .lf)
        let writer = CSVWriter.inMemory(dialect: dialect)
        for row in [["a", "b"], [""], ["c", "d"]] {
            for field in row { writer.writeField(field) }
            try writer.endRecord()
        }
        try writer.finish()
        #expect(String(decoding: writer.finishedBytes(), as: UTF8.self) == "a;b\n\"\"\nc;d\n")
        #expect(try Self.records(writer.finishedBytes(), limits: CSVLimits(), dialect: dialect).count == 3)
    }

    @Test(
        arguments: (try? FileManager.default.contentsOfDirectory(
            atPath: TestLocations.packageRoot.appendingPathComponent("fuzz/regressions").path))?.sorted() ?? [])
    func savedCrashInputsReadWithoutCrashing(name: String) throws {
        let bytes = try [UInt8](
            Data(contentsOf: TestLocations.packageRoot.appendingPathComponent("fuzz/regressions/\(name)")))
        for limits in [CSVLimits(), CSVLimits(maxFieldBytes: 4, maxFieldsPerRecord: 2)] {
            do {
                _ = try Self.records(bytes, limits: limits)
            } catch is CSVError {
                // A clear error is a fine answer to a malformed file; a crash is not.
            }
        }
    }
}
