import Foundation
import Testing

/// `kedja report --previous LAST-REGISTER.xlsx`: the committee report's Changes sheet, read back with openpyxl.
@Suite struct PreviousReportEndToEndTests {
    @Test func aReportComparedWithLastPeriodsRegisterNamesASupplierThatWasNotThereBefore() throws {
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fullRegister = folder.appendingPathComponent("register-full.xlsx").path
        let lastLedger = folder.appendingPathComponent("reskontra-forra.csv").path
        let lastRegister = folder.appendingPathComponent("register-forra.xlsx").path
        let report = folder.appendingPathComponent("rapport.xlsx").path
        let suppliers = ["--suppliers", Kedja.sampleSuppliers]

        // The supplier: this period's largest priority-1 supplier with an org number.
        #expect(try Kedja.run(["register", Kedja.sampleLedger, "-o", fullRegister] + suppliers).status == 0)
        let newcomer = try Kedja.python(
            """
            import json, sys
            import openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1])["Riskregister"]
            header = [c.value for c in sheet[1]]
            rows = [dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)]
            pick = next(r for r in rows if r["Prioritet"] == 1 and r["Sammanlagd risk"] == "Hög" and r["Org.nr"])
            print(json.dumps({"name": pick["Leverantör"], "org": pick["Org.nr"]}))
            """, [fullRegister])
        let supplier = try #require(
            try JSONSerialization.jsonObject(with: Data(newcomer.utf8)) as? [String: String])
        let name = try #require(supplier["name"])

        // Last period: the same ledger without that supplier's lines (by org number or name).
        _ = try Kedja.python(
            """
            import csv, re, sys
            source, target, org, supplier = sys.argv[1:5]
            with open(source, newline="", encoding="cp1252") as f:
                records = list(csv.reader(f, delimiter=";"))
            number = records[0].index("Organisationsnummer")
            name = records[0].index("Leverantörsnamn")
            digits = lambda text: re.sub(r"\\D", "", text)[-10:]
            theirs = lambda r: len(r) > name and (digits(r[number]) == digits(org) or r[name].strip() == supplier)
            kept = [r for r in records if not theirs(r)]
            with open(target, "w", newline="", encoding="cp1252") as f:
                csv.writer(f, delimiter=";", lineterminator="\\r\\n").writerows(kept)
            """, [Kedja.sampleLedger, lastLedger, supplier["org"] ?? "", name])
        let last = try Kedja.run(["register", lastLedger, "-o", lastRegister, "--lang", "en"] + suppliers)
        #expect(last.status == 0, "\(last.stderr)")

        let result = try Kedja.run(
            ["report", Kedja.sampleLedger, "-o", report, "--previous", lastRegister, "--json"] + suppliers)
        #expect(result.status == 0, "\(result.stderr)")
        let details = try #require(try result.json()["details"] as? [String: String])
        #expect(Int(details["changes_new_high_risk"] ?? "") ?? 0 >= 1)

        let sheet = try Kedja.python(
            """
            import json, sys
            import openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            rows = [list(r) for r in book["Förändringar"].iter_rows(values_only=True)]
            print(json.dumps({"sheets": book.sheetnames[:2], "rows": rows}, default=str))
            """, [report])
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(sheet.utf8)) as? [String: Any])
        #expect(changes["sheets"] as? [String] == ["Översikt", "Förändringar"])
        let rows = try #require(changes["rows"] as? [[Any]])
        let texts = rows.map { $0.map { "\($0)" } }
        let joinedStart = try #require(texts.firstIndex { $0.first == "Nya på högrisklistan" })
        let leftStart = try #require(texts.firstIndex { $0.first == "Borta från högrisklistan" })
        let newcomerRow = try #require(texts[joinedStart..<leftStart].first { $0.first == name })
        #expect(newcomerRow.contains("Ny leverantör"))
        #expect(newcomerRow.contains(supplier["org"] ?? ""))
        let spendStart = try #require(texts.firstIndex { $0.first == "Spendförändringar" })
        #expect(texts[spendStart...].contains { $0.first == name })
    }

    @Test func aThresholdWithoutAPreviousRegisterIsAUsageError() throws {
        let result = try Kedja.run(["report", Kedja.sampleLedger, "--change-threshold", "100000"])
        #expect(result.status == 64)
    }
}
