import CXlsxWriter

/// The kinds of chart Kedja's reports draw.
public enum ChartKind: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Vertical bars, series side by side.
    case column
    /// Vertical bars, series stacked.
    case stackedColumn
    /// Horizontal bars, series side by side (long category names read well).
    case bar
    /// Horizontal bars, series stacked.
    case stackedBar
    /// A line per series.
    case line
    /// A pie of one series.
    case pie
    /// A ring of one series.
    case doughnut

    /// Whether the chart is round and has no axes.
    public var isRound: Bool { self == .pie || self == .doughnut }

    public var description: String {
        switch self {
        case .column: "column"
        case .stackedColumn: "stacked column"
        case .bar: "bar"
        case .stackedBar: "stacked bar"
        case .line: "line"
        case .pie: "pie"
        case .doughnut: "doughnut"
        }
    }

    var libraryType: lxw_chart_type {
        switch self {
        case .column: LXW_CHART_COLUMN
        case .stackedColumn: LXW_CHART_COLUMN_STACKED
        case .bar: LXW_CHART_BAR
        case .stackedBar: LXW_CHART_BAR_STACKED
        case .line: LXW_CHART_LINE
        case .pie: LXW_CHART_PIE
        case .doughnut: LXW_CHART_DOUGHNUT
        }
    }
}

/// Where a chart's legend sits, or `none` to hide it.
public enum LegendPosition: Hashable, Sendable, CaseIterable {
    /// No legend.
    case none
    /// Above the plot.
    case top
    /// Below the plot.
    case bottom
    /// Left of the plot.
    case left
    /// Right of the plot (Excel's default).
    case right

    var libraryPosition: lxw_chart_legend_position {
        switch self {
        case .none: LXW_CHART_LEGEND_NONE
        case .top: LXW_CHART_LEGEND_TOP
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        case .left: LXW_CHART_LEGEND_LEFT
        case .right: LXW_CHART_LEGEND_RIGHT
        }
    }
}

/// What each data label on a series shows.
public struct DataLabels: OptionSet, Hashable, Sendable {
    /// The value.
    public let rawValue: UInt8

    /// Wraps raw flags.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The point's value.
    public static let value = DataLabels(rawValue: 1 << 0)
    /// The point's category.
    public static let category = DataLabels(rawValue: 1 << 1)
    /// The series name.
    public static let seriesName = DataLabels(rawValue: 1 << 2)
    /// The point's share of the whole (pie and doughnut charts only).
    public static let percentage = DataLabels(rawValue: 1 << 3)
}

/// One data series: values (and their category labels) read from cells of a worksheet.
public struct ChartSeries: Hashable, Sendable {
    /// The series name shown in the legend; nil for Excel's `Series1`….
    public var name: String?
    /// The worksheet the ranges are on.
    public var sheet: String
    /// The category labels: one row or one column of cells.
    public var categories: CellRange
    /// The values: one row or one column, as many cells as `categories`.
    public var values: CellRange
    /// The series colour (bar/slice fill, or line colour for line charts); nil for Excel's palette.
    public var color: XlsxColor?
    /// One colour per point, e.g. risk levels in a pie; empty to use `color` or the palette.
    public var pointColors: [XlsxColor]
    /// What the data labels show; empty for no labels.
    public var dataLabels: DataLabels
    /// The number format of the data labels, e.g. `#,##0 "kr"`; nil to follow the cells.
    public var dataLabelNumberFormat: String?

    /// Creates a series over cell ranges of `sheet`.
    public init(
        name: String? = nil, sheet: String, categories: CellRange, values: CellRange, color: XlsxColor? = nil,
        pointColors: [XlsxColor] = [], dataLabels: DataLabels = [], dataLabelNumberFormat: String? = nil
    ) {
        self.name = name
        self.sheet = sheet
        self.categories = categories
        self.values = values
        self.color = color
        self.pointColors = pointColors
        self.dataLabels = dataLabels
        self.dataLabelNumberFormat = dataLabelNumberFormat
    }
}

/// A chart in a ``Workbook``: give it a title and series, then place it once with
/// ``Worksheet/insertChart(row:col:chart:xScale:yScale:)``.
///
/// Series read their data from cells, so the chart follows the numbers if a user edits them.
public final class Chart {
    /// The kind of chart.
    public let kind: ChartKind
    /// The workbook the chart belongs to; kept alive by the chart so its library handle stays valid.
    let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_chart>
    /// How many series have been added.
    public private(set) var seriesCount = 0
    /// Whether the chart has been placed on a sheet (a chart can be placed only once).
    public internal(set) var isInserted = false

