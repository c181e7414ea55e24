import Testing

@testable import Tabular

@Suite("VATNumber")
struct VATNumberTests {
    @Test(
        "reads the written forms of a Swedish VAT number",
        arguments: [
            "SE556036079301", "se556036079301", "SE 5560360793 01", "SE 556036 0793 01", "SE556036-079301",
            " SE556036079301 ",
        ])
    func reads(text: String) throws {
        let vat = try #require(VATNumber.parse(text))
        #expect(vat.description == "SE556036079301")
        #expect(vat.orgNumber == OrgNumber.parse("556036-0793"))
    }

    @Test("derives from an organisation number and reads back")
    func derives() throws {
        let orgNumber = try #require(OrgNumber.parse("212000-1967"))
        let vat = VATNumber(orgNumber)
        #expect(vat.description == "SE212000196701")
        #expect(VATNumber.parse(vat.description) == vat)
    }

    @Test("keeps a sole trader's leading zero")
    func soleTrader() throws {
        let vat = try #require(VATNumber.parse("SE050101123301"))
        #expect(vat.orgNumber.kind == .soleTrader)
        #expect(vat.description == "SE050101123301")
    }

    @Test(
        "rejects invalid organisation numbers, other suffixes and other countries",
        arguments: [
            "SE556036079401", "SE556036079302", "556036079301", "SE5560360793", "SE55603607930101", "DE123456789",
            "SE", "", "S", "SE556036-0793-01", "SE55603-6079301", "SE556036079301X", "SE0000000000 01",
            "FI556036079301",
        ])
    func rejects(text: String) {
        #expect(VATNumber.parse(text) == nil)
    }

    @Test("reads a field's bytes")
    func readsBytes() {
        #expect(VATNumber.parse(Array("SE556036079301".utf8))?.orgNumber.description == "556036-0793")
    }
}
