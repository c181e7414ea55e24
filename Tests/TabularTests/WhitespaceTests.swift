import Foundation
import Testing

@testable import Tabular

/// Trimming whitespace the way Foundation's `.whitespaces` does, without Foundation.
@Suite struct WhitespaceTests {
    @Test func trimsTabsAndEverySpaceSeparatorAtBothEndsOnly() {
        #expect(" \t Öberg AB \u{A0}".trimmingWhitespace() == "Öberg AB")
        #expect("\u{202F}18100000-0\u{2009}".trimmingWhitespace() == "18100000-0")
        #expect("a  b".trimmingWhitespace() == "a  b")
        #expect(" \u{3000} ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
        #expect("\nx\n".trimmingWhitespace() == "\nx\n", "line breaks are not whitespace here")
    }

    @Test func agreesWithFoundationOnEveryScalarAtTheEdge() {
        for value in 0...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar) + "x" + String(scalar)
            #expect(
                text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
        let combining = " \u{301}abc \u{A0}"
        #expect(combining.trimmingWhitespace() == combining.trimmingCharacters(in: .whitespaces))
    }
}
