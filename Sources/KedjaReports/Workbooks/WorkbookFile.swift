import Foundation
import KedjaModel
import Tabular

/// Writes a workbook so that it appears at its path only when complete, with reproducible bytes.
enum WorkbookFile {
    /// Builds the workbook in the temporary file of an ``AtomicOutputFile`` for `path`, which syncs the
    /// workbook's bytes, renames them into place and syncs the folder: the one atomic writer every output uses.
    ///
    /// A failure leaves any earlier file at `path` untouched and no temporary file behind.
    /// - Returns: what the cell texts needed to fit in the file, for the run's summary.
    /// - Throws: `OutputError` naming `path` when the file cannot be put there (missing folder, no permission, a
    ///   full disk); `XlsxError` when a value breaks one of Excel's limits.
    /// - Parameter created: the creation time the workbook stores: the run's (``RunDescription/time``), so the
    ///   same analysis at the same `SOURCE_DATE_EPOCH` gives byte-identical files.
    static func write(
        to path: String, title: String, language: Language, created: Date, build: (Workbook) throws -> Void
    ) throws -> TextRepairs {
        let file = try AtomicOutputFile(destination: path)
        let properties = DocumentProperties(
            title: title, subject: CommonPhrases.subject.text(language), author: CommonPhrases.author,
            created: created)
        let workbook = try Workbook(path: try file.pathForLibraries, properties: properties)
        workbook.cutMarker = { CellText.cutMarker(removed: $0, language) }
        try build(workbook)
        do {
            try workbook.close()
        } catch let error as XlsxError where error.isSaveFailure {
            throw OutputError(savingWorkbookAt: path, error)
        }
        try file.commit()
        return workbook.textRepairs
    }
}
