import Foundation
import Testing

/// Runs `Tests/Support/xlsx_probe.py` on a workbook and returns its one JSON object, typed or as a dictionary.
///
/// The probe reads with openpyxl, an independent implementation, so tests do not check our writer with our
/// own reader. It runs through `ChildProcess` (files, not pipes), so a probe can never crash the test process
/// when another test's child exits.
public enum XlsxProbe {
    /// The probe script.
    public static let script = TestLocations.packageRoot.appendingPathComponent("Tests/Support/xlsx_probe.py")

    /// Describes the workbook at `path`; `maxRows` limits the cells read per sheet.
    public static func read(_ path: String, maxRows: Int? = nil) throws -> ProbeReport {
        try JSONDecoder().decode(ProbeReport.self, from: output(path, maxRows: maxRows))
    }

    /// The probe's JSON for the workbook at `path` as a dictionary, for tests that look at a few keys
    /// without the typed `ProbeReport`; `maxRows` limits the cells read per sheet.
    public static func json(path: String, maxRows: Int? = nil) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: output(path, maxRows: maxRows)) as? [String: Any]
        else { throw CocoaError(.propertyListReadCorrupt) }
        return object
    }

    /// The parts of the workbook at `path` that are not well-formed XML, each with the parser's complaint; empty
    /// for a sound file.
    ///
    /// openpyxl reads only the parts it needs, leniently in places; Excel and LibreOffice refuse (or show empty)
    /// a sheet whose XML holds a character XML 1.0 does not allow, so every part is parsed here with expat.
    public static func malformedParts(_ path: String) throws -> [String] {
        let program = """
            import sys, zipfile, xml.parsers.expat
            with zipfile.ZipFile(sys.argv[1]) as book:
                for name in book.namelist():
                    if name.endswith((".xml", ".rels")):
                        try:
                            xml.parsers.expat.ParserCreate().Parse(book.read(name), True)
                        except xml.parsers.expat.ExpatError as error:
                            print(f"{name}: {error}")
            """
        let output = String(decoding: try ChildProcess.python(program, arguments: [path]), as: UTF8.self)
        return output.split(separator: "\n").map(String.init)
    }

    /// The probe's standard output for the workbook at `path`.
    private static func output(_ path: String, maxRows: Int?) throws -> Data {
        let limit = maxRows.map { ["--max-rows", String($0)] } ?? []
        let result = try ChildProcess.run("/usr/bin/env", arguments: ["python3", script.path, path] + limit)
        guard result.status == 0 else { throw ProbeFailure(message: result.stderr) }
        return result.stdout
    }
}

/// The probe exited with an error (its stderr says why).
public struct ProbeFailure: Error, CustomStringConvertible {
    /// What the probe wrote to standard error.
    public let message: String
    public var description: String { "xlsx_probe failed: \(message)" }
}

/// The probe's JSON; see the docstring of `Tests/Support/xlsx_probe.py`.
public struct ProbeReport: Decodable {
    public let sheets: [ProbeSheet]
    public let chartFiles: Int
    public let cellFormatCount: Int
    public let properties: ProbeProperties
    public let customProperties: [String: ProbeValue]

    enum CodingKeys: String, CodingKey {
        case sheets
        case chartFiles = "chart_files"
        case cellFormatCount = "cell_format_count"
        case properties
        case customProperties = "custom_properties"
    }

    /// The sheet named `name`.
    public func sheet(_ name: String) throws -> ProbeSheet {
        try #require(sheets.first { $0.name == name }, "no sheet named \(name)")
    }
}

/// The workbook's document properties, as openpyxl reads them.
public struct ProbeProperties: Decodable {
    public let title: String?
    public let subject: String?
    public let creator: String?
    public let created: String?
    public let company: String?
}

/// One worksheet: its layout, rules, charts and the cells read (row by row, from 0).
public struct ProbeSheet: Decodable {
    public let name: String
    public let dimensions: String?
    public let maxRow: Int
    public let maxColumn: Int
    public let freezePanes: String?
    public let autoFilter: String?
    public let tables: [ProbeTable]
    public let dataValidations: [ProbeValidation]
    public let conditionalFormats: [ProbeConditionalFormat]
    public let columnWidths: [ProbeColumnWidth]
    public let rowHeights: [String: Double]
    public let merged: [String]
    public let print: ProbePrint
    public let tabColor: String?
    public let zoom: Int?
    public let showGridlines: Bool
    public let charts: [ProbeChart]
    public let cells: [[ProbeCell]]

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
    public func cell(_ row: Int, _ col: Int) throws -> ProbeCell {
        let cellsOfRow = try #require(cells.indices.contains(row) ? cells[row] : nil, "row \(row) was not read")
        return try #require(cellsOfRow.indices.contains(col) ? cellsOfRow[col] : nil, "column \(col) was not read")
    }
}

