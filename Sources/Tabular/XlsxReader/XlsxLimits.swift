/// The bounds an `XlsxReader` keeps to, so a hostile or broken workbook fails with a clear error
/// instead of exhausting memory or disk.
///
/// An XLSX file is a ZIP archive: a few kilobytes can inflate to gigabytes (a "zip bomb"), and a
/// shared-strings table is held in memory while a sheet streams. The defaults admit anything Excel
/// itself can save; raise them only for a file you trust.
public struct XlsxLimits: Sendable, Equatable {
    /// The largest uncompressed size of one ZIP entry (a sheet, the shared strings, the styles).
    public var maxEntryBytes: UInt64
    /// The highest ratio of uncompressed to compressed size allowed for a large entry.
    ///
    /// Real sheets compress by about 5–50:1; zip bombs by a thousand or more.
    public var maxCompressionRatio: Double
    /// Entries that inflate to no more than this many bytes skip the ratio check: tiny, very
    /// repetitive parts compress extremely well and can do no harm.
    public var compressionRatioThreshold: UInt64
    /// The most entries the shared-strings table may hold.
    public var maxSharedStrings: Int
    /// The most UTF-8 bytes of text the shared-strings table may hold in memory.
    public var maxSharedStringBytes: Int
    /// The highest 1-based row number a sheet may use (Excel's own limit is 1,048,576).
    public var maxRows: Int
    /// The highest 1-based column number a sheet may use (Excel's own limit is 16,384, column XFD).
    public var maxColumns: Int
    /// The most bytes a sheet written as CSV may take (`XlsxToCSV`): records are as wide as the widest row, so
    /// one stray far cell would otherwise pad every record to thousands of empty fields, on disk.
    public var maxCSVBytes: UInt64

    /// Sets every limit; each defaults to the value in `XlsxLimits.default`.
    public init(
        maxEntryBytes: UInt64 = 1 << 30,
        maxCompressionRatio: Double = 200,
        compressionRatioThreshold: UInt64 = 1 << 20,
        maxSharedStrings: Int = 16_777_216,
        maxSharedStringBytes: Int = 1 << 30,
        maxRows: Int = 1_048_576,
        maxColumns: Int = 16_384,
        maxCSVBytes: UInt64 = 1 << 30
    ) {
        self.maxEntryBytes = maxEntryBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioThreshold = compressionRatioThreshold
        self.maxSharedStrings = maxSharedStrings
        self.maxSharedStringBytes = maxSharedStringBytes
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCSVBytes = maxCSVBytes
    }

    /// 1 GiB per entry, 200:1 compression above 1 MiB, 16 Mi shared strings in at most 1 GiB of text,
    /// Excel's sheet size of 1,048,576 rows by 16,384 columns, and 1 GiB of CSV per sheet (a sheet's CSV is
    /// smaller than its XML, which `maxEntryBytes` bounds, unless short rows are padded).
    public static let `default` = XlsxLimits()
}
