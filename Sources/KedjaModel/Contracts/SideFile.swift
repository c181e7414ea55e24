import Tabular

/// A contracts or audits file read as rows, the part the two files share: columns found by name (and `--map`),
/// a supplier column required, blank rows passed over, each row's supplier read one way, and every row that
/// cannot be used kept with its file, row and reason, so none is lost silently.
struct SideFile {
    /// The file as messages name it.
    let name: String
    private let table: CSVTable
    private let columns: [ContractColumn: Int]

    /// One usable row's cells and supplier.
    struct Row {
        private let fields: [String]
        private let columns: [ContractColumn: Int]
        /// The row's line, or its sheet row for a converted workbook.
        let line: Int
        /// The supplier's org number, normalised, when the row gives a valid one.
        let orgNumber: String?

        /// The trimmed cell of `column`; empty when the file has no such column.
        func cell(_ column: ContractColumn) -> String {
            columns[column].map { $0 < fields.count ? fields[$0].trimmingWhitespace() : "" } ?? ""
        }

        fileprivate init(fields: [String], columns: [ContractColumn: Int], line: Int, orgNumber: String?) {
            self.fields = fields
            self.columns = columns
            self.line = line
            self.orgNumber = orgNumber
        }
    }

    /// Reads the file and checks that it has a supplier column and every column of `required` (with what it holds
    /// and the names to give it, for the message).
    init(
        path: String, displayName: String?, vocabulary: ContractVocabulary, overrides: [(ContractColumn, String)],
        required: [(column: ContractColumn, what: String, names: String)]
    ) throws {
        name = displayName ?? path
        table = try CSVTable.read(path: path)
        columns = vocabulary.map(header: table.header, overrides: overrides)
        let headers = table.header.map { "'\($0)'" }.joined(separator: ", ")
        for (column, what, names) in required where columns[column] == nil {
            throw ContractFileError(
                path: name,
                message:
                    "no \(what) column among \(headers). Name it \(names), or use --map \(column.rawValue)=COLUMN."
            )
        }
        guard [.supplierID, .orgNumber, .supplierName].contains(where: { columns[$0] != nil }) else {
            throw ContractFileError(
                path: name,
                message:
                    "no supplier column (supplier number, org number or name) among \(headers). Add one or use --map supplier_name=COLUMN."
            )
        }
    }

    /// Calls `use` with each non-blank row that names a supplier; `use` returns why it cannot use a row, or nil.
    ///
    /// - Parameter rowOf: the sheet row of a CSV line, for a converted workbook.
    /// - Returns: the rows not used, each with its reason.
    func forEachRow(rowOf: (Int) -> Int, _ use: (Row) -> Phrase?) -> [SideFileReject] {
        var rejects: [SideFileReject] = []
        for tableRow in table.rows where !tableRow.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
            let line = rowOf(tableRow.line)
            let orgText = columns[.orgNumber].map { tableRow[$0].trimmingWhitespace() } ?? ""
            let orgNumber = OrgNumber.parse(orgText)?.description
            let row = Row(fields: tableRow.fields, columns: columns, line: line, orgNumber: orgNumber)
            let reason: Phrase?
            if !orgText.isEmpty && orgNumber == nil {
                reason = Phrase(
                    sv: "org.nr '\(orgText)' är inget giltigt organisationsnummer",
                    en: "org number '\(orgText)' is not a valid organisation number")
            } else if row.cell(.supplierID).isEmpty && orgNumber == nil && row.cell(.supplierName).isEmpty {
                reason = Phrase(
                    sv: "ingen leverantör: ange leverantörsnummer, org.nr eller namn",
                    en: "no supplier: give the supplier number, org number or name")
            } else {
                reason = use(row)
            }
            if let reason {
                rejects.append(
                    SideFileReject(
                        file: name, record: RejectedRecord(record: tableRow.record, line: line, reason: .row(reason))))
            }
        }
        return rejects
    }
}
