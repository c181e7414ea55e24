import Foundation
import Testing

/// `kedja plan --previous LAST.xlsx`: what the team typed into last period's plan — edited here with openpyxl, an
/// independent writer — comes back in the next plan; rows that no longer match are kept on a sheet of their own.
@Suite struct PreviousPlanEndToEndTests {
    /// Edits three task rows of a plan with openpyxl and prints them as JSON: supplier, category code, task id and
    /// what was typed.
    static let editThreeRows = """
        import datetime, json, sys
        import openpyxl
        source, target = sys.argv[1:3]
        book = openpyxl.load_workbook(source)
        sheet = book["Uppföljningsplan"]
        header = [c.value for c in sheet[1]]
        column = {name: header.index(name) + 1 for name in header if name}
        edits = [
            (2, "Pågår", "Anna Berg", "Självskattningen skickad 12/3"),
            (4, "Klar", "Omar Said", "Inga avvikelser"),
            (7, "Avvikelse", "Lena Ek", "Övertid utan ersättning hos underleverantör"),
        ]
        edited = []
        for row, status, owner, comment in edits:
            sheet.cell(row, column["Status"]).value = status
            sheet.cell(row, column["Ansvarig"]).value = owner
            sheet.cell(row, column["Kommentar"]).value = comment
            if status == "Avvikelse":
                sheet.cell(row, column["Åtgärd"]).value = "Åtgärdsplan begärd"
                sheet.cell(row, column["Tidsfrist"]).value = datetime.date(2026, 6, 30)
            edited.append({
                "supplier": sheet.cell(row, column["Leverantör"]).value,
                "org": sheet.cell(row, column["Org.nr"]).value or "",
                "code": sheet.cell(row, column["Kategorikod"]).value or "",
                "task": sheet.cell(row, column["Uppgift"]).value.split(" ")[0],
                "status": status, "owner": owner, "comment": comment,
            })
        book.save(target)
        print(json.dumps(edited))
        """

    /// Finds rows of a plan sheet by supplier, category code and task id with openpyxl and prints their team cells.
    static let readRows = """
        import datetime, json, sys
        import openpyxl
        path, sheet_name, wanted = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
        sheet = openpyxl.load_workbook(path)[sheet_name]
        header = [c.value for c in sheet[1]]
        def value(row, name):
            v = row[header.index(name)].value
            return v.strftime("%Y-%m-%d") if isinstance(v, datetime.datetime) else v
        found = []
        for want in wanted:
            matches = [r for r in sheet.iter_rows(min_row=2)
                       if value(r, header[0]) == want["supplier"] and (value(r, header[13]) or "") == want["code"]
                       and str(value(r, header[4])).split(" ")[0] == want["task"]]
            found.append([{name: value(r, name) for name in header if name} for r in matches])
        print(json.dumps(found))
        """

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func statusesOwnersAndCommentsTypedIntoThreeRowsComeBack() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("plan-2025.xlsx").path
        let edited = folder.appendingPathComponent("plan-2025-ifylld.xlsx").path
        let next = folder.appendingPathComponent("plan-2026.xlsx").path
        let common = ["--suppliers", Kedja.sampleSuppliers, "--start", "2026-01-01"]

        let made = try Kedja.run(["plan", Kedja.sampleLedger, "-o", first, "--lang", "sv"] + common)
        #expect(made.status == 0, "\(made.stderr)")
        let edits = try Kedja.python(Self.editThreeRows, [first, edited])

        // Next period in English: the Swedish statuses are read and shown in English.
        let carried = try Kedja.run(
            ["plan", Kedja.sampleLedger, "-o", next, "--lang", "en", "--previous", edited, "--json"] + common)
        #expect(carried.status == 0, "\(carried.stderr)")
        let details = try #require(try carried.json()["details"] as? [String: String])
        #expect(details["carried_over"] == details["planned_tasks"])
        #expect(details["discontinued"] == "0")
        #expect(details["priority_changes"] == "0")

