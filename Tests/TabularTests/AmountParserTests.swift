import Testing

@testable import Tabular

/// Encodes `text` as Windows-1252, the other byte encoding the parser sees; only the characters
/// these tests use outside ASCII are mapped.
private func windows1252(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        switch scalar {
        case "€": return 0x80
        case "\u{2013}": return 0x96
        default:
            precondition(scalar.value <= 0xFF, "no Windows-1252 byte for \(scalar) in this helper")
            return UInt8(scalar.value)
        }
    }
}

@Suite("AmountParser")
struct AmountParserTests {
    @Test(
        "reads the forms Swedish exports use, with decimal comma",
        arguments: [
            ("1 234,50", 1_234_500_000),
            ("1\u{A0}234,50", 1_234_500_000),
            ("1\u{202F}234,50", 1_234_500_000),
            ("1.234,50", 1_234_500_000),
            ("1234,5", 1_234_500_000),
            ("1234", 1_234_000_000),
            ("-1 200,00", -1_200_000_000),
            ("(1 200,00)", -1_200_000_000),
            ("1200,00-", -1_200_000_000),
            ("1.200,00 -", -1_200_000_000),
            ("+12,00", 12_000_000),
            ("\u{2212}12,50", -12_500_000),
            ("1'234,50", 1_234_500_000),
            ("1.234", 1_234_000_000),
            ("1.234.567,89", 1_234_567_890_000),
            ("12 345 678,9", 12_345_678_900_000),
            ("0,125", 125_000),
            (",5", 500_000),
            ("0,000001", 1),
            ("-0,01", -10_000),
            ("0", 0),
            ("-0,00", 0),
            ("007,50", 7_500_000),
            (" \t 12,50 \t ", 12_500_000),
            ("\u{A0}12,50\u{A0}", 12_500_000),
        ] as [(String, Int128)])
    func acceptsDecimalComma(text: String, micros: Int128) {
        #expect(AmountParser.parse(text, decimalMark: .comma) == .success(Amount(micros: micros)))
    }

    @Test(
        "reads the forms English exports use, with decimal point",
        arguments: [
            ("1,234.50", 1_234_500_000),
            ("1234.5", 1_234_500_000),
            ("1234", 1_234_000_000),
            ("1,234", 1_234_000_000),
            ("1,234,567.89", 1_234_567_890_000),
            ("1'234.50", 1_234_500_000),
            ("1 234.50", 1_234_500_000),
            ("-856.74", -856_740_000),
            ("(1,200.00)", -1_200_000_000),
            ("1200.00-", -1_200_000_000),
            (".5", 500_000),
            ("1.1234560", 1_123_456),
            ("100565.40", 100_565_400_000),
        ] as [(String, Int128)])
    func acceptsDecimalPoint(text: String, micros: Int128) {
        #expect(AmountParser.parse(text, decimalMark: .point) == .success(Amount(micros: micros)))
    }

    @Test(
        "strips a currency before or after the number, with or without a space",
        arguments: [
            "kr 1 234,50", "kr1 234,50", "1 234,50 kr", "1 234,50kr", "1 234,50 kr.", "Kr. 1 234,50",
            "SEK 1 234,50", "1 234,50 SEK", "1 234,50sek", "EUR 1 234,50", "1 234,50 EUR", "GBP1 234,50",
            "1 234,50 GBP", "€1 234,50", "€ 1 234,50", "1 234,50 €", "1 234,50€", "£1 234,50", "1 234,50 £",
            "$1 234,50", "1 234,50 $", " kr 1 234,50 ", "1\u{A0}234,50\u{A0}kr",
        ])
    func stripsCurrency(text: String) {
        #expect(AmountParser.parse(text, decimalMark: .comma) == .success(Amount(micros: 1_234_500_000)))
    }

    @Test(
        "combines a currency with any sign form",
        arguments: [
            "-kr 100", "kr -100", "kr-100", "-100 kr", "100 kr-", "100- kr", "(kr 100)", "kr (100)", "(100) kr",
            "(100 kr)", "-€100", "€-100", "- 100",
        ])
    func currencyWithSign(text: String) {
        #expect(AmountParser.parse(text, decimalMark: .comma) == .success(Amount(micros: -100_000_000)))
    }

    @Test(
        "reads no-break spaces, euro and pound signs in Windows-1252 as in UTF-8",
        arguments: ["1\u{A0}234,50", "\u{A0}1\u{A0}234,50 €", "€1 234,50", "£ 1\u{A0}234,50", "(1\u{A0}234,50 €)"])
    func acceptsWindows1252(text: String) {
        let expected = text.hasPrefix("(") ? Amount(micros: -1_234_500_000) : Amount(micros: 1_234_500_000)
        #expect(AmountParser.parse(windows1252(text), decimalMark: .comma) == .success(expected))
        #expect(AmountParser.parse(Array(text.utf8), decimalMark: .comma) == .success(expected))
    }

