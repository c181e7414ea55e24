import Foundation
import KedjaTestSupport
import Testing

/// `kedja run`: all four outputs in one pass, in Swedish and English, byte-identical on a second run.
@Suite struct RunEndToEndTests {
    static func run(
        language: String, into folder: URL, environment: [String: String] = [:]
    ) throws -> [String: Any] {
        let result = try Kedja.run(
            [
                "run", Kedja.sampleLedger, "--suppliers", Kedja.sampleSuppliers, "--out-dir", folder.path,
                "--lang", language, "--start", "2026-04-01", "--json",
            ], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.json()
    }

    @Test(arguments: [
        (
            "sv", ["Sammanfattning", "Riskregister", "Riskkarta", "Kategorier", "Uppgifter", "Metod", "Avvisade"],
            "Uppföljningsplan"
        ),
        (
            "en", ["Summary", "Risk register", "Heat map", "Categories", "Tasks", "Method", "Rejected"],
            "Follow-up plan"
        ),
    ])
    func outputsInBothLanguages(language: String, registerSheets: [String], planSheet: String) throws {
        let folder = try Kedja.temporaryDirectory()
        let json = try Self.run(language: language, into: folder)
        let outputs = try #require(json["outputs"] as? [String])
        #expect(outputs.count == 5, "enriched CSV, rejects, register, plan, report")
        let register = try #require(
            outputs.first { $0.hasSuffix(language == "sv" ? "riskregister.xlsx" : "risk-register.xlsx") })
        let book = try WorkbookProbe.read(register)
        #expect(book.sheets.map(\.name) == registerSheets)
        let sheet = book.sheets[1]
        let header = sheet.values(row: 0).compactMap { $0 as? String }
        if language == "en" {
            #expect(
                header == [
                    "Supplier", "Org. number", "Country", "Category", "Spend", "Share of spend", "Human rights",
                    "Labour rights", "Environment", "Anti-corruption", "Overall risk", "Priority", "Reason",
                    "Tasks", "Follow-up", "Supplier no.", "Recommended conditions", "Contract",
                ])
        } else {
            #expect(
                Array(header.suffix(5)) == [
                    "Uppgifter", "Uppföljning", "Leverantörsnr", "Rekommenderade villkor", "Avtal",
                ])
        }
        let tasks = Set(sheet.cells.dropFirst().compactMap { $0[13]["v"] as? String })
        #expect(
            tasks.allSatisfy { $0.split(separator: " ").allSatisfy { $0.count == 2 } },
            "the Tasks cells hold task ids (S1 T2 O1), explained on the tasks sheet: \(tasks)")
        let legend = try #require(book.sheets.first { $0.name == (language == "sv" ? "Uppgifter" : "Tasks") })
        let legendIDs = Set(legend.cells.dropFirst().compactMap { $0.first?["v"] as? String })
        #expect(Set(tasks.flatMap { $0.split(separator: " ").map(String.init) }).isSubset(of: legendIDs))
        #expect(Set(sheet.types(column: 4)) == ["n"], "spend cells are numbers")
        // The register's spend and the spend outside the scope (payments to public bodies, grants…, never in
        // the register) sum to the ledger's exact total, to the öre.
        let spend = sheet.cells.dropFirst().compactMap { $0[4]["v"] as? Double }
        let cents = spend.map { Int(($0 * 100).rounded()) }.reduce(0, +)
        let summary = book.sheets[0]
        let excludedLabel =
            language == "sv" ? "Utanför omfånget (inte upphandling)" : "Outside the scope (not procurement)"
        let excludedRow = try #require(summary.cells.first { ($0.first?["v"] as? String) == excludedLabel })
        let excluded = try #require(excludedRow[1]["v"] as? Double)
        let excludedCents = Int((excluded * 100).rounded())
        #expect(excludedCents > 0, "the sample ledger pays public bodies")
        let total = try #require(json["amount_total"] as? String)
        let sum = cents + excludedCents
        #expect(String(format: "%d.%02d", sum / 100, sum % 100) == total)
        let risks = Set(sheet.cells.dropFirst().compactMap { $0[10]["v"] as? String })
        #expect(
            risks.isSubset(
                of: language == "sv" ? ["Hög", "Medel", "Låg", "Okänd"] : ["High", "Medium", "Low", "Unknown"]))
        #expect(!(sheet.raw["conditional_formats"] as? [Any] ?? []).isEmpty)

        let plan = try #require(
            outputs.first { $0.hasSuffix(language == "sv" ? "uppfoljningsplan.xlsx" : "follow-up-plan.xlsx") })
        let planBook = try WorkbookProbe.read(plan, maxRows: 50)
        let planSheetProbe = try #require(planBook.sheets.first { $0.name == planSheet })
        #expect(Set(planSheetProbe.types(column: 5)) == ["d"], "due dates are dates")
        #expect(!(planSheetProbe.raw["data_validations"] as? [Any] ?? []).isEmpty, "status drop-down")

        let report = try #require(
            outputs.first { $0.hasSuffix(language == "sv" ? "namndrapport.xlsx" : "committee-report.xlsx") })
        #expect(try WorkbookProbe.read(report, maxRows: 5).raw["chart_files"] as? Int ?? 0 >= 1)
    }

    /// With `SOURCE_DATE_EPOCH` (the reproducible-builds convention) the workbooks store that time, not the run's.
    @Test func aSecondRunAtTheSameSourceDateGivesIdenticalBytes() throws {
        let first = try Kedja.temporaryDirectory(), second = try Kedja.temporaryDirectory()
        let epoch = ["SOURCE_DATE_EPOCH": "1796601600"]  // 2026-12-07
        _ = try Self.run(language: "sv", into: first, environment: epoch)
        _ = try Self.run(language: "sv", into: second, environment: epoch)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(names.count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: second.path).sorted() == names)
        for name in names {
            #expect(
                try Data(contentsOf: first.appendingPathComponent(name))
                    == Data(contentsOf: second.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func councilExportIsTaggedInItsOwnDialect() throws {
        let path = Kedja.sharedTestData.appendingPathComponent(
            "spend/uk-oxford-city-council/expenditure-over-500-jan-mar-2014.csv"
        ).path
        let folder = try Kedja.temporaryDirectory()
        let output = folder.appendingPathComponent("tagged.csv").path
        let result = try Kedja.run(["tag", path, "-o", output, "--lang", "en", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let tagged = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(original.last != 0x0A && tagged.last != 0x0A, "no final newline, as the input")
        let check = try Kedja.python(
            """
            import csv, sys
            a = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
            a = [r for r in a if r[6].strip()]   # the export's last line holds no amount: rejected, reported
            b = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline='')))
            same = all(r[:len(a[0])] == o for r, o in zip(b, a))
            reasons = all(r[-1] for r in b[1:])
            print(len(a), len(b), same, reasons, len(b[0]) - len(a[0]))
            """, [path, output])
        #expect(check == "3860 3860 True True 12")
        let json = try result.json()
        #expect(json["rows_rejected"] as? Int == 1)
        #expect((json["rejects"] as? [[String: Any]])?.first?["reason"] as? String == "amount '' is empty")
    }
}

/// The committee report says what it is before any figure: whose, which file and period, when, with what.
@Suite struct ReportOpeningEndToEndTests {
    @Test func theFirstSheetNamesTheFilePeriodRunAndTables() throws {
        let folder = try Kedja.temporaryDirectory()
        let report = folder.appendingPathComponent("rapport.xlsx")
        let run = try Kedja.run(
            ["report", Kedja.sampleLedger, "--suppliers", Kedja.sampleSuppliers, "-o", report.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": "1796601600"])
        #expect(run.status == 0, "\(run.stderr)")
        let book = try WorkbookProbe.read(report.path)
        let first = try #require(book.sheets.first)
        #expect(first.name == "Översikt")
        let lines = Dictionary(
            first.cells.prefix(12).compactMap { row -> (String, String)? in
                guard let label = row.first?["v"] as? String, row.count > 1, let value = row[1]["v"] as? String
                else { return nil }
                return (label, value)
            }, uniquingKeysWith: { first, _ in first })
        let digest = try ChildProcess.run("/usr/bin/sha256sum", arguments: [Kedja.sampleLedger]).stdoutText.prefix(16)
        #expect(lines["Källfil"] == "leverantorsreskontra-2025.csv (SHA-256 \(digest))", "\(lines)")
        #expect(lines["Period i reskontran"] == "2024-12-09 – 2025-12-30 (Fakturadatum)", "\(lines)")
        #expect(lines["Skapad"] == "2026-12-07", "\(lines)")
        #expect(lines["Verktyg och regeltabeller"]?.hasPrefix("Kedja 0.") == true, "\(lines)")
        #expect(lines["Landindex"]?.contains("Corruption Perceptions Index 2025") == true, "\(lines)")
        #expect(lines["Organisation"]?.contains("settings.csv") == true, "the bundled tables name no organisation")
    }

    @Test func workbooksStoreTheRunsTimeOrSourceDateEpoch() throws {
        let folder = try Kedja.temporaryDirectory()
        let fixed = folder.appendingPathComponent("fixed.xlsx"), now = folder.appendingPathComponent("now.xlsx")
        let arguments = ["register", Kedja.sampleLedger, "--quiet", "-o"]
        #expect(try Kedja.run(arguments + [fixed.path], environment: ["SOURCE_DATE_EPOCH": "1796601600"]).status == 0)
        #expect(try Kedja.run(arguments + [now.path]).status == 0)
        let created = """
            import re, sys, zipfile
            core = zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode()
            print(re.search(r"<dcterms:created[^>]*>([^<]+)<", core).group(1))
            """
        #expect(try Kedja.python(created, [fixed.path]) == "2026-12-07T00:00:00Z")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        #expect(try Kedja.python(created, [now.path]).hasPrefix("\(year)-"), "a real creation time, not 2000")
    }
}
