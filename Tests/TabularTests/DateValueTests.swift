import Testing

@testable import Tabular

@Suite("CivilDate")
struct DateValueTests {
    @Test(
        "accepts real dates, leap days included",
        arguments: [
            (2024, 2, 29), (2000, 2, 29), (2023, 2, 28), (1900, 1, 1), (9999, 12, 31), (2024, 4, 30), (2024, 12, 31),
        ])
    func acceptsRealDates(year: Int, month: Int, day: Int) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect((date.year, date.month, date.day) == (year, month, day))
    }

    @Test(
        "rejects dates that do not exist or that a workbook cannot hold",
        arguments: [
            (2023, 2, 29), (1900, 2, 29), (2100, 2, 29), (2024, 2, 30), (2024, 4, 31), (2024, 0, 1), (2024, 13, 1),
            (2024, 1, 0), (2024, 1, 32), (1899, 12, 31), (10000, 1, 1), (0, 1, 1), (-1, 1, 1),
        ])
    func rejectsImpossibleDates(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("knows the Gregorian leap years")
    func leapYears() {
        #expect(CivilDate.isLeapYear(2024))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(!CivilDate.isLeapYear(2023))
        #expect(!CivilDate.isLeapYear(2100))
    }

    @Test("writes ISO 8601 with zero padding")
    func iso8601() throws {
        #expect(try #require(CivilDate(year: 2024, month: 1, day: 5)).iso8601 == "2024-01-05")
        #expect(try #require(CivilDate(year: 1900, month: 12, day: 31)).description == "1900-12-31")
    }

    @Test(
        "gives Excel's 1900-system serial, phantom leap day included",
        arguments: [
            (1900, 1, 1, 1), (1900, 2, 28, 59), (1900, 3, 1, 61), (1970, 1, 1, 25_569), (2024, 1, 5, 45_296),
            (2024, 2, 29, 45_351), (9999, 12, 31, 2_958_465),
        ])
    func excelSerial(year: Int, month: Int, day: Int, serial: Int) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect(date.excelSerial == serial)
        #expect(CivilDate(excelSerial: serial) == date)
    }

    @Test("reads every serial back to the date that gives it")
    func excelSerialRoundTrip() {
        // Every serial of 1900–1903 (the phantom leap day, the century rule), a prime stride through
        // the rest, and the last day; one expectation keeps it fast and names the first failure.
        let serials = Array(1...1_500) + Array(stride(from: 1_501, to: 2_958_465, by: 97)) + [2_958_465]
        var previous: CivilDate?
        var firstFailure: Int?
        for serial in serials where serial != 60 {
            guard let date = CivilDate(excelSerial: serial), date.excelSerial == serial,
                previous.map({ $0 < date }) ?? true
            else {
                firstFailure = serial
                break
            }
            previous = date
        }
        #expect(firstFailure == nil)
        #expect(previous?.iso8601 == "9999-12-31")
    }

    @Test("has no date for serial 60 or serials outside the range", arguments: [60, 0, -1, 2_958_466, .max, .min])
    func excelSerialOutOfRange(serial: Int) {
        #expect(CivilDate(excelSerial: serial) == nil)
    }

    @Test("counts days across month, year and leap-day boundaries")
    func addingDays() throws {
        let leapEve = try #require(CivilDate(year: 2024, month: 2, day: 28))
        #expect(leapEve.adding(days: 1)?.iso8601 == "2024-02-29")
        #expect(leapEve.adding(days: 2)?.iso8601 == "2024-03-01")
        #expect(leapEve.adding(days: 366)?.iso8601 == "2025-02-28")
        #expect(leapEve.adding(days: -59)?.iso8601 == "2023-12-31")
        #expect(leapEve.adding(days: 0) == leapEve)
        let first = try #require(CivilDate(year: 1900, month: 1, day: 1))
        #expect(first.adding(days: -1) == nil)
        #expect(first.adding(days: .max) == nil)
        #expect(first.adding(days: .min) == nil)
    }

    @Test("orders by year, then month, then day")
    func ordering() throws {
        let dates = try [(2024, 1, 5), (2023, 12, 31), (2024, 1, 4), (2024, 2, 1)].map {
            try #require(CivilDate(year: $0.0, month: $0.1, day: $0.2))
        }
        #expect(dates.sorted().map(\.iso8601) == ["2023-12-31", "2024-01-04", "2024-01-05", "2024-02-01"])
    }
}
