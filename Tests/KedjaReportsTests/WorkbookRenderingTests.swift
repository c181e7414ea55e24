import Foundation
import KedjaModel
import Testing

@testable import KedjaReports

/// Where LibreOffice is installed (CI installs `libreoffice-calc-nogui`); nil when it is not.
private let sofficePath = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("Workbooks open in LibreOffice", .serialized, .enabled(if: sofficePath != nil, "LibreOffice is not installed"))
struct WorkbookRenderingTests {
    @Test("each workbook converts to PDF, so another spreadsheet program can open it", arguments: Language.allCases)
    func convertsToPDF(language: Language) throws {
        let folder = try TemporaryFolder()
        let result = try AnalysisFixture.result(language)
        let books = ["register.xlsx", "plan.xlsx", "report.xlsx"]
        try RegisterWorkbook.write(result, to: folder.path(books[0]))
        try PlanWorkbook.write(result, to: folder.path(books[1]))
        try ReportWorkbook.write(result, to: folder.path(books[2]))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(sofficePath))
        // A profile of its own, so a LibreOffice the user has open does not take the job.
        process.arguments =
            [
                "-env:UserInstallation=file://\(folder.path("profile"))", "--headless", "--convert-to", "pdf",
                "--outdir", folder.path("pdf"),
            ] + books.map { folder.path($0) }
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for book in books {
            let pdf = folder.url.appendingPathComponent("pdf").appendingPathComponent(
                book.replacingOccurrences(of: ".xlsx", with: ".pdf"))
            let bytes = try Data(contentsOf: pdf)
            #expect(bytes.starts(with: Array("%PDF".utf8)), "\(book) did not become a PDF")
            #expect(bytes.count > 10_000, "\(book) gave an almost empty PDF")
        }
    }
}
