import KedjaModel
import Tabular
import Testing

/// Reject reasons keep what happened and are said in the run's language only where they reach the user; the
/// English texts are the ones Kedja always wrote.
@Suite struct RejectReasonTests {
    @Test func everyReasonInBothLanguages() {
        let cases: [(RejectReason, sv: String, en: String)] = [
            (.amount(field: "n/a", .notANumber), "beloppet 'n/a' är inget tal", "amount 'n/a' is not a number"),
            (.amount(field: "", .empty), "beloppet '' är tomt", "amount '' is empty"),
            (
                .amount(field: "1,1234567", .tooManyDecimals), "beloppet '1,1234567' har fler än 6 decimaler",
                "amount '1,1234567' has more than 6 decimals"
            ),
            (.amount(field: "9e99", .tooLarge), "beloppet '9e99' är för stort", "amount '9e99' is too large"),
            (
                .fieldCount(found: 3, header: 9), "posten har 3 fält, rubrikraden har 9",
                "the record has 3 fields, the header has 9"
            ),
            (
                .limit(.fieldTooLarge(field: 2, limit: 100)),
                "fält 2 är större än 100 byte (höj --max-field-size om det är riktiga data)",
                "field 2 is larger than 100 bytes (raise --max-field-size if it is real data)"
            ),
            (
                .limit(.tooManyFields(count: 20_000, limit: 16_384)), "posten har 20000 fält, fler än gränsen 16384",
                "the record has 20000 fields, more than the limit of 16384"
            ),
        ]
        for (reason, sv, en) in cases {
            #expect(reason.text(.sv) == sv)
            #expect(reason.text(.en) == en)
            #expect(reason.description == en)
        }
    }

    @Test func amountsInSwedishMessagesGroupThousandsWithANoBreakSpace() throws {
        let cases: [(String, sv: String)] = [
            ("238219200.20", "238\u{A0}219\u{A0}200,20 kr"), ("1234.5", "1\u{A0}234,50 kr"), ("0.5", "0,50 kr"),
            ("-1000", "-1\u{A0}000,00 kr"), ("999", "999,00 kr"), ("100000.125", "100\u{A0}000,125 kr"),
        ]
        for (literal, sv) in cases {
            let amount = try #require(Amount(literal))
            #expect(amount.messageText(.sv) == sv)
            #expect(amount.messageText(.en) == amount.description, "English as the messages always wrote it")
        }
    }

    @Test func languageNamesIgnoreCase() {
        #expect(Language(userText: "sv") == .sv)
        #expect(Language(userText: "Sv") == .sv)
        #expect(Language(userText: "EN") == .en)
        #expect(Language(userText: "de") == nil)
        #expect(Language(userText: "") == nil)
    }
}
