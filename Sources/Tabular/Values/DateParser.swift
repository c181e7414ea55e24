/// How a column writes its dates, decided once per column so `01/02/2024` is read the same way on
/// every row.
///
/// The raw values name the layouts as `inspect` shows them. Years always have four digits: two-digit
/// years are never guessed. Day and month may have one or two digits except in ``compact``.
public enum DateLayout: String, Sendable, CaseIterable {
    /// ISO 8601 `YYYY-MM-DD`, also `YYYY/MM/DD`, optionally followed by a time (`2024-01-05 00:00:00`,
    /// `2024-01-05T08:30:00Z`), as SQL-based ERPs export.
    case iso = "YYYY-MM-DD"
    /// `YYYYMMDD` without separators, as Raindance and Visma export.
    case compact = "YYYYMMDD"
    /// Day first with slashes, `DD/MM/YYYY`, as UK and many European exports write.
    case dayMonthYearSlash = "DD/MM/YYYY"
    /// Month first with slashes, `MM/DD/YYYY`, as US exports write.
    case monthDayYearSlash = "MM/DD/YYYY"
    /// Day first with points, `D.M.YYYY`, as Swedish and German users type.
    case dayMonthYearDot = "D.M.YYYY"
    /// Day first with hyphens, `DD-MM-YYYY`.
    case dayMonthYearDash = "DD-MM-YYYY"
}

/// Reads calendar dates from the bytes of CSV fields and decides a column's ``DateLayout``.
///
/// Any layout may be followed by a time of day (`08:30`, `08:30:00.000`, `8:30:00 AM`, with an
/// optional `Z` or `+01:00`), which is checked for shape and dropped: the date is taken as written.
/// Padding around the value is ignored.
public enum DateParser {
    /// Reads one field's bytes as a date in `layout`; nil when the field does not have the layout's
    /// shape or names a date that does not exist (2023-02-29).
    public static func parse(_ bytes: some Collection<UInt8>, layout: DateLayout) -> CivilDate? {
        withContiguousBytes(bytes) { parse(buffer: $0, layout: layout) }
    }

    /// Reads `text` as a date in `layout`, for tests and cold paths such as command-line options.
    public static func parse(_ text: String, layout: DateLayout) -> CivilDate? {
        parse(text.utf8, layout: layout)
    }

    /// Decides a column's layout from sample values.
    ///
    /// The layout family (ISO, compact, slashes, points, hyphens) is the one most values fit, and it
    /// must fit at least half of the non-blank values. With slashes the order is decided from all
    /// values together: a first component above 12 means day first, a second one above 12 means
    /// month first, no evidence means day first (the European default), and evidence both ways
    /// means nil. Nil also when no family wins.
    public static func detectLayout(samples: some Sequence<some Collection<UInt8>>) -> DateLayout? {
        var fits: [DateLayout: Int] = [:]
        var slashFits = 0
        var nonBlank = 0
        for sample in samples {
            withContiguousBytes(sample) { buffer in
                var window = ByteWindow(buffer)
                window.trimPadding()
                guard !window.isEmpty else { return }
                nonBlank += 1
                let dayFirst = parse(buffer: buffer, layout: .dayMonthYearSlash) != nil
                let monthFirst = parse(buffer: buffer, layout: .monthDayYearSlash) != nil
                if dayFirst || monthFirst { slashFits += 1 }
                // Only a value that fits one order is evidence for it.
                if dayFirst != monthFirst {
                    fits[dayFirst ? .dayMonthYearSlash : .monthDayYearSlash, default: 0] += 1
                }
                for layout in [DateLayout.iso, .compact, .dayMonthYearDot, .dayMonthYearDash]
                where parse(buffer: buffer, layout: layout) != nil {
                    fits[layout, default: 0] += 1
                }
            }
        }

        let slashLayout: DateLayout?
        switch (fits[.dayMonthYearSlash, default: 0] > 0, fits[.monthDayYearSlash, default: 0] > 0) {
        case (true, true): slashLayout = nil
        case (false, true): slashLayout = .monthDayYearSlash
        default: slashLayout = .dayMonthYearSlash
        }
        let families: [(layout: DateLayout?, count: Int)] = [
            (.iso, fits[.iso, default: 0]),
            (.compact, fits[.compact, default: 0]),
            (slashLayout, slashFits),
            (.dayMonthYearDot, fits[.dayMonthYearDot, default: 0]),
            (.dayMonthYearDash, fits[.dayMonthYearDash, default: 0]),
        ]
        guard let best = families.max(by: { $0.count < $1.count }), best.count > 0,
            best.count * 2 >= nonBlank,
            families.filter({ $0.count == best.count }).count == 1
        else { return nil }
        return best.layout
    }

