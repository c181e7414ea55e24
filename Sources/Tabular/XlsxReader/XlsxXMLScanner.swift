/// A pull tokenizer for the XML parts of an XLSX package, fed in chunks as a ZIP entry inflates.
///
/// SpreadsheetML parts are large, flat and simple, so instead of building a DOM (or paying for
/// Foundation's `XMLParser` and its per-callback dictionaries) the reader scans UTF-8 bytes itself.
/// It knows elements, attributes, text, CDATA, comments, processing instructions, the five
/// predefined entities and character references. It refuses a DOCTYPE: no XLSX part needs one, and
/// it is the door to entity-expansion attacks.
///
/// Usage: `append` a chunk, then call `next()` until it returns `nil` (the rest of the buffer is an
/// incomplete token waiting for more bytes); after the last chunk call `finish()`. `next()` returns
/// only the kind of token; the token itself (name, attributes, text) is read from the scanner until
/// the next call, so a sheet of millions of cells costs no allocation per tag.
struct XlsxXMLScanner {
    /// The kind of the current token.
    enum Token {
        /// A start tag (`<c r="A1">`, or `<c/>` when `isSelfClosing`).
        case startTag
        /// An end tag (`</c>`).
        case endTag
        /// A run of character data or a CDATA section.
        case text
    }

    /// The most bytes a single token (tag, text run, comment) may span before the scanner gives up.
    ///
    /// A cell holds at most 32,767 characters, so no legitimate token comes near this; the cap keeps a
    /// hostile part from growing the buffer without bound.
    static let maximumTokenBytes = 16 * 1024 * 1024

    private var buffer: [UInt8] = []
    private var position = 0
    private var bytesDiscarded = 0
    private var depth = 0
    private var sawRootElement = false
    private var sawFirstChunk = false
    /// The current start tag's attributes are `attributes[..<attributeCount]`; the array is reused
    /// from tag to tag rather than emptied.
    private var attributes: [XlsxXMLAttribute] = []
    private var attributeCount = 0
    private var nameRange = 0..<0
    private var textRange = 0..<0
    private var textIsCDATA = false
    /// Whether the current start tag closes itself (`<c r="A1"/>`): no content and no end tag follow.
    private(set) var isSelfClosing = false
    /// How far the search for the end of an incomplete token got, so that the next chunk continues
    /// the search instead of rescanning a long text run from its start.
    private var resume = Resume.none

    private struct Resume {
        /// Where the incomplete token starts; -1 when no search is pending.
        var tokenStart: Int
        /// The buffer's end when the search stopped.
        var scannedTo: Int
        /// For a start tag: the quote the search was inside, if any.
        var quote: UInt8?

        static let none = Resume(tokenStart: -1, scannedTo: 0, quote: nil)
    }

