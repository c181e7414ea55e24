import Foundation
import KedjaTestSupport
import Testing

private let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// The follow-up round trip: `kedja questionnaires` writes a self-assessment workbook per supplier from a plan,
/// suppliers fill them in (openpyxl here), and `kedja followup` reads them back into the plan.
@Suite struct FollowUpEndToEndTests {
    /// Four goods suppliers with a self-assessment each, and a builder (labour-conditions track, no self-assessment
    /// without a contract): the contracts suite's ledger.
    static let ledger = ContractsEndToEndTests.ledger

    /// Fills a questionnaire with openpyxl: `yes` answers every question Yes, `one-no` answers the first No (with a
    /// comment) and the rest Yes, `half` answers only the first half; saved under a new name.
    static let fill = """
        import sys
        import openpyxl
        source, mode, target = sys.argv[1:4]
        book = openpyxl.load_workbook(source)
        sheet = book["Questionnaire"]
        rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value]
        for n, r in enumerate(rows):
            if mode == "half" and n >= len(rows) // 2:
                continue
            answer = "Yes"
            if mode == "one-no" and n == 0:
                answer = "No"
                sheet.cell(r, 4).value = "Inget skriftligt åtagande ännu"
            sheet.cell(r, 3).value = answer
            sheet.cell(r, 5).value = "policy.pdf"
        book.save(target)
        """

    /// Every sheet of a workbook, cell values as text (dates as YYYY-MM-DD), with each sheet's state.
    static let dump = """
        import datetime, json, sys
        import openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        def cell(v):
            if isinstance(v, datetime.datetime):
                return v.strftime("%Y-%m-%d")
            return v
        out = {}
        for sheet in book.worksheets:
            rows = [[cell(v) for v in r] for r in sheet.iter_rows(values_only=True)]
            while rows and all(v is None for v in rows[-1]):
                rows.pop()
            out[sheet.title] = {"state": sheet.sheet_state, "protected": bool(sheet.protection.sheet), "rows": rows}
        print(json.dumps(out, sort_keys=True))
        """

    /// The Answer cells' lock state and drop-down of a questionnaire's sheet.
    static let inspect = """
        import json, sys
        import openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        sheet = book["Questionnaire"]
        rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value]
        lists = [v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"]
        print(json.dumps({
            "unlocked": sorted({c for r in rows for c in range(1, 6) if not sheet.cell(r, c).protection.locked}),
            "lists": lists,
        }))
        """

    struct Round {
        let folder: URL
        let plan: String
        let questionnaires: [[String: Any]]
        func path(_ supplier: String) -> String {
            questionnaires.first { $0["supplier"] as? String == supplier }?["path"] as? String ?? ""
        }
    }