        let wanted = try #require(try Self.json(edits) as? [[String: String]])
        #expect(wanted.count == 3)
        let found = try #require(
            try Self.json(try Kedja.python(Self.readRows, [next, "Follow-up plan", edits])) as? [[[String: Any]]])
        let english = ["Pågår": "In progress", "Klar": "Done", "Avvikelse": "Deviation"]
        for (want, rows) in zip(wanted, found) {
            #expect(rows.count == 1, "\(want)")
            let row = try #require(rows.first)
            #expect(row["Status"] as? String == english[want["status"] ?? ""])
            #expect(row["Responsible"] as? String == want["owner"])
            #expect(row["Comment"] as? String == want["comment"])
            #expect(row["Change"] == nil || row["Change"] is NSNull)
            if want["status"] == "Avvikelse" {
                #expect(row["Action"] as? String == "Åtgärdsplan begärd")
                #expect(row["Deadline"] as? String == "2026-06-30")
            }
        }
    }

    @Test func theEditedPlanConvertsToCSVWithEveryRow() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.xlsx").path
        let edited = folder.appendingPathComponent("plan-ifylld.xlsx").path
        let output = folder.appendingPathComponent("plan.csv").path
        let made = try Kedja.run(["plan", Kedja.sampleLedger, "-o", plan, "--start", "2026-01-01"])
        #expect(made.status == 0, "\(made.stderr)")
        let edits = try #require(
            try Self.json(try Kedja.python(Self.editThreeRows, [plan, edited])) as? [[String: String]])

        let converted = try Kedja.run(["convert", edited, "-o", output, "--delimiter", ";"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let check = try Kedja.python(
            """
            import csv, json, sys
            import openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1])["Uppföljningsplan"]
            rows = [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
            with open(sys.argv[2], newline="", encoding="utf-8-sig") as f:
                records = list(csv.reader(f, delimiter=";"))
            print(json.dumps({"rows": len(rows), "records": len(records),
                              "comments": [r[8] for r in records[1:] if r[8]],
                              "first": records[1][:6]}))
            """, [edited, output])
        let summary = try #require(try Self.json(check) as? [String: Any])
        #expect(summary["records"] as? Int == summary["rows"] as? Int)
        #expect((summary["rows"] as? Int ?? 0) > 100)
        // The edited rows come first; Kedja's own notes (what a conditional step waits on) fill later rows' comments.
        #expect((summary["comments"] as? [String])?.prefix(3).map { $0 } == edits.map { $0["comment"] ?? "" })
        let first = try #require(summary["first"] as? [String])
        #expect(first[5] == "2026-01-31", "the first step is due 30 days after the start: a self-assessment needs time")
    }

    @Test func rowsOfAVanishedSupplierAreKeptOnTheirOwnSheet() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("plan.xlsx").path
        let edited = folder.appendingPathComponent("plan-ifylld.xlsx").path
        let next = folder.appendingPathComponent("plan-nasta.xlsx").path
        let ledger = folder.appendingPathComponent("reskontra-utan.csv").path
        let made = try Kedja.run(["plan", Kedja.sampleLedger, "-o", first, "--start", "2026-01-01"])
        #expect(made.status == 0, "\(made.stderr)")
        let edits = try #require(
            try Self.json(try Kedja.python(Self.editThreeRows, [first, edited])) as? [[String: String]])
        let gone = try #require(edits.first?["supplier"])

        // Next period's ledger has no lines from the first edited row's supplier (by org number or name).
        _ = try Kedja.python(
            """
            import csv, re, sys
            source, target, supplier, org = sys.argv[1:5]
            with open(source, newline="", encoding="cp1252") as f:
                records = list(csv.reader(f, delimiter=";"))
            name = records[0].index("Leverantörsnamn")
            number = records[0].index("Organisationsnummer")
            digits = lambda text: re.sub(r"\\D", "", text)[-10:]
            def theirs(r):
                same_number = org and len(r) > number and digits(r[number]) == digits(org)
                return same_number or (len(r) > name and r[name].strip() == supplier)
            with open(target, "w", newline="", encoding="cp1252") as f:
                csv.writer(f, delimiter=";", lineterminator="\\r\\n").writerows(r for r in records if not theirs(r))
            """, [Kedja.sampleLedger, ledger, gone, edits.first?["org"] ?? ""])

        let result = try Kedja.run(
            ["plan", ledger, "-o", next, "--previous", edited, "--start", "2026-01-01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let details = try #require(try result.json()["details"] as? [String: String])
        #expect(Int(details["discontinued"] ?? "") ?? 0 > 0)

        let kept = try Kedja.python(
            """
            import json, sys
            import openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Utgått"]
            header = [c.value for c in sheet[1]]
            rows = [dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)]
            print(json.dumps({"sheets": book.sheetnames, "header": header[-2:],
                              "rows": [{k: r[k] for k in ("Leverantör", "Kommentar", "Status", "Orsak", "Från")} for r in rows]}))
            """, [next])
        let sheet = try #require(try Self.json(kept) as? [String: Any])
        #expect(sheet["sheets"] as? [String] == ["Uppföljningsplan", "Utgått", "Anvisning", "Uppgifter"])
        #expect(sheet["header"] as? [String] == ["Orsak", "Från"])
        let rows = try #require(sheet["rows"] as? [[String: Any]])
        #expect(String(rows.count) == details["discontinued"])
        #expect(rows.allSatisfy { $0["Leverantör"] as? String == gone })
        #expect(rows.allSatisfy { $0["Orsak"] as? String == "Leverantören finns inte i periodens underlag." })
        let editedRow = try #require(rows.first { $0["Kommentar"] as? String == edits[0]["comment"] })
        #expect(editedRow["Status"] as? String == edits[0]["status"])
        #expect(editedRow["Från"] as? String == "Uppföljningsplan, rad 2")
    }

    @Test func aWorkbookThatIsNotAPlanIsRefused() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = folder.appendingPathComponent("register.xlsx").path
        let made = try Kedja.run(["register", Kedja.sampleLedger, "-o", register])
        #expect(made.status == 0, "\(made.stderr)")
        let result = try Kedja.run(
            [
                "plan", Kedja.sampleLedger, "-o", folder.appendingPathComponent("plan.xlsx").path, "--previous",
                register,
                "--lang", "en",
            ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no sheet named 'Uppföljningsplan' or 'Follow-up plan'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.xlsx").path))

        let plan = folder.appendingPathComponent("plan-förra.xlsx").path
        #expect(try Kedja.run(["plan", Kedja.sampleLedger, "-o", plan]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let overwrite = try Kedja.run(["plan", Kedja.sampleLedger, "-o", plan, "--previous", plan])
        #expect(overwrite.status == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
    }
}
