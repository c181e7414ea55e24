import Foundation
import Tabular
import Testing

// MARK: - Probe: reads a written workbook back with openpyxl (Tests/Support/xlsx_probe.py)

/// Runs `Tests/Support/xlsx_probe.py` on a workbook and decodes its one JSON object.
///
/// The probe reads with openpyxl, an independent implementation, so these tests do not check our writer
/// with our own reader.
enum XlsxProbe {
    /// The folder holding Package.swift, found upwards from this file.
    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    static let script = packageRoot.appendingPathComponent("Tests/Support/xlsx_probe.py")

    /// A fixed creation time (2024-01-01T00:00:00Z), so written workbooks are reproducible.
    static let created = Date(timeIntervalSince1970: 1_704_067_200)

    /// Document properties for test workbooks.
    static let properties = DocumentProperties(
        title: "Riskregister", subject: "Test", author: "Kedja tests", company: "Region Test", created: created)

    /// Describes the workbook at `path`; `maxRows` limits the cells read per sheet.
    static func read(_ path: String, maxRows: Int? = nil) throws -> ProbeReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, path] + (maxRows.map { ["--max-rows", String($0)] } ?? [])
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProbeFailure(message: String(decoding: message, as: UTF8.self))
        }
        return try JSONDecoder().decode(ProbeReport.self, from: json)
    }

    /// A fresh, empty folder for one test's files.
    static func temporaryDirectory() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kedja-xlsxw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Creates a workbook in a fresh folder, lets `build` fill it, closes it and returns the probe's report.
    static func write(
        constantMemory: Bool = false, maxRows: Int? = nil, _ build: (Workbook) throws -> Void
    ) throws -> ProbeReport {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        let workbook = try Workbook(path: path, constantMemory: constantMemory, properties: properties)
        try build(workbook)
        try workbook.close()
        return try read(path, maxRows: maxRows)
    }
}

/// The probe exited with an error (its stderr says why).
struct ProbeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { "xlsx_probe failed: \(message)" }
}

/// The probe's JSON; see the docstring of `Tests/Support/xlsx_probe.py`.
struct ProbeReport: Decodable {
    let sheets: [ProbeSheet]
    let chartFiles: Int
    let cellFormatCount: Int
    let properties: ProbeProperties
    let customProperties: [String: ProbeValue]

    enum CodingKeys: String, CodingKey {
        case sheets
        case chartFiles = "chart_files"
        case cellFormatCount = "cell_format_count"
        case properties
        case customProperties = "custom_properties"
    }

    /// The sheet named `name`.
    func sheet(_ name: String) throws -> ProbeSheet {
        try #require(sheets.first { $0.name == name }, "no sheet named \(name)")
    }
}

struct ProbeProperties: Decodable {
    let title: String?
    let subject: String?
    let creator: String?
    let created: String?
    let company: String?
}

struct ProbeSheet: Decodable {
    let name: String
    let dimensions: String?
    let maxRow: Int
    let maxColumn: Int
    let freezePanes: String?
    let autoFilter: String?
    let tables: [ProbeTable]
    let dataValidations: [ProbeValidation]
    let conditionalFormats: [ProbeConditionalFormat]
    let columnWidths: [ProbeColumnWidth]
    let rowHeights: [String: Double]
    let merged: [String]
    let print: ProbePrint
    let tabColor: String?
    let zoom: Int?
    let showGridlines: Bool
    let charts: [ProbeChart]
    let cells: [[ProbeCell]]

    enum CodingKeys: String, CodingKey {
        case name, dimensions, tables, merged, print, zoom, charts, cells
        case maxRow = "max_row"
        case maxColumn = "max_column"
        case freezePanes = "freeze_panes"
        case autoFilter = "auto_filter"
        case dataValidations = "data_validations"
        case conditionalFormats = "conditional_formats"
        case columnWidths = "column_widths"
        case rowHeights = "row_heights"
        case tabColor = "tab_color"
        case showGridlines = "show_gridlines"
    }

    /// The cell at zero-based `row`, `col`, as read back.
    func cell(_ row: Int, _ col: Int) throws -> ProbeCell {
        let cellsOfRow = try #require(cells.indices.contains(row) ? cells[row] : nil, "row \(row) was not read")
        return try #require(cellsOfRow.indices.contains(col) ? cellsOfRow[col] : nil, "column \(col) was not read")
    }
}

struct ProbeCell: Decodable {
    let v: ProbeValue
    let t: String
    let fmt: String?
    let bold: Bool?
    let italic: Bool?
    let fill: String?
    let wrap: Bool?
    let align: String?
    let valign: String?
    let border: String?
    let fontColor: String?

