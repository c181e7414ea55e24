import Testing

@testable import Tabular

/// Dialect sniffing on the shapes ERP systems and Excel write.
@Suite struct CSVSnifferTests {
    static func sniff(_ bytes: [UInt8]) throws -> CSVDialect {
        try CSVSniffer.sniff(bytes, isComplete: true, path: "test.csv")
    }

    static func windows1252(_ text: String) -> [UInt8] { TextCodec.encode(text, as: .windows1252) }

    /// Found by the second attack: a header longer than the sample (a hostile file's million columns) fell back to
    /// `,` and the run then named no amount column; the partial first line still shows its delimiter.
    @Test func aHeaderLongerThanTheSampleStillShowsItsDelimiter() throws {
        let header = Array(
            (["Leverantörsnamn", "Belopp"] + (0..<200_000).map { "k\($0)" }).joined(separator: ";").utf8)
        let sample = Array(header.prefix(CSVSniffer.sampleSize))
        #expect(try CSVSniffer.sniff(sample, isComplete: false, path: "wide.csv").delimiter == UInt8(ascii: ";"))
    }

    @Test func raindanceStyleWindows1252SemicolonCRLF() throws {
        let dialect = try Self.sniff(
            Self.windows1252("Leverantör;Belopp\r\nÅkesson AB;1 234,50\r\nBäck HB;-200,00\r\n"))
        #expect(dialect.encoding == .windows1252)
        #expect(!dialect.hasBOM)
        #expect(dialect.delimiter == UInt8(ascii: ";"))
        #expect(dialect.lineEnding == .crlf)
        #expect(dialect.hasHeader)
        #expect(dialect.endsWithLineEnding)
    }

    @Test func utf8WithBOMAndTabs() throws {
        let dialect = try Self.sniff([0xEF, 0xBB, 0xBF] + Array("Leverantör\tBelopp\nÅkesson AB\t1234,50\n".utf8))
        #expect(dialect.encoding == .utf8)
        #expect(dialect.hasBOM)
        #expect(dialect.delimiter == 0x09)
        #expect(dialect.lineEnding == .lf)
    }

    @Test func utf16LittleEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "a;b\r\n1;2\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let dialect = try Self.sniff(bytes)
        #expect(dialect.encoding == .utf16LE)
        #expect(dialect.delimiter == UInt8(ascii: ";"))
    }

    @Test func utf16WithoutBOMIsRecognisedByItsZeroBytes() throws {
        var bytes: [UInt8] = []
        for unit in "name,amount\r\nA,1\r\nB,2\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try Self.sniff(bytes).encoding == .utf16LE)
    }

    @Test func commaWithQuotedCommasAndBareCR() throws {
        let dialect = try Self.sniff(Array("name,amount\r\"Smith, J\",1.50\r\"Jones, K\",2.00".utf8))
        #expect(dialect.delimiter == UInt8(ascii: ","))
        #expect(dialect.lineEnding == .cr)
        #expect(!dialect.endsWithLineEnding)
    }

    @Test func pipeDelimiter() throws {
        #expect(try Self.sniff(Array("a|b|c\n1|2|3\n4|5|6\n".utf8)).delimiter == UInt8(ascii: "|"))
    }

    @Test func theDelimiterIsTheConsistentOneNotTheMostFrequent() throws {
        // Commas are frequent inside the descriptions, but only semicolons split every line alike.
        let text = "Text;Belopp\nKaffe, te, socker;12,50\nPapper;3,00\nPennor, blå, röda, gröna;7,25\n"
        #expect(try Self.sniff(Array(text.utf8)).delimiter == UInt8(ascii: ";"))
    }

    @Test func aFileWithoutHeaderIsRecognised() throws {
        #expect(try !Self.sniff(Array("1,2,3\n4,5,6\n".utf8)).hasHeader)
        #expect(try Self.sniff(Array("a,b,c\n1,2,3\n".utf8)).hasHeader)
    }

    @Test func columnsQuotedInEveryRecordAreRemembered() throws {
        let dialect = try Self.sniff(Array("\"Name\";\"Amount\"\n\"A\";1,00\n\"B\";2,00\n".utf8))
        #expect(dialect.quotedColumns == [0])
        #expect(dialect.quotedHeader)
        #expect(!dialect.quotesAllFields)
    }

    @Test(
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP"),
            ([0x25, 0x50, 0x44, 0x46, 0x2D], "PDF"),
            ([0x61, 0x00, 0x62, 0x2C, 0x63], "NUL"),
        ] as [([UInt8], String)])
    func binaryFilesAreNotText(bytes: [UInt8], name: String) throws {
        let error = try #require(throws: CSVError.self) { try Self.sniff(bytes) }
        guard case .notText = error.kind else {
            Issue.record("expected notText for \(name), got \(error.kind)")
            return
        }
    }

    @Test func windows1252IsChosenOnlyWhenUTF8IsInvalid() throws {
        #expect(try Self.sniff(Array("a;b\nå;ä\n".utf8)).encoding == .utf8)
        #expect(try Self.sniff(Self.windows1252("a;b\nå;ä\n")).encoding == .windows1252)
        // A sample cut in the middle of a UTF-8 character is still UTF-8.
        let cut = Array("a;b\nå;ä".utf8).dropLast()
        #expect(try CSVSniffer.sniff(Array(cut), isComplete: false, path: "x").encoding == .utf8)
    }

    /// A quote inside an unquoted field is text to the reader, so it must not open quoting for the sniffer either:
    /// here the first line break would be taken for part of a quoted field, and the file for CRLF.
    @Test func aQuoteInsideAnUnquotedFieldDoesNotHideTheLineEnding() throws {
        let dialect = try CSVSniffer.sniff(
            Array("Skärm 24\" LED;1 999,00\nKabel;10,00\nMus;99,00\n".utf8), isComplete: true, path: "x.csv")
        #expect(dialect.lineEnding == .lf)
        #expect(dialect.delimiter == UInt8(ascii: ";"))
    }
}
