import Tabular

extension Worksheet {
    /// Writes a cell read from another workbook with the type it had there, so what the team typed comes back as
    /// they typed it: text as text, numbers as numbers, dates as date cells, TRUE/FALSE as booleans.
    ///
    /// An error value (`#N/A`) is written as its text, since a workbook cannot be given an error without a
    /// formula; a date Excel cannot show (before 1900, or the 1900 system's fictitious 29 February) as its ISO text.
    /// An empty cell writes nothing.
    func write(row: Int, col: Int, copying cell: XlsxCell, style: CellStyle) throws {
        switch cell {
        case .empty:
            return
        case .string(let text), .error(let text):
            try write(row: row, col: col, string: text, style: style)
        case .number(_, let value):
            try write(row: row, col: col, number: value, style: style)
        case .boolean(let value):
            try writeBoolean(row: row, col: col, value: value, style: style)
        case .date(let year, let month, let day, let seconds):
            guard let date = CivilDate(year: year, month: month, day: day) else {
                try write(row: row, col: col, string: cell.text, style: style)
                return
            }
            let excelDate: ExcelDate =
                seconds == 0
                ? .day(year: year, month: month, day: day)
                : .serial(Double(date.excelSerial) + Double(seconds) / 86_400)
            try write(row: row, col: col, date: excelDate, style: style)
        }
    }
}