/// One cell's value, openpyxl type (`n`, `s`, `d`, `b`, `f`, `e`, `blank`) and formatting.
public struct ProbeCell: Decodable {
    public let v: ProbeValue
    public let t: String
    public let fmt: String?
    public let bold: Bool?
    public let italic: Bool?
    public let fill: String?
    public let wrap: Bool?
    public let align: String?
    public let valign: String?
    public let border: String?
    public let fontColor: String?

    enum CodingKeys: String, CodingKey {
        case v, t, fmt, bold, italic, fill, wrap, align, valign, border
        case fontColor = "font_color"
    }
}

/// A JSON scalar as the probe writes cell and property values.
public enum ProbeValue: Decodable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)

    public init(from decoder: any Decoder) throws {
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

/// A worksheet table (ListObject).
public struct ProbeTable: Decodable {
    public let name: String
    public let ref: String
    public let style: String?
    public let columns: [String]
}

/// A data-validation rule and the cells it covers.
public struct ProbeValidation: Decodable {
    public let type: String?
    public let formula1: String?
    public let sqref: String
    public let allowBlank: Bool
    public let error: String?

    enum CodingKeys: String, CodingKey {
        case type, formula1, sqref, error
        case allowBlank = "allow_blank"
    }
}

/// The conditional-format rules on one range.
public struct ProbeConditionalFormat: Decodable {
    public let range: String
    public let rules: [ProbeRule]
}

/// One conditional-format rule.
public struct ProbeRule: Decodable {
    public let type: String
    public let `operator`: String?
    public let formula: [String]
    public let text: String?
    public let fill: String?
    public let fontColor: String?
    public let bold: Bool?
    public let colorScale: [String?]?

    enum CodingKeys: String, CodingKey {
        case type, `operator`, formula, text, fill, bold
        case fontColor = "font_color"
        case colorScale = "color_scale"
    }
}

/// The width of a run of columns (1-based, inclusive).
public struct ProbeColumnWidth: Decodable {
    public let min: Int
    public let max: Int
    public let width: Double
}

/// Page setup: orientation, fitting, titles, margins and header/footer.
public struct ProbePrint: Decodable {
    public let orientation: String?
    public let paperSize: Int?
    public let fitToWidth: Int?
    public let fitToHeight: Int?
    public let fitToPage: Bool
    public let printTitleRows: String?
    public let printArea: String?
    public let margins: ProbeMargins
    public let header: String?
    public let footer: String?

    enum CodingKeys: String, CodingKey {
        case orientation, paperSize, fitToWidth, fitToHeight, fitToPage, margins, header, footer
        case printTitleRows = "print_title_rows"
        case printArea = "print_area"
    }
}

/// Page margins in inches.
public struct ProbeMargins: Decodable {
    public let left: Double?
    public let right: Double?
    public let top: Double?
    public let bottom: Double?
}

/// One chart on a sheet.
public struct ProbeChart: Decodable {
    public let type: String?
    public let barDir: String?
    public let grouping: String?
    public let title: String?
    public let categoryAxisTitle: String?
    public let valueAxisTitle: String?
    public let legend: String?
    public let series: [ProbeSeries]

    enum CodingKeys: String, CodingKey {
        case type, grouping, title, legend, series
        case barDir = "bar_dir"
        case categoryAxisTitle = "category_axis_title"
        case valueAxisTitle = "value_axis_title"
    }
}

/// One chart series: its ranges, colours and labels.
public struct ProbeSeries: Decodable {
    public let name: String?
    public let categories: String?
    public let values: String?
    public let color: String?
    public let pointColors: [String?]
    public let labels: ProbeLabels?

    enum CodingKeys: String, CodingKey {
        case name, categories, values, color, labels
        case pointColors = "point_colors"
    }
}

/// Which data labels a series shows.
public struct ProbeLabels: Decodable {
    public let value: Bool
    public let category: Bool
    public let seriesName: Bool
    public let percent: Bool
    public let numFormat: String?

    enum CodingKeys: String, CodingKey {
        case value, category, percent
        case seriesName = "series_name"
        case numFormat = "num_format"
    }
}

// MARK: - Workbook lifecycle
