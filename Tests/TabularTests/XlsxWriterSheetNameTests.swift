import Foundation
import KedjaTestSupport
import Tabular
import Testing

@Suite("XLSX writer: sheet names")
struct XlsxWriterSheetNameTests {
    @Test("valid names are kept in order, Swedish letters and 31 characters included")
    func validNames() throws {
        let names = [
            "Sammanfattning", "Riskregister", "Riskkarta", "Metod", "Avvisade", String(repeating: "å", count: 31),
            "Risk register (2)", "It's fine",
        ]
        let report = try XlsxWriterFixture.write { workbook in
            for name in names {
                _ = try workbook.addWorksheet(name: name)
            }
            #expect(workbook.worksheetNames == names)
        }
        #expect(report.sheets.map(\.name) == names)
    }

    @Test("a name over 31 characters is refused")
    func tooLong() throws {
        _ = try XlsxWriterFixture.write { workbook in
            _ = try workbook.addWorksheet(name: "A")
            let error = #expect(throws: XlsxError.self) {
                try workbook.addWorksheet(name: String(repeating: "x", count: 32))
            }
            #expect(error?.code == .sheetNameTooLong)
            #expect(error?.detail.contains("31") == true)
        }
    }

    @Test("characters Excel forbids are refused", arguments: ["[", "]", ":", "*", "?", "/", "\\"])
    func forbiddenCharacter(character: String) throws {
        _ = try XlsxWriterFixture.write { workbook in
            _ = try workbook.addWorksheet(name: "A")
            let error = #expect(throws: XlsxError.self) { try workbook.addWorksheet(name: "Risk\(character)2026") }
            #expect(error?.code == .invalidSheetName)
            #expect(error?.detail.contains(character) == true)
        }
    }

    @Test("apostrophes at either end are refused")
    func apostrophes() throws {
        _ = try XlsxWriterFixture.write { workbook in
            _ = try workbook.addWorksheet(name: "A")
            for name in ["'Risk", "Risk'"] {
                let error = #expect(throws: XlsxError.self) { try workbook.addWorksheet(name: name) }
                #expect(error?.code == .sheetNameApostrophe)
            }
        }
    }

    @Test("empty, control-character and reserved names are refused")
    func otherInvalidNames() throws {
        _ = try XlsxWriterFixture.write { workbook in
            _ = try workbook.addWorksheet(name: "A")
            for name in ["", "History", "HISTORY", "Risk\tregister"] {
                let error = #expect(throws: XlsxError.self) { try workbook.addWorksheet(name: name) }
                #expect(error?.code == .invalidSheetName)
            }
        }
    }

    @Test("a name already used, ignoring case (Swedish letters too), is refused")
    func duplicates() throws {
        let report = try XlsxWriterFixture.write { workbook in
            _ = try workbook.addWorksheet(name: "Risk register")
            _ = try workbook.addWorksheet(name: "Översikt")
            for name in ["Risk register", "RISK REGISTER", "översikt"] {
                let error = #expect(throws: XlsxError.self) { try workbook.addWorksheet(name: name) }
                #expect(error?.code == .sheetNameInUse)
                #expect(error?.subject == "sheet '\(name)'")
            }
        }
        #expect(report.sheets.map(\.name) == ["Risk register", "Översikt"])
    }

    @Test("checkSheetName validates without a workbook")
    func standaloneCheck() throws {
        try Workbook.checkSheetName("Riskregister 2")
        #expect(throws: XlsxError.self) { try Workbook.checkSheetName("Risk/2") }
    }
}
