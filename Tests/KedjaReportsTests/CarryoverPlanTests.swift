import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaReports

@Suite("Carry-over from last period's plan")
struct CarryoverPlanTests {
    /// A row of last period's plan for `task`, as the team might have left it.
    static func previousRow(
        _ task: PlannedTask, language: Language = .sv, sheet: String = "Uppföljningsplan", sheetRow: Int = 2,
        priority: Int? = nil, withKeys: Bool = true, team: [PlanColumn: XlsxCell] = [:]
    ) -> PreviousPlan.Row {
        var cells: [PlanColumn: XlsxCell] = [
            .supplier: .string(task.row.supplierName),
            .category: .string(CommonPhrases.categoryName(task.row.category, language)),
            .priority: .number(String(priority ?? task.row.priority), Double(priority ?? task.row.priority)),
            .task: .string("\(task.step.taskID) \(task.task?.text(language) ?? "")"),
        ]
        if withKeys {
            cells[.orgNumber] = task.row.orgNumber.map(XlsxCell.string) ?? .empty
            cells[.categoryCode] = task.row.category.map { .string($0.code) } ?? .empty
        }
        cells.merge(team) { _, typed in typed }
        return PreviousPlan.Row(sheet: sheet, sheetRow: sheetRow, wasDiscontinued: false, cells: cells)
    }