    static func sheets(_ path: String) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(try Kedja.python(dump, [path]).utf8))
        return json as? [String: Any] ?? [:]
    }

    static func rows(_ path: String, _ sheet: String) throws -> [[String: Any]] {
        let book = try sheets(path)
        let rows = (book[sheet] as? [String: Any])?["rows"] as? [[Any]] ?? []
        guard let header = rows.first?.map({ "\($0)" }) else { return [] }
        return rows.dropFirst().map { row in
            Dictionary(zip(header, row).filter { !($0.1 is NSNull) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A plan of the ledger starting `start`, and its questionnaires in `questionnaires/`.
    static func plan(in folder: URL, start: String, name: String) throws -> Round {
        let ledger = folder.appendingPathComponent("reskontra.csv")
        if !FileManager.default.fileExists(atPath: ledger.path) { try Data(Self.ledger.utf8).write(to: ledger) }
        let plan = folder.appendingPathComponent("\(name).xlsx").path
        let made = try Kedja.run([
            "plan", ledger.path, "--start", start, "--lang", "en", "-o", plan, "--quiet",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let out = folder.appendingPathComponent("\(name)-questionnaires").path
        let written = try Kedja.run(["questionnaires", plan, "--out-dir", out, "--lang", "en", "--json"])
        #expect(written.status == 0, "\(written.stderr)")
        let json = try written.json()
        return Round(folder: folder, plan: plan, questionnaires: json["questionnaires"] as? [[String: Any]] ?? [])
    }

    @Test func questionnairesGoToSuppliersWithAPlannedSelfAssessmentAndOnlyAnswersCanBeEdited() throws {
        let folder = try Kedja.temporaryDirectory()
        let round = try Self.plan(in: folder, start: "2026-01-01", name: "plan")
        let suppliers = Set(round.questionnaires.compactMap { $0["supplier"] as? String })
        #expect(suppliers.isSuperset(of: ["Textil AB", "Solkraft AB", "Datorer AB", "Kläder AB"]), "\(suppliers)")
        let book = try Self.sheets(round.path("Textil AB"))
        #expect(Set(book.keys) == ["Instructions", "Questionnaire", "Kedja"])
        let keys = try #require(book["Kedja"] as? [String: Any])
        #expect(keys["state"] as? String == "hidden")
        let questionnaire = try #require(book["Questionnaire"] as? [String: Any])
        #expect(questionnaire["protected"] as? Bool == true)
        let rows = questionnaire["rows"] as? [[Any]] ?? []
        #expect(rows.first?.compactMap { $0 as? String } == ["Id", "Question", "Answer", "Comment", "Evidence"])
        let ids = rows.dropFirst().compactMap { $0.first as? String }
        #expect(ids.contains("L1") && ids.contains("R1"), "advanced conditions ask the routine requirements: \(ids)")
        let instructions = try #require(book["Instructions"] as? [String: Any])
        let text = "\(instructions["rows"] ?? "")"
        #expect(text.contains("Textil AB") && text.contains("556100-0018") && text.contains("2026-01-31"), "\(text)")
        let inspected =
            try JSONSerialization.jsonObject(
                with: Data(try Kedja.python(Self.inspect, [round.path("Textil AB")]).utf8)) as? [String: Any]
        #expect(inspected?["unlocked"] as? [Int] == [3, 4, 5])
        #expect(
            (inspected?["lists"] as? [String])?.first == "\"Yes,Partly,No,Not applicable\"",
            "\(inspected ?? [:])")
    }

    @Test func followupUpdatesStatusesListsDeviationsAndChangesNothingTheSecondTime() throws {
        let folder = try Kedja.temporaryDirectory()
        let round = try Self.plan(in: folder, start: "2026-01-01", name: "plan")
        let other = try Self.plan(in: folder, start: "2026-04-01", name: "other")
        let answers = folder.appendingPathComponent("svar")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        for (supplier, mode, name) in [
            ("Textil AB", "yes", "textil-svar.xlsx"), ("Solkraft AB", "one-no", "solkraft.xlsx"),
            ("Datorer AB", "half", "datorer.xlsx"),
        ] {
            _ = try Kedja.python(Self.fill, [round.path(supplier), mode, answers.appendingPathComponent(name).path])
        }
        let stray = folder.appendingPathComponent("fel-plan.xlsx").path
        _ = try Kedja.python(Self.fill, [other.path("Textil AB"), "yes", stray])

        let newPlan = folder.appendingPathComponent("plan-2.xlsx").path
        let run = try Kedja.run([
            "followup", round.plan, answers.path, stray, "-o", newPlan, "--lang", "en", "--json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json()
        #expect(json["questionnaires_read"] as? Int == 4)
        #expect(json["matched"] as? Int == 3)
        let rejected = json["rejected"] as? [[String: Any]] ?? []
        #expect(rejected.count == 1 && rejected.first?["code"] as? String == "other_plan", "\(rejected)")
        #expect(rejected.first?["path"] as? String == stray)
        #expect(json["deviations"] as? Int == 1)
        #expect(json["steps_planned"] as? Int == 1)
        let reminders = (json["not_returned"] as? [[String: Any]] ?? []).compactMap { $0["supplier"] as? String }
        #expect(reminders.contains("Kläder AB"), "\(reminders)")
        #expect(!reminders.contains { ["Textil AB", "Solkraft AB", "Datorer AB"].contains($0) }, "\(reminders)")

        let plan = try Self.rows(newPlan, "Follow-up plan")
        func status(_ supplier: String, _ task: String) -> String? {
            plan.first { $0["Supplier"] as? String == supplier && $0["Task"] as? String == task }?["Status"] as? String
        }
        #expect(status("Textil AB", "O1") == "Done")
        #expect(status("Solkraft AB", "O1") == "Deviation")
        #expect(status("Solkraft AB", "O2") == "Planned")
        #expect(status("Datorer AB", "O1") == "In progress")
        #expect(status("Datorer AB", "O2") == "Conditional")
        #expect(status("Kläder AB", "O1") == "Planned")
        let datorer = plan.first { $0["Supplier"] as? String == "Datorer AB" && $0["Task"] as? String == "O1" }
        #expect((datorer?["Comment"] as? String ?? "").contains("unanswered"), "\(datorer ?? [:])")

        let deviations = try Self.rows(newPlan, "Deviations")
        #expect(deviations.count == 1, "\(deviations)")
        let deviation = try #require(deviations.first)
        #expect(deviation["Supplier"] as? String == "Solkraft AB")
        #expect(deviation["Answer"] as? String == "No")
        #expect(deviation["Comment"] as? String == "Inget skriftligt åtagande ännu")
        #expect(deviation["Deadline"] as? String == "2026-05-01", "\(deviation)")

        // The same answers again, on the plan followup wrote and on the original: nothing changes.
        let again = folder.appendingPathComponent("plan-3.xlsx").path
        let second = try Kedja.run(["followup", newPlan, answers.path, "-o", again, "--quiet"])
        #expect(second.status == 0, "\(second.stderr)")
        let first = try Self.sheets(newPlan)
        let repeated = try Self.sheets(again)
        #expect(NSDictionary(dictionary: first).isEqual(to: repeated), "a second round changed the plan")
        let fromOriginal = folder.appendingPathComponent("plan-4.xlsx").path
        #expect(try Kedja.run(["followup", round.plan, answers.path, "-o", fromOriginal, "--quiet"]).status == 0)
        #expect(NSDictionary(dictionary: first).isEqual(to: try Self.sheets(fromOriginal)))
    }

    /// A plan starting 2026-01-01 whose Solkraft AB answered one question No, followed up into `plan-2.xlsx`.
    static func followedUpWithOneDeviation() throws -> (folder: URL, plan: String) {
        let folder = try Kedja.temporaryDirectory()
        let round = try plan(in: folder, start: "2026-01-01", name: "plan")
        let answered = folder.appendingPathComponent("svar.xlsx").path
        _ = try Kedja.python(fill, [round.path("Solkraft AB"), "one-no", answered])
        let followed = folder.appendingPathComponent("plan-2.xlsx").path
        #expect(try Kedja.run(["followup", round.plan, answered, "-o", followed, "--quiet"]).status == 0)
        return (folder, followed)
    }

    /// A works contract with collective-agreement conditions: the check of them is planned, its questionnaire asks
    /// the labour-law questions with the documents that show them, and a No plans the corrective action plan.
    @Test func theCheckOfLabourLawConditionsIsAQuestionnaireToo() throws {
        let folder = try Kedja.temporaryDirectory()
        let contracts = folder.appendingPathComponent("avtal.csv")
        try Data(
            """
            Avtalsnummer;Leverantör;Organisationsnummer;Kategori;Startdatum;Slutdatum;Villkorsnivå;Uppförandekod
            A-4;Bygg AB;556400-0049;45000000;2024-07-01;2029-06-30;kollektivavtal;ja

            """.utf8
        ).write(to: contracts)
        let ledger = folder.appendingPathComponent("reskontra.csv")
        try Data(Self.ledger.utf8).write(to: ledger)
        let plan = folder.appendingPathComponent("plan.xlsx").path
        let made = try Kedja.run([
            "plan", ledger.path, "--contracts", contracts.path, "--start", "2026-01-01", "--lang", "en", "-o", plan,
            "--quiet",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let out = folder.appendingPathComponent("questionnaires").path
        let written = try Kedja.run(["questionnaires", plan, "--out-dir", out, "--lang", "en", "--json"])
        let entries = try written.json()["questionnaires"] as? [[String: Any]] ?? []
        let builder = try #require(entries.first { $0["supplier"] as? String == "Bygg AB" })
        let path = try #require(builder["path"] as? String)
        let questions = try Self.rows(path, "Questionnaire").compactMap { $0["Id"] as? String }
        #expect(questions == ["K1", "K2", "K3", "K4", "K5"], "\(questions)")
        let instructions = try Self.rows(path, "Instructions")
        #expect("\(instructions)".contains("labour-law conditions"), "\(instructions)")

        let answered = folder.appendingPathComponent("svar.xlsx").path
        _ = try Kedja.python(Self.fill, [path, "one-no", answered])
        let followed = folder.appendingPathComponent("plan-2.xlsx").path
        #expect(try Kedja.run(["followup", plan, answered, "-o", followed, "--quiet"]).status == 0)
        let steps = try Self.rows(followed, "Follow-up plan").filter { $0["Supplier"] as? String == "Bygg AB" }
        let status = Dictionary(
            steps.map { ("\($0["Task"] ?? "")", "\($0["Status"] ?? "")") }, uniquingKeysWith: { first, _ in first })
        #expect(status == ["T4": "Covered", "O2": "Deviation", "O4": "Planned", "O5": "Conditional"], "\(status)")
        #expect(try Self.rows(followed, "Deviations").first?["Id"] as? String == "K1")
        let check = try #require(steps.first { $0["Task"] as? String == "O2" })
        #expect((check["Comment"] as? String ?? "").hasPrefix("Check of the conditions answered: 1 deviation"))
    }

    /// The days a round gives come from settings.csv: the corrective-action deadline and a planned step's due date.
    @Test func theRoundsDaysComeFromTheSettings() throws {
        let folder = try Kedja.temporaryDirectory()
        let round = try Self.plan(in: folder, start: "2026-01-01", name: "plan")
        let answered = folder.appendingPathComponent("svar.xlsx").path
        _ = try Kedja.python(Self.fill, [round.path("Solkraft AB"), "one-no", answered])
        let rules = folder.appendingPathComponent("regler")
        #expect(try Kedja.run(["templates", "export", rules.path]).status == 0)
        let settings = rules.appendingPathComponent("settings.csv")
        let text = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: "corrective_action_days;90;", with: "corrective_action_days;30;")
        try Data(text.utf8).write(to: settings)
        let followed = folder.appendingPathComponent("plan-2.xlsx").path
        let run = try Kedja.run([
            "followup", round.plan, answered, "-o", followed, "--templates", rules.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let deviations = try Self.rows(followed, "Deviations")
        // Returned by 2026-01-31: 30 days later, not 90.
        #expect(deviations.first?["Deadline"] as? String == "2026-03-02", "\(deviations)")
    }

    /// A Deviations sheet whose Supplier header was renamed is refused, naming the sheet, rather than its rows
    /// being dropped from next period's plan.
    @Test func aDeviationsSheetWithoutItsSupplierColumnIsRefused() throws {
        let (folder, followed) = try Self.followedUpWithOneDeviation()
        _ = try Kedja.python(
            """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            book["Deviations"].cell(1, 1).value = "Företag"
            book.save(sys.argv[1])
            """, [followed])
        let next = folder.appendingPathComponent("plan-2027.xlsx").path
        let made = try Kedja.run([
            "plan", folder.appendingPathComponent("reskontra.csv").path, "--start", "2027-01-01", "--previous",
            followed, "-o", next, "--lang", "en",
        ])
        #expect(made.status == 65, "\(made.stderr)")
        #expect(
            made.stderr.contains("sheet 'Deviations': row 1 has no 'Leverantör' or 'Supplier' column"), "\(made.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: next))
    }

    /// The plan followup writes prints like the plan it read: wrapped texts with the rows their height, and the guide
    /// and task legend on A4 landscape pages one page wide with the plan's title.
    @Test func theFollowedUpPlanPrintsLikeThePlan() throws {
        let (_, followed) = try Self.followedUpWithOneDeviation()
        let report = try XlsxProbe.read(followed)
        let plan = try report.sheet("Follow-up plan")
        #expect(!plan.rowHeights.isEmpty, "wrapped comments get their height")
        #expect(plan.cells.dropFirst().contains { $0.count > 8 && $0[8].wrap == true }, "the comments wrap")
        for name in ["Guide", "Tasks"] {
            let sheet = try report.sheet(name)
            #expect(sheet.print.orientation == "landscape", "\(name)")
            #expect(sheet.print.fitToWidth == 1, "\(name)")
            #expect(sheet.print.header?.contains("Follow-up plan") == true, "\(name)")
            #expect(sheet.columnWidths.allSatisfy { $0.width < 52 }, "\(name): \(sheet.columnWidths)")
        }
        #expect(try report.sheet("Guide").rowHeights.count > 3, "the guide's long texts wrap onto more lines")
    }

    /// Next period's plan made from a followed-up plan keeps the Deviations sheet and the step the round planned.
    @Test func nextPeriodsPlanKeepsTheDeviationsAndThePlannedStep() throws {
        let (folder, followed) = try Self.followedUpWithOneDeviation()
        let ledger = folder.appendingPathComponent("reskontra.csv").path
        let next = folder.appendingPathComponent("plan-2027.xlsx").path
        let made = try Kedja.run([
            "plan", ledger, "--start", "2027-01-01", "--previous", followed, "-o", next, "--quiet",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let deviations = try Self.rows(next, "Avvikelser")
        #expect(deviations.count == 1)
        #expect(deviations.first?["Leverantör"] as? String == "Solkraft AB")
        #expect(deviations.first?["Svar"] as? String == "Nej", "the answer in the new plan's language")
        #expect(deviations.first?["Kommentar"] as? String == "Inget skriftligt åtagande ännu")
        let steps = try Self.rows(next, "Uppföljningsplan").filter { $0["Leverantör"] as? String == "Solkraft AB" }
        let status = Dictionary(
            steps.map { ("\($0["Uppgift"] ?? "")", "\($0["Status"] ?? "")") }, uniquingKeysWith: { first, _ in first })
        #expect(status["O1"] == "Avvikelse", "\(status)")
        #expect(status["O2"] == "Planerad", "the round planned the desk audit: \(status)")
        #expect(status["O3"] == "Villkorad", "\(status)")
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed"))
    func aQuestionnaireResavedByLibreOfficeStillMatches() throws {
        let folder = try Kedja.temporaryDirectory()
        let round = try Self.plan(in: folder, start: "2026-01-01", name: "plan")
        let filled = folder.appendingPathComponent("ifylld.xlsx")
        _ = try Kedja.python(Self.fill, [round.path("Solkraft AB"), "one-no", filled.path])
        let out = folder.appendingPathComponent("libreoffice")
        let convert = try ChildProcess.run(
            try #require(soffice),
            arguments: [
                "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless",
                "--convert-to", "xlsx", "--outdir", out.path, filled.path,
            ])
        #expect(convert.status == 0, "\(convert.stderr)")
        let resaved = out.appendingPathComponent("ifylld.xlsx").path
        let newPlan = folder.appendingPathComponent("plan-2.xlsx").path
        let run = try Kedja.run(["followup", round.plan, resaved, "-o", newPlan, "--lang", "en", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json()
        #expect(json["matched"] as? Int == 1, "\(json)")
        #expect(json["deviations"] as? Int == 1)
        // The questionnaire as written and the plan followup wrote open in LibreOffice too.
        for workbook in [round.path("Solkraft AB"), newPlan] {
            let opened = try ChildProcess.run(
                try #require(soffice),
                arguments: [
                    "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless",
                    "--convert-to", "csv", "--outdir", folder.appendingPathComponent("csv").path, workbook,
                ])
            #expect(opened.status == 0, "\(opened.stderr)")
        }
        let csvs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csv").path)
        #expect(csvs.count == 2, "\(csvs)")
    }

    @Test func aWorkbookThatIsNoQuestionnaireIsRejectedWithItsReason() throws {
        let folder = try Kedja.temporaryDirectory()
        let round = try Self.plan(in: folder, start: "2026-01-01", name: "plan")
        let newPlan = folder.appendingPathComponent("plan-2.xlsx").path
        let run = try Kedja.run(["followup", round.plan, round.plan, "-o", newPlan])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("avvisad") && run.stderr.contains("bladet Kedja saknas"), "\(run.stderr)")
        let plan = try Self.rows(newPlan, "Follow-up plan")
        #expect(plan.filter { $0["Task"] as? String == "O1" }.allSatisfy { $0["Status"] as? String == "Planned" })
    }

    @Test func swedishQuestionnairesReadAnswersInEitherLanguageAndAnyCase() throws {
        let folder = try Kedja.temporaryDirectory()
        let ledger = folder.appendingPathComponent("reskontra.csv")
        try Data(Self.ledger.utf8).write(to: ledger)
        let plan = folder.appendingPathComponent("plan.xlsx").path
        #expect(try Kedja.run(["plan", ledger.path, "--start", "2026-01-01", "-o", plan, "--quiet"]).status == 0)
        let out = folder.appendingPathComponent("utskick").path
        let written = try Kedja.run(["questionnaires", plan, "--out-dir", out, "--json"])
        #expect(written.status == 0, "\(written.stderr)")
        let questionnaires = try written.json()["questionnaires"] as? [[String: Any]] ?? []
        let textil = try #require(
            questionnaires.first { $0["supplier"] as? String == "Textil AB" }?["path"] as? String)
        #expect(textil.hasSuffix("Självskattning - Textil AB.xlsx"))
        let answered = folder.appendingPathComponent("svar.xlsx").path
        _ = try Kedja.python(
            """
            import sys
            import openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Självskattning"]
            assert [c.value for c in sheet[1]] == ["Id", "Fråga", "Svar", "Kommentar", "Underlag"]
            words = ["ja", "JA", "Yes", "ej tillämpligt", "Not applicable"]
            for n, r in enumerate(range(2, sheet.max_row + 1)):
                sheet.cell(r, 3).value = words[n % len(words)]
            book.save(sys.argv[2])
            """, [textil, answered])
        let newPlan = folder.appendingPathComponent("plan-2.xlsx").path
        let run = try Kedja.run(["followup", plan, answered, "-o", newPlan])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 matchade") && run.stderr.contains("1 klara"), "\(run.stderr)")
        let rows = try Self.rows(newPlan, "Uppföljningsplan")
        let status = rows.first { $0["Leverantör"] as? String == "Textil AB" && $0["Uppgift"] as? String == "O1" }
        #expect(status?["Status"] as? String == "Klar", "\(status ?? [:])")
        #expect(try Self.rows(newPlan, "Avvikelser").isEmpty)
    }
}
