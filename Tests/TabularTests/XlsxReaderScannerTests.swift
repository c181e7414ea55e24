import Testing

@testable import Tabular

/// The streaming XML scanner: the same tokens however the bytes are split into chunks, and clear
/// errors for XML it must refuse.
@Suite("XlsxReader XML scanner")
struct XlsxReaderScannerTests {
    static let document = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- a comment with <tags> and -- dashes -->
        <x:root xmlns:x="urn:example" xmlns="urn:default">
          <item id="1" label='single "quoted" &amp; a &gt; sign'>Text &lt;one&gt; &#x263A;&#9731;</item>
          <item id = "2"
                label="multi\r\nline\tvalue"/>
          <other><![CDATA[raw <not a tag> & ]] text]]>\r\nafter</other>
        </x:root>
        """

    /// Every token of `document`, fed in chunks of `chunkSize` bytes, described as text.
    static func tokens(chunkSize: Int) throws -> [String] {
        var scanner = XlsxXMLScanner()
        var tokens: [String] = []
        let bytes = Array(document.utf8)
        var offset = 0
        while offset < bytes.count {
            try scanner.append(bytes[offset..<min(offset + chunkSize, bytes.count)])
            offset += chunkSize
            while let token = try scanner.next() {
                tokens.append(try describe(token, scanner))
            }
        }
        try scanner.finish()
        return tokens
    }

    static func describe(_ token: XlsxXMLScanner.Token, _ scanner: XlsxXMLScanner) throws -> String {
        let name =
            scanner.isNamed("root")
            ? "root"
            : scanner.isNamed("item")
                ? "item"
                : scanner.isNamed("other") ? "other" : "?"
        switch token {
        case .startTag:
            let id = try scanner.attribute("id") ?? "-"
            let label = try scanner.attribute("label") ?? "-"
            let namespace = try scanner.attribute("x") ?? "-"
            return "<\(name) id=\(id) label=\(label) ns=\(namespace)\(scanner.isSelfClosing ? "/" : "")>"
        case .endTag:
            return "</\(name)>"
        case .text:
            var text = ""
            try scanner.appendText(to: &text)
            return text.allSatisfy(\.isWhitespace) ? "(space)" : "text:\(text)"
        }
    }

    @Test("tokens, entities, CDATA, attribute normalisation and namespace prefixes")
    func wholeDocument() throws {
        let tokens = try Self.tokens(chunkSize: .max)
        #expect(
            tokens.filter { $0 != "(space)" } == [
                "<root id=- label=- ns=->",
                "<item id=1 label=single \"quoted\" & a > sign ns=->",
                "text:Text <one> ☺☃",
                "</item>",
                "<item id=2 label=multi line value ns=-/>",
                "<other id=- label=- ns=->",
                "text:raw <not a tag> & ]] text",
                "text:\nafter",
                "</other>",
                "</root>",
            ])
    }

    @Test("the same tokens for every chunk size", arguments: [1, 2, 3, 5, 7, 16, 64])
    func chunked(size: Int) throws {
        #expect(try Self.tokens(chunkSize: size) == Self.tokens(chunkSize: .max))
    }

    @Test(
        "XML the scanner refuses",
        arguments: [
            ("<a><!DOCTYPE a></a>", "DOCTYPE"),
            ("<a>&nbsp;</a>", "unknown entity '&nbsp;'"),
            ("<a>&#xD800;</a>", "no Unicode character"),
            ("<a>fish & chips</a>", "does not start an entity"),
            ("<a b=c/>", "without quotes"),
            ("<a b/>", "without a value"),
            ("<a><b></a>", "before its closing tags"),
            ("<a></a></b>", "without a matching start tag"),
            ("<a>", "before its closing tags"),
            ("<a", "ends inside a tag"),
            ("  ", "holds no XML element"),
            ("\u{FFFE}<a/>", "UTF-16"),
        ])
    func refused(xml: String, problem: String) {
        var bytes = Array(xml.utf8)
        if xml.hasPrefix("\u{FFFE}") { bytes = [0xFF, 0xFE] + Array(xml.utf8.dropFirst(3)) }
        var scanner = XlsxXMLScanner()
        do {
            try scanner.append(bytes)
            while let token = try scanner.next() {
                if token == .text {
                    var text = ""
                    try scanner.appendText(to: &text)
                }
            }
            try scanner.finish()
            Issue.record("accepted \(xml)")
        } catch {
            #expect(error.detail.contains(problem), "\(error.detail)")
        }
    }
}