    enum CodingKeys: String, CodingKey {
        case v, t, fmt, bold, italic, fill, wrap, align, valign, border
        case fontColor = "font_color"
    }
}

/// A JSON scalar as the probe writes cell and property values.
enum ProbeValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}

struct ProbeTable: Decodable {
    let name: String
    let ref: String
    let style: String?
    let columns: [String]
}

struct ProbeValidation: Decodable {
    let type: String?
    let formula1: String?
    let sqref: String
    let allowBlank: Bool
    let error: String?

    enum CodingKeys: String, CodingKey {
        case type, formula1, sqref, error
        case allowBlank = "allow_blank"
    }
}

struct ProbeConditionalFormat: Decodable {
    let range: String
    let rules: [ProbeRule]
}

struct ProbeRule: Decodable {
    let type: String
    let `operator`: String?
    let formula: [String]
    let text: String?
    let fill: String?
    let fontColor: String?
    let bold: Bool?
    let colorScale: [String?]?

    enum CodingKeys: String, CodingKey {
        case type, `operator`, formula, text, fill, bold
        case fontColor = "font_color"
        case colorScale = "color_scale"
    }
}

struct ProbeColumnWidth: Decodable {
    let min: Int
    let max: Int
    let width: Double
}

struct ProbePrint: Decodable {
    let orientation: String?
    let paperSize: Int?
    let fitToWidth: Int?
    let fitToHeight: Int?
    let fitToPage: Bool
    let printTitleRows: String?
    let printArea: String?
    let margins: ProbeMargins
    let header: String?
    let footer: String?

    enum CodingKeys: String, CodingKey {
        case orientation, paperSize, fitToWidth, fitToHeight, fitToPage, margins, header, footer
        case printTitleRows = "print_title_rows"
        case printArea = "print_area"
    }
}

struct ProbeMargins: Decodable {
    let left: Double?
    let right: Double?
    let top: Double?
    let bottom: Double?
}

struct ProbeChart: Decodable {
    let type: String?
    let barDir: String?
    let grouping: String?
    let title: String?
    let categoryAxisTitle: String?
    let valueAxisTitle: String?
    let legend: String?
    let series: [ProbeSeries]

    enum CodingKeys: String, CodingKey {
        case type, grouping, title, legend, series
        case barDir = "bar_dir"
        case categoryAxisTitle = "category_axis_title"
        case valueAxisTitle = "value_axis_title"
    }
}

struct ProbeSeries: Decodable {
    let name: String?
    let categories: String?
    let values: String?
    let color: String?
    let pointColors: [String?]
    let labels: ProbeLabels?

    enum CodingKeys: String, CodingKey {
        case name, categories, values, color, labels
        case pointColors = "point_colors"
    }
}

struct ProbeLabels: Decodable {
    let value: Bool
    let category: Bool
    let seriesName: Bool
    let percent: Bool
    let numFormat: String?

    enum CodingKeys: String, CodingKey {
        case value, category, percent
        case seriesName = "series_name"
        case numFormat = "num_format"
    }
}

// MARK: - Workbook lifecycle

@Suite("XLSX writer: workbook")
struct XlsxWriterTests {
    @Test("document and custom properties are written, with the fixed creation time")
    func properties() throws {
        let report = try XlsxProbe.write { workbook in
            _ = try workbook.addWorksheet(name: "Sammanfattning")
            try workbook.setCustomProperty(name: "Templates", value: "Kedja 2026-1")
        }
        #expect(report.properties.title == "Riskregister")
        #expect(report.properties.subject == "Test")
        #expect(report.properties.creator == "Kedja tests")
        #expect(report.properties.company == "Region Test")
        #expect(report.properties.created == "2024-01-01T00:00:00")
        #expect(report.customProperties["Templates"] == .string("Kedja 2026-1"))
    }

