import Foundation
import KedjaModel
import Testing

@Suite("Loading broken templates")
struct TemplateLoadingTests {
    private func loadErrors(_ folder: URL) -> [TemplateProblem] {
        do {
            _ = try TemplateSet.load(from: folder)
            return []
        } catch let error as TemplateError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func badLevelNamesFileLineAndFix() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateFixtures.replaceLine(7, of: "categories.csv", in: folder) { line in
            // cpv_code;category_sv;category_en;kind;human_rights;labour_rights;…
            var fields = line.components(separatedBy: ";")
            fields[5] = "hgh"
            return fields.joined(separator: ";")
        }
        let problems = loadErrors(folder)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.path.hasSuffix("categories.csv"))
        #expect(problem.line == 7)
        #expect(problem.description.contains("categories.csv, line 7: labour_rights 'hgh' is not a risk level"))
        #expect(problem.message.contains("high, medium, low or unknown"))
    }

    @Test func acceptsSwedishLevels() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateFixtures.replaceLine(2, of: "categories.csv", in: folder) { line in
            var fields = line.components(separatedBy: ";")
            fields[0] = "03000000-1"
            fields[3] = "vara"
            fields[4...7] = ["Hög", "medel", "LÅG", "okänd"]
            return fields.joined(separator: ";")
        }
        let templates = try TemplateSet.load(from: folder)
        let category = try #require(templates.categoryForCPV("03100000"))
        #expect(category.code == "03000000")
        #expect(category.kind == .goods, "the kind in Swedish too")
        #expect(
            category.levels
                == RiskProfile(humanRights: .high, labourRights: .medium, environment: .low, antiCorruption: .unknown))
    }

    @Test func reportsEveryBrokenTableAtOnce() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("followup.csv"))
        try TemplateFixtures.replaceLine(1, of: "keywords.csv", in: folder) { _ in "\u{FEFF}keyword;lang;cpv_code;note"
        }
        try TemplateFixtures.replaceLine(3, of: "accounts.csv", in: folder) {
            $0.replacingOccurrences(of: "45;", with: "4x;")
        }
        let problems = loadErrors(folder)
        #expect(problems.count == 3)
        #expect(
            problems.contains { $0.path.hasSuffix("followup.csv") && $0.line == nil && $0.message.contains("missing") })
        #expect(
            problems.contains { $0.path.hasSuffix("keywords.csv") && $0.line == 1 && $0.message.contains("language") })
        #expect(problems.contains { $0.path.hasSuffix("accounts.csv") && $0.line == 3 && $0.message.contains("4x") })
    }

    @Test func rejectsMalformedCodesAndNumbers() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateFixtures.replaceLine(2, of: "categories.csv", in: folder) {
            $0.replacingOccurrences(of: "03000000;", with: "3000000;")
        }
        try TemplateFixtures.replaceLine(3, of: "settings.csv", in: folder) {
            $0.replacingOccurrences(of: "500000", with: "500 000 kr")
        }
        try TemplateFixtures.replaceLine(2, of: "tasks.csv", in: folder) {
            $0.replacingOccurrences(of: ";any;any;3;", with: ";sometimes;any;3;")
        }
        let problems = loadErrors(folder)
        try #require(problems.map(\.line) == [3, 2, 2])
        #expect(problems[0].message.contains("priority1_min_spend"))
        #expect(problems[1].message.contains("not a CPV code"))
        #expect(problems[2].message.contains("min_risk 'sometimes'"))
    }

    @Test func anAmountWithAThousandsSeparatorIsRefusedNotReadAsDecimals() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateFixtures.replaceLine(3, of: "settings.csv", in: folder) {
            $0.replacingOccurrences(of: "500000", with: "500,000")
        }
        let problems = loadErrors(folder)
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("priority1_min_spend") == true)
    }

    @Test func aCategoriesTableWithoutRowsIsAnError() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("categories.csv")
        let header = try #require(
            try String(contentsOf: table, encoding: .utf8).split(whereSeparator: \.isNewline).first)
        try Data((header + "\r\n").utf8).write(to: table)
        let problems = loadErrors(folder)
        #expect(
            problems.contains { $0.path.hasSuffix("categories.csv") && $0.message.contains("has no categories") },
            "\(problems)")
    }

    @Test func missingSettingIsAnError() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateFixtures.replaceLine(4, of: "settings.csv", in: folder) { _ in "" }
        let problems = loadErrors(folder)
        #expect(
            problems.map(\.message) == [
                "the setting 'priority2_min_spend' is missing. Add a row 'priority2_min_spend;VALUE;NOTE' (see Templates/README.md for the default)."
            ])
    }
}
