import Foundation
import KedjaTestSupport

/// Reads a workbook back with openpyxl (`XlsxProbe`, an independent implementation) as dictionaries, for
/// end-to-end tests that check a few cells of the workbooks kedja writes.
enum WorkbookProbe {
    /// One sheet of the probe's report.
    struct Sheet {
        var name: String
        var cells: [[[String: Any]]]
        var raw: [String: Any]

        /// The values of row `row` (from 0).
        func values(row: Int) -> [Any?] { cells.indices.contains(row) ? cells[row].map { $0["v"] } : [] }

        /// The cell types (`n`, `s`, `d`, …) of column `column` below the header, empty cells left out.
        func types(column: Int) -> [String] {
            cells.dropFirst().compactMap { $0.indices.contains(column) ? $0[column]["t"] as? String : nil }.filter {
                $0 != "blank"
            }
        }
    }

    /// The sheets of the workbook at `path` and the whole report; `maxRows` limits the cells read per sheet.
    static func read(_ path: String, maxRows: Int? = nil) throws -> (sheets: [Sheet], raw: [String: Any]) {
        let json = try XlsxProbe.json(path: path, maxRows: maxRows)
        let sheets = (json["sheets"] as? [[String: Any]] ?? []).map { sheet in
            Sheet(name: sheet["name"] as? String ?? "", cells: sheet["cells"] as? [[[String: Any]]] ?? [], raw: sheet)
        }
        return (sheets, json)
    }
}
