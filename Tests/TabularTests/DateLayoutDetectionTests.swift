import Testing

@testable import Tabular

@Suite("DateParser.detectLayout")
struct DateLayoutDetectionTests {
    @Test(
        "decides a column's layout from all its values",
        arguments: [
            (["2024-01-05", "2024-02-10"], DateLayout.iso),
            (["2024-01-05 00:00:00", "2024-12-31 00:00:00"], .iso),
            (["20240105", "20241231"], .compact),
            (["05/01/2024", "13/01/2024"], .dayMonthYearSlash),
            (["01/05/2024", "01/13/2024"], .monthDayYearSlash),
            (["01/02/2024", "03/04/2024"], .dayMonthYearSlash),
            (["21/01/2014", "28/01/2014", "11/02/2014"], .dayMonthYearSlash),
            (["5.1.2024", "31.12.2024"], .dayMonthYearDot),
            (["05-01-2024", "06-01-2024"], .dayMonthYearDash),
            (["", "2024-01-05", "  "], .iso),
            (["2024-01-05", "2024-01-06", "saknas"], .iso),
            (["2024-01-05", "2024-01-06", "05.01.2024"], .iso),
        ] as [([String], DateLayout)])
    func decides(values: [String], layout: DateLayout) {
        #expect(DateParser.detectLayout(samples: values.map { Array($0.utf8) }) == layout)
    }

    @Test(
        "gives no layout on conflicting, missing or too little evidence",
        arguments: [
            ["13/01/2024", "01/13/2024"], [], ["", " "], ["n/a", "x"], ["2024-01-05", "x", "y"],
            ["2024-01-05", "05.01.2024"], ["05/01/24", "06/01/24"], ["12345678"], ["2024-02-30"],
        ] as [[String]])
    func undecided(values: [String]) {
        #expect(DateParser.detectLayout(samples: values.map { Array($0.utf8) }) == nil)
    }

    @Test("accepts any sequence of byte collections")
    func acceptsAnySequence() {
        #expect(DateParser.detectLayout(samples: ["31.01.2024"].lazy.map(\.utf8)) == .dayMonthYearDot)
    }
}
