import Tabular

extension Amount {
    /// The amount as messages on standard error write it in `language`.
    ///
    /// Swedish: thousands grouped with U+00A0 NO-BREAK SPACE (as the register's changes sheet groups them, and so
    /// the figure never breaks across lines), a decimal comma, at least two decimals and ` kr`:
    /// `238 219 200,20 kr`. English: the plain literal the English messages have always printed, `238219200.20`.
    public func messageText(_ language: Language) -> String {
        guard language == .sv else { return description }
        let plain = formatted(decimalMark: DecimalMark.comma.rawValue)
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : plain[...]
        let whole = unsigned.prefix { $0 != "," }
        let rest = unsigned.dropFirst(whole.count)
        return (negative ? "-" : "") + Self.grouped(whole, by: "\u{00A0}") + rest + " kr"
    }

    /// `digits` in groups of three from the right, joined by `separator`: `238219200` → `238 219 200`.
    public static func grouped(_ digits: some StringProtocol, by separator: Character) -> String {
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(separator) }
            text.append(digit)
        }
        return text
    }
}
