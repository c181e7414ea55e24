import Foundation
import ZIPFoundation

/// Reads a workbook libxlsxwriter has just saved and names the XML parts that came out cut short.
///
/// libxlsxwriter assembles each part in a temporary file and does not check those writes: with the temporary folder
/// full, `workbook_close` reports success while parts are empty or truncated, and the file opens as a broken or
/// empty workbook. Every part is written front to back, so a lost write shows at its end: a complete part ends with
/// the closing tag of its root element (or is that element, self-closed).
enum SavedPackageCheck {
    /// How many bytes of a part's start and end are kept to find its root element and its closing tag.
    private static let edgeBytes = 512

    /// The names of the `.xml` and `.rels` parts of the package at `path` that do not end their root element; all of
    /// them when the package cannot be read.
    static func incompleteParts(at path: String) -> [String] {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else { return [path] }
        var incomplete: [String] = []
        for entry in archive where entry.type == .file {
            guard entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") else { continue }
            var head: [UInt8] = []
            var tail: [UInt8] = []
            let read = try? archive.extract(entry, skipCRC32: false) { chunk in
                // Through the bytes: `Data`'s own prefix and suffix walk every byte of the chunk.
                chunk.withUnsafeBytes { bytes in
                    if head.count < edgeBytes { head += bytes[..<min(bytes.count, edgeBytes - head.count)] }
                    tail += bytes[max(0, bytes.count - edgeBytes)...]
                }
                if tail.count > 2 * edgeBytes { tail.removeFirst(tail.count - edgeBytes) }
            }
            if read == nil || !closesRoot(head: head, tail: tail) { incomplete.append(entry.path) }
        }
        return incomplete
    }

    /// Whether a part starting with `head` ends (`tail`) by closing its root element.
    static func closesRoot(head: [UInt8], tail: [UInt8]) -> Bool {
        guard let root = rootName(head) else { return false }
        var end = tail[...]
        while let last = end.last, isSpace(last) { end = end.dropLast() }
        let closing = Array("</\(root)>".utf8)
        if end.count >= closing.count && end.suffix(closing.count).elementsEqual(closing) { return true }
        // A root with nothing inside (`<Types .../>`) ends itself: the last tag opens the root and closes with `/>`.
        guard end.last == UInt8(ascii: ">"), end.dropLast().last == UInt8(ascii: "/") else { return false }
        return lastTagIsRoot(end, root: root)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Whether the last tag in `end` opens `root`.
    private static func lastTagIsRoot(_ end: ArraySlice<UInt8>, root: String) -> Bool {
        guard let open = end.lastIndex(of: UInt8(ascii: "<")) else { return false }
        let name = end[(open + 1)...].prefix { !(isSpace($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ">")) }
        return Array(name) == Array(root.utf8)
    }

    /// The name of the first element in `head`, past the XML declaration and comments.
    private static func rootName(_ head: [UInt8]) -> String? {
        var index = 0
        while index < head.count {
            guard let open = head[index...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
            let next = open + 1 < head.count ? head[open + 1] : 0
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                index = open + 1
                continue
            }
            let name = head[(open + 1)...].prefix {
                !(isSpace($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ">"))
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }
}
