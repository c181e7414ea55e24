import Foundation
import KedjaTestSupport
import Tabular
import Testing

@Suite("XLSX writer: tables, drop-down lists and conditional formats")
struct XlsxWriterRulesTests {
    static let high = CellStyle(
        fontColor: XlsxColor(red: 0x9C, green: 0, blue: 0x06), fillColor: XlsxColor(red: 0xFF, green: 0xC7, blue: 0xCE))
    static let medium = CellStyle(fillColor: XlsxColor(red: 0xFF, green: 0xEB, blue: 0x9C))
    static let low = CellStyle(fillColor: XlsxColor(red: 0xC6, green: 0xEF, blue: 0xCE))

    @Test("a table gets its name, range, style and header cells")
    func table() throws {
        let headers = ["Leverantör", "Kategori", "Belopp"]
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "Riskregister")
            try sheet.write(row: 1, col: 0, string: "Kaffe AB")
            try sheet.write(row: 1, col: 1, string: "Kaffe")
            try sheet.write(row: 1, col: 2, number: 1200)
            try sheet.addTable(
                CellRange(firstRow: 0, firstCol: 0, lastRow: 2, lastCol: 2), headers: headers, name: "Register",
                style: .medium(2))
            let other = try workbook.addWorksheet(name: "Other")
            try other.addTable(
                CellRange(firstRow: 0, firstCol: 0, lastRow: 1, lastCol: 0), headers: ["X"], style: .none)
        }
        let sheet = try report.sheet("Riskregister")
        let table = try #require(sheet.tables.first)
        #expect(table.name == "Register")
        #expect(table.ref == "A1:C3")
        #expect(table.style == "TableStyleMedium2")
        #expect(table.columns == headers)
        #expect(try sheet.cell(0, 0).v == .string("Leverantör"))
        #expect(try sheet.cell(1, 2).v == .number(1200))
        let other = try #require(try report.sheet("Other").tables.first)
        #expect(other.name == "Table1")
    }

    @Test("tables with bad headers, names, sizes or styles are refused")
    func badTables() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            let range = CellRange(firstRow: 0, firstCol: 0, lastRow: 3, lastCol: 1)
            let duplicate = #expect(throws: XlsxError.self) { try sheet.addTable(range, headers: ["Land", "LAND"]) }
            #expect(duplicate?.detail.contains("LAND") == true)
            #expect(throws: XlsxError.self) { try sheet.addTable(range, headers: ["Only one"]) }
            #expect(throws: XlsxError.self) { try sheet.addTable(range, headers: ["A", ""]) }
            #expect(throws: XlsxError.self) { try sheet.addTable(range, headers: ["A", "B"], style: .medium(29)) }
            #expect(throws: XlsxError.self) {
                try sheet.addTable(CellRange(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 1), headers: ["A", "B"])
            }
            try sheet.addTable(range, headers: ["A", "B"], name: "Register")
            let other = CellRange(firstRow: 10, firstCol: 0, lastRow: 12, lastCol: 1)
            let clash = #expect(throws: XlsxError.self) {
                try sheet.addTable(other, headers: ["A", "B"], name: "register")
            }
            #expect(clash?.detail.contains("already named") == true)
            let invalidName = #expect(throws: XlsxError.self) {
                try sheet.addTable(other, headers: ["A", "B"], name: "has space")
            }
            #expect(invalidName?.code == .invalidParameter)
            // A refused name is not kept, so a valid table can follow.
            try sheet.addTable(other, headers: ["A", "B"], name: "Second")
        }
    }

    @Test("a drop-down list validation")
    func dropDown() throws {
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "Uppföljningsplan")
            try sheet.dataValidationList(
                CellRange(firstRow: 1, firstCol: 7, lastRow: 500, lastCol: 7),
                values: ["Ej påbörjad", "Pågår", "Klar", "Avvikelse"], errorMessage: "Välj en status i listan.")
        }
        let validation = try #require(try report.sheet("Uppföljningsplan").dataValidations.first)
        #expect(validation.type == "list")
        #expect(validation.formula1 == "\"Ej påbörjad,Pågår,Klar,Avvikelse\"")
        #expect(validation.sqref == "H2:H501")
        #expect(validation.error == "Välj en status i listan.")
    }

    @Test("list items with commas or quotes, empty lists and lists over 255 characters are refused")
    func badDropDowns() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            let range = CellRange(firstRow: 0, firstCol: 0, lastRow: 9, lastCol: 0)
            let comma = #expect(throws: XlsxError.self) {
                try sheet.dataValidationList(range, values: ["Ja", "Nej, inte än"])
            }
            #expect(comma?.detail.contains("comma") == true)
            #expect(throws: XlsxError.self) { try sheet.dataValidationList(range, values: ["\"quoted\""]) }
            #expect(throws: XlsxError.self) { try sheet.dataValidationList(range, values: []) }
            // 16 items of 15 characters plus 15 commas = 255 fits; one more character does not.
            let fits = (0..<16).map { "item-" + String(repeating: "0", count: 9) + String($0, radix: 16) }
            try sheet.dataValidationList(range, values: fits)
            let tooLong = #expect(throws: XlsxError.self) {
                try sheet.dataValidationList(range, values: fits + ["x"])
            }
            #expect(tooLong?.code == .textLongerThan255)
        }
    }

    @Test("risk cells coloured by rules that follow a user's edit")
    func riskColours() throws {
        let range = CellRange(firstRow: 1, firstCol: 6, lastRow: 40, lastCol: 10)
        let report = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "Riskregister")
            try sheet.conditionalFormat(range, rule: .cellEqualsText("Hög", style: Self.high))
            try sheet.conditionalFormat(range, rule: .cellEqualsText("Medel", style: Self.medium))
            try sheet.conditionalFormat(range, rule: .cellEqualsText("Låg", style: Self.low))
            try sheet.conditionalFormat(range, rule: .cellEqualsText("Say \"hi\"", style: Self.low))
            try sheet.conditionalFormat(range, rule: .textContains("Okänd", style: CellStyle(italic: true)))
            try sheet.conditionalFormat(range, rule: .cellEqualsNumber(3, style: Self.high))
            try sheet.conditionalFormat(range, rule: .formula("$L2=\"Hög\"", style: CellStyle(bold: true)))
            try sheet.conditionalFormat(
                CellRange(firstRow: 1, firstCol: 1, lastRow: 10, lastCol: 4),
                rule: .colorScale(
                    low: .white, middle: XlsxColor(red: 0xFF, green: 0xEB, blue: 0x84),
                    high: XlsxColor(red: 0xF8, green: 0x69, blue: 0x6B)))
        }
        let formats = try report.sheet("Riskregister").conditionalFormats
        let riskRules = try #require(formats.first { $0.range == "G2:K41" }).rules
        #expect(riskRules.count == 6)
        #expect(riskRules[0].type == "cellIs")
        #expect(riskRules[0].operator == "equal")
        #expect(riskRules[0].formula == ["\"Hög\""])
        #expect(riskRules[0].fill == "FFFFC7CE")
        #expect(riskRules[0].fontColor == "FF9C0006")
        #expect(riskRules[1].formula == ["\"Medel\""])
        #expect(riskRules[1].fill == "FFFFEB9C")
        #expect(riskRules[2].formula == ["\"Låg\""])
        #expect(riskRules[3].formula == ["\"Say \"\"hi\"\"\""])
        #expect(riskRules[4].formula == ["3"])
        #expect(riskRules[5].type == "expression")
        #expect(riskRules[5].formula == ["$L2=\"Hög\""])
        #expect(riskRules[5].bold == true)
        // A text rule is written once per column, each testing its own column's top cell.
        for column in ["G", "H", "I", "J", "K"] {
            let textRule = try #require(formats.first { $0.range == "\(column)2:\(column)41" }?.rules.first)
            #expect(textRule.type == "containsText")
            #expect(textRule.text == "Okänd")
            #expect(textRule.formula == ["NOT(ISERROR(SEARCH(\"Okänd\",\(column)2)))"])
        }
        let scale = try #require(formats.first { $0.range == "B2:E11" }?.rules.first)
        #expect(scale.type == "colorScale")
        #expect(scale.colorScale == ["FFFFFFFF", "FFFFEB84", "FFF8696B"])
    }

    @Test("rules that cannot be written are refused")
    func badRules() throws {
        _ = try XlsxWriterFixture.write { workbook in
            let sheet = try workbook.addWorksheet(name: "A")
            let range = CellRange(firstRow: 0, firstCol: 0, lastRow: 9, lastCol: 0)
            #expect(throws: XlsxError.self) {
                try sheet.conditionalFormat(range, rule: .textContains("a\"b", style: Self.low))
            }
            #expect(throws: XlsxError.self) {
                try sheet.conditionalFormat(range, rule: .textContains("", style: Self.low))
            }
            #expect(throws: XlsxError.self) {
                try sheet.conditionalFormat(range, rule: .cellEqualsNumber(.nan, style: Self.low))
            }
            #expect(throws: XlsxError.self) { try sheet.conditionalFormat(range, rule: .formula("", style: Self.low)) }
        }
    }
}
