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
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped.append("\u{00A0}") }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + rest + " kr"
    }
}
