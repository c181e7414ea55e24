import Foundation
import KedjaModel
import KedjaReports
import Tabular

// kedja-bench: times the hot parts of `kedja run` one by one on a (generated) ledger, so a change to one
// of them can be measured without the noise of the rest. See Benchmarks/README.md.

/// The command line: `kedja-bench LEDGER [--suppliers FILE] [--templates DIR] [--repeat N]`.
struct Arguments {
    var ledger = ""
    var suppliers: String?
    var templates: URL?
    var repeats = 3

    static let usage = """
        usage: kedja-bench LEDGER [--suppliers FILE] [--templates DIR] [--repeat N]
        Generate a ledger first, e.g.
          python3 scripts/generate_ledger.py --lines 1000000 --clean --out-ledger /tmp/l1m.csv --out-suppliers /tmp/s1m.csv
        """

    static func parse(_ words: [String]) -> Arguments? {
        var arguments = Arguments()
        var rest = words[...]
        while let word = rest.popFirst() {
            switch word {
            case "--suppliers": arguments.suppliers = rest.popFirst()
            case "--templates":
                arguments.templates = rest.popFirst().map { URL(fileURLWithPath: $0, isDirectory: true) }
            case "--repeat":
                guard let count = rest.popFirst().flatMap({ Int($0) }), count > 0 else { return nil }
                arguments.repeats = count
            default:
                guard arguments.ledger.isEmpty, !word.hasPrefix("-") else { return nil }
                arguments.ledger = word
            }
        }
        return arguments.ledger.isEmpty ? nil : arguments
    }
}

/// The time one run of a stage took: wall clock, and processor time (user + system), which a busy shared
/// machine disturbs less.
struct Timing {
    var wall: Double
    var cpu: Double

    static let infinite = Timing(wall: .infinity, cpu: .infinity)

    static func - (lhs: Timing, rhs: Timing) -> Timing {
        Timing(wall: max(lhs.wall - rhs.wall, 0), cpu: max(lhs.cpu - rhs.cpu, 0))
    }

    static func + (lhs: Timing, rhs: Timing) -> Timing {
        Timing(wall: lhs.wall + rhs.wall, cpu: lhs.cpu + rhs.cpu)
    }
}

/// Processor seconds this process has used so far.
func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Runs `body` `repeats` times and keeps the run that used the least processor time, the one least
/// disturbed by the rest of the machine.
func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Timing {
    var fastest = Timing.infinite
    for _ in 0..<repeats {
        let cpuStart = processorSeconds()
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        let timing = Timing(
            wall: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            cpu: processorSeconds() - cpuStart)
        if timing.cpu < fastest.cpu { fastest = timing }
    }
    return fastest
}

func run(_ arguments: Arguments) throws {
    let location = arguments.templates.map(TemplateLocation.folder) ?? .builtIn
    let templates = try TemplateSet.load(from: location)
    let vocabulary = try ColumnVocabulary.load(from: location)
    let suppliers =
        try arguments.suppliers.map {
            try SupplierList(path: $0, vocabulary: vocabulary, legalForms: templates.legalForms)
        } ?? SupplierList()
    let file = try SpendFile(path: arguments.ledger, vocabulary: vocabulary)
    guard let amountColumn = file.mapping.column(.amount) else { throw BenchError("the ledger has no amount column") }
    let byteCount = Double(file.reader.byteCount ?? 0)
    guard let planStart = CivilDate(year: 2026, month: 1, day: 1) else { throw BenchError("no plan start") }

    // Reader alone: every record through libcsv and the record view, nothing decoded.
    var records = 0
    var fieldBytes = 0
    let read = try best(arguments.repeats) {
        records = 0
        fieldBytes = 0
        try file.reader.forEachRecord { record in
            records += 1
            for index in 0..<record.fieldCount { fieldBytes += record.field(index).count }
            return true
        }
    }

    // Amount parsing alone, over the amount fields collected once.
    var amountBytes: [UInt8] = []
    var amountEnds: [Int] = []
    try file.reader.forEachRecord { record in
        if !record.isHeader {
            amountBytes.append(contentsOf: record.field(amountColumn))
            amountEnds.append(amountBytes.count)
        }
        return true
    }
    var parsedTotal = Amount.zero
    let amounts = best(arguments.repeats) {
        parsedTotal = .zero
        amountBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in amountEnds {
                if case .success(let amount) = AmountParser.parse(
                    UnsafeBufferPointer(rebasing: bytes[start..<end]),
                    decimalMark: file.decimalMark)
                {
                    parsedTotal += amount
                }
                start = end
            }
        }
    }

    // Reading, amounts and tagging: the analysis pass without output.
    let tagging = try best(arguments.repeats) {
        let analyzer = SpendAnalyzer(templates: templates, suppliers: suppliers, mapping: file.mapping, language: .sv)
        _ = try file.forEachLine(
            accepted: { record, amount in
                _ = analyzer.place(record, amount: amount)
            }, rejected: { _, _ in })
    }

    // The same pass writing the enriched CSV (spooled, then completed) to a temporary file.
    let outputPath = NSTemporaryDirectory() + "/kedja-bench-\(getpid()).csv"
    defer { unlink(outputPath) }
    let enriched = try best(arguments.repeats) {
        let analyzer = SpendAnalyzer(templates: templates, suppliers: suppliers, mapping: file.mapping, language: .sv)
        let writer = try EnrichedCSVWriter(
            output: CSVWriter(file: try AtomicOutputFile(destination: outputPath), dialect: file.reader.dialect),
            header: file.mapping.header, language: .sv)
        let counts = try file.forEachLine(
            accepted: { record, amount in
                try writer.add(record, at: analyzer.place(record, amount: amount), taggedBy: analyzer)
            }, rejected: { _, _ in })
        _ = analyzer.finish(counts: counts, rejects: [], planStart: planStart)
        try writer.finish(priorities: analyzer.groupPriorities, tasks: analyzer.groupTaskIDs, reasons: analyzer.reasons)
    }

    let lines = Double(max(records - 1, 1))
    print(
        String(
            format: "%@: %.1f MB, %.0f lines, best of %d", arguments.ledger, byteCount / 1e6, lines, arguments.repeats))
    print("stage                         wall s    cpu s   MB/s (cpu)  lines/s (cpu)")
    func row(_ name: String, _ timing: Timing) {
        print(
            name.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(
                    format: "%8.3f %8.3f %12.1f %14.0f", timing.wall, timing.cpu, byteCount / 1e6 / timing.cpu,
                    lines / timing.cpu))
    }
    row("reader", read)
    row("amount parsing (isolated)", amounts)
    row("read + amounts + tagger", tagging)
    row("  tagger's share", tagging - (read + amounts))
    row("... + enriched CSV writer", enriched)
    row("  enriched writer's share", enriched - tagging)
    print("checks: \(fieldBytes) field bytes read, amount total \(parsedTotal)")
}

/// A reason the benchmark cannot run.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

guard let arguments = Arguments.parse(Array(CommandLine.arguments.dropFirst())) else {
    FileHandle.standardError.write(Data((Arguments.usage + "\n").utf8))
    exit(64)
}
do {
    try run(arguments)
} catch {
    FileHandle.standardError.write(Data("kedja-bench: \(error)\n".utf8))
    exit(1)
}
