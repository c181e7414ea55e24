import Foundation
import Tabular
import Testing

// A copy of the probe runner in Tests/TabularTests/XlsxWriterTests.swift: test targets cannot share sources.

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
enum ProbeValue: Decodable, Hashable {
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
