import Foundation
import KedjaTestSupport
import Testing

@testable import Tabular

/// How `convert` types a column from its sample, and what it keeps as text.
@Suite struct CSVToWorkbookTests {
    @Test func amountsInEitherMarkAreNumbers() {
        #expect(CSVToWorkbook.columnType(["1 234,50", "-200,00", "12,5"]) == .number(.comma, integers: false))
        #expect(CSVToWorkbook.columnType(["1,234.50", "200.00"]) == .number(.point, integers: false))
        #expect(CSVToWorkbook.columnType(["6510", "7010", "4110"]) == .number(.point, integers: true))
    }

    @Test func aFewBrokenValuesDoNotTurnAmountsIntoText() {
        let values = Array(repeating: "100,00", count: 40) + ["n/a"]
        #expect(CSVToWorkbook.columnType(values) == .number(.comma, integers: false))
        #expect(CSVToWorkbook.columnType(["n/a", "x", "100,00"]) == .text)
    }

    @Test func identifiersStayText() {
        #expect(CSVToWorkbook.columnType(["010100", "0511"]) == .text, "leading zeros")
        #expect(CSVToWorkbook.columnType(["556036-0793", "212000-1967"]) == .text, "org numbers")
        #expect(CSVToWorkbook.columnType(["165560360793"]) == .text, "12-digit org numbers")
        #expect(CSVToWorkbook.columnType(["1234567890123456"]) == .text, "more digits than Excel keeps")
        #expect(!CSVToWorkbook.looksLikeIdentifier("0,50"), "a decimal below one is a number")
    }

    @Test func datesAreDatesUnlessTheyCarryATime() {
        #expect(CSVToWorkbook.columnType(["20250102", "20251231"]) == .date(.compact))
        #expect(CSVToWorkbook.columnType(["2025-01-02", "2025-12-31"]) == .date(.iso))
        #expect(CSVToWorkbook.columnType(["2025-01-02 08:30", "2025-12-31 17:00"]) == .text)
    }

    @Test func fifteenSignificantDigitsFitACell() throws {
        #expect(try #require(Amount("123456789012.345")).fitsInDouble)
        #expect(try !#require(Amount("12345678901234567.89")).fitsInDouble)
    }

    @Test func reservedOrUnusableFileNamesGiveTheSheetNameData() throws {
        let folder = try TestLocations.temporaryDirectory()
        for name in ["History", "'q'", ""] {
            let reader = try CSVReader(bytes: Array("a;b\n1;2\n".utf8), path: "\(name).csv")
            let output = folder.appendingPathComponent("\(UUID().uuidString).xlsx").path
            let counts = try CSVToWorkbook.convert(reader, to: output, sheetName: name)
            #expect(counts.written == 1)
            let workbook = try XlsxReader(url: URL(fileURLWithPath: output))
            #expect(workbook.sheetNames == ["Data"], "\(name)")
        }
    }

    /// Issue 12 item 6: the file's name as it is when it fits (it used to be cut at 24 characters), a long one cut
    /// after a whole word within Excel's 31, and continuation sheets cut to make room for their number.
    @Test func sheetNamesKeepTheFileName() {
        #expect(CSVToWorkbook.sheetName(forFileNamed: "leverantorsreskontra-2025") == "leverantorsreskontra-2025")
        #expect(CSVToWorkbook.sheetName(forFileNamed: "Inköp [2025]: Q1/Q2") == "Inköp 2025 Q1Q2")
        #expect(
            CSVToWorkbook.sheetName(forFileNamed: "leverantorsreskontra-2025-kvartal-3-korrigerad")
                == "leverantorsreskontra-2025")
        #expect(
            CSVToWorkbook.sheetName(forFileNamed: String(repeating: "x", count: 40))
                == String(repeating: "x", count: 31))
        #expect(CSVToWorkbook.sheetName(forFileNamed: String(repeating: "😀", count: 20)).utf16.count == 30)
        let base = "leverantorsreskontra-2025-q1-ny"
        #expect(CSVToWorkbook.sheetName(base, number: 1) == base)
        #expect(CSVToWorkbook.sheetName(base, number: 2) == "leverantorsreskontra-2025-q (2)")
    }
}