    @Test("two identical writes, a second apart, give identical bytes")
    func reproducibleBytes() async throws {
        let folder = try XlsxProbe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func writeBook(_ name: String) throws -> Data {
            let path = folder.appendingPathComponent(name).path
            let workbook = try Workbook(path: path, properties: XlsxProbe.properties)
            let sheet = try workbook.addWorksheet(name: "Riskregister")
            try sheet.write(row: 0, col: 0, string: "Leverantör", style: CellStyle(bold: true))
            try sheet.write(row: 1, col: 0, string: "Kaffe AB")
            try sheet.write(row: 1, col: 1, number: 1234.5, style: CellStyle(numberFormat: "#,##0.00"))
            try sheet.write(row: 1, col: 2, date: .day(year: 2024, month: 3, day: 1))
            let chart = try workbook.addChart(.column)
            try chart.addSeries(
                ChartSeries(
                    sheet: "Riskregister", categories: CellRange(row: 1, col: 0), values: CellRange(row: 1, col: 1)))
            try sheet.insertChart(row: 3, col: 0, chart: chart)
            try workbook.close()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let first = try writeBook("first.xlsx")
        try await Task.sleep(for: .milliseconds(1_100))
        let second = try writeBook("second.xlsx")
        #expect(first.count > 0)
        #expect(first == second)
    }

    @Test("closing twice is a clean error")
    func doubleClose() throws {
        let folder = try XlsxProbe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try Workbook(path: folder.appendingPathComponent("b.xlsx").path, properties: XlsxProbe.properties)
        _ = try workbook.addWorksheet(name: "A")
        #expect(!workbook.isClosed)
        try workbook.close()
        #expect(workbook.isClosed)
        let error = #expect(throws: XlsxError.self) { try workbook.close() }
        #expect(error?.code == .workbookClosed)
    }

    @Test("sheets, charts and the workbook refuse use after close")
    func useAfterClose() throws {
        let folder = try XlsxProbe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try Workbook(path: folder.appendingPathComponent("b.xlsx").path, properties: XlsxProbe.properties)
        let sheet = try workbook.addWorksheet(name: "A")
        let chart = try workbook.addChart(.pie)
        try workbook.close()
        let writeError = #expect(throws: XlsxError.self) { try sheet.write(row: 0, col: 0, string: "late") }
        #expect(writeError?.code == .workbookClosed)
        #expect(writeError?.subject == "sheet 'A', cell A1")
        #expect(throws: XlsxError.self) { try sheet.freezePanes(row: 1, col: 0) }
        #expect(throws: XlsxError.self) { try sheet.setLandscape() }
        #expect(throws: XlsxError.self) { try workbook.addWorksheet(name: "B") }
        #expect(throws: XlsxError.self) { try workbook.addChart(.bar) }
        #expect(throws: XlsxError.self) { try workbook.setCustomProperty(name: "x", value: "y") }
        let chartError = #expect(throws: XlsxError.self) { try chart.setTitle("late") }
        #expect(chartError?.code == .workbookClosed)
    }

    @Test("a file that cannot be created is reported, and the workbook counts as closed")
    func cannotCreateFile() throws {
        let folder = try XlsxProbe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/folder/b.xlsx").path
        let workbook = try Workbook(path: path, properties: XlsxProbe.properties)
        _ = try workbook.addWorksheet(name: "A")
        let error = #expect(throws: XlsxError.self) { try workbook.close() }
        #expect(error?.code == .cannotCreateFile)
        #expect(error?.description.contains(path) == true)
        #expect(workbook.isClosed)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a workbook that is never closed writes nothing")
    func unclosedWritesNothing() throws {
        let folder = try XlsxProbe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("never.xlsx").path
        do {
            let workbook = try Workbook(path: path, properties: XlsxProbe.properties)
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: 0, col: 0, string: "dropped")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a creation time at the epoch is refused, since libxlsxwriter would stamp the current time")
    func epochCreationTimeRefused() throws {
        let folder = try XlsxProbe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let properties = DocumentProperties(created: Date(timeIntervalSince1970: 0))
        let error = #expect(throws: XlsxError.self) {
            try Workbook(path: folder.appendingPathComponent("b.xlsx").path, properties: properties)
        }
        #expect(error?.code == .invalidParameter)
    }

    @Test("equal styles share one cell format")
    func stylesAreCached() throws {
        let report = try XlsxProbe.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            for row in 0..<50 {
                try sheet.write(row: row, col: 0, string: "x", style: CellStyle(bold: true))
                try sheet.write(row: row, col: 1, number: Double(row), style: CellStyle(numberFormat: "0.0"))
                try sheet.write(row: row, col: 2, string: "plain", style: .plain)
            }
        }
        // The default format, bold, and "0.0".
        #expect(report.cellFormatCount == 3)
    }

    @Test("error descriptions name the subject and the library's reason")
    func errorDescription() {
        let error = XlsxError(.sheetNameInUse, subject: "sheet 'A'", detail: "another sheet is already named 'A'")
        #expect(error.description.hasPrefix("sheet 'A': another sheet is already named 'A'"))
        #expect(error.libraryMessage != nil)
        let own = XlsxError(.workbookClosed, subject: "workbook x.xlsx", detail: "closed")
        #expect(own.libraryMessage == nil)
        #expect(own.description == "workbook x.xlsx: closed")
    }
}
