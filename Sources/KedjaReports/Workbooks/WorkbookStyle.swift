import KedjaModel
import Tabular

/// Number formats of Kedja's workbooks, in Excel's invariant syntax (Excel shows its user's own separators).
enum NumberFormats {
    /// Money to the öre: `1 234 567,89 kr` in a Swedish Excel.
    static let money = "#,##0.00 \"kr\""
    /// Money in whole kronor, for the committee's figures; the cell still holds the exact value.
    static let wholeMoney = "#,##0 \"kr\""
    /// Money in millions of kronor, for the committee's figures and chart axes: `238,2 Mkr` in a Swedish Excel;
    /// the cell still holds the exact value (the two commas scale the display by a million).
    static let millions = "#,##0.0,, \"Mkr\""
    /// A chart axis in millions: `250`, under the axis title `Mkr`.
    static let millionsAxis = "#,##0,,"
    /// A share of spend: `12.5%`.
    static let percent = "0.0%"
    /// A count: `1 234`.
    static let count = "#,##0"
    /// ISO dates, as Swedish users read them.
    static let date = CellStyle.defaultDateFormat
}

/// The colours of Kedja's workbooks; the risk colours match in fills, conditional formats and charts.
enum Palette {
    /// The header row's fill: a dark blue that prints well in greyscale.
    static let headerFill = XlsxColor(red: 0x1F, green: 0x4E, blue: 0x79)
    /// Titles.
    static let title = XlsxColor(red: 0x1F, green: 0x4E, blue: 0x79)
    /// Notes and explanations under tables.
    static let note = XlsxColor(red: 0x59, green: 0x59, blue: 0x59)
    /// Thin cell borders.
    static let border = XlsxColor(red: 0xBF, green: 0xBF, blue: 0xBF)
    /// Overdue dates and priority 1.
    static let alert = XlsxColor(red: 0x9C, green: 0x00, blue: 0x06)

    /// The light fill of a risk cell: red, orange, green, grey.
    static func fill(_ level: RiskLevel) -> XlsxColor {
        switch level {
        case .high: XlsxColor(red: 0xFF, green: 0xC7, blue: 0xCE)
        case .medium: XlsxColor(red: 0xFF, green: 0xDC, blue: 0xA8)
        case .low: XlsxColor(red: 0xC6, green: 0xEF, blue: 0xCE)
        case .unknown: XlsxColor(red: 0xE7, green: 0xE6, blue: 0xE6)
        }
    }

    /// The text colour on that fill, dark enough to read when printed.
    static func text(_ level: RiskLevel) -> XlsxColor {
        switch level {
        case .high: XlsxColor(red: 0x9C, green: 0x00, blue: 0x06)
        case .medium: XlsxColor(red: 0x8A, green: 0x4B, blue: 0x00)
        case .low: XlsxColor(red: 0x00, green: 0x61, blue: 0x00)
        case .unknown: XlsxColor(red: 0x3A, green: 0x3A, blue: 0x3A)
        }
    }

    /// The strong colour of a risk level in charts.
    static func chart(_ level: RiskLevel) -> XlsxColor {
        switch level {
        case .high: XlsxColor(red: 0xC0, green: 0x39, blue: 0x2B)
        case .medium: XlsxColor(red: 0xE6, green: 0x7E, blue: 0x22)
        case .low: XlsxColor(red: 0x27, green: 0xAE, blue: 0x60)
        case .unknown: XlsxColor(red: 0x95, green: 0xA5, blue: 0xA6)
        }
    }

    /// The chart colour of a priority: 1 red, 2 orange, 3 green, others grey.
    static func chart(priority: Int) -> XlsxColor {
        switch priority {
        case 1: chart(.high)
        case 2: chart(.medium)
        case 3: chart(.low)
        default: chart(.unknown)
        }
    }

    /// The colour of a follow-up status in the plan.
    static func statusFill(_ status: FollowUpStatus) -> (fill: XlsxColor, text: XlsxColor) {
        switch status {
        case .planned: (XlsxColor(red: 0xDD, green: 0xEB, blue: 0xF7), XlsxColor(red: 0x1F, green: 0x4E, blue: 0x79))
        case .conditional:
            (XlsxColor(red: 0xF2, green: 0xF2, blue: 0xF2), XlsxColor(red: 0x59, green: 0x59, blue: 0x59))
        case .covered: (XlsxColor(red: 0xE2, green: 0xEF, blue: 0xDA), XlsxColor(red: 0x37, green: 0x56, blue: 0x23))
        case .inProgress: (fill(.medium), text(.medium))
        case .done: (fill(.low), text(.low))
        case .deviation: (fill(.high), text(.high))
        }
    }
}

/// The cell styles every workbook uses, so the three look like one product.
enum Styles {
    /// A sheet's title.
    static let title = CellStyle(bold: true, fontSize: 14, fontColor: Palette.title)
    /// A heading above a table further down a sheet.
    static let heading = CellStyle(bold: true, fontSize: 12, fontColor: Palette.title)
    /// A line of explanation under a title or a table.
    static let note = CellStyle(italic: true, fontColor: Palette.note, wrapText: true, verticalAlignment: .top)
    /// A one-line note that may run on into the empty cells to its right.
    static let noteLine = CellStyle(italic: true, fontColor: Palette.note)
    /// A table's header row: white bold text on dark blue, wrapped so narrow columns keep their width.
    static let header = CellStyle(
        bold: true, fontColor: .white, fillColor: Palette.headerFill, border: .thin, borderColor: Palette.border,
        wrapText: true, verticalAlignment: .center)
    /// Plain text in a table, aligned to the top so rows with wrapped neighbours read across.
    static let text = CellStyle(verticalAlignment: .top)
    /// Bold text in a table (a label column).
    static let boldText = CellStyle(bold: true, verticalAlignment: .top)
    /// Long text, wrapped within its column.
    static let wrapped = CellStyle(wrapText: true, verticalAlignment: .top)
    /// Money to the öre.
    static let money = CellStyle(verticalAlignment: .top, numberFormat: NumberFormats.money)
    /// Money in whole kronor.
    static let wholeMoney = CellStyle(verticalAlignment: .top, numberFormat: NumberFormats.wholeMoney)
    /// Money in millions of kronor (``NumberFormats/millions``).
    static let millions = CellStyle(verticalAlignment: .top, numberFormat: NumberFormats.millions)
    /// A share of spend.
    static let percent = CellStyle(verticalAlignment: .top, numberFormat: NumberFormats.percent)
    /// A count.
    static let count = CellStyle(verticalAlignment: .top, numberFormat: NumberFormats.count)
    /// A centred count (priority, rank).
    static let centredCount = CellStyle(horizontalAlignment: .center, verticalAlignment: .top)
    /// A centred count that changed since last period (a plan's priority): bold on amber, so the eye finds it.
    static let flaggedCount = CellStyle(
        bold: true, fontColor: Palette.text(.medium), fillColor: Palette.fill(.medium), horizontalAlignment: .center,
        verticalAlignment: .top)
    /// A date.
    static let date = CellStyle(verticalAlignment: .top, numberFormat: NumberFormats.date)
    /// A risk level's label; its colour comes from conditional formatting so edits recolour.
    static let level = CellStyle(horizontalAlignment: .center, verticalAlignment: .top)
}
