/// Converts Excel date serial numbers to calendar dates, in either of Excel's two date systems.
///
/// A workbook stores a date as a number of days (the fraction is the time of day) and only its
/// number format says it is a date. The 1900 system counts 1 = 1900-01-01 and, copying Lotus 1-2-3,
/// has a day 60 for the fictitious 1900-02-29; the 1904 system (old Mac workbooks,
/// `<workbookPr date1904="1"/>`) counts 0 = 1904-01-01.
enum XlsxSerialDate {
    /// The largest serial Excel shows as a date: 9999-12-31 in the 1900 system.
    static let largestSerial1900 = 2_958_465.0
    /// The largest serial Excel shows as a date in the 1904 system: 9999-12-31.
    static let largestSerial1904 = 2_957_003.0

    /// The calendar date and seconds since midnight for `serial`, or `nil` when it lies outside the
    /// range Excel can display as a date (negative, not finite, or after 9999-12-31).
    static func cell(fromSerial serial: Double, uses1904: Bool) -> XlsxCell? {
        let largest = uses1904 ? largestSerial1904 : largestSerial1900
        guard serial.isFinite, serial >= 0, serial < largest + 1 else { return nil }
        var wholeDays = serial.rounded(.down)
        var seconds = Int(((serial - wholeDays) * 86_400).rounded())
        if seconds >= 86_400 {
            wholeDays += 1
            seconds -= 86_400
        }
        guard wholeDays <= largest else { return nil }
        let day = Int(wholeDays)
        let daysSinceUnixEpoch: Int
        if uses1904 {
            daysSinceUnixEpoch = GregorianDays.days(year: 1904, month: 1, day: 1) + day
        } else if day == 60 {
            return .date(year: 1900, month: 2, day: 29, seconds: seconds)
        } else if day < 60 {
            daysSinceUnixEpoch = GregorianDays.days(year: 1899, month: 12, day: 31) + day
        } else {
            daysSinceUnixEpoch = GregorianDays.days(year: 1899, month: 12, day: 30) + day
        }
        guard let civil = GregorianDays.date(days: daysSinceUnixEpoch) else { return nil }
        return .date(year: civil.year, month: civil.month, day: civil.day, seconds: seconds)
    }

    /// Parses the ISO 8601 text of a `t="d"` cell (`2024-03-01`, `2024-03-01T13:45:00`, with optional
    /// fractional seconds and `Z`), or returns `nil` if it is not such a date.
    static func cell(fromISO8601 text: String) -> XlsxCell? {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let dateFields = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateFields.count == 3, dateFields[0].count == 4, dateFields[1].count == 2, dateFields[2].count == 2,
            let year = Int(dateFields[0]), let month = Int(dateFields[1]), let day = Int(dateFields[2]),
            (1...12).contains(month), (1...CivilDate.daysInMonth(month, year: year)).contains(day)
        else {
            return nil
        }
        guard parts.count == 2 else { return .date(year: year, month: month, day: day) }
        var time = parts[1]
        if time.hasSuffix("Z") { time = time.dropLast() }
        let timeFields = time.split(separator: ":", omittingEmptySubsequences: false)
        guard timeFields.count == 3, let hours = Int(timeFields[0]), let minutes = Int(timeFields[1]),
            let secondsValue = Double(timeFields[2]), (0..<24).contains(hours), (0..<60).contains(minutes),
            secondsValue >= 0, secondsValue < 60
        else {
            return nil
        }
        let seconds = hours * 3600 + minutes * 60 + Int(secondsValue.rounded(.down))
        return .date(year: year, month: month, day: day, seconds: seconds)
    }
}

/// Decides from a cell's number format whether its number is a date or time.
enum XlsxNumberFormat {
    /// Built-in format ids that show dates or times: 14–22 and 45, 47 in every locale, and the
    /// East Asian locale ids 27–36 and 50–58.
    ///
    /// Id 46 (`[h]:mm:ss`) is missing on purpose: it shows elapsed time, a duration rather than a
    /// point in time, so its cells stay numbers (a count of days).
    static let builtInDateIDs: Set<Int> = Set(14...22).union([45, 47]).union(27...36).union(50...58)

    /// Whether the format with `id` shows a date, given the workbook's own format codes (`custom`).
    ///
    /// A custom code wins over the built-in meaning of its id.
    static func isDate(id: Int, custom: [Int: String]) -> Bool {
        if let code = custom[id] { return isDate(code: code) }
        return builtInDateIDs.contains(id)
    }

    /// Whether a format code shows a date or time: it has a d, m, y, h or s outside quoted text,
    /// escaped characters and `[...]` sections (colours, conditions, locales); a `[h]`, `[mm]` or
    /// `[ss]` section marks elapsed time, which is a duration, not a date.
    static func isDate(code: String) -> Bool {
        var iterator = code.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "\"":
                while let quoted = iterator.next(), quoted != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                var section = ""
                while let inner = iterator.next(), inner != "]" { section.unicodeScalars.append(inner) }
                let lowered = section.lowercased()
                if !lowered.isEmpty, lowered.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) {
                    return false
                }
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S":
                return true
            default:
                continue
            }
        }
        return false
    }
}
