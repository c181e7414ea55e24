import Foundation

/// A small CSV file read whole into strings: Kedja's own rule tables and supplier lists.
///
/// Spend files are streamed with `CSVReader`; tables that fit in memory many times over are easier to
/// work with as rows of strings, and keep their record and line numbers for error messages.
public struct CSVTable: Sendable {
    /// One data row with where it came from.
    public struct Row: Sendable, Equatable {
        /// The data record number, from 1.
        public var record: Int
        /// The physical line where the row starts.
        public var line: Int
        /// The decoded fields.
        public var fields: [String]

        /// Creates a row.
        public init(record: Int, line: Int, fields: [String]) {
            self.record = record
            self.line = line
            self.fields = fields
        }

        /// The field at `index`, or an empty string past the end of the row.
        public subscript(index: Int) -> String { index < fields.count ? fields[index] : "" }
    }

    /// The file's path as given.
    public var path: String
    /// The sniffed dialect.
    public var dialect: CSVDialect
    /// The header's column names (empty when the file has no header).
    public var header: [String]
    /// The data rows.
    public var rows: [Row]

    /// Reads a whole file; the first record is taken as the header.
    public static func read(contentsOf url: URL) throws -> CSVTable {
        try read(path: url.path)
    }

    /// Reads a whole file already in memory; the first record is taken as the header.
    ///
    /// - Parameter path: how messages name the file.
    public static func read(bytes: [UInt8], path: String) throws -> CSVTable {
        var sniffed = try CSVReader(bytes: bytes, path: path).dialect
        sniffed.hasHeader = true
        return try read(CSVReader(bytes: bytes, path: path, dialect: sniffed), path: path, dialect: sniffed)
    }

    /// Reads a whole file by path; the first record is taken as the header.
    public static func read(path: String, dialect: CSVDialect? = nil) throws -> CSVTable {
        var sniffed = try CSVReader(path: path, dialect: dialect).dialect
        sniffed.hasHeader = true
        return try read(CSVReader(path: path, dialect: sniffed), path: path, dialect: sniffed)
    }

    private static func read(_ reader: CSVReader, path: String, dialect: CSVDialect) throws -> CSVTable {
        var table = CSVTable(path: path, dialect: dialect, header: [], rows: [])
        try reader.forEachRecord { record in
            if record.isHeader {
                table.header = record.strings()
            } else {
                table.rows.append(Row(record: record.number, line: record.line, fields: record.strings()))
            }
            return true
        }
        return table
    }

    /// The index of the column whose header equals `name`, ignoring case and surrounding spaces.
    public func column(named name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }
}
