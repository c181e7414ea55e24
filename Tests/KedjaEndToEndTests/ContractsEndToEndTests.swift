import Foundation
import Testing

/// `--contracts` and `--audits` on a small ledger: one follow-up per supplier, conditional later steps, audit capacity
/// per year, coverage by a recent joint audit (and not by an old one), a contract ending within the year, and
/// condition gaps listed to fix at the next procurement.
@Suite struct ContractsEndToEndTests {
    /// Five suppliers, all priority 1: a textile supplier that also sells electronics (two categories), a solar
    /// supplier with a recent joint on-site audit, an electronics supplier with a four-year-old one, a builder whose
    /// contract ends six months into the plan, and a clothing supplier whose contract lacks the code of conduct.
    static let ledger = """
        Leverantörsnummer;Leverantörsnamn;Organisationsnummer;CPV-kod;Beskrivning;Belopp;Fakturadatum
        101;Textil AB;556100-0018;18100000;Arbetskläder;1000000,00;2025-03-01
        101;Textil AB;556100-0018;30200000;Surfplattor;800000,00;2025-03-02
        102;Solkraft AB;556200-0025;09331200;Solpaneler;900000,00;2025-04-01
        103;Datorer AB;556300-0032;30200000;Datorer;700000,00;2025-05-01
        104;Bygg AB;556400-0049;45000000;Ombyggnad skola;600000,00;2025-06-01
        105;Kläder AB;556500-0055;18100000;Kläder;550000,00;2025-07-01

        """

    /// A contract for all of Textil AB's categories with basic conditions only (a gap: advanced is recommended), the
    /// builder's contract ending 2026-06-30, the clothing supplier's without code of conduct, and a broken row.
    static let contracts = """
        Avtalsnummer;Leverantör;Organisationsnummer;Kategori;Startdatum;Slutdatum;Villkorsnivå;Uppförandekod
        A-1;Textil AB;556100-0018;;2024-01-01;2030-12-31;bas;ja
        A-4;Bygg AB;556400-0049;45000000;2023-07-01;2026-06-30;kollektivavtal;ja
        A-5;Kläder AB;;18100000;2025-01-01;2029-12-31;avancerad;nej
        A-9;Okänd AB;;;2025-01-01;snart;bas;ja

        """

    /// A joint on-site audit of Solkraft AB ten months before the plan, and one of Datorer AB four years before it.
    static let audits = """
        Leverantör;Org.nr;Datum;Typ;Resultat;Källa
        Solkraft AB;556200-0025;2025-03-10;revision på plats;inga avvikelser;Regionernas gemensamma uppföljning
        Datorer AB;556300-0032;2021-11-15;on-site audit;2 avvikelser, åtgärdade;amfori BSCI

        """

    /// Reads a sheet with openpyxl into a list of {header: value} rows (dates as YYYY-MM-DD).
    static let readSheet = """
        import datetime, json, sys
        import openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        sheet = book[sys.argv[2]]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        def cell(v):
            return v.strftime("%Y-%m-%d") if isinstance(v, datetime.datetime) else v
        print(json.dumps({"sheets": book.sheetnames,
                          "rows": [{h: cell(v) for h, v in zip(header, r) if h} for r in rows[1:]]}))
        """

    struct Files {
        let folder: URL
        var ledger: String { folder.appendingPathComponent("reskontra.csv").path }
        var contracts: String { folder.appendingPathComponent("avtal.csv").path }
        var audits: String { folder.appendingPathComponent("revisioner.csv").path }
        var templates: String { folder.appendingPathComponent("regler").path }
    }

    /// Writes the ledger, contracts and audits, and a rule set with one on-site audit a year.
    static func files() throws -> Files {
        let files = Files(folder: try Kedja.temporaryDirectory())
        try Data(ledger.utf8).write(to: URL(fileURLWithPath: files.ledger))
        try Data(contracts.utf8).write(to: URL(fileURLWithPath: files.contracts))
        try Data(audits.utf8).write(to: URL(fileURLWithPath: files.audits))
        #expect(try Kedja.run(["templates", "export", files.templates]).status == 0)
        let settings = URL(fileURLWithPath: files.templates).appendingPathComponent("settings.csv")
        var text = try String(contentsOf: settings, encoding: .utf8)
        text = text.replacingOccurrences(of: "onsite_audits_per_year;4;", with: "onsite_audits_per_year;1;")
        try Data(text.utf8).write(to: settings)
        return files
    }

