import Foundation

/// Reads a workbook back with openpyxl (Tests/Support/xlsx_probe.py), an independent implementation.
enum WorkbookProbe {
    struct Sheet {
        var name: String
        var cells: [[[String: Any]]]
        var raw: [String: Any]

        /// The values of row `row` (from 0).
        func values(row: Int) -> [Any?] { cells.indices.contains(row) ? cells[row].map { $0["v"] } : [] }

        /// The cell types (`n`, `s`, `d`, …) of column `column` below the header, empty cells left out.
        func types(column: Int) -> [String] {
            cells.dropFirst().compactMap { $0.indices.contains(column) ? $0[column]["t"] as? String : nil }.filter { $0 != "blank" }
        }
    }

    static func read(_ path: String, maxRows: Int? = nil) throws -> (sheets: [Sheet], raw: [String: Any]) {
        let script = Kedja.packageRoot.appendingPathComponent("Tests/Support/xlsx_probe.py").path
        let result = try Kedja.runProcess("/usr/bin/env", ["python3", script, path] + (maxRows.map { ["--max-rows", String($0)] } ?? []))
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSDebugDescriptionErrorKey: result.stderr]) }
        let json = try result.json()
        let sheets = (json["sheets"] as? [[String: Any]] ?? []).map { sheet in
            Sheet(name: sheet["name"] as? String ?? "", cells: sheet["cells"] as? [[[String: Any]]] ?? [], raw: sheet)
        }
        return (sheets, json)
    }
}