    /// Adds the next chunk of the part's bytes.
    mutating func append<Bytes: Collection<UInt8>>(_ chunk: Bytes) throws(XlsxXMLSyntaxError) {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            bytesDiscarded += position
            if resume.tokenStart >= 0 {
                resume.tokenStart -= position
                resume.scannedTo -= position
            }
            position = 0
        }
        buffer.append(contentsOf: chunk)
        if !sawFirstChunk {
            try skipByteOrderMark()
        }
    }

    /// Moves to the next complete token and returns its kind, or `nil` when the buffer ends inside one.
    mutating func next() throws(XlsxXMLSyntaxError) -> Token? {
        guard sawFirstChunk else { return nil }
        while position < buffer.count {
            guard buffer[position] == XMLByte.lessThan else {
                guard let end = firstIndex(of: XMLByte.lessThan, from: resumePoint(position)) else {
                    return try incomplete()
                }
                setText(position..<end, isCDATA: false)
                consume(to: end)
                return .text
            }
            guard position + 1 < buffer.count else { return try incomplete() }
            switch buffer[position + 1] {
            case XMLByte.slash:
                guard let close = firstIndex(of: XMLByte.greaterThan, from: resumePoint(position + 2)) else {
                    return try incomplete()
                }
                nameRange = try qualifiedName(in: (position + 2)..<close, allowTrailingSpace: true)
                attributeCount = 0
                isSelfClosing = false
                consume(to: close + 1)
                depth -= 1
                guard depth >= 0 else { throw syntaxError("an end tag without a matching start tag") }
                return .endTag
            case XMLByte.question:
                let end = Self.processingInstructionEnd
                guard let close = firstIndex(of: end, from: resumePoint(position + 2, patternLength: end.count)) else {
                    return try incomplete()
                }
                consume(to: close + end.count)
            case XMLByte.exclamation:
                if hasPrefix(Self.commentStart, at: position) {
                    let end = Self.commentEnd
                    let start = position + Self.commentStart.count
                    guard let close = firstIndex(of: end, from: resumePoint(start, patternLength: end.count)) else {
                        return try incomplete()
                    }
                    consume(to: close + end.count)
                } else if hasPrefix(Self.cdataStart, at: position) {
                    let end = Self.cdataEnd
                    let start = position + Self.cdataStart.count
                    guard let close = firstIndex(of: end, from: resumePoint(start, patternLength: end.count)) else {
                        return try incomplete()
                    }
                    setText(start..<close, isCDATA: true)
                    consume(to: close + end.count)
                    return .text
                } else if buffer.count - position < Self.cdataStart.count {
                    return try incomplete()
                } else {
                    throw syntaxError("a DOCTYPE or other declaration, which XLSX parts never contain")
                }
            default:
                return try startTag()
            }
        }
        return nil
    }

    /// Checks that the part ended cleanly: no half token left and every element closed.
    func finish() throws(XlsxXMLSyntaxError) {
        let rest = buffer[position...]
        if rest.contains(where: { !XMLByte.isWhitespace($0) }) {
            throw syntaxError("the part ends inside a tag or before its closing tags")
        }
        guard sawRootElement, depth == 0 else {
            throw syntaxError(
                sawRootElement ? "the part ends before its closing tags" : "the part holds no XML element")
        }
    }

    // MARK: - Tokens

    private mutating func startTag() throws(XlsxXMLSyntaxError) -> Token? {
        let pending = resume.tokenStart == position
        let search = startTagEnd(
            from: pending ? max(position + 1, resume.scannedTo) : position + 1, quote: pending ? resume.quote : nil)
        guard let close = search.close else { return try incomplete(quote: search.quote) }
        var contentEnd = close
        isSelfClosing = buffer[close - 1] == XMLByte.slash
        if isSelfClosing { contentEnd -= 1 }
        var cursor = position + 1
        while cursor < contentEnd, !XMLByte.isWhitespace(buffer[cursor]) { cursor += 1 }
        nameRange = try qualifiedName(in: (position + 1)..<cursor, allowTrailingSpace: false)
        attributeCount = 0
        try parseAttributes(in: cursor..<contentEnd)
        consume(to: close + 1)
        sawRootElement = true
        if !isSelfClosing { depth += 1 }
        return .startTag
    }

    /// Finds the `>` that closes a start tag, skipping any inside quoted attribute values; when the
    /// buffer ends first, returns the quote the search is inside, to continue from there.
    private func startTagEnd(from start: Int, quote initialQuote: UInt8?) -> (close: Int?, quote: UInt8?) {
        var quote = initialQuote
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == XMLByte.doubleQuote || byte == XMLByte.singleQuote {
                quote = byte
            } else if byte == XMLByte.greaterThan {
                return (index, nil)
            }
            index += 1
        }
        return (nil, quote)
    }

    private mutating func parseAttributes(in range: Range<Int>) throws(XlsxXMLSyntaxError) {
        var cursor = range.lowerBound
        while true {
            while cursor < range.upperBound, XMLByte.isWhitespace(buffer[cursor]) { cursor += 1 }
            guard cursor < range.upperBound else { return }
            let nameStart = cursor
            while cursor < range.upperBound, buffer[cursor] != XMLByte.equals, !XMLByte.isWhitespace(buffer[cursor]) {
                cursor += 1
            }
            let nameEnd = cursor
            while cursor < range.upperBound, XMLByte.isWhitespace(buffer[cursor]) { cursor += 1 }
            guard cursor < range.upperBound, buffer[cursor] == XMLByte.equals else {
                throw syntaxError("an attribute without a value")
            }
            cursor += 1
            while cursor < range.upperBound, XMLByte.isWhitespace(buffer[cursor]) { cursor += 1 }
            guard cursor < range.upperBound,
                buffer[cursor] == XMLByte.doubleQuote || buffer[cursor] == XMLByte.singleQuote
            else {
                throw syntaxError("an attribute value without quotes")
            }
            let quote = buffer[cursor]
            let valueStart = cursor + 1
            guard let valueEnd = firstIndex(of: quote, from: valueStart), valueEnd < range.upperBound else {
                throw syntaxError("an unterminated attribute value")
            }
            cursor = valueEnd + 1
            let name = try qualifiedName(in: nameStart..<nameEnd, allowTrailingSpace: false)
            // Namespace declarations are not attributes of the element's vocabulary.
            if !hasPrefix(Self.xmlnsPrefix, at: nameStart) {
                let attribute = XlsxXMLAttribute(localName: name, value: valueStart..<valueEnd)
                if attributeCount < attributes.count {
                    attributes[attributeCount] = attribute
                } else {
                    attributes.append(attribute)
                }
                attributeCount += 1
            }
        }
    }

    /// Validates a (possibly prefixed) name and returns the range of its local part.
    private func qualifiedName(
        in range: Range<Int>, allowTrailingSpace: Bool
    ) throws(XlsxXMLSyntaxError) -> Range<Int> {
        var end = range.upperBound
        if allowTrailingSpace {
            while end > range.lowerBound, XMLByte.isWhitespace(buffer[end - 1]) { end -= 1 }
        }
        guard end > range.lowerBound else { throw syntaxError("a tag or attribute without a name") }
        var localStart = range.lowerBound
        for index in range.lowerBound..<end {
            let byte = buffer[index]
            if byte == XMLByte.colon {
                localStart = index + 1
            } else if XMLByte.isWhitespace(byte) || byte == XMLByte.lessThan || byte == XMLByte.greaterThan
                || byte == XMLByte.doubleQuote || byte == XMLByte.singleQuote || byte == XMLByte.equals
            {
                throw syntaxError("a malformed tag or attribute name")
            }
        }
        guard localStart < end else { throw syntaxError("a name with an empty local part") }
        return localStart..<end
    }

    // MARK: - Buffer helpers

    /// Skips a UTF-8 byte order mark and refuses UTF-16 text, once the first bytes are known.
    private mutating func skipByteOrderMark() throws(XlsxXMLSyntaxError) {
        let marks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE]]
        // Wait while the bytes so far could still be the start of a mark.
        if marks.contains(where: { buffer.count < $0.count && $0.starts(with: buffer) }) { return }
        sawFirstChunk = true
        if buffer.starts(with: marks[0]) {
            position = 3
        } else if buffer.starts(with: marks[1]) || buffer.starts(with: marks[2]) {
            throw syntaxError("UTF-16 text, but this reader reads UTF-8 parts only (as Excel writes them)")
        }
    }

    /// Reports that the buffer ends inside a token, or fails if that token has grown beyond reason.
    private mutating func incomplete(quote: UInt8? = nil) throws(XlsxXMLSyntaxError) -> Token? {
        if buffer.count - position > Self.maximumTokenBytes {
            throw syntaxError("a single tag or text run longer than \(Self.maximumTokenBytes) bytes")
        }
        resume = Resume(tokenStart: position, scannedTo: buffer.count, quote: quote)
        return nil
    }

    /// Where to search for the end of the token at `position` that starts its search at `start`:
    /// past what an earlier, incomplete search already covered (less the pattern's length, since a
    /// pattern may straddle the old end of the buffer).
    private func resumePoint(_ start: Int, patternLength: Int = 1) -> Int {
        guard resume.tokenStart == position else { return start }
        return max(start, resume.scannedTo - (patternLength - 1))
    }

    /// Makes a text run the current token; it has no name and no attributes.
    private mutating func setText(_ range: Range<Int>, isCDATA: Bool) {
        textRange = range
        textIsCDATA = isCDATA
        nameRange = 0..<0
        attributeCount = 0
        isSelfClosing = false
    }

    /// Moves past the current token; any pending search is over.
    private mutating func consume(to newPosition: Int) {
        position = newPosition
        resume = .none
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer[start...].firstIndex(of: byte)
    }

    private func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return start }
        var index = start
        while let candidate = firstIndex(of: first, from: index) {
            if hasPrefix(pattern, at: candidate) { return candidate }
            if candidate + pattern.count > buffer.count { return nil }
            index = candidate + 1
        }
        return nil
    }

    private func hasPrefix(_ pattern: [UInt8], at start: Int) -> Bool {
        guard start + pattern.count <= buffer.count else { return false }
        return buffer[start..<(start + pattern.count)].elementsEqual(pattern)
    }

    private func syntaxError(_ problem: String) -> XlsxXMLSyntaxError {
        XlsxXMLSyntaxError(problem: problem, byteOffset: bytesDiscarded + position)
    }

    private static let processingInstructionEnd = Array("?>".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)
    private static let xmlnsPrefix = Array("xmlns".utf8)
}

