import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaReports

@Suite("Register workbook")
struct RegisterWorkbookTests {
    /// Writes the fixture's register and reads it back.
    static func written(_ language: Language, withRejects: Bool = true) throws -> (TemporaryFolder, ProbeReport) {
        let folder = try TemporaryFolder()
        let path = folder.path("register.xlsx")
        try RegisterWorkbook.write(try AnalysisFixture.result(language, withRejects: withRejects), to: path)
        return (folder, try XlsxProbe.read(path))
    }

    @Test("sheet names follow the contract, with Rejected when there are rejects", arguments: Language.allCases)
    func sheetNames(language: Language) throws {
        let (_, report) = try Self.written(language)
        let expected =
            language == .sv
            ? ["Sammanfattning", "Riskregister", "Riskkarta", "Kategorier", "Uppgifter", "Metod", "Avvisade"]
            : ["Summary", "Risk register", "Heat map", "Categories", "Tasks", "Method", "Rejected"]
        #expect(report.sheets.map(\.name) == expected)
    }

    @Test("no Rejected sheet without rejects", arguments: Language.allCases)
    func noRejectedSheet(language: Language) throws {
        let (_, report) = try Self.written(language, withRejects: false)
        let labels = RegisterLabels(language, areas: try AnalysisFixture.areaNames())
        #expect(
            report.sheets.map(\.name) == [
                labels.summarySheet, labels.registerSheet, labels.heatMapSheet, labels.categoriesSheet,
                labels.tasksSheet, labels.methodSheet,
            ])
    }

    @Test("the register's header row is exactly the contract's", arguments: Language.allCases)
    func headerRow(language: Language) throws {
        let (_, report) = try Self.written(language)
        let sheet = try report.sheet(RegisterLabels(language, areas: try AnalysisFixture.areaNames()).registerSheet)
        let expected =
            language == .sv
            ? [
                "Leverantör", "Org.nr", "Land", "Kategori", "Spend", "Andel av spend", "Mänskliga rättigheter",
                "Arbetares rättigheter", "Miljöskydd", "Anti-korruption", "Sammanlagd risk", "Prioritet",
                "Motivering", "Uppgifter", "Uppföljning", "Leverantörsnr", "Rekommenderade villkor", "Avtal",
            ]
            : [
                "Supplier", "Org. number", "Country", "Category", "Spend", "Share of spend", "Human rights",
                "Labour rights", "Environment", "Anti-corruption", "Overall risk", "Priority", "Reason", "Tasks",
                "Follow-up", "Supplier no.", "Recommended conditions", "Contract",
            ]
        #expect(sheet.cells[0].map(\.v) == expected.map(ProbeValue.string))
        #expect(sheet.cells[0].allSatisfy { $0.bold == true })
        #expect(sheet.freezePanes == "B2")
        #expect(sheet.autoFilter == "A1:R5")
    }

    @Test("spend cells are numbers in kronor that add up to the exact total, to the öre")
    func spendAddsUpToTotal() throws {
        let (_, report) = try Self.written(.sv)
        let sheet = try report.sheet("Riskregister")
        let spendCells = sheet.cells.dropFirst().map { $0[RegisterColumn.spend.index] }
        #expect(spendCells.count == AnalysisFixture.rows.count)
        var sum = 0.0
        for cell in spendCells {
            #expect(cell.t == "n")
            #expect(cell.fmt == "#,##0.00 \"kr\"")
            guard case .number(let value) = cell.v else {
                Issue.record("spend cell \(cell.v) is not a number")
                continue
            }
            sum += value
        }
        #expect(Int128((sum * 100).rounded()) == AnalysisFixture.total.micros / 10_000)
    }

    @Test("share of spend is a number shown as a percentage")
    func shareIsPercent() throws {
        let (_, report) = try Self.written(.en)
        let sheet = try report.sheet("Risk register")
        let textiles = try sheet.cell(1, RegisterColumn.share.index)
        #expect(textiles.t == "n")
        #expect(textiles.fmt == "0.0%")
        #expect(textiles.v == .number(AnalysisFixture.textilesSpend.fraction(of: AnalysisFixture.total)))
    }

    @Test("risk cells hold the level labels and are coloured by conditional formats", arguments: Language.allCases)
    func riskCells(language: Language) throws {
        let (_, report) = try Self.written(language)
        let sheet = try report.sheet(RegisterLabels(language, areas: try AnalysisFixture.areaNames()).registerSheet)
        let textilesLevels = sheet.cells[1][RegisterColumn.levelColumns]
        #expect(
            textilesLevels.map(\.v)
                == Array(repeating: .string(RiskLevel.high.label(language)), count: RiskArea.allCases.count + 1))
        let unknown = try sheet.cell(3, RegisterColumn.overall.index)
        #expect(unknown.v == .string(RiskLevel.unknown.label(language)))

        let riskFormats = sheet.conditionalFormats.filter { $0.range == "G2:K5" }
        let texts = Set(riskFormats.flatMap(\.rules).flatMap(\.formula))
        for level in RiskLevel.allCases {
            #expect(texts.contains("\"\(level.label(language))\""), "no rule colours \(level.label(language))")
        }
        let highRule = riskFormats.flatMap(\.rules).first { $0.formula == ["\"\(RiskLevel.high.label(language))\""] }
        #expect(highRule?.fill == "FFFFC7CE")
    }

    @Test("tasks and follow-up read as the purchasing model's steps")
    func tasksAndFollowUp() throws {
        let (_, report) = try Self.written(.sv)
        let sheet = try report.sheet("Riskregister")
        #expect(
            try sheet.cell(1, RegisterColumn.tasks.index).v
                == .string("T2 O1 O2 O3"), "task ids; the tasks sheet says what they are")
        let legend = try report.sheet("Uppgifter")
        #expect(legend.cells[1].map(\.v).first == .string("T2"))
        #expect(legend.cells.dropFirst().contains { $0.last?.v == .string("Riskanalys av kedjan") })
        #expect(
            try sheet.cell(1, RegisterColumn.followUp.index).v
                == .string("Självskattning → Kontorsrevision → Revision på plats"))
        #expect(try sheet.cell(1, RegisterColumn.reason.index).wrap == true)
        #expect(try sheet.cell(3, RegisterColumn.country.index).v == .string("(okänt land)"))
        #expect(try sheet.cell(3, RegisterColumn.category.index).v == .string("(ej klassificerad)"))
    }

    @Test("the summary states the exact total and that the register reconciles")
    func summary() throws {
        let (_, report) = try Self.written(.en)
        let sheet = try report.sheet("Summary")
        let rows = sheet.cells.filter { $0.first?.t == "s" }
        func value(_ label: String) throws -> ProbeValue {
            let row = try #require(rows.first { $0.first?.v == .string(label) }, "no key figure '\(label)'")
            return row[1].v
        }
        #expect(try value("Total spend") == .number(AnalysisFixture.total.doubleValue))
        #expect(try value("Spend in the risk register's rows") == .number(AnalysisFixture.total.doubleValue))
        #expect(try value("Rejected records") == .number(2))
        #expect(try value("Every record accounted for (read = accepted + rejected)") == .string("Yes"))
        #expect(try value("Rows with priority 1") == .number(1))
        #expect(try value("Spend at high risk: Environment") == .number(AnalysisFixture.textilesSpend.doubleValue))
    }

    @Test("the heat map shows per category the highest level, coloured")
    func heatMap() throws {
        let (_, report) = try Self.written(.en)
        let sheet = try report.sheet("Heat map")
        let categories = sheet.cells.dropFirst().prefix(4).map { $0[0].v }
        #expect(
            categories == [
                .string("Clothing, footwear and textiles"), .string("Coffee, tea and cocoa"),
                .string("Consultancy services"), .string("(unclassified)"),
            ])
        #expect(try sheet.cell(2, 8).v == .string("Medium"))
        #expect(try sheet.cell(2, 2).t == "n")
        #expect(sheet.conditionalFormats.contains { $0.range == "G2:K5" })
    }

    @Test("the method sheet lists the rule tables with source and year")
    func methodSources() throws {
        let (_, report) = try Self.written(.sv)
        let sheet = try report.sheet("Metod")
        let sourceRow = try #require(sheet.cells.first { $0.first?.v == .string("categories.csv") })
        #expect(sourceRow[1].v == .string("Upphandlingsmyndigheten, riskanalyser för högriskkategorier"))
        #expect(sourceRow[2].v == .string("2019"))
        #expect(sheet.cells.contains { $0.first?.v == .string("Miljöskydd") })
    }

    @Test("the rejected sheet lists record, line and reason of every reject")
    func rejects() throws {
        let (_, report) = try Self.written(.en)
        let sheet = try report.sheet("Rejected")
        #expect(sheet.cells[0].map(\.v) == [.string("Record"), .string("Line"), .string("Reason")])
        #expect(sheet.cells[1].map(\.v) == [.number(8), .number(10), .string("amount 'n/a' is not a number")])
        #expect(sheet.cells.count == 1 + AnalysisFixture.rejects.count)
    }

    @Test("a register longer than a sheet continues on numbered sheets with their own header")
    func spill() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("register.xlsx")
        try RegisterWorkbook.write(try AnalysisFixture.result(.sv), to: path, rowsPerSheet: 3)
        let report = try XlsxProbe.read(path)
        #expect(
            report.sheets.map(\.name) == [
                "Sammanfattning", "Riskregister", "Riskregister (2)", "Riskkarta", "Kategorier", "Uppgifter", "Metod",
                "Avvisade",
            ])
        let first = try report.sheet("Riskregister")
        let second = try report.sheet("Riskregister (2)")
        #expect(first.cells.count == 4)
        #expect(second.cells.count == 2)
        #expect(second.cells[0].map(\.v) == first.cells[0].map(\.v))
        #expect(second.cells[1][0].v == .string("Konsultbolaget i Norden AB"))
        #expect(second.freezePanes == "B2")
        #expect(second.conditionalFormats.contains { $0.range == "G2:K2" })
    }

    @Test("a reason longer than a cell holds is cut with a marker and counted, and the register is written")
    func tooLongReason() throws {
        var result = try AnalysisFixture.result(.sv)
        result.rows[0].reason = String(repeating: "x", count: ExcelLimits.cellTextLength + 1)
        let folder = try TemporaryFolder()
        let path = folder.path("register.xlsx")
        let repairs = try RegisterWorkbook.write(result, to: path)
        #expect(repairs.cutTexts == 1)
        #expect(repairs.replacedCharacters == 0)
        #expect(try XlsxProbe.malformedParts(path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["register.xlsx"])
    }

    @Test("a killed run's temporary workbook is named like any output's, so the next run removes it")
    func abandonedTemporaryWorkbookRemoved() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("register.xlsx")
        // What a run killed while saving leaves: the temporary file beside the destination, no longer locked.
        let abandoned = folder.path(".register.xlsx.kedja-4194303-Ab12Cd")
        FileManager.default.createFile(atPath: abandoned, contents: Data("PK".utf8))
        try RegisterWorkbook.write(try AnalysisFixture.result(.sv), to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["register.xlsx"])
    }

    @Test("a missing folder is reported with the workbook's path")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("no-such-folder/register.xlsx")
        let error = try #require(throws: OutputError.self) {
            try RegisterWorkbook.write(try AnalysisFixture.result(.sv), to: path)
        }
        #expect(error.path == path)
        #expect(error.reason.contains("does not exist"))
    }

    @Test("two writes of the same analysis give identical bytes")
    func reproducible() throws {
        let folder = try TemporaryFolder()
        let result = try AnalysisFixture.result(.sv)
        try RegisterWorkbook.write(result, to: folder.path("first.xlsx"))
        try RegisterWorkbook.write(result, to: folder.path("second.xlsx"))
        let first = try Data(contentsOf: folder.url.appendingPathComponent("first.xlsx"))
        let second = try Data(contentsOf: folder.url.appendingPathComponent("second.xlsx"))
        #expect(first == second)
    }
}