    @Test("a written plan reads back with every task, its keys and its priority", arguments: Language.allCases)
    func readBack(language: Language) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("plan.xlsx")
        let result = try AnalysisFixture.result(language)
        try PlanWorkbook.write(result, to: path)
        let previous = try PreviousPlan.read(path: path)
        #expect(previous.rows.count == result.plan.count)
        for (row, task) in zip(previous.rows, result.plan) {
            #expect(row.supplier == task.row.supplierName)
            #expect(row.taskID == task.step.taskID)
            #expect(row.orgNumber == task.row.orgNumber)
            #expect(row.categoryCode == task.row.category?.code)
            #expect(row.priority == task.row.priority)
            #expect(row.text(.status) == FollowUpStatus.planned.label(language))
            #expect(!row.wasDiscontinued)
        }
        let carryover = PlanCarryover(previous: previous, result: result)
        #expect(carryover.carried.count == result.plan.count)
        #expect(carryover.discontinued.isEmpty)
        #expect(carryover.priorityChanges == 0)
    }

    @Test("without the key columns, supplier and category match by name, in the other language too")
    func matchByName() throws {
        let result = try AnalysisFixture.result(.sv)
        let rows = result.plan.enumerated().map { offset, task in
            Self.previousRow(task, language: .en, sheetRow: offset + 2, withKeys: false)
        }
        let carryover = PlanCarryover(previous: PreviousPlan(path: "last.xlsx", rows: rows), result: result)
        #expect(carryover.discontinued.isEmpty)
        for (index, task) in result.plan.enumerated() {
            #expect(carryover.carried[index]?.previous.supplier == task.row.supplierName)
        }
    }

    @Test("rows that match no task are kept, each with the reason")
    func discontinuedReasons() throws {
        let result = try AnalysisFixture.result(.sv)
        let textilesO1 = try #require(
            result.plan.first { $0.row.supplierName == "Textilia AB" && $0.step.taskID == "O1" })
        var gone = Self.previousRow(textilesO1, sheetRow: 2)
        gone.cells[.supplier] = .string("Nedlagda Leverantören AB")
        gone.cells[.orgNumber] = .string("212000-0142")
        var otherCategory = Self.previousRow(textilesO1, sheetRow: 3)
        otherCategory.cells[.categoryCode] = .string(AnalysisFixture.coffee.code)
        var notPlanned = Self.previousRow(textilesO1, sheetRow: 4)
        notPlanned.cells[.task] = .string("O4 Tid- och åtgärdsplan")
        let original = Self.previousRow(textilesO1, sheetRow: 5)
        let duplicate = Self.previousRow(textilesO1, sheetRow: 6)
        let previous = PreviousPlan(path: "last.xlsx", rows: [gone, otherCategory, notPlanned, original, duplicate])

        let carryover = PlanCarryover(previous: previous, result: result)
        #expect(carryover.carried.count == 1)
        #expect(carryover.carried.values.first?.previous.sheetRow == 5)
        #expect(
            carryover.discontinued.map(\.reason) == [
                .supplierGone, .categoryGone, .taskNotPlanned(priority: 1),
                .duplicate(sheet: "Uppföljningsplan", row: 5),
            ])
        #expect(carryover.discontinued.map(\.row.sheetRow) == [2, 3, 4, 6])
    }

    @Test("the team's entries return in the new plan, statuses in its language, and the rest is listed")
    func writtenWithCarryover() throws {
        let result = try AnalysisFixture.result(.sv)
        let coffeeO2Index = try #require(
            result.plan.firstIndex { $0.row.supplierName == "Kaffekompaniet AB" && $0.step.taskID == "O2" })
        let textilesO1Index = try #require(
            result.plan.firstIndex { $0.row.supplierName == "Textilia AB" && $0.step.taskID == "O1" })
        let edited = Self.previousRow(
            result.plan[coffeeO2Index], language: .en, sheetRow: 7, priority: 1,
            team: [
                .status: .string("Deviation"), .responsible: .string("Anna Berg"),
                .comment: .string("Självskattningen visade brister i\nunderleverantörsledet."),
                .deviation: .string("Saknar policy för tvångsarbete"), .action: .string("Policy senast Q3"),
                .deadline: .date(year: 2026, month: 9, day: 30),
            ])
        let typedStatus = Self.previousRow(
            result.plan[textilesO1Index], sheetRow: 2, team: [.status: .string("Väntar på svar")])
        var gone = Self.previousRow(
            result.plan[textilesO1Index], sheetRow: 3, team: [.comment: .string("Avslutat avtal")])
        gone.cells[.supplier] = .string("Nedlagda Leverantören AB")
        gone.cells[.orgNumber] = .empty
        let carryover = PlanCarryover(
            previous: PreviousPlan(path: "förra-planen.xlsx", rows: [edited, typedStatus, gone]), result: result)
        #expect(carryover.priorityChanges == 1)

        let folder = try TemporaryFolder()
        let path = folder.path("plan.xlsx")
        try PlanWorkbook.write(result, carryover: carryover, to: path)
        let report = try XlsxProbe.read(path)
        #expect(report.sheets.map(\.name) == ["Uppföljningsplan", "Utgått", "Anvisning", "Uppgifter"])

        let plan = try report.sheet("Uppföljningsplan")
        #expect(plan.cells[0].last?.v == .string("Förändring"))
        #expect(plan.autoFilter == "A1:R9")
        let coffee = coffeeO2Index + 1
        #expect(try plan.cell(coffee, PlanColumn.status.index).v == .string("Avvikelse"))
        #expect(try plan.cell(coffee, PlanColumn.responsible.index).v == .string("Anna Berg"))
        #expect(
            try plan.cell(coffee, PlanColumn.comment.index).v
                == .string("Självskattningen visade brister i\nunderleverantörsledet."))
        #expect(try plan.cell(coffee, PlanColumn.action.index).v == .string("Policy senast Q3"))
        #expect(try plan.cell(coffee, PlanColumn.deadline.index).v == .string("2026-09-30"))
        #expect(try plan.cell(coffee, PlanColumn.deadline.index).t == "d")
        #expect(try plan.cell(coffee, PlanColumn.allCases.count).v == .string("Prioritet 1 → 2"))
        #expect(try plan.cell(coffee, PlanColumn.priority.index).bold == true)
        let textiles = textilesO1Index + 1
        #expect(try plan.cell(textiles, PlanColumn.status.index).v == .string("Väntar på svar"))
        #expect(try plan.cell(textiles, PlanColumn.allCases.count).t == "blank")
        let newTask = try #require(
            (0..<result.plan.count).first { $0 != coffeeO2Index && $0 != textilesO1Index })
        #expect(try plan.cell(newTask + 1, PlanColumn.allCases.count).v == .string("Ny"))
        #expect(try plan.cell(newTask + 1, PlanColumn.status.index).v == .string("Planerad"))

        let discontinued = try report.sheet("Utgått")
        #expect(discontinued.cells[0].map(\.v) == (PlanLabels(.sv).headers + ["Orsak", "Från"]).map(ProbeValue.string))
        #expect(discontinued.cells.count == 2)
        #expect(try discontinued.cell(1, PlanColumn.supplier.index).v == .string("Nedlagda Leverantören AB"))
        #expect(try discontinued.cell(1, PlanColumn.comment.index).v == .string("Avslutat avtal"))
        #expect(
            try discontinued.cell(1, PlanColumn.allCases.count).v
                == .string("Leverantören finns inte i periodens underlag."))
        #expect(try discontinued.cell(1, PlanColumn.allCases.count + 1).v == .string("Uppföljningsplan, rad 3"))

        let guide = try report.sheet("Anvisning")
        let guideTexts = guide.cells.flatMap { $0.map(\.v) }
        #expect(
            guideTexts.contains { value in
                if case .string(let text) = value { return text.contains("förra-planen.xlsx") }
                return false
            })
    }

    @Test("a supplier that comes back finds its entries on last period's Discontinued sheet")
    func returnsFromDiscontinued() throws {
        let result = try AnalysisFixture.result(.en)
        let textilesO1Index = try #require(
            result.plan.firstIndex { $0.row.supplierName == "Textilia AB" && $0.step.taskID == "O1" })
        let withoutTextiles = AnalysisResult(
            rows: result.rows.filter { $0.supplierName != "Textilia AB" }, total: result.total, counts: result.counts,
            rejects: result.rejects, quality: result.quality, sources: result.sources, legalForms: result.legalForms,
            areaNames: result.areaNames, language: .en,
            plan: result.plan.filter { $0.row.supplierName != "Textilia AB" }, planStart: result.planStart)
        let folder = try TemporaryFolder()
        let first = folder.path("first.xlsx")
        try PlanWorkbook.write(result, to: first)
        // Last period: the team worked on Textilia, then Textilia had no spend and its rows were set aside.
        var rows = try PreviousPlan.read(path: first).rows
        rows[textilesO1Index].cells[.comment] = .string("Självskattning mottagen")
        let second = folder.path("second.xlsx")
        try PlanWorkbook.write(
            withoutTextiles,
            carryover: PlanCarryover(previous: PreviousPlan(path: first, rows: rows), result: withoutTextiles),
            to: second)
        let secondPlan = try PreviousPlan.read(path: second)
        #expect(secondPlan.rows.filter(\.wasDiscontinued).count == 3)

        let third = PlanCarryover(previous: secondPlan, result: result)
        #expect(third.discontinued.isEmpty)
        #expect(third.carried[textilesO1Index]?.previous.wasDiscontinued == true)
        #expect(third.carried[textilesO1Index]?.previous.text(.comment) == "Självskattning mottagen")
    }

    @Test("a workbook that is not a plan is refused, naming the sheets it has")
    func notAPlan() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("register.xlsx")
        try RegisterWorkbook.write(try AnalysisFixture.result(.sv), to: path)
        #expect {
            try PreviousPlan.read(path: path)
        } throws: { error in
            guard let error = error as? PreviousPeriodError,
                case .missingSheet(let expected, let found, _) = error.problem
            else { return false }
            return expected == ["Uppföljningsplan", "Follow-up plan"] && found.contains("Riskregister")
                && error.description.contains("kedja plan")
        }
    }

    @Test("a plan sheet without a Task column is refused")
    func missingColumn() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("plan.xlsx")
        let workbook = try Workbook(
            path: path, properties: DocumentProperties(created: Date(timeIntervalSince1970: 946_684_800)))
        let sheet = try workbook.addWorksheet(name: "Follow-up plan")
        for (col, header) in ["Supplier", "Category", "Status"].enumerated() {
            try sheet.write(row: 0, col: col, string: header)
        }
        try workbook.close()
        #expect(
            throws: PreviousPeriodError(
                path: path, problem: .missingColumn(sheet: "Follow-up plan", headers: ["Uppgift", "Task"]))
        ) {
            try PreviousPlan.read(path: path)
        }
    }
}
