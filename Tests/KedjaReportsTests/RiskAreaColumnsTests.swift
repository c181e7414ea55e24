import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaReports

/// Every table with a column per risk area takes its columns from `RiskArea.allCases`, in that order and next to
/// the overall level: adding an area to the enum (the compiler then points at its labels and the profile) grows
/// every output by its column, with no list elsewhere to forget.
@Suite("One column per risk area, from one list")
struct RiskAreaColumnsTests {
    /// The run of `names` that `RiskArea.allCases` gives, followed by `overall`.
    static func expectAreaRun(_ headers: [String], areas: [String], overall: String, in table: String) {
        guard let first = headers.firstIndex(of: areas[0]) else {
            Issue.record("\(table) has no column \(areas[0]): \(headers)")
            return
        }
        let run = Array(headers[first..<min(headers.count, first + areas.count + 1)])
        #expect(run == areas + [overall], "\(table)")
        #expect(headers.filter { areas.contains($0) }.count == areas.count, "\(table): each area once")
    }

    /// The header texts of a probed row (empty for cells that are not text).
    static func texts(_ row: [ProbeCell]) -> [String] {
        row.map { cell in
            if case .string(let text) = cell.v { return text }
            return ""
        }
    }

    @Test func theEnrichedCSVHasOneRiskColumnPerArea() {
        Self.expectAreaRun(
            EnrichedCSVWriter.columns, areas: RiskArea.allCases.map { "kedja_risk_\($0.rawValue)" },
            overall: "kedja_risk_overall", in: "enriched CSV")
    }

    @Test(arguments: Language.allCases)
    func everyWorkbookTableHasOneLevelColumnPerArea(language: Language) throws {
        let folder = try TemporaryFolder()
        let result = try AnalysisFixture.result(language)
        let names = try AnalysisFixture.areaNames()
        let areas = RiskArea.allCases.map { names.label($0, language) }
        let overall = RegisterColumn.overall.header(language, areas: names)
        Self.expectAreaRun(
            RegisterLabels(language, areas: names).registerHeaders, areas: areas, overall: overall, in: "register")

        try RegisterWorkbook.write(result, to: folder.path("register.xlsx"))
        let register = try XlsxProbe.read(folder.path("register.xlsx"))
        let registerSheet = try register.sheet(RegisterLabels(language, areas: names).registerSheet)
        Self.expectAreaRun(
            Self.texts(registerSheet.cells[0]), areas: areas, overall: overall, in: "register sheet")

        try ReportWorkbook.write(result, to: folder.path("report.xlsx"))
        let report = try XlsxProbe.read(folder.path("report.xlsx"))
        let labels = ReportLabels(language)
        Self.expectAreaRun(
            Self.texts(try report.sheet(labels.topRisksSheet).cells[3]), areas: areas, overall: overall,
            in: "top risks")
        let heatMapHeaders = Self.texts(try report.sheet(labels.heatMapSheet).cells[0])
        let heatMapAreas = heatMapHeaders.firstIndex(of: areas[0]).map {
            Array(heatMapHeaders[$0..<($0 + areas.count)])
        }
        #expect(heatMapAreas == areas, "heat map")
    }
}
