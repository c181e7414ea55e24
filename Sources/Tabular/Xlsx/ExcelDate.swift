/// A date for a date cell: a calendar day, or an Excel serial number (days since 1899-12-30, fraction = time).
///
/// Written as a real date cell (a number with a date format), so Excel sorts, filters and computes with it.
public enum ExcelDate: Hashable, Sendable {
    /// A calendar day in the proleptic Gregorian calendar, 1900-01-01 through 9999-12-31.
    case day(year: Int, month: Int, day: Int)
    /// An Excel serial date in the 1900 date system, 0 ≤ serial < 2,958,466 (the end of 9999-12-31).
    case serial(Double)

    /// The largest serial Excel accepts: the last moment of 9999-12-31.
    static let serialLimit = 2_958_466.0

    /// Whether `year`-`month`-`day` exists and lies in Excel's date range.
    static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let isLeapYear = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= daysInMonth[month - 1]
    }
}
