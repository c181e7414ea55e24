/// Copies a CSV file into another dialect, keeping every field's text exactly.
///
/// Only the encoding, BOM, delimiter, quoting and line endings change. Every record is written field for field,
/// also one whose field count differs from the first record's (a ragged record, counted): a converter that drops
/// records loses spend without a trace. Only a record a size limit cut short cannot be written; it is reported
/// with its record and line numbers.
public enum CSVConversion {
    /// What a conversion did.
    public struct Counts: Sendable, Equatable {
        /// Records read, the header included.
        public var records = 0
        /// Records written.
        public var written = 0
        /// Records written with another field count than the first record's (the header's).
        public var ragged = 0
        /// Records not written (a field or the field count over a limit), with why (said in words by the caller,
        /// in its language).
        public var rejects: [(record: Int, line: Int, problem: CSVRecordProblem)] = []
        /// How many were rejected.
        public var rejected: Int { rejects.count }
        /// For a workbook output, what its cell texts needed to fit in the file.
        public var textRepairs = TextRepairs()

        public static func == (lhs: Counts, rhs: Counts) -> Bool {
            lhs.records == rhs.records && lhs.written == rhs.written && lhs.ragged == rhs.ragged
                && lhs.textRepairs == rhs.textRepairs
                && lhs.rejects.elementsEqual(rhs.rejects) {
                    $0.record == $1.record && $0.line == $1.line && $0.problem == $1.problem
                }
        }
    }

    /// Streams every record of `reader` into `writer` and finishes the writer.
    ///
    /// - Parameter withholdingOnRejects: when a record is rejected, leave the writer unfinished, so a file output
    ///   never appears (`--strict`: no output from an input that did not convert whole).
    public static func copy(_ reader: CSVReader, to writer: CSVWriter, withholdingOnRejects: Bool = false) throws
        -> Counts
    {
        var counts = Counts()
        var width: Int?
        let sourceEncoding = reader.dialect.encoding.fieldEncoding
        let targetEncoding = writer.dialect.encoding.fieldEncoding
        try reader.forEachRecord { record in
            counts.records += 1
            let expected = width ?? record.fieldCount
            width = expected
            if let problem = record.problem {
                counts.rejects.append((record.number, record.line, problem))
                return true
            }
            if record.fieldCount != expected { counts.ragged += 1 }
            for index in 0..<record.fieldCount {
                if sourceEncoding == targetEncoding {
                    writer.writeField(record.field(index), quoted: record.isQuoted(index))
                } else {
                    let bytes = TextCodec.encode(record.string(at: index), as: targetEncoding)
                    bytes.withUnsafeBufferPointer { writer.writeField($0, quoted: record.isQuoted(index)) }
                }
            }
            try writer.endRecord()
            counts.written += 1
            return true
        }
        if !(withholdingOnRejects && counts.rejected > 0) { try writer.finish() }
        return counts
    }
}
