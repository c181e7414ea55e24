/// Works out a CSV file's dialect from its first bytes, so users never have to describe their export.
///
/// Decisions are made on evidence from many records, not on the first line alone: a delimiter must split
/// the sampled records consistently, and UTF-8 must be valid throughout the sample.
public enum CSVSniffer {
    /// How many bytes of a file the sniffer looks at.
    public static let sampleSize = 1 << 20

    /// Sniffs the dialect from a file's first bytes. `isComplete` says whether the sample is the whole file.
    public static func sniff(_ sample: [UInt8], isComplete: Bool, path: String) throws -> CSVDialect {
        if let format = binaryFormatName(sample) {
            throw CSVError(.notText(.startsLike(format)), path: path)
        }
        var dialect = CSVDialect()
        let text: [UInt8]
        if let bomEncoding = byteOrderMark(sample) {
            dialect.encoding = bomEncoding
            dialect.hasBOM = true
            text = transcodedToUTF8(Array(sample.dropFirst(bomEncoding.byteOrderMark.count)), from: bomEncoding)
        } else if let utf16 = unmarkedUTF16(sample) {
            dialect.encoding = utf16
            text = transcodedToUTF8(sample, from: utf16)
        } else {
            let valid = sample.withUnsafeBufferPointer { UTF8Validation.isValid($0, allowTruncatedEnd: !isComplete) }
            dialect.encoding = valid ? .utf8 : .windows1252
            text = sample
        }
        if text.isEmpty {
            throw CSVError(.empty, path: path)
        }
        if let control = controlCharacterProblem(text) {
            throw CSVError(.notText(control), path: path)
        }

        dialect.lineEnding = firstLineEnding(text, quote: dialect.quote) ?? .crlf
        if isComplete, let last = text.last {
            dialect.endsWithLineEnding = last == 0x0A || last == 0x0D
        }
        let records = splitRecords(text, quote: dialect.quote, isComplete: isComplete)
        dialect.delimiter = bestDelimiter(records, text: text, quote: dialect.quote)
        if prefersSingleQuote(text, delimiter: dialect.delimiter) {
            dialect.quote = UInt8(ascii: "'")
        }
        let fields = records.prefix(200).map { splitFields($0, delimiter: dialect.delimiter, quote: dialect.quote) }
        dialect.quotesAllFields = !fields.isEmpty && fields.allSatisfy { record in record.allSatisfy(\.quoted) }
        dialect.hasHeader = looksLikeHeader(fields)
        let data = dialect.hasHeader ? fields.dropFirst() : fields[...]
        if let widest = data.map(\.count).max(), !data.isEmpty {
            dialect.quotedColumns = Set(
                (0..<widest).filter { column in
                    data.allSatisfy { $0.count > column && $0[column].quoted }
                })
        }
        dialect.quotedHeader = dialect.hasHeader && (fields.first?.allSatisfy(\.quoted) ?? false)
        return dialect
    }

    // MARK: - Encoding

