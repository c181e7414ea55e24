import Foundation
import Tabular

/// Shared helpers for the `XlsxReader*Tests` suites: where the test data lives, and workbooks made
/// at test time by Python (openpyxl, XlsxWriter, or hand-written XML zipped with `zipfile`).
enum XlsxReaderFixtures {
    /// The folder holding `Package.swift`, found from this file's path.
    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// Transparency International's CPI 2017 workbook, a real third-party XLSX.
    static let referenceWorkbook = packageRoot
        .appendingPathComponent("../shared/testdata/reference/ti-CPI2017-original.xlsx").standardizedFileURL

    /// A fresh, empty folder for one test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kedja-xlsxreader-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `python3 -c script arguments…`, feeding `input` on stdin; returns stdout, or throws
    /// with stderr if the script fails.
    ///
    /// The standard streams are files, not pipes: a blocking read on a pipe can be interrupted by
    /// another test's child exiting (`SIGCHLD`), which Foundation's pipe reading turns into a crash.
    @discardableResult
    static func runPython(_ script: String, arguments: [String] = [], input: Data = Data()) throws -> Data {
        let folder = try temporaryFolder()
        let inputFile = folder.appendingPathComponent("stdin")
        let outputFile = folder.appendingPathComponent("stdout")
        let errorFile = folder.appendingPathComponent("stderr")
        try input.write(to: inputFile)
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errorOutput = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw PythonFailure(status: process.terminationStatus, stderr: errorOutput)
        }
        return try Data(contentsOf: outputFile)
    }

    /// A Python helper script failed.
    struct PythonFailure: Error, CustomStringConvertible {
        let status: Int32
        let stderr: String
        var description: String { "python3 exited with \(status): \(stderr)" }
    }

    /// Writes a workbook by running `script` with the output path as `sys.argv[1]`; returns its URL.
    static func pythonWorkbook(_ script: String, name: String = "book.xlsx") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try runPython(script, arguments: [url.path])
        return url
    }

    /// Zips the given parts (path → content) into a file, as-is; returns its URL.
    static func zip(_ parts: [String: String], name: String = "book.xlsx") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        let script = """
            import json, sys, zipfile
            parts = json.load(sys.stdin)
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
                for name in sorted(parts):
                    archive.writestr(name, parts[name])
            """
        try runPython(script, arguments: [url.path], input: try JSONEncoder().encode(parts))
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
            relationships += "<Relationship Id=\"rId\(number)\" Type=\"\(relationshipNamespace)/worksheet\""
                + " Target=\"worksheets/sheet\(number).xml\"/>"
            parts["xl/worksheets/sheet\(number).xml"] = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(main)" xmlns:r="\(relationshipNamespace)"><sheetData>\(sheet.sheetData)</sheetData></worksheet>
                """
        }
        if let sharedStrings {
            relationships += "<Relationship Id=\"rIdS\" Type=\"\(relationshipNamespace)/sharedStrings\""
                + " Target=\"sharedStrings.xml\"/>"
            parts["xl/sharedStrings.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\">"
                + sharedStrings.joined() + "</sst>"
        }
        if let styles {
            relationships += "<Relationship Id=\"rIdT\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
            parts["xl/styles.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">"
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
