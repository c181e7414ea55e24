import Testing

@testable import Tabular

@Suite("DateParser.parse")
struct DateParserTests {
    @Test(
        "reads every layout's forms",
        arguments: [
            ("2024-01-05", DateLayout.iso), ("2024/01/05", .iso), ("2024-1-5", .iso), ("2024-01-05 00:00:00", .iso),
            ("2024-01-05 00:00", .iso), ("2024-01-05T08:30:00", .iso), ("2024-01-05T08:30:00Z", .iso),
            ("2024-01-05T08:30:00+01:00", .iso), ("2024-01-05T08:30:00-0500", .iso), ("2024-01-05 00:00:00.000", .iso),
            ("2024-01-05 00:00:00.0000000", .iso), (" 2024-01-05 ", .iso), ("\t2024-01-05\r\n", .iso),
            ("20240105", .compact), ("05/01/2024", .dayMonthYearSlash), ("5/1/2024", .dayMonthYearSlash),
            ("05/01/2024 00:00", .dayMonthYearSlash), ("01/05/2024", .monthDayYearSlash),
            ("1/5/2024 12:00:00 AM", .monthDayYearSlash), ("1/5/2024 1:30 pm", .monthDayYearSlash),
            ("05.01.2024", .dayMonthYearDot), ("5.1.2024", .dayMonthYearDot), ("05.01.2024 00:00:00", .dayMonthYearDot),
            ("05-01-2024", .dayMonthYearDash), ("5-1-2024", .dayMonthYearDash),
        ] as [(String, DateLayout)])
    func readsLayouts(text: String, layout: DateLayout) {
        #expect(DateParser.parse(text, layout: layout) == CivilDate(year: 2024, month: 1, day: 5))
    }

    @Test(
        "rejects other shapes, two-digit years and impossible dates",
        arguments: [
            ("", DateLayout.iso), ("2024-01-05x", .iso), ("2024-01/05", .iso), ("24-01-05", .iso), ("2024-13-01", .iso),
            ("2024-02-30", .iso), ("2024-01-05 25:00", .iso), ("2024-01-05 08:60", .iso), ("2024-01-05 foo", .iso),
            ("2024-01-05 ", .compact), ("2024-001-05", .iso), ("20240105", .iso), ("02024-01-05", .iso),
            ("2024-01-05T", .iso), ("2024-01-05 8", .iso), ("2024-01-05 08:30+1", .iso), ("1899-12-31", .iso),
            ("2024015", .compact), ("202401050", .compact), ("20241301", .compact), ("2024-01-05", .compact),
            ("05/01/24", .dayMonthYearSlash), ("05/01/02024", .dayMonthYearSlash), ("13/13/2024", .dayMonthYearSlash),
            ("005/01/2024", .dayMonthYearSlash), ("05-01/2024", .dayMonthYearSlash), ("01/13/2024", .dayMonthYearSlash),
            ("13/01/2024", .monthDayYearSlash), ("05.01.24", .dayMonthYearDot), ("05/01/2024", .dayMonthYearDot),
            ("05-01-24", .dayMonthYearDash), ("2024-01-05", .dayMonthYearDash), ("05.01.2024", .dayMonthYearDash),
            ("n/a", .dayMonthYearSlash), ("-", .dayMonthYearDash),
        ] as [(String, DateLayout)])
    func rejects(text: String, layout: DateLayout) {
        #expect(DateParser.parse(text, layout: layout) == nil)
    }

    @Test(
        "knows leap days in every layout",
        arguments: [
            ("29.02.2024", DateLayout.dayMonthYearDot, true), ("29.02.2023", .dayMonthYearDot, false),
            ("2000-02-29", .iso, true), ("1900-02-29", .iso, false), ("21000229", .compact, false),
            ("20240229", .compact, true), ("02/29/2024", .monthDayYearSlash, true),
            ("29/02/2100", .dayMonthYearSlash, false),
        ] as [(String, DateLayout, Bool)])
    func leapDays(text: String, layout: DateLayout, exists: Bool) {
        #expect((DateParser.parse(text, layout: layout) != nil) == exists)
    }

    @Test("reads slices of a record's bytes without copying them out first")
    func readsSlices() {
        let record = Array("x;31.12.2024;y".utf8)
        #expect(DateParser.parse(record[2..<12], layout: .dayMonthYearDot) == CivilDate(year: 2024, month: 12, day: 31))
        #expect(
            record.withUnsafeBufferPointer { DateParser.parse($0[2..<12], layout: .dayMonthYearDot) }
                == CivilDate(year: 2024, month: 12, day: 31))
    }

    @Test("names layouts as inspect shows them")
    func layoutNames() {
        #expect(
            DateLayout.allCases.map(\.rawValue) == [
                "YYYY-MM-DD", "YYYYMMDD", "DD/MM/YYYY", "MM/DD/YYYY", "D.M.YYYY", "DD-MM-YYYY",
            ])
    }
}
