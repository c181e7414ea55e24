/// A Swedish organisation number (organisationsnummer), or a sole trader's personal identity
/// number used in its place, normalised to `NNNNNN-NNNN`.
///
/// Spend files and supplier lists write the same number in several forms (`556036-0793`,
/// `5560360793`, `165560360793`); parsing them all to one value lets the two files join on it, and
/// the Luhn check catches typing errors before they silently break a join.
public struct OrgNumber: Hashable, Sendable, CustomStringConvertible {
    /// What kind of body the number belongs to, from its first digit (the group number), or
    /// ``soleTrader`` when it is a personal identity number.
    public enum Kind: Sendable {
        /// Group 2: state, regions, municipalities, parishes.
        case publicBody
        /// Group 5: limited companies (aktiebolag).
        case limitedCompany
        /// Group 7: economic associations, housing cooperatives.
        case economicAssociation
        /// Group 8: non-profit associations and foundations.
        case nonProfit
        /// Group 9: trading and limited partnerships.
        case partnership
        /// Any other group: estates (1), foreign companies (3), simple partnerships (6).
        case other
        /// A personal identity number (digits 3–4 a month, below 20), as a sole trader uses; treat
        /// it as personal data.
        case soleTrader
    }

    /// The ten digits as a number; leading zeros (possible in personal numbers) are restored on output.
    private let digits: UInt64

    /// The kind of body the number belongs to.
    public let kind: Kind

    /// Builds a number from ten validated digits.
    private init(digits: UInt64, kind: Kind) {
        self.digits = digits
        self.kind = kind
    }

    /// The number as `NNNNNN-NNNN`.
    public var description: String {
        let text = tenDigits
        return String(text.prefix(6)) + "-" + String(text.suffix(4))
    }

    /// The ten digits without a hyphen, as a VAT number embeds them.
    var tenDigits: String {
        let text = String(digits)
        return String(repeating: "0", count: 10 - text.count) + text
    }

    /// Reads an organisation number written as `NNNNNN-NNNN`, `NNNNNNNNNN`, `16NNNNNNNNNN` (with or
    /// without a hyphen before the last four digits), or a sole trader's `19YYMMDD-NNNN` /
    /// `20YYMMDD-NNNN`, with padding around it; nil when it has another shape, fails the Luhn check,
    /// or is neither a legal-entity number (digits 3–4 at least 20) nor a plausible personal one
    /// (a month 01–12, a day 01–31 or a co-ordination day 61–91).
    public static func parse(_ text: some StringProtocol) -> OrgNumber? {
        parse(text.utf8)
    }

    /// Reads a field's bytes as an organisation number, by the rules of the `String` form, without
    /// decoding the field.
    public static func parse(_ bytes: some Collection<UInt8>) -> OrgNumber? {
        withContiguousBytes(bytes) { buffer in
            var window = ByteWindow(buffer)
            window.trimPadding()
            var value: UInt64 = 0
            var count = 0
            var hyphenAfter: Int?
            for index in window.lower..<window.upper {
                let byte = window.bytes[index]
                if let digit = ASCII.digitValue(byte) {
                    count += 1
                    guard count <= 12 else { return nil }
                    value = value * 10 + UInt64(digit)
                } else if byte == UInt8(ascii: "-") && hyphenAfter == nil && count > 0 {
                    hyphenAfter = count
                } else {
                    return nil
                }
            }
            guard hyphenAfter == nil || hyphenAfter == count - 4 else { return nil }
            switch count {
            case 10:
                return validated(value, century: nil)
            case 12:
                return validated(value % 10_000_000_000, century: value / 10_000_000_000)
            default:
                return nil
            }
        }
    }

    /// Reads ten digits already known to be digits, as a VAT number carries them.
    static func parse(tenDigits value: UInt64) -> OrgNumber? {
        validated(value, century: nil)
    }

    /// Checks ten digits, given the two-digit prefix of a twelve-digit form, and classifies them.
    private static func validated(_ value: UInt64, century: UInt64?) -> OrgNumber? {
        guard value < 10_000_000_000, luhnIsValid(value) else { return nil }
        let firstDigit = value / 1_000_000_000
        let thirdAndFourth = value / 1_000_000 % 100
        let fifthAndSixth = value / 10_000 % 100
        if thirdAndFourth >= 20 {
            // A legal entity; its twelve-digit form has the prefix 16.
            guard century == nil || century == 16, firstDigit != 0 else { return nil }
            let kind: Kind =
                switch firstDigit {
                case 2: .publicBody
                case 5: .limitedCompany
                case 7: .economicAssociation
                case 8: .nonProfit
                case 9: .partnership
                default: .other
                }
            return OrgNumber(digits: value, kind: kind)
        }
        // A personal identity or co-ordination number; its twelve-digit form has the century.
        guard century == nil || century == 19 || century == 20,
            (1...12).contains(thirdAndFourth),
            (1...31).contains(fifthAndSixth) || (61...91).contains(fifthAndSixth)
        else { return nil }
        return OrgNumber(digits: value, kind: .soleTrader)
    }

    /// Whether the tenth digit is the Luhn check digit of the first nine, as the Swedish Tax Agency
    /// assigns it: double every other digit from the first, add the digits of the products.
    static func luhnIsValid(_ value: UInt64) -> Bool {
        var remaining = value
        var sum: UInt64 = 0
        // From the last digit backwards: the check digit counts once, then doubled, then once, ...
        for position in 0..<10 {
            let digit = remaining % 10
            remaining /= 10
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
