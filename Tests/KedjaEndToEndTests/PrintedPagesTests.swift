import Foundation
import KedjaTestSupport
import Testing

/// LibreOffice and poppler, the independent renderer and text extractor the printed-page checks use.
private let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
private let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// What the committee and the buyer print: the sample's register rendered to PDF by LibreOffice, page by page.
@Suite(
    .serialized,
    .enabled(if: soffice != nil && pdftotext != nil, "LibreOffice or poppler-utils is not installed"))
struct PrintedPagesTests {
    /// The text of each page of `pdf`, as `pdftotext -layout` reads it.
    static func pages(of pdf: URL) throws -> [String] {
        let text = try ChildProcess.run(try #require(pdftotext), arguments: ["-layout", pdf.path, "-"])
        #expect(text.status == 0, "\(text.stderr)")
        return text.stdoutText.components(separatedBy: "\u{0C}").filter {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    /// `workbook` converted to PDF in `folder`.
    static func pdf(of workbook: URL, in folder: URL) throws -> URL {
        let convert = try ChildProcess.run(
            try #require(soffice),
            arguments: [
                "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless",
                "--convert-to", "pdf", "--outdir", folder.path, workbook.path,
            ])
        #expect(convert.status == 0, "\(convert.stderr)")
        return folder.appendingPathComponent(workbook.deletingPathExtension().lastPathComponent + ".pdf")
    }

    @Test func theSampleRegisterPrintsAtLeastTwentyRowsPerA4LandscapePage() throws {
        let folder = try Kedja.temporaryDirectory()
        let register = folder.appendingPathComponent("register.xlsx")
        let run = try Kedja.run([
            "register", Kedja.sampleLedger, "--suppliers", Kedja.sampleSuppliers, "-o", register.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try Self.pages(of: try Self.pdf(of: register, in: folder))
        // A register page carries the register's header (Reason and Share of spend together, which no other
        // sheet has); each of its rows one share of spend ("3.2%" or "3,2 %", as LibreOffice's locale writes it).
        let share = try Regex(#"\d[.,]\d\s?%"#)
        let registerPages = pages.filter { $0.contains("Motivering") && $0.contains("Andel av") }
        let rowsPerPage = registerPages.map { $0.matches(of: share).count }
        #expect(registerPages.count >= 10, "the sample's register spans pages: \(rowsPerPage)")
        #expect(rowsPerPage.dropLast().allSatisfy { $0 >= 20 }, "rows per page: \(rowsPerPage)")
        #expect(rowsPerPage.reduce(0, +) > 400, "every register row is printed: \(rowsPerPage)")
    }
}
