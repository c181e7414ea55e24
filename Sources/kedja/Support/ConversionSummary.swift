import Foundation
import KedjaModel
import Tabular

extension CSVConversion.Counts {
    /// The `--json` summary of a conversion, in the keys of CONTRACT.md where they apply, reasons in `language`; a
    /// `workbook` output adds what its cell texts needed, in the keys the spend commands use.
    func json(input: String, output: String, dialect: CSVDialect, workbook: Bool, language: Language) -> String {
        let dataRecords = dataRecordsRead(dialect)
        var object: [String: Any] = [
            "command": "convert",
            "input": [
                "path": input, "encoding": dialect.encoding.rawValue, "bom": dialect.hasBOM,
                "delimiter": dialect.delimiterText, "line_ending": dialect.lineEnding.rawValue,
            ],
            "rows_read": dataRecords,
            "rows_written": dataRecordsWritten(dialect),
            "rows_rejected": rejected,
            "rows_ragged": ragged,
            "rejects": rejects.map {
                ["record": $0.record, "line": $0.line, "reason": $0.problem.text(language)] as [String: Any]
            },
            "outputs": [output],
        ]
        if workbook {
            object["details"] = [
                "workbook_characters_replaced": String(textRepairs.replacedCharacters),
                "workbook_texts_cut": String(textRepairs.cutTexts),
            ]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Data records read: the records after the header, or all of them in a file without one.
    func dataRecordsRead(_ dialect: CSVDialect) -> Int {
        dialect.hasHeader ? max(records - 1, 0) : records
    }

    /// Data records written: every one read but those a size limit cut short.
    func dataRecordsWritten(_ dialect: CSVDialect) -> Int {
        dataRecordsRead(dialect) - rejected
    }
}
