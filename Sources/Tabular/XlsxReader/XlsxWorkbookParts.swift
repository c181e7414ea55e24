import Foundation

/// One relationship from a `.rels` part: how a part points at the parts it uses.
struct XlsxRelationship {
    /// The id other XML refers to, e.g. the `r:id` of a `<sheet>`.
    let id: String
    /// The last segment of the relationship type URI, e.g. `worksheet`, `sharedStrings`, `styles`.
    ///
    /// Only the last segment is compared, so transitional and strict OOXML namespaces both match.
    let kind: String
    /// The target part's name inside the archive, resolved to a path from the archive root.
    let target: String

    /// Reads the relationships of `sourcePart` (`""` for the package itself); none if it has no `.rels`.
    static func read(of sourcePart: String, in package: XlsxPackage) throws -> [XlsxRelationship] {
        let folder = parentFolder(of: sourcePart)
        let fileName = sourcePart.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = folder + "_rels/" + fileName + ".rels"
        guard package.contains(relsPart) else { return [] }
        var relationships: [XlsxRelationship] = []
        try package.scanXML(relsPart) { token, tag in
            guard token == .startTag, tag.isNamed("Relationship") else { return }
            guard try tag.attribute("TargetMode") != "External",
                let id = try tag.attribute("Id"), let type = try tag.attribute("Type"),
                let target = try tag.attribute("Target")
            else { return }
            let kind = type.split(separator: "/").last.map(String.init) ?? type
            relationships.append(
                XlsxRelationship(
                    id: id, kind: kind, target: resolve(target, relativeTo: folder)))
        }
        return relationships
    }

