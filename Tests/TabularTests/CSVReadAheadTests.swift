import Foundation
import KedjaTestSupport
import Testing

@testable import Tabular

/// Reading ahead on a second thread must change nothing the caller sees: the same records with the same numbers,
/// lines, problems and quoting, the same statistics, and the same error after the same records.
@Suite struct CSVReadAheadTests {
    /// Everything a caller can observe of one record.
    struct Observed: Equatable {
        var index: Int
        var number: Int
        var line: Int
        var fieldCount: Int
        var problem: CSVRecordProblem?
        var fields: [[UInt8]]
        var quoted: [Bool]
    }

    /// What a whole pass delivered: the records, then the statistics or the error's text.
    struct Pass: Equatable {
        var records: [Observed] = []
        var statistics: CSVReadStatistics?
        var error: String?
        var progressCalls = 0
    }

    static func pass(
        _ bytes: [UInt8], readAhead: CSVReadAhead, limits: CSVLimits = CSVLimits(), stopAfter: Int? = nil,
        throwAt: Int? = nil
    ) throws -> Pass {
        struct Thrown: Error, CustomStringConvertible { var description: String { "thrown by the caller" } }
        let reader = try CSVReader(bytes: bytes, path: "big.csv", limits: limits)
        reader.readAhead = readAhead
        var pass = Pass()
        do {
            let progress: (Int64) -> Void = { _ in pass.progressCalls += 1 }
            pass.statistics = try reader.forEachRecord(progress: progress) { record in
                if record.index == throwAt { throw Thrown() }
                pass.records.append(
                    Observed(
                        index: record.index, number: record.number, line: record.line, fieldCount: record.fieldCount,
                        problem: record.problem, fields: (0..<record.storedCount).map { record.bytes(at: $0) },
                        quoted: (0..<record.storedCount).map { record.isQuoted($0) }))
                return record.index != stopAfter
            }
        } catch {
            pass.error = String(describing: error)
        }
        return pass
    }

    /// A ledger of `lines` records spanning many batches, with every kind of record the reader handles:
    /// quoted fields with line breaks, CRLF and LF, blank lines, unit marks, and rows that are too long.
    static func ledger(lines: Int, tail: String = "") -> [UInt8] {
        var text = "Verifikation;Leverantör;Beskrivning;Belopp\r\n"
        for line in 1...lines {
            switch line % 9 {
            case 0: text += "\(line);\"Bygg; och anläggning AB\";\"två\r\nrader\";1 234\r\n"
            case 3: text += "\(line);Skruv AB;Rör 14\" galv;-12\n"
            case 5: text += "\r\n"
            case 7: text += "\(line);Lång rad;\(String(repeating: "x", count: line % 300));7;extra\r\n"
            default: text += "\(line);Leverantör \(line % 97);Material;\(line)\r\n"
            }
        }
        return Array((text + tail).utf8)
    }

    @Test func aLongFileGivesTheSameRecordsAndStatistics() throws {
        let bytes = Self.ledger(lines: 30_000)
        let ahead = try Self.pass(bytes, readAhead: .always)
        let inline = try Self.pass(bytes, readAhead: .never)
        #expect(ahead.records.count > 25_000)
        #expect(ahead.records == inline.records)
        #expect(ahead.statistics == inline.statistics)
        #expect(ahead.statistics?.fieldsWithLiteralQuotes == 3_334, "every ninth line from the third has `Rör 14\"`")
        #expect(ahead.error == nil)
        #expect(ahead.progressCalls > 1, "progress is reported per batch")
    }

    @Test func oversizedFieldsAreRejectedTheSameWay() throws {
        let bytes = Self.ledger(lines: 12_000)
        let limits = CSVLimits(maxFieldBytes: 100, maxFieldsPerRecord: 4)
        let ahead = try Self.pass(bytes, readAhead: .always, limits: limits)
        let inline = try Self.pass(bytes, readAhead: .never, limits: limits)
        #expect(ahead.records.contains { $0.problem != nil })
        #expect(
            ahead == Pass(records: inline.records, statistics: inline.statistics, progressCalls: ahead.progressCalls))
    }

    @Test func aMalformedQuoteLateInTheFileComesAfterEveryRecordBeforeIt() throws {
        let bytes = Self.ledger(lines: 20_000, tail: "20001;Fel AB;\"öppen\"citat;1\r\n20002;a;b;2\r\n")
        let ahead = try Self.pass(bytes, readAhead: .always)
        let inline = try Self.pass(bytes, readAhead: .never)
        #expect(ahead.error != nil)
        #expect(ahead.error == inline.error)
        #expect(ahead.records == inline.records)
        #expect(ahead.records.last?.fields.first == Array("20000".utf8))
    }

    @Test func stoppingEarlyStopsAtTheSameRecord() throws {
        let bytes = Self.ledger(lines: 30_000)
        let ahead = try Self.pass(bytes, readAhead: .always, stopAfter: 5_001)
        let inline = try Self.pass(bytes, readAhead: .never, stopAfter: 5_001)
        #expect(ahead.records == inline.records)
        #expect(ahead.records.last?.index == 5_001)
        #expect(ahead.statistics?.records == inline.statistics?.records)
    }

    @Test func anErrorFromTheCallerStopsTheReadAndIsRethrown() throws {
        let bytes = Self.ledger(lines: 30_000)
        let ahead = try Self.pass(bytes, readAhead: .always, throwAt: 7_000)
        let inline = try Self.pass(bytes, readAhead: .never, throwAt: 7_000)
        #expect(ahead.error == "thrown by the caller")
        #expect(ahead.records == inline.records)
        #expect(ahead.records.count == 6_999)
    }

    @Test func theConformanceSuitesReadTheSameAhead() throws {
        let folders = [
            CSVConformanceTests.spectrum.appendingPathComponent("csvs"),
            CSVConformanceTests.sineemore.appendingPathComponent("csv"),
        ]
        var files = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
                let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
                guard !bytes.isEmpty else { continue }
                let ahead = try Self.pass(bytes, readAhead: .always)
                let inline = try Self.pass(bytes, readAhead: .never)
                #expect(ahead.records == inline.records, "\(name)")
                #expect(ahead.statistics == inline.statistics, "\(name)")
                #expect(ahead.error == inline.error, "\(name)")
                files += 1
            }
        }
        #expect(files >= 30)
    }

    @Test func automaticReadsAheadOnlyForLargeInputs() {
        #expect(!CSVReadAhead.automatic.applies(toByteCount: 100_000))
        #expect(CSVReadAhead.automatic.applies(toByteCount: 50 << 20))
        #expect(CSVReadAhead.always.applies(toByteCount: 0))
        #expect(!CSVReadAhead.never.applies(toByteCount: 50 << 20))
    }
}
