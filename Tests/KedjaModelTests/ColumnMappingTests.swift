import Foundation
import Testing

@testable import KedjaModel

/// Header roles: synonyms in Swedish and English, ERP profiles, and `--map` overrides.
@Suite struct ColumnMappingTests {
    static let vocabulary = Result { try ColumnVocabulary.load(from: TemplateFixtures.templatesDirectory) }

    static func map(_ header: [String], overrides: [(ColumnRole, String)] = [], profile: String? = nil) throws
        -> ColumnMapping
    {
        try vocabulary.get().map(header: header, overrides: overrides, profileName: profile)
    }

    @Test func swedishHeadersMatchCaseSpaceAndAccentInsensitively() throws {
        let mapping = try Self.map([
            "LEVERANTORSNAMN", "Org.nr", "  belopp exkl moms ", "Moms", "Konto", "Kontotext", "CPV-kod",
        ])
        #expect(mapping.column(.supplierName) == 0)
        #expect(mapping.column(.orgNumber) == 1)
        #expect(mapping.column(.amount) == 2, "the amount excluding VAT, never the VAT column")
        #expect(mapping.column(.account) == 4)
        #expect(mapping.column(.accountText) == 5)
        #expect(mapping.column(.cpv) == 6)
        #expect(mapping.assignments[.amount]?.reason == "header matches 'belopp exkl. moms'")
    }

    @Test func englishUKSpendHeaders() throws {
        let mapping = try Self.map([
            "Body Name", "Paid Date", "Trans No", "Amount", "Supplier Name", "Supplier ID",
            "Expenditure Catergory", "Expenditure Code",
        ])
        #expect(mapping.column(.amount) == 3)
        #expect(mapping.column(.supplierName) == 4)
        #expect(mapping.column(.supplierID) == 5)
        #expect(mapping.column(.accountText) == 6)
        #expect(mapping.column(.date) == 1)
    }

    @Test func aProfileIsChosenByHeaderMatch() throws {
        let mapping = try Self.map([
            "Verifikationsnr", "Bokf datum", "Leverantör", "Leverantörsnamn", "Org.nr", "Konto",
            "Konto (T)", "Text", "Belopp", "Valuta",
        ])
        #expect(mapping.profile == "unit4")
        #expect(mapping.column(.supplierID) == 2, "Unit4 writes the supplier number under 'Leverantör'")
        #expect(mapping.column(.supplierName) == 3)
    }

    @Test func aHeaderThatStartsWithASynonymMatchesWhenNothingExactDoes() throws {
        let mapping = try Self.map(["Leverantör", "Belopp inkl moms", "Belopp SEK"])
        #expect(mapping.column(.amount) == 2, "never the amount including VAT")
    }

    @Test func overridesWinAndTakeNamesOrNumbers() throws {
        let mapping = try Self.map(["A", "B", "C"], overrides: [(.amount, "C"), (.supplierName, "1")])
        #expect(mapping.column(.amount) == 2)
        #expect(mapping.column(.supplierName) == 0)
        #expect(mapping.assignments[.amount]?.reason == "--map amount=C")
        #expect(throws: MappingError.self) { try Self.map(["A"], overrides: [(.amount, "Z")]) }
        #expect(throws: MappingError.self) { try Self.map(["A"], profile: "sap") }
        #expect(throws: MappingError.self) { try MappingError.parseOverride("belopp") }
        #expect(try MappingError.parseOverride("amount=Belopp exkl. moms") == (.amount, "Belopp exkl. moms"))
    }

    @Test func theMissingAmountMessageListsHeadersAndTheFix() throws {
        let mapping = try Self.map(["Leverantör", "Konto"])
        #expect(mapping.column(.amount) == nil)
        let message = mapping.missingAmountMessage(place: "x.csv, line 1", amountColumns: [])
        #expect(message.contains("'Leverantör', 'Konto'"))
        #expect(message.contains("--map amount=COLUMN"))
        #expect(!message.contains("--map amount=\"Leverantör\""), "a column without amounts is never proposed")
        #expect(
            mapping.missingAmountMessage(place: "x.csv, line 1", amountColumns: [1])
                .contains("e.g. --map amount=\"Konto\""))
    }

    /// Issue 12 item 5: the likely mistake behind a spend file that is a supplier list is the files swapped.
    @Test func aSupplierListIsToldForOne() throws {
        let suppliers = try Self.map(["Leverantörsnummer", "Leverantörsnamn", "Organisationsnummer", "Land"])
        #expect(suppliers.looksLikeSupplierList)
        #expect(
            suppliers.missingAmountMessage(place: "x.csv, line 1", amountColumns: []).contains(
                "It looks like a supplier list"))
        #expect(try !Self.map(["Leverantör", "Konto"]).looksLikeSupplierList)
        #expect(try !Self.map(["Leverantör", "Land", "Belopp"]).looksLikeSupplierList)
    }

    @Test func theMissingAmountMessageStaysShortForAHugeHeader() throws {
        let names = ["Kolumn " + String(repeating: "x", count: 1_000_000)] + (2...10_000).map { "K\($0)" }
        let message = try Self.map(names).missingAmountMessage(place: "x.csv, line 1", amountColumns: [])
        #expect(message.utf8.count < 4_000, "\(message.utf8.count) bytes")
        #expect(message.contains("'Kolumn xxxx"))
        #expect(message.contains("'K36' and 9964 more (10000 in all)"))
        #expect(message.contains("--map amount=COLUMN"))
    }
}