    /// The folder part of a part name, with a trailing slash (`xl/workbook.xml` → `xl/`).
    private static func parentFolder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// Resolves a relationship target (relative, `../`, or absolute from the root) to a part name.
    static func resolve(_ target: String, relativeTo folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        let joined = decoded.hasPrefix("/") ? decoded : folder + decoded
        var segments: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

/// What the reader needs from `xl/workbook.xml` and its relationships: the sheets in tab order,
/// the date system, and where the shared strings and styles live.
struct XlsxWorkbookInfo {
    /// One sheet tab.
    struct Sheet {
        /// The name on the tab.
        let name: String
        /// The sheet's part, e.g. `xl/worksheets/sheet1.xml`; `nil` if the relationship is missing.
        let part: String?
        /// Whether the sheet holds cells (a worksheet, not a chart or dialog sheet).
        let isWorksheet: Bool
    }

    let sheets: [Sheet]
    let uses1904DateSystem: Bool
    let sharedStringsPart: String?
    let stylesPart: String?

    /// Finds the workbook part through the package relationships and reads it.
    static func read(from package: XlsxPackage) throws -> XlsxWorkbookInfo {
        let packageRelationships = try XlsxRelationship.read(of: "", in: package)
        let workbookPart = packageRelationships.first { $0.kind == "officeDocument" }?.target ?? "xl/workbook.xml"
        guard package.contains(workbookPart) else {
            throw XlsxReadError(path: package.path, reason: .missingPart(workbookPart))
        }
        let relationships = try XlsxRelationship.read(of: workbookPart, in: package)
        let byID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var sheets: [Sheet] = []
        var uses1904 = false
        var inSheets = false
        try package.scanXML(workbookPart) { token, tag in
            switch token {
            case .startTag where tag.isNamed("sheets"):
                inSheets = !tag.isSelfClosing
            case .endTag where tag.isNamed("sheets"):
                inSheets = false
            case .startTag where inSheets && tag.isNamed("sheet"):
                guard let name = try tag.attribute("name") else { return }
                let relationship = try tag.attribute("id").flatMap { byID[$0] }
                sheets.append(
                    Sheet(
                        name: name, part: relationship?.target, isWorksheet: relationship?.kind == "worksheet"))
            case .startTag where tag.isNamed("workbookPr"):
                let flag = try tag.attribute("date1904")
                uses1904 = flag == "1" || flag == "true"
            default:
                break
            }
        }
        return XlsxWorkbookInfo(
            sheets: sheets,
            uses1904DateSystem: uses1904,
            sharedStringsPart: relationships.first { $0.kind == "sharedStrings" }?.target,
            stylesPart: relationships.first { $0.kind == "styles" }?.target)
    }
}

/// Which cell styles (`s` indexes into `cellXfs`) show their number as a date or time.
struct XlsxDateStyles {
    private let isDateByStyle: [Bool]

    /// No style shows a date (a workbook without a styles part).
    init() {
        isDateByStyle = []
    }

    /// Whether style `index` shows a date; an unknown index does not.
    func isDate(style index: Int) -> Bool {
        isDateByStyle.indices.contains(index) && isDateByStyle[index]
    }

    /// Reads the number formats and cell formats of the styles part.
    init(part: String, in package: XlsxPackage) throws {
        var customFormats: [Int: String] = [:]
        var formatIDByStyle: [Int] = []
        var inCellFormats = false
        try package.scanXML(part) { token, tag in
            switch token {
            case .startTag where tag.isNamed("numFmt"):
                if let id = try tag.attribute("numFmtId").flatMap({ Int($0) }),
                    let code = try tag.attribute("formatCode")
                {
                    customFormats[id] = code
                }
            case .startTag where tag.isNamed("cellXfs"):
                inCellFormats = !tag.isSelfClosing
            case .endTag where tag.isNamed("cellXfs"):
                inCellFormats = false
            case .startTag where inCellFormats && tag.isNamed("xf"):
                formatIDByStyle.append(try tag.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }
        isDateByStyle = formatIDByStyle.map { XlsxNumberFormat.isDate(id: $0, custom: customFormats) }
    }
}

/// Reads the shared-strings table, which sheets index with `t="s"` cells.
enum XlsxSharedStrings {
    /// The table's strings in order: rich-text runs joined, phonetic guides (`rPh`) left out,
    /// `_xHHHH_` escapes resolved. Stops with an error past the count or byte limit.
    static func read(part: String, in package: XlsxPackage, limits: XlsxLimits) throws -> [String] {
        var strings: [String] = []
        var totalBytes = 0
        var current = ""
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        func append(_ string: String) throws {
            guard strings.count < limits.maxSharedStrings else {
                throw XlsxReadError(path: package.path, reason: .tooManySharedStrings(limit: limits.maxSharedStrings))
            }
            totalBytes += string.utf8.count
            guard totalBytes <= limits.maxSharedStringBytes else {
                throw XlsxReadError(
                    path: package.path, reason: .sharedStringsTooLarge(limit: limits.maxSharedStringBytes))
            }
            strings.append(string)
        }
        try package.scanXML(part) { token, tag in
            switch token {
            case .startTag:
                if tag.isNamed("sst") {
                    let declared = try tag.attribute("uniqueCount").flatMap { Int($0) } ?? 0
                    strings.reserveCapacity(min(max(declared, 0), limits.maxSharedStrings, 1 << 20))
                } else if tag.isNamed("si") {
                    current = ""
                    inItem = !tag.isSelfClosing
                    if tag.isSelfClosing { try append("") }
                } else if tag.isNamed("rPh") {
                    if !tag.isSelfClosing { phoneticDepth += 1 }
                } else if tag.isNamed("t") {
                    inText = inItem && phoneticDepth == 0 && !tag.isSelfClosing
                }
            case .endTag:
                if tag.isNamed("si") {
                    inItem = false
                    try append(XlsxStringEscape.unescape(current))
                } else if tag.isNamed("rPh") {
                    phoneticDepth -= 1
                } else if tag.isNamed("t") {
                    inText = false
                }
            case .text:
                guard inText else { return }
                try tag.appendText(to: &current)
                guard totalBytes + current.utf8.count <= limits.maxSharedStringBytes else {
                    throw XlsxReadError(
                        path: package.path, reason: .sharedStringsTooLarge(limit: limits.maxSharedStringBytes))
                }
            }
        }
        return strings
    }
}

/// Resolves the `_xHHHH_` escapes OOXML uses for characters XML cannot carry (e.g. `_x000D_` for a
/// carriage return, `_x005F_` for a literal underscore before such a pattern), as Excel does.
enum XlsxStringEscape {
    /// `string` with every `_xHHHH_` replaced by its character.
    static func unescape(_ string: String) -> String {
        guard containsEscapeStart(string.utf8) else { return string }
        let scalars = Array(string.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_",
                scalars[(index + 2)..<(index + 6)].allSatisfy(\.properties.isASCIIHexDigit),
                let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                output.append(scalar)
                index += 7
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// Whether `_x` occurs: a byte scan, as most cells hold no escape (Foundation's `contains` is far slower).
    private static func containsEscapeStart(_ utf8: String.UTF8View) -> Bool {
        var previousWasUnderscore = false
        for byte in utf8 {
            if previousWasUnderscore && byte == UInt8(ascii: "x") { return true }
            previousWasUnderscore = byte == UInt8(ascii: "_")
        }
        return false
    }
}
