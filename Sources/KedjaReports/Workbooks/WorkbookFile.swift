import Foundation
import KedjaModel
import Tabular

/// A workbook could not be put at its destination (missing folder, no permission, failed rename).
public struct WorkbookOutputError: Error, CustomStringConvertible, Equatable, Sendable, Bilingual {
    /// The workbook's intended path.
    public let path: String
    /// What went wrong and what to do, in plain words.
    public let reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }

    /// The framing in `language`; the reason is the file system's (or the writer's) own text.
    public func text(_ language: Language) -> String {
        Phrase(sv: "kan inte skriva \(path): \(reason)", en: description).text(language)
    }
}

/// Writes a workbook so that it appears at its path only when complete, with reproducible bytes.
enum WorkbookFile {
    /// The creation time stored in every workbook: fixed, so the same analysis gives byte-identical files
    /// (ARCHITECTURE.md, "Deterministic"). The date a workbook was made is the file's own modification time.
    static let creationTime = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01T00:00:00Z

    /// Builds the workbook in a temporary file beside `path`, then renames it into place.
    ///
    /// A failure leaves any earlier file at `path` untouched and no temporary file behind.
    /// - Throws: ``WorkbookOutputError`` when the folder is missing or the rename fails; `XlsxError` from building.
    static func write(to path: String, title: String, language: Language, build: (Workbook) throws -> Void) throws {
        let destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkbookOutputError(path: path, reason: "the folder \(folder.path) does not exist; create it first")
        }
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).kedja-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let properties = DocumentProperties(
            title: title, subject: CommonPhrases.subject.text(language), author: CommonPhrases.author,
            created: creationTime)
        let workbook = try Workbook(path: temporary.path, properties: properties)
        try build(workbook)
        try workbook.close()
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw WorkbookOutputError(path: path, reason: "\(reason); check that you may write there")
        }
    }
}

extension WorkbookOutputError: ExitStatusReporting {
    /// An output that cannot be written, as CONTRACT.md says (it used to fall through to 65).
    public var exitStatus: ExitStatus { .cannotCreateOutput }
}
