/// How a CSV file is written: everything needed to read it and to write a copy the same way.
///
/// The dialect is sniffed once from the start of a file and then carried to every writer, so the enriched
/// copy goes back to the ERP system in the form it came from.
public struct CSVDialect: Sendable, Equatable, Codable {
    /// The file's character encoding.
    public var encoding: TextEncoding
    /// Whether the file starts with a byte-order mark.
    public var hasBOM: Bool
    /// The field separator byte (`;`, `,`, TAB or `|`).
    public var delimiter: UInt8
    /// The quote byte, almost always `"`.
    public var quote: UInt8
    /// The record terminator.
    public var lineEnding: LineEnding
    /// Whether the first record names the columns.
    public var hasHeader: Bool
    /// Whether every field is quoted, as some exporters do; otherwise fields are quoted only where needed
    /// (and where the source quoted them, when a writer copies source fields).
    public var quotesAllFields: Bool
    /// Whether the last record ends with a line ending.
    public var endsWithLineEnding: Bool
    /// The columns the file quotes in every record even when the text does not need it (some exporters
    /// quote all text columns); copies quote them too, so the original columns survive byte for byte.
    public var quotedColumns: Set<Int> = []
    /// Whether the header quotes its names.
    public var quotedHeader = false

    /// Creates a dialect; the defaults are RFC 4180's.
    public init(
        encoding: TextEncoding = .utf8, hasBOM: Bool = false, delimiter: UInt8 = UInt8(ascii: ","),
        quote: UInt8 = UInt8(ascii: "\""), lineEnding: LineEnding = .crlf, hasHeader: Bool = true,
        quotesAllFields: Bool = false, endsWithLineEnding: Bool = true
    ) {
        self.encoding = encoding
        self.hasBOM = hasBOM
        self.delimiter = delimiter
        self.quote = quote
        self.lineEnding = lineEnding
        self.hasHeader = hasHeader
        self.quotesAllFields = quotesAllFields
        self.endsWithLineEnding = endsWithLineEnding
    }

    /// The delimiter as text, for messages and JSON (`"\t"` for TAB).
    public var delimiterText: String { String(UnicodeScalar(delimiter)) }

    /// The dialect Kedja's own editable tables are written in: what Excel opens with å, ä and ö intact.
    public static let excelSwedish = CSVDialect(
        encoding: .utf8, hasBOM: true, delimiter: UInt8(ascii: ";"), lineEnding: .crlf)

    /// Parses a delimiter as typed on the command line: a single character, or `tab`, `\t`, `semicolon`, `comma`, `pipe`.
    public static func delimiter(fromUserText text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "semicolon", ";": return UInt8(ascii: ";")
        case "comma", ",": return UInt8(ascii: ",")
        case "pipe", "|": return UInt8(ascii: "|")
        default:
            let bytes = Array(text.utf8)
            guard bytes.count == 1, bytes[0] != UInt8(ascii: "\""), bytes[0] != 0x0A, bytes[0] != 0x0D else {
                return nil
            }
            return bytes[0]
        }
    }
}

/// A record terminator as found in the file.
public enum LineEnding: String, Sendable, Codable, CaseIterable {
    case crlf = "\r\n"
    case lf = "\n"
    case cr = "\r"

    /// The terminator's bytes.
    public var bytes: [UInt8] { Array(rawValue.utf8) }

    /// Parses `crlf`, `lf` or `cr` as typed on the command line.
    public init?(userName: String) {
        switch userName.lowercased() {
        case "crlf", "\\r\\n", "windows": self = .crlf
        case "lf", "\\n", "unix": self = .lf
        case "cr", "\\r": self = .cr
        default: return nil
        }
    }
}
