/// Finds the keyword rule that best describes a piece of free text (supplier name, description,
/// account text), by the rules in `Templates/README.md`:
///
/// - case- and accent-insensitive;
/// - a keyword matches where a word starts, and may run on into the word ("kaffe" finds
///   "Kaffeautomater" and "Gevalia kaffe AB"; "te" is never found inside "Kontorsmaterial");
/// - a keyword of at most 3 letters must be the whole word ("te", "ris", "trä");
/// - the most specific match wins (for keywords, the longest CPV prefix of the category they lead to:
///   "Livsmedel - kaffe" is coffee, not food), then the longest keyword, then the one earlier in the table.
///
/// The scope table's words use the same matcher with every entry a whole word or phrase.
///
/// The keywords sit in a byte trie built once, so a lookup walks the text once per word start.
struct KeywordMatcher: Sendable {
    /// A keyword as matched: its folded bytes' length and what it leads to.
    struct Entry: Sendable {
        /// The keyword as written in the table.
        var keyword: String
        /// The payload the caller attached (an index into the caller's rules).
        var target: Int
        /// The folded keyword's length in bytes, the measure of "longest".
        var length: Int
        /// Whether the keyword must be a whole word (at most 3 letters, or asked for).
        var wholeWordOnly: Bool
        /// How specific the keyword's target is (the CPV prefix length of its category): compared first.
        var specificity: Int
    }

    private struct Node: Sendable {
        var labels: [UInt8] = []
        var children: [Int32] = []
        var entry: Int32 = -1
    }

    private var nodes = [Node()]
    private var entries: [Entry] = []

    /// Words of at most this many letters must match as whole words.
    static let shortKeywordLetters = 3

    /// Adds a keyword; returns false when its folded form is empty or already present (the first stays).
    /// `wholeWord` makes it match only as whole words, whatever its length.
    @discardableResult
    mutating func insert(_ keyword: String, target: Int, specificity: Int = 0, wholeWord: Bool = false) -> Bool {
        let bytes = TextFolding.searchBytes(keyword)
        guard !bytes.isEmpty else { return false }
        var node = 0
        for byte in bytes {
            if let position = nodes[node].labels.firstIndex(of: byte) {
                node = Int(nodes[node].children[position])
            } else {
                nodes.append(Node())
                let child = nodes.count - 1
                nodes[node].labels.append(byte)
                nodes[node].children.append(Int32(child))
                node = child
            }
        }
        guard nodes[node].entry < 0 else { return false }
        let letters = String(decoding: bytes, as: UTF8.self).count
        entries.append(
            Entry(
                keyword: keyword, target: target, length: bytes.count,
                wholeWordOnly: wholeWord || letters <= Self.shortKeywordLetters, specificity: specificity))
        nodes[node].entry = Int32(entries.count - 1)
        return true
    }

    /// The number of keywords, which ``bestMatchPosition(in:)`` answers positions below.
    var entryCount: Int { entries.count }

    /// The entry at a position ``bestMatchPosition(in:)`` returned.
    func entry(at position: Int) -> Entry { entries[position] }

    /// The best matching entry in `text`, or nil when no keyword matches.
    func bestMatch(in text: String) -> Entry? {
        bestMatchPosition(in: text).map { entries[$0] }
    }

    /// The position of the best matching entry in `text`, or nil when no keyword matches: what callers that
    /// cache matches per distinct text keep, instead of a copy of the entry.
    func bestMatchPosition(in text: String) -> Int? {
        let bytes = TextFolding.searchBytes(text)
        let space = UInt8(ascii: " ")
        var best: Int32 = -1
        var start = 0
        while start < bytes.count {
            if start == 0 || bytes[start - 1] == space {
                var node = 0
                var position = start
                while position < bytes.count, let next = child(of: node, labelled: bytes[position]) {
                    node = next
                    position += 1
                    let candidate = nodes[node].entry
                    guard candidate >= 0 else { continue }
                    let entry = entries[Int(candidate)]
                    if entry.wholeWordOnly, position < bytes.count, bytes[position] != space { continue }
                    if best < 0 || isBetter(Int(candidate), than: Int(best)) { best = candidate }
                }
            }
            start += 1
        }
        return best < 0 ? nil : Int(best)
    }

    /// Whether the entry at `candidate` beats the one at `current`: more specific, then longer, then earlier.
    func isBetter(_ candidate: Int, than current: Int) -> Bool {
        let lhs = entries[candidate]
        let rhs = entries[current]
        if lhs.specificity != rhs.specificity { return lhs.specificity > rhs.specificity }
        return lhs.length > rhs.length || (lhs.length == rhs.length && candidate < current)
    }

    @inline(__always)
    private func child(of node: Int, labelled byte: UInt8) -> Int? {
        let labels = nodes[node].labels
        guard let position = labels.firstIndex(of: byte) else { return nil }
        return Int(nodes[node].children[position])
    }
}
