import Foundation
import KedjaTestSupport
import Tabular
import Testing

/// Reads Transparency International's CPI 2017 workbook, a real third-party XLSX written by Excel:
/// shared strings with rich-text runs, formulas with cached values, a multi-row header, sheet
/// parts stored out of tab order.
@Suite("XlsxReader on a real workbook")
struct XlsxReaderReferenceTests {
    let url = XlsxReaderFixtures.referenceWorkbook

    @Test("sheet names come in tab order, not ZIP order")
    func sheetNames() throws {
        let reader = try XlsxReader(url: url)
        #expect(
            reader.sheetNames == [
                "CPI 2017", "CPI changes 2016-2017", "CPI historical data 2012-2017", "Americas",
                "Asia & the Pacific", "Eastern Europe & Central Asia", "Western Europe", "MENA",
                "Sub-Saharan Africa", "African Union", "Arab States", "BRICS", "EU", "G20", "OECD",
            ])
    }

    @Test("the first sheet: title, header on row 3, data, a gap, and a formula's cached value")
    func firstSheet() throws {
        let rows = try XlsxReaderFixtures.rows(of: url)
        #expect(rows.count == 183)
        #expect(rows.first?.index == 1)
        #expect(rows.last?.index == 185)
        let byIndex = Dictionary(uniqueKeysWithValues: rows.map { ($0.index, $0) })
        #expect(byIndex[2] == nil)
        #expect(byIndex[184] == nil)

        // A1 is rich text in three runs; the trailing space is part of the last run.
        #expect(byIndex[1]?.cells == [.string("Corruption Perceptions Index 2017: Global Scores ")])
        #expect(
            byIndex[3]?.cells.map(\.text) == [
                "Country", "ISO3", "Region", "CPI Score 2017", "Rank ", "standard error", "Lower CI ", "Upper CI",
                "number of sources",
            ])
        let newZealand = try #require(byIndex[4])
        #expect(newZealand[0] == .string("New Zealand"))
        #expect(newZealand[3] == .number("89", 89))
        #expect(newZealand[5] == .number("2.4", 2.4))
        #expect(newZealand.cells.count == 9)

        let average = try #require(byIndex[185])
        #expect(
            average.cells == [
                .string("GLOBAL AVARAGE"), .empty, .empty, .number("43.072222222222223", 43.072222222222223),
            ])
        #expect(average[3].text == "43.072222222222223")
    }

    @Test("sheets are selected by name, and the <v> text is kept digit for digit")
    func sheetByName() throws {
        let rows = try XlsxReader(url: url).readSheet("CPI historical data 2012-2017")
        #expect(rows.count == 184)
        #expect(rows[1].isEmpty)
        #expect(rows[3].count == 21)
        #expect(rows[3][10] == .number("2.3199999332427979", 2.3199999332427979))
    }

    @Test("every cell of every sheet matches what openpyxl reads")
    func matchesOpenpyxl() throws {
        let script = """
            import json, sys, warnings
            warnings.simplefilter("ignore")
            import openpyxl
            book = openpyxl.load_workbook(sys.argv[1], data_only=True)
            cells = []
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        value = cell.value
                        if value is None:
                            continue
                        if isinstance(value, bool):
                            kind, text = "b", "TRUE" if value else "FALSE"
                        elif isinstance(value, (int, float)):
                            kind, text = "n", repr(value)
                        elif isinstance(value, str):
                            kind, text = "s", value
                        else:
                            kind, text = "d", value.isoformat(sep=" ")
                        cells.append([sheet.title, cell.row, cell.column, kind, text])
            json.dump(cells, sys.stdout)
            """
        let output = try ChildProcess.python(script, arguments: [url.path])
        let expected = try JSONDecoder().decode([[ExpectedField]].self, from: output)
        #expect(expected.count > 12_000)

        let reader = try XlsxReader(url: url)
        var actual: [String: XlsxCell] = [:]
        for sheet in reader.sheetNames {
            try reader.forEachRow(sheet: sheet) { row in
                for (offset, cell) in row.cells.enumerated() where cell != .empty {
                    actual["\(sheet)!\(row.index):\(offset + 1)"] = cell
                }
            }
        }
        #expect(actual.count == expected.count)
        var mismatches: [String] = []
        for fields in expected {
            guard case .text(let sheet) = fields[0], case .number(let row) = fields[1],
                case .number(let column) = fields[2], case .text(let kind) = fields[3],
                case .text(let text) = fields[4]
            else {
                Issue.record("unexpected dump row \(fields)")
                continue
            }
            let key = "\(sheet)!\(row):\(column)"
            let matches: Bool
            switch (kind, actual[key]) {
            case ("n", .number(_, let value)?): matches = Double(text) == value
            case ("s", .string(let value)?): matches = value == text
            case ("b", let cell?), ("d", let cell?): matches = cell.text == text
            default: matches = false
            }
            if !matches {
                mismatches.append("\(key): openpyxl \(kind) '\(text)', reader \(String(describing: actual[key]))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// One field of openpyxl's dump: a string or an integer.
    enum ExpectedField: Decodable {
        case text(String)
        case number(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }
}