    /// The parser's core over one contiguous field.
    static func parse(buffer: UnsafeBufferPointer<UInt8>, layout: DateLayout) -> CivilDate? {
        var window = ByteWindow(buffer)
        window.trimPadding()
        var reader = DateFieldReader(window: window)
        let year: Int
        let month: Int
        let day: Int
        switch layout {
        case .iso:
            guard let y = reader.number(digits: 4...4), let separator = reader.oneOf("-", "/"),
                let m = reader.number(digits: 1...2), reader.skip(separator),
                let d = reader.number(digits: 1...2)
            else { return nil }
            (year, month, day) = (y, m, d)
        case .compact:
            guard let y = reader.number(digits: 4...4), let m = reader.number(digits: 2...2),
                let d = reader.number(digits: 2...2)
            else { return nil }
            (year, month, day) = (y, m, d)
        case .dayMonthYearSlash, .monthDayYearSlash, .dayMonthYearDot, .dayMonthYearDash:
            let separator: UInt8 =
                switch layout {
                case .dayMonthYearDot: UInt8(ascii: ".")
                case .dayMonthYearDash: UInt8(ascii: "-")
                default: UInt8(ascii: "/")
                }
            guard let first = reader.number(digits: 1...2), reader.skip(separator),
                let second = reader.number(digits: 1...2), reader.skip(separator),
                let y = reader.number(digits: 4...4)
            else { return nil }
            (year, month, day) = layout == .monthDayYearSlash ? (y, first, second) : (y, second, first)
        }
        guard !reader.atDigit, reader.timeOfDayOrEnd() else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}

/// A forward reader over a trimmed date field.
private struct DateFieldReader {
    let window: ByteWindow
    var index: Int

    init(window: ByteWindow) {
        self.window = window
        self.index = window.lower
    }

    /// Whether the next byte is a digit (a number ran on past its width).
    var atDigit: Bool { ASCII.isDigit(window[index]) }

    /// Reads as many digits as `digits` allows, failing if fewer than its lower bound are there.
    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while count < digits.upperBound, let digit = ASCII.digitValue(window[index]) {
            value = value * 10 + digit
            count += 1
            index += 1
        }
        return count >= digits.lowerBound ? value : nil
    }

    /// Consumes `byte` if it comes next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard window[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes whichever of two ASCII characters comes next, returning it.
    mutating func oneOf(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt8? {
        let byte = window[index]
        guard byte == UInt8(ascii: first) || byte == UInt8(ascii: second) else { return nil }
        index += 1
        return byte
    }

    /// Whether the rest is empty or a time of day: ` ` or `T`, `H:MM` or `HH:MM`, optional `:SS`
    /// with optional fraction, optional ` AM`/` PM`, optional `Z` or `±HH[:]MM`.
    mutating func timeOfDayOrEnd() -> Bool {
        if index >= window.upper { return true }
        guard skip(UInt8(ascii: " ")) || skip(UInt8(ascii: "T")) || skip(UInt8(ascii: "t")) else { return false }
        guard let hour = number(digits: 1...2), hour < 24, skip(UInt8(ascii: ":")),
            let minute = number(digits: 2...2), minute < 60
        else { return false }
        if skip(UInt8(ascii: ":")) {
            guard let second = number(digits: 2...2), second <= 60 else { return false }
            if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                guard number(digits: 1...9) != nil else { return false }
            }
        }
        // A 12-hour clock's AM/PM.
        let afterClock = index
        _ = skip(UInt8(ascii: " "))
        let meridiem = ASCII.upper(window[index])
        if (meridiem == UInt8(ascii: "A") || meridiem == UInt8(ascii: "P"))
            && ASCII.upper(window[index + 1]) == UInt8(ascii: "M")
        {
            index += 2
        } else {
            index = afterClock
        }
        // A UTC offset: `Z`, or a signed hours-and-minutes offset.
        if !skip(UInt8(ascii: "Z")), skip(UInt8(ascii: "+")) || skip(UInt8(ascii: "-")) {
            guard let offsetHours = number(digits: 2...2), offsetHours < 24 else { return false }
            _ = skip(UInt8(ascii: ":"))
            guard let offsetMinutes = number(digits: 2...2), offsetMinutes < 60 else { return false }
        }
        return index == window.upper
    }
}
