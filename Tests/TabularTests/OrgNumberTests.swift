import Testing

@testable import Tabular

@Suite("OrgNumber")
struct OrgNumberTests {
    @Test(
        "reads every written form of one number to the same value",
        arguments: [
            "556036-0793", "5560360793", "16556036-0793", "165560360793", " 556036-0793 ", "\t5560360793\u{A0}",
        ])
    func normalises(text: String) throws {
        let number = try #require(OrgNumber.parse(text))
        #expect(number.description == "556036-0793")
        #expect(number == OrgNumber.parse("556036-0793"))
        #expect(number.kind == .limitedCompany)
    }

    @Test(
        "tells the kind of body from the group number",
        arguments: [
            ("212000-1967", OrgNumber.Kind.publicBody), ("556036-0793", .limitedCompany),
            ("556012-5790", .limitedCompany),
            ("769600-0004", .economicAssociation), ("802000-0009", .nonProfit), ("916000-0007", .partnership),
            ("302000-0000", .other), ("121212-1212", .soleTrader), ("19121212-1212", .soleTrader),
            ("201212121212", .soleTrader), ("890101-0002", .soleTrader), ("010101-0007", .soleTrader),
        ] as [(String, OrgNumber.Kind)])
    func kinds(text: String, kind: OrgNumber.Kind) throws {
        #expect(try #require(OrgNumber.parse(text)).kind == kind)
    }

    @Test("keeps a personal number's leading zero and drops its century")
    func personalNumberForms() throws {
        let number = try #require(OrgNumber.parse("20050101-1233"))
        #expect(number.description == "050101-1233")
        #expect(number == OrgNumber.parse("0501011233"))
    }

    @Test(
        "rejects failed Luhn checks, wrong shapes and impossible numbers",
        arguments: [
            "556036-0794", "212000-1968", "55603-60793", "5560360-793", "556036-079", "55603607930", "5560360793X",
            "556036 0793", "556036\u{2013}0793", "175560360793", "19556036-0793", "16121212-1212", "1612121212-12",
            "000000-0000", "0020000006", "121312-1211", "120012-1216", "121232-1200", "xxxxxx-xxxx", "19xxxxxx-xxxx",
            "", " ", "-", "556036--0793", "-5560360793", "5560360793-", "SE556036079301", "1655603607931",
        ])
    func rejects(text: String) {
        #expect(OrgNumber.parse(text) == nil)
    }

    @Test("accepts a co-ordination number's day plus 60")
    func coordinationNumber() throws {
        // 701063-2391 is the Swedish Tax Agency's example co-ordination number (born 1970-10-03).
        #expect(try #require(OrgNumber.parse("701063-2391")).kind == .soleTrader)
    }

    @Test("reads a field's bytes, contiguous or not, as the text form")
    func readsBytes() {
        let field = Array("  212000-1967 ".utf8)
        #expect(OrgNumber.parse(field) == OrgNumber.parse("212000-1967"))
        #expect(OrgNumber.parse(field.lazy.map { $0 }) == OrgNumber.parse("212000-1967"))
        #expect(OrgNumber.parse(field[2..<13])?.description == "212000-1967")
        #expect(OrgNumber.parse("x212000-1967".utf8.dropFirst())?.description == "212000-1967")
    }

    @Test("runs the Luhn check the Tax Agency uses")
    func luhn() {
        #expect(OrgNumber.luhnIsValid(2_120_001_967))
        #expect(OrgNumber.luhnIsValid(5_560_360_793))
        #expect(OrgNumber.luhnIsValid(1_212_121_212))
        #expect(!OrgNumber.luhnIsValid(5_560_360_794))
        #expect(!OrgNumber.luhnIsValid(5_560_360_783))
    }
}