    @Test("accepts any byte collection, contiguous or not")
    func acceptsAnyCollection() {
        let bytes = Array("1 234,50".utf8)
        let expected = Result<Amount, AmountParseError>.success(Amount(micros: 1_234_500_000))
        #expect(bytes.withUnsafeBufferPointer { AmountParser.parse($0, decimalMark: .comma) } == expected)
        #expect(AmountParser.parse(bytes[...], decimalMark: .comma) == expected)
        #expect(AmountParser.parse(bytes.lazy.map { $0 }, decimalMark: .comma) == expected)
        let field = Array("x;1 234,50;y".utf8)
        #expect(AmountParser.parse(field[2..<10], decimalMark: .comma) == expected)
    }

    @Test(
        "keeps 17 digits and more exact",
        arguments: [
            ("12345678901234567,89", "12345678901234567.89"),
            ("-98 765 432 109 876 543,210987", "-98765432109876543.210987"),
            ("1 000 000 000 000 000 000 000 000", "1000000000000000000000000.00"),
        ])
    func keepsLargeAmountsExact(text: String, description: String) throws {
        let amount = try AmountParser.parse(text, decimalMark: .comma).get()
        #expect(amount.description == description)
    }

    @Test("calls a blank field empty, not a number", arguments: ["", " ", "\t", " \r\n", "\u{A0}", " \u{202F} "])
    func blankIsEmpty(text: String) {
        #expect(AmountParser.parse(text, decimalMark: .comma) == .failure(.empty))
    }

    @Test("calls a Windows-1252 no-break space alone empty")
    func blankWindows1252IsEmpty() {
        #expect(AmountParser.parse(windows1252(" \u{A0}\t"), decimalMark: .comma) == .failure(.empty))
    }

    @Test(
        "rejects thousands separators out of place and other non-numbers",
        arguments: [
            ("1.23,4", DecimalMark.comma), ("12,34,567.00", .point), ("1,2", .point), ("1.23", .comma),
            ("1 23", .comma), ("1 234 56", .comma), ("1234 567", .comma), ("1..234", .comma), ("1,,5", .comma),
            ("1234,", .comma), (",", .comma), ("1 ,50", .comma), ("1 234.567,00", .comma), ("1.234 567,00", .comma),
            ("1,234.5", .comma), ("1.234,50", .point), ("1.234.5", .comma), ("1,5,0", .comma), ("1 234,5 6", .comma),
            ("n/a", .comma), ("abc", .comma), ("12a", .comma), ("1e5", .point), ("0x10", .point), ("-", .comma),
            ("kr", .comma), ("()", .comma), ("(100", .comma), ("100)", .comma), ("--100", .comma), ("-100-", .comma),
            ("(-100)", .comma), ("+-100", .comma), ("€ 100 €", .comma), ("kr 100 SEK", .comma),
            ("1 234,50 USD", .comma),
            ("100 kronor", .comma), ("1\t234", .comma), ("1_234", .comma), ("100\u{E0}", .comma),
            ("0.125", .comma), ("00.500", .comma), ("0,125", .point), ("0 125", .comma), ("-0.125,00", .comma),
        ] as [(String, DecimalMark)])
    func rejectsNonNumbers(text: String, mark: DecimalMark) {
        #expect(AmountParser.parse(text, decimalMark: mark) == .failure(.notANumber))
    }

    @Test("does not take a Windows-1252 en dash for a minus")
    func rejectsEnDash() {
        #expect(AmountParser.parse(windows1252("\u{2013}100"), decimalMark: .comma) == .failure(.notANumber))
    }

    @Test(
        "refuses to round beyond six decimals",
        arguments: [
            ("0,1234567", DecimalMark.comma), ("1.0000001", .point), ("1 234,0000009", .comma),
        ] as [(String, DecimalMark)])
    func rejectsTooManyDecimals(text: String, mark: DecimalMark) {
        #expect(AmountParser.parse(text, decimalMark: mark) == .failure(.tooManyDecimals))
    }

    @Test(
        "rejects magnitudes beyond 10^24",
        arguments: [
            "1 000 000 000 000 000 000 000 001", "-1000000000000000000000000,01", "99999999999999999999999999",
            String(repeating: "9", count: 60),
            // How a workbook's huge number cells reach the parser (issue 13, item 8).
            "1e308", "-1E+308", " 1.5e30 ", "12e24",
        ])
    func rejectsTooLarge(text: String) {
        #expect(AmountParser.parse(text, decimalMark: .comma) == .failure(.tooLarge))
    }

    @Test(
        "exponent notation within range stays not a number, as before",
        arguments: ["1e5", "1.5E-3", "e308", "1e", "1e308x", "0e400"])
    func smallExponentsAreNotNumbers(text: String) {
        #expect(AmountParser.parse(text, decimalMark: .point) == .failure(.notANumber))
    }

    @Test(
        "a tiny number cell says it has more decimals than kept, not that it is no number",
        arguments: ["1e-300", "-2.5E-7", "1E-307"])
    func tinyExponentsHaveTooManyDecimals(text: String) {
        #expect(AmountParser.parse(text, decimalMark: .point) == .failure(.tooManyDecimals))
    }

    @Test("describes each error so it completes \"amount '<text>' …\"")
    func errorDescriptions() {
        #expect("amount 'n/a' \(AmountParseError.notANumber)" == "amount 'n/a' is not a number")
        #expect(AmountParseError.empty.description == "is empty")
        #expect(AmountParseError.tooManyDecimals.description == "has more than 6 decimals")
        #expect(AmountParseError.tooLarge.description == "is too large")
    }
}
