/// A Swedish VAT registration number (momsregistreringsnummer): `SE`, the ten digits of the
/// organisation number (or a sole trader's personal number), and `01`.
///
/// Supplier lists sometimes carry only the VAT number; it holds the organisation number, so a spend
/// line and a supplier can still be joined on that. Other countries' VAT numbers are not read.
public struct VATNumber: Hashable, Sendable, CustomStringConvertible {
    /// The organisation number inside the VAT number.
    public let orgNumber: OrgNumber

    /// The VAT number of the body with `orgNumber`.
    public init(_ orgNumber: OrgNumber) {
        self.orgNumber = orgNumber
    }

    /// The number in its compact form, `SE556036079301`.
    public var description: String {
        "SE" + orgNumber.tenDigits + "01"
    }

    /// Reads a VAT number such as `SE556036079301`, `se 5560360793 01` or `SE556036-079301`: `SE` in
    /// either case, then twelve digits ending in `01`, with spaces allowed anywhere after `SE` and one
    /// hyphen before the organisation number's last four digits; nil otherwise, or when the
    /// organisation number inside is not valid.
    public static func parse(_ text: some StringProtocol) -> VATNumber? {
        parse(text.utf8)
    }

    /// Reads a field's bytes as a VAT number, by the rules of the `String` form, without decoding
    /// the field.
    public static func parse(_ bytes: some Collection<UInt8>) -> VATNumber? {
        withContiguousBytes(bytes) { buffer in
            var window = ByteWindow(buffer)
            window.trimPadding()
            guard ASCII.upper(window[window.lower]) == UInt8(ascii: "S"),
                ASCII.upper(window[window.lower + 1]) == UInt8(ascii: "E")
            else { return nil }
            var value: UInt64 = 0
            var count = 0
            var hyphenAfter: Int?
            for index in (window.lower + 2)..<window.upper {
                let byte = window.bytes[index]
                if let digit = ASCII.digitValue(byte) {
                    count += 1
                    guard count <= 12 else { return nil }
                    value = value * 10 + UInt64(digit)
                } else if byte == UInt8(ascii: "-") && hyphenAfter == nil {
                    hyphenAfter = count
                } else if byte != UInt8(ascii: " ") {
                    return nil
                }
            }
            guard count == 12, value % 100 == 1, hyphenAfter == nil || hyphenAfter == 6,
                let orgNumber = OrgNumber.parse(tenDigits: value / 100)
            else { return nil }
            return VATNumber(orgNumber)
        }
    }
}