    /// Excel's limit on series in one chart.
    static let seriesLimit = 255

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_chart>, kind: ChartKind) {
        self.workbook = workbook
        self.handle = handle
        self.kind = kind
    }

    private var subject: String { "\(kind) chart" }

    /// Sets the title shown above the chart.
    public func setTitle(_ title: String) throws {
        try checkLabel(title, what: "the title")
        title.withCString { chart_title_set_name(handle, $0) }
    }

    /// Sets the axis titles; round charts (pie, doughnut) have no axes and refuse this.
    ///
    /// The category axis is the one along which the categories run (horizontal for column and line charts,
    /// vertical for bar charts); the value axis carries the numbers.
    ///
    /// - Parameter valueFormat: the number format of the value axis's labels (`#,##0,,` shows millions), or nil
    ///   for the cells' own.
    public func setAxisTitles(category: String?, value: String?, valueFormat: String? = nil) throws {
        _ = try workbook.openHandle(subject)
        guard !kind.isRound else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "a \(kind) chart has no axes to title")
        }
        let isBar = kind == .bar || kind == .stackedBar
        // libxlsxwriter's X axis is the category axis, except for bar charts where it is the value axis.
        let categoryAxis = isBar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X
        let valueAxis = isBar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y
        func axis(_ type: lxw_chart_axis_type) throws -> UnsafeMutablePointer<lxw_chart_axis> {
            guard let axis = chart_axis_get(handle, type) else {
                throw XlsxError(.invalidParameter, subject: subject, detail: "the chart has no such axis")
            }
            return axis
        }
        for (title, axisType) in [(category, categoryAxis), (value, valueAxis)] {
            guard let title else { continue }
            try checkLabel(title, what: "the axis title")
            let axis = try axis(axisType)
            // libxlsxwriter copies the text, so the C string need not outlive the call.
            title.withCString { chart_axis_set_name(axis, $0) }
        }
        if let valueFormat {
            let axis = try axis(valueAxis)
            valueFormat.withCString { chart_axis_set_num_format(axis, $0) }
        }
    }

    /// Places the legend, or hides it with `.none`.
    public func setLegend(_ position: LegendPosition) throws {
        _ = try workbook.openHandle(subject)
        chart_legend_set_position(handle, LXW.byte(position.libraryPosition))
    }

    /// Adds a series read from cells of one of the workbook's sheets.
    public func addSeries(_ series: ChartSeries) throws {
        _ = try workbook.openHandle(subject)
        try validate(series)
        guard let librarySeries = chart_add_series(handle, nil, nil) else {
            throw XlsxError(.outOfMemory, subject: subject, detail: "libxlsxwriter could not add the series")
        }
        seriesCount += 1
        let categories = series.categories
        let values = series.values
        series.sheet.withCString { sheet in
            chart_series_set_categories(
                librarySeries, sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstCol),
                lxw_row_t(categories.lastRow), lxw_col_t(categories.lastCol))
            chart_series_set_values(
                librarySeries, sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstCol),
                lxw_row_t(values.lastRow), lxw_col_t(values.lastCol))
        }
        if let name = series.name {
            name.withCString { chart_series_set_name(librarySeries, $0) }
        }
        if let color = series.color {
            if kind == .line {
                var line = lxw_chart_line()
                line.color = LXW.color(color)
                chart_series_set_line(librarySeries, &line)
            } else {
                var fill = lxw_chart_fill()
                fill.color = LXW.color(color)
                chart_series_set_fill(librarySeries, &fill)
            }
        }
        if !series.pointColors.isEmpty {
            try setPointColors(series.pointColors, on: librarySeries)
        }
        if !series.dataLabels.isEmpty {
            let labels = series.dataLabels
            chart_series_set_labels(librarySeries)
            chart_series_set_labels_options(
                librarySeries, LXW.flag(labels.contains(.seriesName)), LXW.flag(labels.contains(.category)),
                LXW.flag(labels.contains(.value)))
            if labels.contains(.percentage) {
                chart_series_set_labels_percentage(librarySeries)
            }
            if let format = series.dataLabelNumberFormat {
                format.withCString { chart_series_set_labels_num_format(librarySeries, $0) }
            }
        }
    }

    // MARK: - Private

    /// Refuses a title that libxlsxwriter would read as a formula (leading `=`), that C would cut, or that is empty.
    private func checkLabel(_ text: String, what: String) throws {
        _ = try workbook.openHandle(subject)
        try TextRules.requireNoNul(text, subject: subject, what: what)
        try TextRules.requireNotFormula(text, subject: subject, what: what)
        try TextRules.requireLength(text, atMost: 255, code: .textLongerThan255, subject: subject, what: what)
    }

    private func validate(_ series: ChartSeries) throws {
        guard seriesCount < Chart.seriesLimit else {
            throw XlsxError(
                .invalidParameter, subject: subject, detail: "a chart holds at most \(Chart.seriesLimit) series")
        }
        if kind.isRound, seriesCount > 0 {
            throw XlsxError(.invalidParameter, subject: subject, detail: "a \(kind) chart shows only one series")
        }
        guard workbook.hasWorksheet(named: series.sheet) else {
            throw XlsxError(
                .invalidParameter, subject: subject,
                detail: "the series refers to sheet '\(series.sheet)', which is not in this workbook")
        }
        for (range, what) in [(series.categories, "categories"), (series.values, "values")] {
            let inSheet =
                range.firstRow >= 0 && range.firstCol >= 0 && range.firstRow <= range.lastRow
                && range.firstCol <= range.lastCol && range.lastRow < ExcelLimits.rowCount
                && range.lastCol < ExcelLimits.columnCount
            guard inSheet, range.rowCount == 1 || range.columnCount == 1 else {
                throw XlsxError(
                    .invalidParameter, subject: subject,
                    detail: "the \(what) range \(range.a1) must be one row or one column inside the sheet")
            }
        }
        let pointCount = max(series.values.rowCount, series.values.columnCount)
        guard max(series.categories.rowCount, series.categories.columnCount) == pointCount else {
            throw XlsxError(
                .invalidParameter, subject: subject,
                detail: "categories \(series.categories.a1) and values \(series.values.a1) differ in length")
        }
        if let name = series.name {
            try checkLabel(name, what: "the series name")
        }
        guard series.pointColors.count <= pointCount else {
            throw XlsxError(
                .invalidParameter, subject: subject,
                detail: "\(series.pointColors.count) point colours given for \(pointCount) points")
        }
        if series.dataLabels.contains(.percentage), !kind.isRound {
            throw XlsxError(
                .invalidParameter, subject: subject, detail: "percentage labels exist only on pie and doughnut charts")
        }
        if let format = series.dataLabelNumberFormat {
            try TextRules.requireNoNul(format, subject: subject, what: "the data label number format")
        }
    }

    /// Colours each point of a series (each slice of a pie, each bar of a single series).
    private func setPointColors(_ colors: [XlsxColor], on series: UnsafeMutablePointer<lxw_chart_series>) throws {
        var fills = colors.map { color in
            var fill = lxw_chart_fill()
            fill.color = LXW.color(color)
            return fill
        }
        let result = fills.withUnsafeMutableBufferPointer { fillBuffer -> lxw_error in
            guard let firstFill = fillBuffer.baseAddress else { return LXW_ERROR_NULL_PARAMETER_IGNORED }
            var points = fillBuffer.indices.map { index in
                var point = lxw_chart_point()
                point.fill = firstFill + index
                return point
            }
            return points.withUnsafeMutableBufferPointer { pointBuffer -> lxw_error in
                guard let firstPoint = pointBuffer.baseAddress else { return LXW_ERROR_NULL_PARAMETER_IGNORED }
                // libxlsxwriter walks the points up to a NULL entry and copies them.
                var pointers: [UnsafeMutablePointer<lxw_chart_point>?] = pointBuffer.indices.map { firstPoint + $0 }
                pointers.append(nil)
                return pointers.withUnsafeMutableBufferPointer { chart_series_set_points(series, $0.baseAddress) }
            }
        }
        try XlsxError.check(result, subject)
    }
}

extension Worksheet {
    /// Places `chart` with its top-left corner at a cell; a chart can be placed once and needs a series.
    ///
    /// - Parameters:
    ///   - xScale: width as a multiple of Excel's default 480 pixels.
    ///   - yScale: height as a multiple of Excel's default 288 pixels.
    public func insertChart(row: Int, col: Int, chart: Chart, xScale: Double = 1, yScale: Double = 1) throws {
        let (libraryRow, libraryCol) = try cell(row, col, writing: false)
        let subject = "\(cellSubject(row, col)), \(chart.kind) chart"
        guard chart.workbook === workbook else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "the chart belongs to another workbook")
        }
        guard !chart.isInserted else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "the chart has already been placed on a sheet")
        }
        guard chart.seriesCount > 0 else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "the chart has no series to show")
        }
        guard xScale.isFinite, yScale.isFinite, xScale > 0, yScale > 0, xScale <= 20, yScale <= 20 else {
            throw XlsxError(.invalidParameter, subject: subject, detail: "chart scale must be above 0 and at most 20")
        }
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try XlsxError.check(
            worksheet_insert_chart_opt(handle, libraryRow, libraryCol, chart.handle, &options), subject)
        chart.isInserted = true
    }
}
