import Testing

@testable import Tabular

@Suite("Amount")
struct AmountTests {
    @Test("summing 0.10 ten times gives exactly 1.00")
    func sumIsExact() throws {
        let tenCents = try #require(Amount("0.10"))
        var total = Amount.zero
        for _ in 0..<10 { total += tenCents }
        #expect(total == Amount(micros: 1_000_000))
        #expect(total.description == "1.00")
    }

    @Test("adds, subtracts and negates exactly")
    func arithmetic() throws {
        let price = try #require(Amount("1234.56"))
        let credit = try #require(Amount("-234.56"))
        #expect(price + credit == Amount(micros: 1_000_000_000))
        #expect(price - credit == Amount(micros: 1_469_120_000))
        #expect(-price == Amount(micros: -1_234_560_000))
        var running = price
        running -= price
        #expect(running == .zero)
        #expect(credit.isNegative)
        #expect(!price.isNegative)
        #expect(!Amount.zero.isNegative)
    }

    @Test("orders by value")
    func ordering() throws {
        let amounts = try ["10", "-5.5", "0", "9.999999", "-5.4"].map { try #require(Amount($0)) }
        #expect(amounts.sorted().map(\.description) == ["-5.50", "-5.40", "0.00", "9.999999", "10.00"])
    }

    @Test("reports overflow instead of trapping when asked")
    func overflowIsReported() {
        let largest = Amount(micros: .max)
        let wrapped = largest.addingReportingOverflow(Amount(micros: 1))
        #expect(wrapped.overflow)
        let fine = Amount(micros: 5).addingReportingOverflow(Amount(micros: -7))
        #expect(!fine.overflow)
        #expect(fine.partialValue == Amount(micros: -2))
    }

    @Test(
        "describes itself as a plain literal with at least two decimals",
        arguments: [
            (0, "0.00"), (1_234_500_000, "1234.50"), (-1_234_500_000, "-1234.50"), (125_000, "0.125"),
            (1, "0.000001"), (-10_000, "-0.01"), (-1, "-0.000001"), (5_000_000, "5.00"),
            (12_345_678_901_234_567_890_000, "12345678901234567.89"),
        ] as [(Int128, String)])
    func describesItself(micros: Int128, text: String) {
        #expect(Amount(micros: micros).description == text)
        #expect(Amount(text) == Amount(micros: micros))
    }

    @Test("formats with a file's decimal mark and a chosen minimum of decimals")
    func formatted() {
        let amount = Amount(micros: -1_234_500_000)
        #expect(amount.formatted(decimalMark: DecimalMark.comma.rawValue) == "-1234,50")
        #expect(amount.formatted(decimalMark: DecimalMark.point.rawValue, minimumFractionDigits: 0) == "-1234.5")
        #expect(amount.formatted(decimalMark: DecimalMark.comma.rawValue, minimumFractionDigits: 3) == "-1234,500")
        #expect(amount.formatted(decimalMark: DecimalMark.comma.rawValue, minimumFractionDigits: 9) == "-1234,500000")
        #expect(Amount(micros: 7_000_000).formatted(decimalMark: UInt8(ascii: ","), minimumFractionDigits: 0) == "7")
        #expect(Amount(micros: 125_000).formatted(decimalMark: UInt8(ascii: ","), minimumFractionDigits: -1) == "0,125")
    }

    @Test(
        "reads plain literals",
        arguments: [
            ("-1234.5", -1_234_500_000), ("+7", 7_000_000), ("7", 7_000_000), (".5", 500_000), ("0.125", 125_000),
            ("-0.000001", -1), ("12345678901234567.89", 12_345_678_901_234_567_890_000),
        ] as [(String, Int128)])
    func readsPlainLiterals(text: String, micros: Int128) {
        #expect(Amount(text) == Amount(micros: micros))
    }

    @Test(
        "refuses anything but a plain literal",
        arguments: [
            "", "+", "-", "1,5", "1 000", "kr 5", "5 kr", "--1", "1.", "1.2.3", " 1", "1-", "(1)", "1.0000001",
            "1e3", String(repeating: "9", count: 26),
        ])
    func refusesOtherText(text: String) {
        #expect(Amount(text) == nil)
    }

    @Test("gives a share of a total for display, zero of a zero total")
    func fraction() throws {
        let part = try #require(Amount("25"))
        let total = try #require(Amount("100"))
        #expect(part.fraction(of: total) == 0.25)
        #expect((-part).fraction(of: total) == -0.25)
        #expect(part.fraction(of: .zero) == 0)
    }

    @Test("converts to the nearest Double for spreadsheet cells")
    func doubleValue() {
        #expect(Amount(micros: 1_234_500_000).doubleValue == 1234.5)
        #expect(Amount(micros: -10_000).doubleValue == -0.01)
        #expect(Amount.zero.doubleValue == 0)
    }

    @Test("equal amounts hash alike, so they can key aggregates")
    func hashing() throws {
        let fromComma = try AmountParser.parse("1 234,50", decimalMark: .comma).get()
        let fromPoint = try AmountParser.parse("1,234.5", decimalMark: .point).get()
        #expect(Set([fromComma, fromPoint]).count == 1)
    }
}
