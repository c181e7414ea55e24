/// An RGB colour for fonts, fills, borders, sheet tabs and chart series.
public struct XlsxColor: Hashable, Sendable, CustomStringConvertible {
    /// The colour as `0xRRGGBB`.
    public let rgb: UInt32

    /// Creates a colour from its red, green and blue components.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        rgb = UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    }

    /// Parses `#RRGGBB` or `RRGGBB` (as colour tables in templates write them); nil when it is not six hex digits.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
            return nil
        }
        rgb = value
    }

    /// `#RRGGBB`.
    public var description: String {
        let hex = String(rgb, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// Black.
    public static let black = XlsxColor(red: 0, green: 0, blue: 0)
    /// White.
    public static let white = XlsxColor(red: 0xFF, green: 0xFF, blue: 0xFF)
}

/// A cell border's line style.
public enum BorderStyle: Hashable, Sendable, CaseIterable {
    /// A thin solid line, Excel's usual grid border.
    case thin
    /// A medium solid line.
    case medium
    /// A thick solid line.
    case thick
    /// A dashed line.
    case dashed
    /// A dotted line.
    case dotted
    /// A double line.
    case double
    /// A hairline.
    case hair
}

/// Where text sits across a cell.
public enum HorizontalAlignment: Hashable, Sendable, CaseIterable {
    /// Left-aligned.
    case left
    /// Centred in the cell.
    case center
    /// Right-aligned.
    case right
    /// Justified across the width (wrapped text).
    case justify
    /// Centred across the selected cells, without merging them.
    case centerAcross
}

/// Where text sits up and down a cell.
public enum VerticalAlignment: Hashable, Sendable, CaseIterable {
    /// At the top.
    case top
    /// In the middle.
    case center
    /// At the bottom (Excel's default).
    case bottom
}

/// How a cell looks: font, fill, border, alignment and number format.
///
/// A value rather than a handle, so report code can build styles freely: the workbook turns each distinct
/// style into one libxlsxwriter format and reuses it, however many cells use it.
public struct CellStyle: Hashable, Sendable {
    /// Bold font.
    public var bold: Bool
    /// Italic font.
    public var italic: Bool
    /// Font name, e.g. `Calibri`; nil keeps the workbook default.
    public var fontName: String?
    /// Font size in points (1–409); nil keeps the default (11).
    public var fontSize: Double?
    /// Font colour; nil keeps automatic (black).
    public var fontColor: XlsxColor?
    /// Solid background fill; nil for none.
    public var fillColor: XlsxColor?
    /// A border on all four sides; nil for none.
    public var border: BorderStyle?
    /// The border's colour; nil for automatic (black).
    public var borderColor: XlsxColor?
    /// Wrap long text onto several lines within the cell.
    public var wrapText: Bool
    /// Horizontal alignment; nil for Excel's default (text left, numbers right).
    public var horizontalAlignment: HorizontalAlignment?
    /// Vertical alignment; nil for Excel's default (bottom).
    public var verticalAlignment: VerticalAlignment?
    /// An Excel number format such as `#,##0.00`, `0.0%` or `yyyy-mm-dd`; nil for General.
    ///
    /// Write formats in Excel's file syntax: `,` groups thousands and `.` marks decimals whatever the
    /// locale; Swedish Excel shows `#,##0.00` as `1 234,50`. A space in a format is a literal space.
    public var numberFormat: String?
    /// Whether the cell stays editable when its sheet is protected (``Worksheet/protect()``); cells are locked by default.
    public var unlocked: Bool

    /// Creates a style; every part defaults to Excel's default look.
    public init(
        bold: Bool = false, italic: Bool = false, fontName: String? = nil, fontSize: Double? = nil,
        fontColor: XlsxColor? = nil, fillColor: XlsxColor? = nil, border: BorderStyle? = nil,
        borderColor: XlsxColor? = nil, wrapText: Bool = false, horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil, numberFormat: String? = nil, unlocked: Bool = false
    ) {
        self.unlocked = unlocked
        self.bold = bold
        self.italic = italic
        self.fontName = fontName
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.border = border
        self.borderColor = borderColor
        self.wrapText = wrapText
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.numberFormat = numberFormat
    }

    /// Excel's default look; cells written with it (or with no style) use the workbook's default format.
    public static let plain = CellStyle()

    /// The number format a date cell gets when its style names none: ISO 8601, as Swedish users read dates.
    public static let defaultDateFormat = "yyyy-mm-dd"
}
