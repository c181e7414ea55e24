import Foundation
import KedjaTestSupport
import Tabular

/// Shared helpers for the `XlsxReader*Tests` suites: where the reference workbook lives, and workbooks made
/// at test time by Python (openpyxl, XlsxWriter, or hand-written XML zipped with `zipfile`).
enum XlsxReaderFixtures {
    /// Transparency International's CPI 2017 workbook, a real third-party XLSX.
    static let referenceWorkbook = TestLocations.testData("reference/ti-CPI2017-original.xlsx")

    /// Writes a workbook by running `script` with the output path as `sys.argv[1]`; returns its URL.
    static func pythonWorkbook(_ script: String, name: String = "book.xlsx") throws -> URL {
        let url = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxreader").appendingPathComponent(name)
        try ChildProcess.python(script, arguments: [url.path])
        return url
    }

    /// Zips the given parts (path → content) into a file, as-is; returns its URL.
    static func zip(_ parts: [String: String], name: String = "book.xlsx") throws -> URL {
        let url = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxreader").appendingPathComponent(name)
        let script = """
            import json, sys, zipfile
            parts = json.load(sys.stdin)
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
                for name in sorted(parts):
                    archive.writestr(name, parts[name])
            """
        try ChildProcess.python(script, arguments: [url.path], input: try JSONEncoder().encode(parts))
        return url
    }

    /// A minimal workbook package around hand-written sheet XML, so a test controls every byte of a
    /// sheet. `sheets` are (name, the XML inside `<sheetData>`), in tab order.
    static func handWrittenWorkbook(
        sheets: [(name: String, sheetData: String)],
        sharedStrings: [String]? = nil,
        styles: String? = nil,
        workbookProperties: String = "<workbookPr/>"
    ) throws -> URL {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [String: String] = [:]
        parts["_rels/.rels"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """
        var sheetElements = ""
        var relationships = ""
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            sheetElements += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
            relationships +=
                "<Relationship Id=\"rId\(number)\" Type=\"\(relationshipNamespace)/worksheet\""
                + " Target=\"worksheets/sheet\(number).xml\"/>"
            parts["xl/worksheets/sheet\(number).xml"] = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(main)" xmlns:r="\(relationshipNamespace)"><sheetData>\(sheet.sheetData)</sheetData></worksheet>
                """
        }
        if let sharedStrings {
            relationships +=
                "<Relationship Id=\"rIdS\" Type=\"\(relationshipNamespace)/sharedStrings\""
                + " Target=\"sharedStrings.xml\"/>"
            parts["xl/sharedStrings.xml"] =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\">"
                + sharedStrings.joined() + "</sst>"
        }
        if let styles {
            relationships +=
                "<Relationship Id=\"rIdT\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
            parts["xl/styles.xml"] =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">"
                + styles + "</styleSheet>"
        }
        parts["xl/workbook.xml"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(relationshipNamespace)">\(workbookProperties)<sheets>\(sheetElements)</sheets></workbook>
            """
        parts["xl/_rels/workbook.xml.rels"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
            """
        return try zip(parts)
    }

    /// Every row the reader reports for `sheet`, in order.
    static func rows(of url: URL, sheet: String? = nil, limits: XlsxLimits = .default) throws -> [XlsxRow] {
        var rows: [XlsxRow] = []
        try XlsxReader(url: url, limits: limits).forEachRow(sheet: sheet) { rows.append($0) }
        return rows
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