/// The XML in a part is not well-formed (or uses a feature XLSX never needs).
struct XlsxXMLSyntaxError: Error {
    /// What is wrong, in words for the user.
    let problem: String
    /// Where in the uncompressed part, when known.
    let byteOffset: Int?

    init(problem: String, byteOffset: Int? = nil) {
        self.problem = problem
        self.byteOffset = byteOffset
    }

    /// The problem with its position, ready for an error message.
    var detail: String {
        guard let byteOffset else { return problem }
        return "\(problem) (near byte \(byteOffset))"
    }
}

// MARK: - The current token

extension XlsxXMLScanner {
    /// Whether the current tag's local name (the part after any namespace prefix) is `name`.
    func isNamed(_ name: StaticString) -> Bool {
        Self.bytes(buffer, in: nameRange, equal: name)
    }

    /// The decoded value of the current start tag's attribute whose local name is `name`, or `nil`.
    func attribute(_ name: StaticString) throws(XlsxXMLSyntaxError) -> String? {
        guard let attribute = currentAttribute(name) else { return nil }
        return try Self.decode(buffer[attribute.value], isAttribute: true)
    }

    /// The raw bytes of an attribute's value, entities unresolved, for values that never hold any
    /// (cell references, type codes, style numbers): saves building a `String` per cell.
    func rawAttribute(_ name: StaticString) -> ArraySlice<UInt8>? {
        currentAttribute(name).map { buffer[$0.value] }
    }

