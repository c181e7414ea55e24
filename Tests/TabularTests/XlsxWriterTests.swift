import Foundation
import KedjaTestSupport
import Tabular
import Testing

// MARK: - Fixture: workbooks written for the XlsxWriter*Tests suites, read back with openpyxl (XlsxProbe)

/// Writes test workbooks with fixed document properties and reads them back through `XlsxProbe`.
enum XlsxWriterFixture {
    /// A fixed creation time (2024-01-01T00:00:00Z), so written workbooks are reproducible.
    static let created = Date(timeIntervalSince1970: 1_704_067_200)

    /// Document properties for test workbooks.
    static let properties = DocumentProperties(
        title: "Riskregister", subject: "Test", author: "Kedja tests", company: "Region Test", created: created)

    /// Creates a workbook in a fresh folder, lets `build` fill it, closes it and returns the probe's report.
    static func write(
        constantMemory: Bool = false, maxRows: Int? = nil, _ build: (Workbook) throws -> Void
    ) throws -> ProbeReport {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        let workbook = try Workbook(path: path, constantMemory: constantMemory, properties: properties)
        try build(workbook)
        try workbook.close()
        return try XlsxProbe.read(path, maxRows: maxRows)
    }
}

// MARK: - Workbook lifecycle

@Suite("XLSX writer: workbook")
struct XlsxWriterTests {
    @Test("document and custom properties are written, with the fixed creation time")
    func properties() throws {
        let report = try XlsxWriterFixture.write { workbook in
            _ = try workbook.addWorksheet(name: "Sammanfattning")
            try workbook.setCustomProperty(name: "Templates", value: "Kedja 2026-1")
        }
        #expect(report.properties.title == "Riskregister")
        #expect(report.properties.subject == "Test")
        #expect(report.properties.creator == "Kedja tests")
        #expect(report.properties.company == "Region Test")
        #expect(report.properties.created == "2024-01-01T00:00:00")
        #expect(report.customProperties["Templates"] == .string("Kedja 2026-1"))
    }

    @Test("two identical writes, a second apart, give identical bytes")
    func reproducibleBytes() async throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxw")
        defer { try? FileManager.default.removeItem(at: folder) }
        func writeBook(_ name: String) throws -> Data {
            let path = folder.appendingPathComponent(name).path
            let workbook = try Workbook(path: path, properties: XlsxWriterFixture.properties)
            let sheet = try workbook.addWorksheet(name: "Riskregister")
            try sheet.write(row: 0, col: 0, string: "Leverantör", style: CellStyle(bold: true))
            try sheet.write(row: 1, col: 0, string: "Kaffe AB")
            try sheet.write(row: 1, col: 1, number: 1234.5, style: CellStyle(numberFormat: "#,##0.00"))
            try sheet.write(row: 1, col: 2, date: .day(year: 2024, month: 3, day: 1))
            let chart = try workbook.addChart(.column)
            try chart.addSeries(
                ChartSeries(
                    sheet: "Riskregister", categories: CellRange(row: 1, col: 0), values: CellRange(row: 1, col: 1)))
            try sheet.insertChart(row: 3, col: 0, chart: chart)
            try workbook.close()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let first = try writeBook("first.xlsx")
        try await Task.sleep(for: .milliseconds(1_100))
        let second = try writeBook("second.xlsx")
        #expect(first.count > 0)
        #expect(first == second)
    }

    @Test("closing twice is a clean error")
    func doubleClose() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try Workbook(
            path: folder.appendingPathComponent("b.xlsx").path, properties: XlsxWriterFixture.properties)
        _ = try workbook.addWorksheet(name: "A")
        #expect(!workbook.isClosed)
        try workbook.close()
        #expect(workbook.isClosed)
        let error = #expect(throws: XlsxError.self) { try workbook.close() }
        #expect(error?.code == .workbookClosed)
    }

    @Test("sheets, charts and the workbook refuse use after close")
    func useAfterClose() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try Workbook(
            path: folder.appendingPathComponent("b.xlsx").path, properties: XlsxWriterFixture.properties)
        let sheet = try workbook.addWorksheet(name: "A")
        let chart = try workbook.addChart(.pie)
        try workbook.close()
        let writeError = #expect(throws: XlsxError.self) { try sheet.write(row: 0, col: 0, string: "late") }
        #expect(writeError?.code == .workbookClosed)
        #expect(writeError?.subject == "sheet 'A', cell A1")
        #expect(throws: XlsxError.self) { try sheet.freezePanes(row: 1, col: 0) }
        #expect(throws: XlsxError.self) { try sheet.setLandscape() }
        #expect(throws: XlsxError.self) { try workbook.addWorksheet(name: "B") }
        #expect(throws: XlsxError.self) { try workbook.addChart(.bar) }
        #expect(throws: XlsxError.self) { try workbook.setCustomProperty(name: "x", value: "y") }
        let chartError = #expect(throws: XlsxError.self) { try chart.setTitle("late") }
        #expect(chartError?.code == .workbookClosed)
    }

    @Test("a file that cannot be created is reported, and the workbook counts as closed")
    func cannotCreateFile() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/folder/b.xlsx").path
        let workbook = try Workbook(path: path, properties: XlsxWriterFixture.properties)
        _ = try workbook.addWorksheet(name: "A")
        let error = #expect(throws: XlsxError.self) { try workbook.close() }
        #expect(error?.code == .cannotCreateFile)
        #expect(error?.description.contains(path) == true)
        #expect(workbook.isClosed)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a workbook that is never closed writes nothing")
    func unclosedWritesNothing() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("never.xlsx").path
        do {
            let workbook = try Workbook(path: path, properties: XlsxWriterFixture.properties)
            let sheet = try workbook.addWorksheet(name: "A")
            try sheet.write(row: 0, col: 0, string: "dropped")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a creation time at the epoch is refused, since libxlsxwriter would stamp the current time")
    func epochCreationTimeRefused() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-xlsxw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let properties = DocumentProperties(created: Date(timeIntervalSince1970: 0))
        let error = #expect(throws: XlsxError.self) {
            try Workbook(path: folder.appendingPathComponent("b.xlsx").path, properties: properties)
        }
        #expect(error?.code == .invalidParameter)
    }

    @Test("equal styles share one cell format")
    func stylesAreCached() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            for row in 0..<50 {
                try sheet.write(row: row, col: 0, string: "x", style: CellStyle(bold: true))
                try sheet.write(row: row, col: 1, number: Double(row), style: CellStyle(numberFormat: "0.0"))
                try sheet.write(row: row, col: 2, string: "plain", style: .plain)
            }
        }
        // The default format, bold, and "0.0".
        #expect(report.cellFormatCount == 3)
    }

    @Test("error descriptions name the subject and the library's reason")
    func errorDescription() {
        let error = XlsxError(.sheetNameInUse, subject: "sheet 'A'", detail: "another sheet is already named 'A'")
        #expect(error.description.hasPrefix("sheet 'A': another sheet is already named 'A'"))
        #expect(error.libraryMessage != nil)
        let own = XlsxError(.workbookClosed, subject: "workbook x.xlsx", detail: "closed")
        #expect(own.libraryMessage == nil)
        #expect(own.description == "workbook x.xlsx: closed")
    }
}