    static func sheet(_ path: String, _ name: String) throws -> (sheets: [String], rows: [[String: Any]]) {
        let json = try JSONSerialization.jsonObject(with: Data(try Kedja.python(readSheet, [path, name]).utf8))
        let object = json as? [String: Any] ?? [:]
        return (object["sheets"] as? [String] ?? [], object["rows"] as? [[String: Any]] ?? [])
    }

    /// Makes the plan in English with contracts, audits and one on-site audit a year, starting 2026-01-01.
    static func plan() throws -> (files: Files, rows: [[String: Any]], sheets: [String], json: [String: Any]) {
        let files = try files()
        let output = files.folder.appendingPathComponent("plan.xlsx").path
        let run = try Kedja.run([
            "plan", files.ledger, "--contracts", files.contracts, "--audits", files.audits, "--templates",
            files.templates, "--start", "2026-01-01", "--lang", "en", "-o", output, "--json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let (sheets, rows) = try sheet(output, "Follow-up plan")
        return (files, rows, sheets, try run.json())
    }

    static func rows(_ rows: [[String: Any]], supplier: String) -> [[String: Any]] {
        rows.filter { $0["Supplier"] as? String == supplier }
    }

    @Test func oneSelfAssessmentPerSupplierCoversAllItsCategories() throws {
        let (_, rows, _, _) = try Self.plan()
        let textile = Self.rows(rows, supplier: "Textil AB")
        #expect(textile.filter { $0["Task"] as? String == "O1" }.count == 1)
        let category = try #require(textile.first?["Category"] as? String)
        #expect(category.contains("Textiles") && category.contains("Electronics"), "\(category)")
        for supplier in ["Textil AB", "Solkraft AB", "Datorer AB", "Kläder AB"] {
            #expect(
                Self.rows(rows, supplier: supplier).filter { $0["Task"] as? String == "O1" }.count == 1, "\(supplier)")
        }
    }

    @Test func onlyTheFirstStepIsPlannedAndLaterOnesSayWhatTheyWaitOn() throws {
        let (_, rows, _, _) = try Self.plan()
        let textile = Self.rows(rows, supplier: "Textil AB").sorted {
            ($0["Due"] as? String ?? "") < ($1["Due"] as? String ?? "")
        }
        #expect(
            textile.map { $0["Status"] as? String } == ["Planned"]
                + Array(repeating: "Conditional", count: textile.count - 1))
        let desk = try #require(textile.first { $0["Task"] as? String == "O2" })
        #expect((desk["Comment"] as? String ?? "").contains("only if the self-assessment shows deviations"))
        #expect(
            textile.allSatisfy { $0["Contract"] as? String == "A-1" && $0["Contract end"] as? String == "2030-12-31" })
        #expect(textile.allSatisfy { $0["Condition"] as? String == "Advanced" })
    }

    @Test func onsiteAuditsStayWithinTheCapacityPerYear() throws {
        let (_, rows, sheets, _) = try Self.plan()
        let onsite = rows.filter { $0["Task"] as? String == "O3" && $0["Status"] as? String != "Covered" }
        let years = Dictionary(grouping: onsite) { String(($0["Due"] as? String ?? "").prefix(4)) }
        #expect(onsite.count >= 2)
        #expect(years.values.allSatisfy { $0.count <= 1 }, "\(years.mapValues(\.count))")
        let later = rows.filter { ($0["Comment"] as? String ?? "").contains("Moved to plan year") }
        #expect(!later.isEmpty)
        #expect(sheets.contains("Guide") && sheets.contains("Fix at the next procurement"))
    }

    @Test func aRecentJointAuditCoversTheStepAndAFourYearOldOneDoesNot() throws {
        let (_, rows, _, json) = try Self.plan()
        let solar = Self.rows(rows, supplier: "Solkraft AB")
        let onsite = try #require(solar.first { $0["Task"] as? String == "O3" })
        #expect(onsite["Status"] as? String == "Covered")
        #expect((onsite["Comment"] as? String ?? "").contains("Regionernas gemensamma uppföljning"))
        #expect(solar.first { $0["Task"] as? String == "O1" }?["Status"] as? String == "Covered")
        let computers = Self.rows(rows, supplier: "Datorer AB")
        let old = try #require(computers.first { $0["Task"] as? String == "O3" })
        #expect(old["Status"] as? String == "Conditional")
        #expect((old["Comment"] as? String ?? "").contains("History"))
        #expect((old["Comment"] as? String ?? "").contains("amfori BSCI"))
        let details = try #require(json["details"] as? [String: String])
        #expect(details["audits"] == "2")
    }

    /// A namesake with another organisation number is another company: its audit and contract are not the supplier's.
    @Test func aNamesakeWithAnotherOrgNumberIsNotTheSupplier() throws {
        let files = try Self.files()
        try Data(
            """
            Leverantör;Org.nr;Datum;Typ;Resultat;Källa
            Datorer AB;556900-0036;2025-06-01;revision på plats;inga avvikelser;amfori BSCI

            """.utf8
        ).write(to: URL(fileURLWithPath: files.audits))
        try Data(
            """
            Avtalsnummer;Leverantör;Organisationsnummer;Kategori;Startdatum;Slutdatum;Villkorsnivå;Uppförandekod
            A-7;Datorer AB;556900-0036;;2024-01-01;2030-12-31;bas;ja

            """.utf8
        ).write(to: URL(fileURLWithPath: files.contracts))
        let output = files.folder.appendingPathComponent("plan.xlsx").path
        let run = try Kedja.run([
            "plan", files.ledger, "--contracts", files.contracts, "--audits", files.audits, "--templates",
            files.templates, "--start", "2026-01-01", "--lang", "en", "-o", output, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let computers = Self.rows(try Self.sheet(output, "Follow-up plan").rows, supplier: "Datorer AB")
        #expect(!computers.isEmpty)
        for row in computers {
            #expect(row["Status"] as? String != "Covered", "\(row)")
            #expect(row["Contract"] as? String == nil, "\(row)")
            #expect(!((row["Comment"] as? String ?? "").contains("amfori")), "\(row)")
        }
    }

    @Test func aContractEndingInSixMonthsMovesFollowUpToTheNextProcurement() throws {
        let (_, rows, _, _) = try Self.plan()
        let builder = Self.rows(rows, supplier: "Bygg AB")
        #expect(builder.count == 1)
        let row = try #require(builder.first)
        #expect((row["Comment"] as? String ?? "").contains("next procurement"))
        #expect((row["Due"] as? String ?? "") <= "2026-06-30")
        #expect(row["Contract end"] as? String == "2026-06-30")
        #expect(row["Condition"] as? String == "Collective agreement")
        // Nothing in the plan is due after its contract's end.
        for row in rows {
            guard let end = row["Contract end"] as? String else { continue }
            #expect((row["Due"] as? String ?? "") <= end, "\(row)")
        }
    }

    @Test func conditionGapsAreListedToFixAtTheNextProcurement() throws {
        let (files, _, _, json) = try Self.plan()
        let (_, gaps) = try Self.sheet(
            files.folder.appendingPathComponent("plan.xlsx").path, "Fix at the next procurement")
        let textile = try #require(gaps.first { $0["Supplier"] as? String == "Textil AB" })
        #expect(textile["Conditions in the contract"] as? String == "Basic")
        #expect(textile["Recommended conditions"] as? String == "Advanced")
        let clothes = try #require(gaps.first { $0["Supplier"] as? String == "Kläder AB" })
        #expect((clothes["To fix"] as? String ?? "").contains("code of conduct"))
        #expect(!gaps.contains { $0["Supplier"] as? String == "Bygg AB" })
        // The broken contract row is reported with its file, line and reason; the others are used.
        let rejects = try #require(json["file_rejects"] as? [[String: Any]])
        #expect(rejects.count == 1)
        #expect(rejects.first?["line"] as? Int == 5)
        #expect((rejects.first?["reason"] as? String ?? "").contains("snart"))
        let details = try #require(json["details"] as? [String: String])
        #expect(details["contracts"] == "3")
        #expect(details["spend_under_contract"] == "2950000.00")
        #expect(details["spend_outside_contract"] == "1600000.00")
    }

    @Test func theRegisterShowsRecommendedConditionsContractsAndSpendUnderContract() throws {
        let files = try Self.files()
        let output = files.folder.appendingPathComponent("register.xlsx").path
        let run = try Kedja.run([
            "register", files.ledger, "--contracts", files.contracts, "--lang", "sv", "-o", output, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let (sheets, rows) = try Self.sheet(output, "Riskregister")
        #expect(sheets.contains("Åtgärda vid nästa upphandling"))
        let builder = try #require(rows.first { $0["Leverantör"] as? String == "Bygg AB" })
        #expect(builder["Rekommenderade villkor"] as? String == "Kollektivavtal")
        #expect((builder["Avtal"] as? String ?? "").hasPrefix("A-4"))
        let computers = try #require(rows.first { $0["Leverantör"] as? String == "Datorer AB" })
        #expect(computers["Rekommenderade villkor"] as? String == "Avancerad")
        #expect(computers["Avtal"] as? String == nil)
        let summary = try Self.python(output, "Sammanfattning")
        #expect(summary.contains("Spend under avtal") && summary.contains("Spend utanför avtal"))
    }

    /// Every cell text of a sheet, joined.
    static func python(_ path: String, _ sheet: String) throws -> String {
        try Kedja.python(
            """
            import sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
            print("\\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None))
            """, [path, sheet])
    }
}

extension ContractsEndToEndTests {
    /// Sets the status and comment of the first plan row of a supplier and task, with openpyxl.
    static let editRow = """
        import sys
        import openpyxl
        source, target, supplier, task, status, comment = sys.argv[1:7]
        book = openpyxl.load_workbook(source)
        sheet = book["Uppföljningsplan"]
        header = [c.value for c in sheet[1]]
        col = {name: header.index(name) + 1 for name in header if name}
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row, col["Leverantör"]).value == supplier and sheet.cell(row, col["Uppgift"]).value == task:
                sheet.cell(row, col["Status"]).value = status
                sheet.cell(row, col["Kommentar"]).value = comment
                break
        book.save(target)
        """

    @Test func carryOverKeepsTheTeamsStatusesAndRecomputesKedjasOwn() throws {
        let files = try Self.files()
        let first = files.folder.appendingPathComponent("plan-1.xlsx").path
        let edited = files.folder.appendingPathComponent("plan-1-ifylld.xlsx").path
        let next = files.folder.appendingPathComponent("plan-2.xlsx").path
        let common = [
            "--contracts", files.contracts, "--audits", files.audits, "--templates", files.templates, "--start",
            "2026-01-01", "--lang", "sv", "--quiet",
        ]
        #expect(try Kedja.run(["plan", files.ledger, "-o", first] + common).status == 0)
        _ = try Kedja.python(Self.editRow, [first, edited, "Textil AB", "O1", "Pågår", "Skickad 12/3"])
        let run = try Kedja.run(["plan", files.ledger, "-o", next, "--previous", edited, "--json"] + common)
        #expect(run.status == 0, "\(run.stderr)")
        let details = try #require(try run.json()["details"] as? [String: String])
        #expect(details["discontinued"] == "0")
        let (sheets, rows) = try Self.sheet(next, "Uppföljningsplan")
        #expect(!sheets.contains("Utgått"))
        let textile = rows.filter { $0["Leverantör"] as? String == "Textil AB" }
        let started = try #require(textile.first { $0["Uppgift"] as? String == "O1" })
        #expect(started["Status"] as? String == "Pågår")
        #expect(started["Kommentar"] as? String == "Skickad 12/3")
        #expect(started["Avtal"] as? String == "A-1" && started["Avtalets slut"] as? String == "2030-12-31")
        #expect(started["Villkor"] as? String == "Avancerad")
        #expect(textile.first { $0["Uppgift"] as? String == "O2" }?["Status"] as? String == "Villkorad")
        let solar = rows.filter { $0["Leverantör"] as? String == "Solkraft AB" }
        #expect(solar.first { $0["Uppgift"] as? String == "O3" }?["Status"] as? String == "Täckt")
    }
}

extension ContractsEndToEndTests {
    @Test func runGivesTheCommitteeSpendUnderContractAndTheGuideTheCapacityAssumed() throws {
        let files = try Self.files()
        let out = files.folder.appendingPathComponent("ut").path
        let run = try Kedja.run([
            "run", files.ledger, "--contracts", files.contracts, "--audits", files.audits, "--templates",
            files.templates, "--start", "2026-01-01", "--lang", "en", "--out-dir", out, "--json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let outputs = try #require(try run.json()["outputs"] as? [String])
        let report = try #require(outputs.first { $0.hasSuffix("committee-report.xlsx") })
        let overview = try Self.python(report, "Overview")
        #expect(overview.contains("Spend under contract") && overview.contains("Spend outside any contract"))
        let plan = try #require(outputs.first { $0.hasSuffix("follow-up-plan.xlsx") })
        let guide = try Self.python(plan, "Guide")
        #expect(guide.contains("1 on-site audits and 20 desk audits per plan year"), "\(guide)")
        #expect(guide.contains("revisioner.csv"))
        // The ledger itself is tagged as before: contracts change no line's tags.
        let tagged = try #require(outputs.first { $0.hasSuffix("tagged.csv") })
        let plain = files.folder.appendingPathComponent("plain.csv").path
        #expect(try Kedja.run(["tag", files.ledger, "-o", plain, "--quiet", "--lang", "en"]).status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: tagged)) == Data(contentsOf: URL(fileURLWithPath: plain)))
    }
}