    /// Appends the current text, entities resolved and line ends normalised as XML requires, to `string`.
    func appendText(to string: inout String) throws(XlsxXMLSyntaxError) {
        if textIsCDATA {
            string += Self.normalizingLineEnds(buffer[textRange])
        } else {
            string += try Self.decode(buffer[textRange], isAttribute: false)
        }
    }

    private func currentAttribute(_ name: StaticString) -> XlsxXMLAttribute? {
        attributes[..<attributeCount].first { Self.bytes(buffer, in: $0.localName, equal: name) }
    }

    private static func bytes(_ buffer: [UInt8], in range: Range<Int>, equal name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { literal in
            var offset = 0
            while offset < literal.count {
                if literal[offset] != buffer[range.lowerBound + offset] { return false }
                offset += 1
            }
            return true
        }
    }
}

/// Where one attribute's local name and value lie in the buffer.
struct XlsxXMLAttribute {
    let localName: Range<Int>
    let value: Range<Int>
}

// MARK: - Decoding character data

extension XlsxXMLScanner {
    /// Resolves entity and character references; normalises line ends (and, in attribute values,
    /// turns tabs and line breaks into spaces) the way every conforming XML parser does.
    static func decode(_ raw: ArraySlice<UInt8>, isAttribute: Bool) throws(XlsxXMLSyntaxError) -> String {
        let needsWork = raw.contains {
            $0 == XMLByte.ampersand || $0 == XMLByte.carriageReturn
                || (isAttribute && ($0 == XMLByte.tab || $0 == XMLByte.lineFeed))
        }
        guard needsWork else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            switch byte {
            case XMLByte.ampersand:
                guard let semicolon = raw[index...].firstIndex(of: XMLByte.semicolon) else {
                    throw XlsxXMLSyntaxError(problem: "an '&' that does not start an entity reference")
                }
                try appendEntity(raw[(index + 1)..<semicolon], to: &output)
                index = semicolon + 1
                continue
            case XMLByte.carriageReturn:
                output.append(isAttribute ? XMLByte.space : XMLByte.lineFeed)
                if index + 1 < raw.endIndex, raw[index + 1] == XMLByte.lineFeed { index += 1 }
            case XMLByte.tab, XMLByte.lineFeed:
                output.append(isAttribute ? XMLByte.space : byte)
            default:
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    fileprivate static func normalizingLineEnds(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(XMLByte.carriageReturn) else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var previousWasCarriageReturn = false
        for byte in raw {
            if byte == XMLByte.lineFeed, previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = byte == XMLByte.carriageReturn
            output.append(previousWasCarriageReturn ? XMLByte.lineFeed : byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendEntity(
        _ name: ArraySlice<UInt8>, to output: inout [UInt8]
    ) throws(XlsxXMLSyntaxError) {
        let text = String(decoding: name, as: UTF8.self)
        switch text {
        case "lt": output.append(XMLByte.lessThan)
        case "gt": output.append(XMLByte.greaterThan)
        case "amp": output.append(XMLByte.ampersand)
        case "quot": output.append(XMLByte.doubleQuote)
        case "apos": output.append(XMLByte.singleQuote)
        default:
            var scalarValue: UInt32?
            if text.hasPrefix("#x") || text.hasPrefix("#X") {
                scalarValue = UInt32(text.dropFirst(2), radix: 16)
            } else if text.hasPrefix("#") {
                scalarValue = UInt32(text.dropFirst(), radix: 10)
            }
            guard let scalarValue else {
                throw XlsxXMLSyntaxError(problem: "an unknown entity '&\(text);'")
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw XlsxXMLSyntaxError(problem: "a character reference '&\(text);' to no Unicode character")
            }
            output.append(contentsOf: String(Character(scalar)).utf8)
        }
    }
}

/// The ASCII bytes the scanner looks for.
private enum XMLByte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21
    static let doubleQuote: UInt8 = 0x22
    static let ampersand: UInt8 = 0x26
    static let singleQuote: UInt8 = 0x27
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == lineFeed || byte == carriageReturn || byte == tab
    }
}