    private static func binaryFormatName(_ bytes: [UInt8]) -> CSVError.BinaryFormat? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .xls }
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: [0x1F, 0x8B]) { return .gzip }
        return nil
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> TextEncoding? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    /// UTF-16 without a BOM shows as a zero byte in every other position for Latin text.
    private static func unmarkedUTF16(_ bytes: [UInt8]) -> TextEncoding? {
        let probe = bytes.prefix(4096)
        guard probe.count >= 8 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for (offset, byte) in probe.enumerated() where byte == 0 {
            if offset % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let half = probe.count / 2
        if zeroOdd * 10 >= half * 7 && zeroEven * 20 < half { return .utf16LE }
        if zeroEven * 10 >= half * 7 && zeroOdd * 20 < half { return .utf16BE }
        return nil
    }

    private static func transcodedToUTF8(_ bytes: [UInt8], from encoding: TextEncoding) -> [UInt8] {
        guard let bigEndian = encoding.utf16BigEndian else { return bytes }
        var transcoder = UTF16Transcoder(bigEndian: bigEndian)
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { transcoder.decode($0, into: &out) }
        return out
    }

    /// Text has no NUL bytes and few control characters besides TAB, CR and LF.
    private static func controlCharacterProblem(_ text: [UInt8]) -> CSVError.NotText? {
        var controls = 0
        for byte in text where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            if byte == 0 { return .nulBytes }
            controls += 1
        }
        return controls * 100 > text.count ? .controlCharacters : nil
    }

    // MARK: - Structure

    private static func firstLineEnding(_ text: [UInt8], quote: UInt8) -> LineEnding? {
        var quotes = QuoteTracker(quote: quote, delimiter: nil)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if quotes.isOutsideQuotes(byte) {
                if byte == 0x0D {
                    return index + 1 < text.count && text[index + 1] == 0x0A
                        ? .crlf : (index + 1 < text.count ? .cr : nil)
                }
                if byte == 0x0A { return .lf }
            }
            index += 1
        }
        return nil
    }

    /// Splits the sample into records, honouring quotes; an incomplete last record is dropped, unless it is the only
    /// one: a header longer than the sample still shows its delimiter.
    private static func splitRecords(_ text: [UInt8], quote: UInt8, isComplete: Bool) -> [ArraySlice<UInt8>] {
        var records: [ArraySlice<UInt8>] = []
        var quotes = QuoteTracker(quote: quote, delimiter: nil)
        var start = 0
        var index = 0
        while index < text.count && records.count < 500 {
            let byte = text[index]
            if quotes.isOutsideQuotes(byte) && (byte == 0x0A || byte == 0x0D) {
                if index > start { records.append(text[start..<index]) }
                start = index + 1
            }
            index += 1
        }
        if (isComplete || records.isEmpty) && start < text.count && records.count < 500 {
            records.append(text[start...])
        }
        return records
    }

    private static let candidateDelimiters: [UInt8] = [UInt8(ascii: ";"), 0x09, UInt8(ascii: ","), UInt8(ascii: "|")]

    /// The candidate that splits the records into the same number of fields most consistently.
    private static func bestDelimiter(_ records: [ArraySlice<UInt8>], text: [UInt8], quote: UInt8) -> UInt8 {
        var best: (delimiter: UInt8, consistency: Int, fields: Int)?
        for candidate in candidateDelimiters {
            var histogram: [Int: Int] = [:]
            for record in records.prefix(200) {
                histogram[countOutsideQuotes(record, candidate, quote: quote), default: 0] += 1
            }
            guard
                let (count, frequency) = histogram.filter({ $0.key > 0 }).max(by: {
                    ($0.value, $0.key) < ($1.value, $1.key)
                })
            else { continue }
            if let current = best, (current.consistency, current.fields) >= (frequency, count) { continue }
            best = (candidate, frequency, count)
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    private static func countOutsideQuotes(_ record: ArraySlice<UInt8>, _ delimiter: UInt8, quote: UInt8) -> Int {
        var quotes = QuoteTracker(quote: quote, delimiter: delimiter)
        var count = 0
        for byte in record where quotes.isOutsideQuotes(byte) && byte == delimiter { count += 1 }
        return count
    }

    /// Single quotes are the quote character only when double quotes never occur and single quotes
    /// wrap whole fields.
    private static func prefersSingleQuote(_ text: [UInt8], delimiter: UInt8) -> Bool {
        let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
        if text.contains(doubleQuote) { return false }
        var wrapped = 0
        var index = 1
        while index < text.count {
            let previous = text[index - 1]
            if text[index] == singleQuote && (previous == delimiter || previous == 0x0A || previous == 0x0D) {
                wrapped += 1
            }
            index += 1
        }
        return wrapped >= 2
    }

    private struct SampleField {
        var text: ArraySlice<UInt8>
        var quoted: Bool
    }

    private static func splitFields(_ record: ArraySlice<UInt8>, delimiter: UInt8, quote: UInt8) -> [SampleField] {
        var fields: [SampleField] = []
        var quotes = QuoteTracker(quote: quote, delimiter: delimiter)
        var start = record.startIndex
        var index = record.startIndex
        func finish(at end: Int) {
            let raw = record[start..<end]
            let quoted = raw.count >= 2 && raw.first == quote && raw.last == quote
            fields.append(SampleField(text: quoted ? raw.dropFirst().dropLast() : raw, quoted: quoted))
        }
        while index < record.endIndex {
            let byte = record[index]
            if quotes.isOutsideQuotes(byte) && byte == delimiter {
                finish(at: index)
                start = index + 1
            }
            index += 1
        }
        finish(at: record.endIndex)
        return fields
    }

    /// A header names columns: its cells are not numbers, while data rows usually hold some.
    private static func looksLikeHeader(_ records: [[SampleField]]) -> Bool {
        guard let first = records.first else { return true }
        let firstNumeric = first.filter { looksNumeric($0.text) }.count
        if firstNumeric == 0 { return true }
        guard records.count > 1 else { return false }
        let laterNumeric = records.dropFirst().prefix(20).map { $0.filter { looksNumeric($0.text) }.count }.max() ?? 0
        return firstNumeric < laterNumeric
    }

    private static func looksNumeric(_ text: ArraySlice<UInt8>) -> Bool {
        var digits = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"), 0xA0,
                0xC2:
                continue
            default: return false
            }
        }
        return digits > 0
    }
}

/// Follows quoting byte by byte as the reader does: a quote opens a quoted field only at the start of a field, and
/// anywhere else in an unquoted field it is text (`Rör 14"`), so one such quote does not make the sniffer read the
/// rest of the sample as one quoted field.
private struct QuoteTracker {
    let quote: UInt8
    /// The field separator, or nil before the delimiter is known: then any candidate delimiter starts a field.
    let delimiter: UInt8?
    private var inQuotes = false
    private var atFieldStart = true
    /// The previous byte closed a quoted field, or was the first of a doubled quote inside one.
    private var afterClosingQuote = false

    init(quote: UInt8, delimiter: UInt8?) {
        self.quote = quote
        self.delimiter = delimiter
    }

    /// Takes the next byte; returns whether it stands outside quoted text (a delimiter or line break there counts).
    mutating func isOutsideQuotes(_ byte: UInt8) -> Bool {
        if inQuotes {
            if byte == quote {
                inQuotes = false
                afterClosingQuote = true
            }
            return false
        }
        if byte == quote {
            // At a field's start a quote opens it; right after a closing quote it is the second of a doubled quote.
            inQuotes = atFieldStart || afterClosingQuote
            afterClosingQuote = false
            atFieldStart = false
            return false
        }
        afterClosingQuote = false
        atFieldStart = byte == 0x0A || byte == 0x0D || (delimiter.map { byte == $0 } ?? isCandidateDelimiter(byte))
        return true
    }

    private func isCandidateDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == 0x09 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "|")
    }
}
