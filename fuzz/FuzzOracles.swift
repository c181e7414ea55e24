// Invariants the fuzz entry checks: the value parsers against their own printed forms, and the CSV
// writer against the reader. See FuzzEntry.swift.

/// Checks the value parsers on one field: whatever they accept must print and read back the same.
enum ValueOracles {
    /// Runs every parser on `field` and checks each accepted value.
    static func check(_ field: [UInt8]) {
        checkAmount(field, decimalMark: .comma)
        checkAmount(field, decimalMark: .point)
        for layout in DateLayout.allCases {
            checkDate(field, layout: layout)
        }
        if let number = OrgNumber.parse(field) {
            guard OrgNumber.parse(number.description) == number else {
                fatalError("org number \(number) does not read back")
            }
            guard VATNumber.parse(VATNumber(number).description)?.orgNumber == number else {
                fatalError("VAT number \(VATNumber(number)) does not read back")
            }
        }
        if let vat = VATNumber.parse(field) {
            guard VATNumber.parse(vat.description) == vat else { fatalError("VAT number \(vat) does not read back") }
        }
    }

    /// Runs the per-column detectors on sample values; they must not trap, whatever the samples.
    static func checkDetection(_ samples: [[UInt8]]) {
        let style = AmountParser.detectStyle(samples: samples)
        guard AmountParser.detectDecimalMark(samples: samples) == style.decimalMark else {
            fatalError("detectDecimalMark disagrees with detectStyle")
        }
        _ = DateParser.detectLayout(samples: samples)
    }

    private static let largestMicros: Int128 = 1_000_000_000_000_000_000_000_000 * 1_000_000

    private static func checkAmount(_ field: [UInt8], decimalMark: DecimalMark) {
        guard case .success(let amount) = AmountParser.parse(field, decimalMark: decimalMark) else { return }
        guard amount.micros.magnitude <= largestMicros.magnitude else {
            fatalError("amount \(amount) is beyond the documented 10^24 bound")
        }
        guard Amount(amount.description) == amount else {
            fatalError("amount \(amount) from \(field) does not read back from its description")
        }
        for mark in [DecimalMark.comma, .point] {
            let written = amount.formatted(decimalMark: mark.rawValue, minimumFractionDigits: 0)
            guard case .success(amount) = AmountParser.parse(written, decimalMark: mark) else {
                fatalError("amount \(amount) written as '\(written)' does not read back with mark \(mark)")
            }
        }
        // A sign in front flips the value, unless the field already carries one.
        let negated = Array("-".utf8) + field
        if case .success(let flipped) = AmountParser.parse(negated, decimalMark: decimalMark), flipped != -amount {
            fatalError("'-' + \(field) reads as \(flipped), not \(-amount)")
        }
    }

    private static func checkDate(_ field: [UInt8], layout: DateLayout) {
        guard let date = DateParser.parse(field, layout: layout) else { return }
        guard CivilDate.supportedYears.contains(date.year) else { fatalError("date \(date) outside the supported years") }
        guard DateParser.parse(date.iso8601, layout: .iso) == date else {
            fatalError("date \(date) (layout \(layout.rawValue)) does not read back from ISO")
        }
        guard CivilDate(excelSerial: date.excelSerial) == date else {
            fatalError("date \(date) does not survive its Excel serial \(date.excelSerial)")
        }
        guard date.adding(days: 1).map({ $0 > date }) ?? (date.year == 9999) else {
            fatalError("the day after \(date) is not later")
        }
    }
}

/// Checks that `CSVWriter` writes records the reader gives back field for field, in the same dialect.
enum RoundTripOracle {
    /// Writes the records of `result` in its dialect and reads them back; skipped when a record hit a limit,
    /// because such records lose content on purpose.
    static func check(_ result: ReadResult) {
        guard !result.records.isEmpty, result.records.allSatisfy({ $0.problem == nil }) else { return }
        // Finding F3 (reported to the lead, CSVWriter): a record of one empty field (a `""` line) is
        // written as an empty line, which the reader skips as blank in a file with wider records.
        guard !result.records.contains(where: { $0.fields == [[]] }) else { return }
        let dialect = result.reader.dialect
        // Finding F1 (reported to the lead, CSVWriter): with `'` as the quote character the excel-safe
        // prefix is not doubled, so `'=x` is written as `''=x'`, which reads back as malformed. Until
        // it is fixed the excel-safe pass runs for `"` dialects only, so the fuzzer looks further.
        let excelSafeModes = dialect.quote == UInt8(ascii: "'") ? [false] : [false, true]
        for excelSafe in excelSafeModes {
            let writer = CSVWriter.inMemory(dialect: dialect, excelSafe: excelSafe)
            for record in result.records {
                for field in record.fields {
                    field.withUnsafeBufferPointer { writer.writeField($0) }
                }
                do { try writer.endRecord() } catch { fatalError("in-memory endRecord threw \(error)") }
            }
            do { try writer.finish() } catch { fatalError("in-memory finish threw \(error)") }
            let written = writer.finishedBytes()
            let reread: [ReadRecord]
            do {
                let reader = try CSVReader(bytes: written, path: "fuzz-input", dialect: dialect, limits: unlimited)
                guard let again = ReaderOracle.records(of: reader, source: written) else {
                    fatalError("the writer's output is refused by the reader: \(written)")
                }
                reread = again.records
            } catch {
                fatalError("the writer's output cannot be opened: \(error)")
            }
            compare(result.records, reread, excelSafe: excelSafe, dialect: dialect)
        }
    }

    /// Limits far above anything the fuzzer writes back (an excel-safe prefix can push a field past 96 bytes).
    private static let unlimited = CSVLimits(maxFieldBytes: 1 << 20, maxFieldsPerRecord: 1 << 10)

    private static func compare(_ original: [ReadRecord], _ reread: [ReadRecord], excelSafe: Bool, dialect: CSVDialect) {
        guard original.count == reread.count else {
            fatalError("wrote \(original.count) records, read back \(reread.count) (excelSafe \(excelSafe), \(dialect))")
        }
        for (before, after) in zip(original, reread) {
            guard before.fields.count == after.fields.count else {
                fatalError("record \(before.index): \(before.fields.count) fields written, \(after.fields.count) read back")
            }
            for (field, back) in zip(before.fields, after.fields) where field != back {
                guard excelSafe, back == [UInt8(ascii: "'")] + field, startsLikeFormula(field) else {
                    fatalError("record \(before.index): field \(field) read back as \(back) (excelSafe \(excelSafe))")
                }
            }
        }
    }

    /// The first bytes Excel would take as the start of a formula.
    private static func startsLikeFormula(_ field: [UInt8]) -> Bool {
        guard let first = field.first else { return false }
        return [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
    }
}
