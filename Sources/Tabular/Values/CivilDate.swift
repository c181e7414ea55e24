/// A calendar date with no time of day and no time zone, as invoice and posting dates are.
///
/// Dates are validated on creation (month lengths, leap years) and limited to 1900-01-01 …
/// 9999-12-31, the range a workbook can hold as a date, so ``excelSerial`` always exists and
/// ``iso8601`` always has a four-digit year.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1900 through 9999.
    public let year: Int
    /// The month, 1 through 12.
    public let month: Int
    /// The day of the month, 1 through the month's length.
    public let day: Int

    /// The years a date may have.
    public static let supportedYears = 1900...9999

    /// The date, or nil when it does not exist (2023-02-29) or lies outside ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` has a 29 February in the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` of `year`.
    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date as `YYYY-MM-DD`.
    public var iso8601: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        func append(_ value: Int, digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        append(year, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        append(month, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        append(day, digits: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The date as `YYYY-MM-DD`, the form every output uses.
    public var description: String { iso8601 }

    /// Orders dates by time.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - Day counts

    /// Days from 1970-01-01 to this date (negative before it).
    var daysSinceUnixEpoch: Int {
        GregorianDays.days(year: year, month: month, day: day)
    }

    /// The date `days` after 1970-01-01, or nil outside ``supportedYears``.
    init?(daysSinceUnixEpoch days: Int) {
        guard let (year, month, day) = GregorianDays.date(days: days) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` later (earlier when negative), or nil outside ``supportedYears``; for due
    /// dates counted from a start date.
    public func adding(days: Int) -> CivilDate? {
        let (target, overflow) = daysSinceUnixEpoch.addingReportingOverflow(days)
        return overflow ? nil : CivilDate(daysSinceUnixEpoch: target)
    }

    // MARK: - Excel serial numbers

    /// Excel's serial of 1970-01-01 in the 1900 date system.
    private static let excelSerialOfUnixEpoch = 25_569
    /// Excel's first serial after its phantom 1900-02-29 (serial 60), that is 1900-03-01.
    private static let firstSerialAfterPhantomLeapDay = 61

    /// The date's serial number in Excel's 1900 date system, the number a date cell stores:
    /// 1900-01-01 is 1 and 1900-03-01 is 61, because Excel (after Lotus 1-2-3) counts a
    /// 29 February 1900 that never was.
    public var excelSerial: Int {
        let serial = daysSinceUnixEpoch + Self.excelSerialOfUnixEpoch
        return serial < Self.firstSerialAfterPhantomLeapDay ? serial - 1 : serial
    }

    /// The date an Excel 1900-system serial number stands for, as a date cell read back holds it.
    ///
    /// Nil for serial 60 (Excel's phantom 1900-02-29) and for serials outside 1900-01-01 …
    /// 9999-12-31. Fractions of a day (times) are the caller's to drop.
    public init?(excelSerial: Int) {
        guard excelSerial != Self.firstSerialAfterPhantomLeapDay - 1 else { return nil }
        let (days, overflow) = excelSerial.subtractingReportingOverflow(Self.excelSerialOfUnixEpoch)
        guard !overflow else { return nil }
        self.init(daysSinceUnixEpoch: excelSerial < Self.firstSerialAfterPhantomLeapDay ? days + 1 : days)
    }
}

/// Howard Hinnant's conversions between proleptic Gregorian dates and days since 1970-01-01, the one
/// implementation behind `CivilDate` and the XLSX reader's date serials: March counts as the first month,
/// so the leap day ends the year, and 400-year eras repeat exactly.
enum GregorianDays {
    /// Days from 1970-01-01 to the date (negative before it), for any year.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01, or nil when the count is so large that the arithmetic would overflow.
    static func date(days: Int) -> (year: Int, month: Int, day: Int)? {
        let (shifted, overflow) = days.addingReportingOverflow(719_468)
        guard !overflow, shifted > Int.min + 146_096 else { return nil }
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let (year, yearOverflow) = (era * 400).addingReportingOverflow(yearOfEra + (month <= 2 ? 1 : 0))
        return yearOverflow ? nil : (year, month, day)
    }
}
