import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaReports

@Suite("Plan workbook")
struct PlanWorkbookTests {
    /// Writes the fixture's plan and reads it back.
    static func written(_ language: Language) throws -> (TemporaryFolder, ProbeReport) {
        let folder = try TemporaryFolder()
        let path = folder.path("plan.xlsx")
        try PlanWorkbook.write(try AnalysisFixture.result(language), to: path)
        return (folder, try XlsxProbe.read(path))
    }

    @Test("sheet name and header row follow the contract", arguments: Language.allCases)
    func sheetAndHeaders(language: Language) throws {
        let (_, report) = try Self.written(language)
        let expectedSheets =
            language == .sv ? ["Uppföljningsplan", "Anvisning", "Uppgifter"] : ["Follow-up plan", "Guide", "Tasks"]
        #expect(report.sheets.map(\.name) == expectedSheets)
        let expectedHeaders =
            language == .sv
            ? [
                "Leverantör", "Kategori", "Prioritet", "Metod", "Uppgift", "Förfallodatum", "Ansvarig", "Status",
                "Kommentar", "Avvikelse", "Åtgärd", "Tidsfrist", "Org.nr", "Kategorikod", "Avtal", "Avtalets slut",
                "Villkor",
            ]
            : [
                "Supplier", "Category", "Priority", "Method", "Task", "Due", "Responsible", "Status", "Comment",
                "Deviation", "Action", "Deadline", "Org. number", "Category code", "Contract", "Contract end",
                "Condition",
            ]
        let sheet = try report.sheet(expectedSheets[0])
        #expect(sheet.cells[0].map(\.v) == expectedHeaders.map(ProbeValue.string))
        #expect(PlanLabels(language).headers == expectedHeaders)
        #expect(sheet.freezePanes == "B2")
        #expect(sheet.autoFilter == "A1:Q9")
    }

    @Test("one row per planned task, with due dates as real date cells")
    func dueDates() throws {
        let (_, report) = try Self.written(.sv)
        let sheet = try report.sheet("Uppföljningsplan")
        let plan = try AnalysisFixture.plan(start: try AnalysisFixture.planStart())
        #expect(sheet.cells.count == 1 + plan.count)
        for (offset, task) in plan.enumerated() {
            let due = try sheet.cell(offset + 1, PlanColumn.due.index)
            #expect(due.t == "d")
            #expect(due.fmt == "yyyy-mm-dd")
            #expect(due.v == .string(task.due.iso8601))
            #expect(try sheet.cell(offset + 1, PlanColumn.supplier.index).v == .string(task.row.supplierName))
        }
        #expect(try sheet.cell(1, PlanColumn.task.index).v == .string("O1"))
        #expect(try sheet.cell(1, PlanColumn.method.index).v == .string("Självskattning"))
        let legend = try report.sheet("Uppgifter")
        #expect(legend.cells.dropFirst().contains { $0.first?.v == .string("O1") })
    }

    @Test("Status is a drop-down over the whole column, starting at Planned, coloured", arguments: Language.allCases)
    func statusDropDown(language: Language) throws {
        let (_, report) = try Self.written(language)
        let sheet = try report.sheet(PlanLabels(language).planSheet)
        let validation = try #require(sheet.dataValidations.first)
        #expect(validation.type == "list")
        #expect(validation.sqref == "H2:H1048576")
        let items =
            language == .sv
            ? "Planerad,Villkorad,Täckt,Pågår,Klar,Avvikelse" : "Planned,Conditional,Covered,In progress,Done,Deviation"
        #expect(validation.formula1 == "\"\(items)\"")
        for row in 1..<sheet.cells.count {
            #expect(try sheet.cell(row, PlanColumn.status.index).v == .string(FollowUpStatus.planned.label(language)))
        }
        let statusRules = sheet.conditionalFormats.filter { $0.range == "H2:H1048576" }.flatMap(\.rules)
        #expect(Set(statusRules.flatMap(\.formula)) == Set(PlanLabels(language).statuses.map { "\"\($0)\"" }))
        let overdue = sheet.conditionalFormats.first { $0.range == "F2:F1048576" }
        #expect(overdue?.rules.first?.type == "expression")
    }

    @Test("Responsible, Comment and the corrective-action columns are left for the team")
    func emptyColumnsForTheTeam() throws {
        let (_, report) = try Self.written(.en)
        let sheet = try report.sheet("Follow-up plan")
        for row in 1..<sheet.cells.count {
            for column in [PlanColumn.responsible, .comment, .deviation, .action, .deadline] {
                #expect(try sheet.cell(row, column.index).t == "blank")
            }
        }
    }

    @Test("the guide explains every status and lists the rule tables")
    func guide() throws {
        let (_, report) = try Self.written(.en)
        let sheet = try report.sheet("Guide")
        let firstColumn = Set(sheet.cells.compactMap { $0.first?.v })
        for status in PlanLabels(.en).statuses {
            #expect(firstColumn.contains(.string(status)))
        }
        #expect(firstColumn.contains(.string("categories.csv")))
    }

    @Test("two writes of the same plan give identical bytes")
    func reproducible() throws {
        let folder = try TemporaryFolder()
        let result = try AnalysisFixture.result(.en)
        try PlanWorkbook.write(result, to: folder.path("first.xlsx"))
        try PlanWorkbook.write(result, to: folder.path("second.xlsx"))
        let first = try Data(contentsOf: folder.url.appendingPathComponent("first.xlsx"))
        let second = try Data(contentsOf: folder.url.appendingPathComponent("second.xlsx"))
        #expect(first == second)
    }

    @Test("a status cell reads back in either language", arguments: FollowUpStatus.allCases)
    func statusLabels(status: FollowUpStatus) {
        for language in Language.allCases {
            #expect(FollowUpStatus(label: status.label(language)) == status)
            #expect(FollowUpStatus(label: "  " + status.label(language).uppercased() + " ") == status)
        }
        #expect(FollowUpStatus(label: "Maybe") == nil)
    }
}
