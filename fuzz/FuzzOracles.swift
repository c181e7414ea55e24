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
    /// How the records are written.
    enum Mode: CaseIterable {
        /// Field by field, as `convert` copies a file.
        case plain
        /// Field by field with the `'` prefix for formula-like text (`--excel-safe`).
        case excelSafe
        /// As the enriched CSV does: the input fields into a line writer (every other one marked as quoted
        /// in the source), drained and spliced into the output with `appendRaw`, then one appended column.
        case spliced
    }

    /// The column `spliced` appends to every record.
    static let appendedField = Array("kedja;\"tag\"".utf8)

    /// Writes the records of `result` in its dialect in every mode and reads them back; skipped when a
    /// record hit a limit, because such records lose content on purpose.
    static func check(_ result: ReadResult) {
        guard !result.records.isEmpty, result.records.allSatisfy({ $0.problem == nil }) else { return }
        let dialect = result.reader.dialect
        for mode in Mode.allCases {
            // Finding F1 (reported to the lead, CSVWriter): with `'` as the quote character the excel-safe
            // prefix is not doubled, so `'=x` is written as `''=x'`, which reads back as malformed.
            if mode == .excelSafe && dialect.quote == UInt8(ascii: "'") { continue }
            // Finding F3 (reported to the lead, CSVWriter): a record of one empty field (a `""` line) is
            // written as an empty line, which the reader skips as blank in a file with wider records.
            if mode != .spliced && result.records.contains(where: { $0.fields == [[]] }) { continue }
            let written = write(result.records, dialect: dialect, mode: mode)
            let reread: [ReadRecord]
            do {
                let reader = try CSVReader(bytes: written, path: "fuzz-output", dialect: dialect, limits: unlimited)
                guard case .records(let again) = ReaderOracle.records(of: reader, source: written) else {
                    fatalError("the writer's output (\(mode)) is refused by the reader: \(written)")
                }
                reread = again.records
            } catch {
                fatalError("the writer's output (\(mode)) cannot be opened: \(error)")
            }
            compare(result.records, reread, mode: mode)
        }
    }

    private static func write(_ records: [ReadRecord], dialect: CSVDialect, mode: Mode) -> [UInt8] {
        let writer = CSVWriter.inMemory(dialect: dialect, excelSafe: mode == .excelSafe)
        let line = CSVWriter.inMemory(dialect: dialect)
        do {
            for record in records {
                if mode == .spliced {
                    for (index, field) in record.fields.enumerated() {
                        field.withUnsafeBufferPointer { line.writeField($0, quoted: index % 2 == 0) }
                    }
                    line.drainFields { writer.appendRaw($0) }
                    appendedField.withUnsafeBufferPointer { writer.writeField($0) }
                } else {
                    for field in record.fields {
                        field.withUnsafeBufferPointer { writer.writeField($0) }
                    }
                }
                try writer.endRecord()
            }
            try writer.finish()
        } catch {
            fatalError("an in-memory writer threw \(error)")
        }
        return writer.finishedBytes()
    }

    /// Limits far above anything the fuzzer writes back (an excel-safe prefix can push a field past 96 bytes).
    private static let unlimited = CSVLimits(maxFieldBytes: 1 << 20, maxFieldsPerRecord: 1 << 10)

    private static func compare(_ original: [ReadRecord], _ reread: [ReadRecord], mode: Mode) {
        guard original.count == reread.count else {
            fatalError("\(mode): wrote \(original.count) records, read back \(reread.count)")
        }
        for (before, after) in zip(original, reread) {
            var fields = after.fields
            if mode == .spliced {
                guard fields.last == appendedField else {
                    fatalError("record \(before.index): the appended field reads back as \(fields.last ?? [])")
                }
                fields.removeLast()
            }
            guard before.fields.count == fields.count else {
                fatalError("record \(before.index) (\(mode)): \(before.fields.count) fields written, \(fields.count) read back")
            }
            for (field, back) in zip(before.fields, fields) where field != back {
                guard mode == .excelSafe, back == [UInt8(ascii: "'")] + field, startsLikeFormula(field) else {
                    fatalError("record \(before.index) (\(mode)): field \(field) read back as \(back)")
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

/// Checks that where the reader's 1 MiB reads split the data does not change what it reads.
enum ChunkBoundaryOracle {
    /// `CSVReader`'s read size, which also splits data given in memory.
    static let chunkSize = 1 << 20

    /// Reads `bytes` behind a one-field padding record that ends the first chunk at an offset inside them,
    /// and compares with `unpadded`, the outcome without padding in the same `dialect`.
    ///
    /// Only single-byte encodings without a BOM: the padding must be one plain record in front of the data.
    /// Reading a mebibyte costs, so only inputs whose second byte ends in two zero bits take this pass.
    static func check(_ bytes: [UInt8], dialect: CSVDialect, against unpadded: ReadOutcome) {
        guard dialect.encoding == .utf8 || dialect.encoding == .windows1252, !dialect.hasBOM, bytes.count > 1,
            bytes[1] & 0b11 == 0
        else { return }
        var split = (Int(bytes[1]) << 4 | bytes.count & 0xF) % (bytes.count + 1)
        // Finding F4 again (see ReaderOracle.endsWithQuote): no chunk may end right after a quote.
        while split > 0 && bytes[split - 1] == dialect.quote { split -= 1 }
        var padded = [UInt8](repeating: UInt8(ascii: "P"), count: chunkSize - split - 1)
        padded.append(0x0A)
        padded += bytes

        switch (unpadded, ReaderOracle.read(padded, dialect: dialect)) {
        case (.skipped, _), (_, .skipped):
            return
        case (.refused(let error), .refused(let paddedError)):
            guard paddedError.kind == error.kind, paddedError.line == error.line.map({ $0 + 1 }) else {
                fatalError("split at \(split): refused with '\(paddedError)', without padding '\(error)'")
            }
        case (.records(let result), .records(let paddedResult)):
            // Finding F6 (reported to the lead, CSVReader): the line breaks inside the part of an oversized
            // field dropped at a chunk end are not counted, so later records get too small line numbers.
            // Until it is fixed, lines are compared only when no field went over the limit.
            let compareLines = !result.records.contains { record in
                if case .fieldTooLarge = record.problem { return true }
                return false
            }
            let shifted = paddedResult.records.dropFirst().map { record in
                ReadRecord(
                    index: record.index - 1, line: compareLines ? record.line - 1 : 0, fieldCount: record.fieldCount,
                    problem: record.problem, fields: record.fields)
            }
            let expected = result.records.map { record in
                ReadRecord(
                    index: record.index, line: compareLines ? record.line : 0, fieldCount: record.fieldCount,
                    problem: record.problem, fields: record.fields)
            }
            guard shifted == expected else {
                fatalError("split at \(split): \(shifted) differ from \(expected) read in one piece")
            }
        case (.records, .refused(let error)), (.refused(let error), .records):
            fatalError("split at \(split): one read refused the data (\(error)), the other did not")
        }
    }
}
