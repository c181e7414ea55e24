import Testing

@testable import Tabular

/// The values as UTF-8 bytes, the shape the CSV reader hands over.
private func utf8(_ values: [String]) -> [[UInt8]] {
    values.map { Array($0.utf8) }
}

@Suite("AmountParser.detectStyle")
struct AmountStyleDetectionTests {
    @Test(
        "decides the decimal mark and thousands separator from the evidence",
        arguments: [
            (["1,234.50"], DecimalMark.point, ThousandsSeparator.comma),
            (["1.234,50"], .comma, .point),
            (["12,5"], .comma, ThousandsSeparator.none),
            (["12.50"], .point, ThousandsSeparator.none),
            (["1.234.567"], .comma, .point),
            (["1,234,567"], .point, .comma),
            (["0,125"], .comma, ThousandsSeparator.none),
            ([",125"], .comma, ThousandsSeparator.none),
            (["1234,567"], .comma, ThousandsSeparator.none),
            (["1 234,567"], .comma, .space),
            (["1 234,50", "12,00"], .comma, .space),
            (["1\u{A0}234,50"], .comma, .noBreakSpace),
            (["1\u{202F}234,50"], .comma, .noBreakSpace),
            (["1'234.50"], .point, .apostrophe),
            (["1,234", "12,50"], .comma, ThousandsSeparator.none),
            (["1,234", "1,234,567.5"], .point, .comma),
            (["1.234", "9,5"], .comma, .point),
            (["kr 1 234,50", "(12,00)", "-5,5", "3 000,00 SEK"], .comma, .space),
            (["12,5", "13,5", "12.5"], .comma, ThousandsSeparator.none),
            (["", "  ", "n/a", "12,50"], .comma, ThousandsSeparator.none),
            (["500.00", "100565.40", "-856.74", "0.01"], .point, ThousandsSeparator.none),
        ] as [([String], DecimalMark, ThousandsSeparator)])
    func decides(values: [String], mark: DecimalMark, thousands: ThousandsSeparator) {
        let style = AmountParser.detectStyle(samples: utf8(values))
        #expect(style == NumberStyle(decimalMark: mark, thousands: thousands))
        #expect(AmountParser.detectDecimalMark(samples: utf8(values)) == mark)
    }

    @Test(
        "gives no decimal mark without evidence or with as much either way",
        arguments: [
            [], [""], ["1234"], ["1,234"], ["1.234"], ["n/a", "kr"], ["12,5", "12.5"], ["1,234", "1.234"],
            ["1 234"], ["1,234,5"], ["1.234,567,890"], ["1234,"],
        ] as [[String]])
    func undecided(values: [String]) {
        #expect(AmountParser.detectDecimalMark(samples: utf8(values)) == nil)
    }

    @Test("reports spaces even when the decimal mark is undecided, never an ambiguous mark")
    func thousandsWithoutMark() {
        #expect(AmountParser.detectStyle(samples: utf8(["1 234"])) == NumberStyle(decimalMark: nil, thousands: .space))
        #expect(AmountParser.detectStyle(samples: utf8(["1,234"])) == NumberStyle(decimalMark: nil, thousands: .none))
    }

    @Test("reads Windows-1252 no-break spaces")
    func windows1252NoBreakSpace() {
        let samples: [[UInt8]] = [[0x31, 0xA0, 0x32, 0x33, 0x34, 0x2C, 0x35, 0x30], [0x80, 0x31, 0x32, 0x2C, 0x35]]
        #expect(
            AmountParser.detectStyle(samples: samples) == NumberStyle(decimalMark: .comma, thousands: .noBreakSpace))
    }

    @Test("accepts any sequence of byte collections, such as lazily mapped strings")
    func acceptsAnySequence() {
        let values = ["1 234,50", "7,25"]
        #expect(AmountParser.detectDecimalMark(samples: values.lazy.map(\.utf8)) == .comma)
    }

    @Test("names the separators as the JSON summary does")
    func jsonNames() {
        #expect(ThousandsSeparator.allCases.map(\.rawValue) == ["none", "space", "nbsp", ".", ",", "'"])
        #expect(DecimalMark.comma.description == ",")
        #expect(DecimalMark.point.description == ".")
    }
}
