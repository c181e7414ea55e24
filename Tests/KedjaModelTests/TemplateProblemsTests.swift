import Foundation
import KedjaModel
import Testing

@Suite("Template problems for `kedja templates check`")
struct TemplateProblemsTests {
    private func problems(after edit: (URL) throws -> Void, cpvCodes: Set<String>? = nil) throws -> [TemplateProblem] {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit(folder)
        return try TemplateSet.load(from: folder).problems(cpvCodes: cpvCodes)
    }

    @Test func flagsCodesNotInCPV2008() throws {
        let codes = try TemplateSet.readCPVCodeList(contentsOf: TemplateFixtures.cpvList)
        let appendedLine = try TemplateFixtures.bundled().categories.count + 2
        let found = try problems(
            after: { folder in
                // Every code of a row is checked, not only the first.
                try TemplateFixtures.appendRow(
                    "12345678|87654321;Påhittad;Made up;goods;low;low;low;low;;;;Test;;2026", to: "categories.csv",
                    in: folder)
                try TemplateFixtures.replaceLine(2, of: "categories.csv", in: folder) {
                    $0.replacingOccurrences(of: "03000000;", with: "03000000-7;")
                }
            }, cpvCodes: codes)
        #expect(found.count == 3)
        #expect(
            found.contains {
                $0.path.hasSuffix("categories.csv") && $0.line == appendedLine
                    && $0.message.contains("12345678 is not a CPV 2008 code")
            })
        #expect(
            found.contains {
                $0.path.hasSuffix("categories.csv") && $0.line == appendedLine
                    && $0.message.contains("87654321 is not a CPV 2008 code")
            })
        #expect(found.contains { $0.line == 2 && $0.message.contains("CPV 2008 writes 03000000-1") })
    }

    @Test func withoutAListTheCompiledCPV2008IsUsed() throws {
        let found = try problems(after: { folder in
            try TemplateFixtures.appendRow(
                "12345678;Påhittad;Made up;goods;low;low;low;low;;;;Test;;2026", to: "categories.csv", in: folder)
            try TemplateFixtures.replaceLine(2, of: "categories.csv", in: folder) {
                $0.replacingOccurrences(of: "03000000;", with: "03000000-7;")
            }
        })
        #expect(found.map(\.message).contains { $0.contains("12345678 is not a CPV 2008 code") }, "\(found)")
        #expect(found.contains { $0.line == 2 && $0.message.contains("CPV 2008 writes 03000000-1") }, "\(found)")
        #expect(found.count == 2)
    }

    @Test func flagsRulesThatPointNowhere() throws {
        let found = try problems(after: { folder in
            try TemplateFixtures.appendRow("förvaltningstjänst;sv;75000000;", to: "keywords.csv", in: folder)
            try TemplateFixtures.appendRow(
                "66;Reparationer;Repairs;50000000;;Test;2026", to: "accounts.csv", in: folder)
            try TemplateFixtures.appendRow("supply_chain;3;2;X9;Något;Something;30", to: "followup.csv", in: folder)
            try TemplateFixtures.appendRow("QQ;cpi;2025;50;Test", to: "country-indices.csv", in: folder)
        })
        try #require(
            found.map { URL(fileURLWithPath: $0.path).lastPathComponent } == [
                "keywords.csv", "accounts.csv", "country-indices.csv", "followup.csv",
            ])
        #expect(found[0].message.contains("75000000, which no category"))
        #expect(found[1].message.contains("50000000, which no category"))
        #expect(found[2].message.contains("QQ is not in countries.csv"))
        #expect(found[3].message.contains("task_id X9 is not in tasks.csv"))
    }

    @Test func flagsDuplicates() throws {
        let categories = try String(
            contentsOf: TemplateFixtures.templatesDirectory.appendingPathComponent("categories.csv"), encoding: .utf8)
        let clothingLine =
            try #require(categories.components(separatedBy: "\r\n").firstIndex { $0.hasPrefix("18000000|") }) + 1
        let found = try problems(after: { folder in
            try TemplateFixtures.appendRow(
                "98390000|18000000-9;Kläder igen;Clothing again;goods;low;low;low;low;;;;Test;;2026",
                to: "categories.csv",
                in: folder)
            try TemplateFixtures.appendRow("Kaffe;sv;15861000;", to: "keywords.csv", in: folder)
            try TemplateFixtures.appendRow("priority3_min_spend;1;", to: "settings.csv", in: folder)
            try TemplateFixtures.appendRow(
                "cpi;CPI;TI;anti_corruption;101;200;;low", to: "country-bands.csv", in: folder)
        })
        #expect(found.count == 3)
        #expect(found.contains { $0.message.contains("same prefix 18 as a code on line \(clothingLine)") })
        #expect(found.contains { $0.message.contains("repeats the keyword on line 2") })
        #expect(found.contains { $0.message.contains("'priority3_min_spend' is not used") })
    }

    @Test func firstDuplicateStaysInForce() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateFixtures.appendRow(
            "98390000|18000000;Kläder igen;Clothing again;goods;low;low;low;low;;;;Test;;2026", to: "categories.csv",
            in: folder)
        let templates = try TemplateSet.load(from: folder)
        let clothing = try #require(templates.categoryForCPV("18100000"))
        #expect(clothing.nameEn == "Textiles (clothing, textile articles, fabrics, leather and fibres)")
        #expect(clothing.levels.labourRights == .high)
    }

    @Test func flagsValuesOutsideEveryBand() throws {
        let found = try problems(after: { folder in
            try TemplateFixtures.appendRow("SE;ituc;2027;6;Test", to: "country-indices.csv", in: folder)
        })
        #expect(
            found.map(\.message) == [
                "SE ituc '6' falls in no band of country-bands.csv, so the country stays not assessed for it. Add a band that covers the value."
            ])
    }
}
