import Testing

@testable import Tabular

/// Decoding Windows-1252, which most Swedish ERP exports still use.
@Suite struct TextCodecTests {
    @Test func everyByteDecodesToItsCodePageCharacter() {
        for byte in UInt8.min...UInt8.max {
            let decoded = [byte].withUnsafeBufferPointer { TextCodec.decode($0, as: .windows1252) }
            #expect(decoded.unicodeScalars.map(\.value) == [Windows1252.scalar(for: byte).value], "byte \(byte)")
        }
    }

    @Test func aSwedishLineDecodesAndEncodesBack() {
        // "Öbergs Bygg & Anläggning – “AB” 1 234 €" in Windows-1252, as Python's cp1252 codec writes it.
        let bytes: [UInt8] = [
            0xD6, 0x62, 0x65, 0x72, 0x67, 0x73, 0x20, 0x42, 0x79, 0x67, 0x67, 0x20, 0x26, 0x20, 0x41, 0x6E, 0x6C, 0xE4,
            0x67, 0x67, 0x6E, 0x69, 0x6E, 0x67, 0x20, 0x96, 0x20, 0x93, 0x41, 0x42, 0x94, 0x20, 0x31, 0xA0, 0x32, 0x33,
            0x34, 0x20, 0x80,
        ]
        let text = bytes.withUnsafeBufferPointer { TextCodec.decode($0, as: .windows1252) }
        #expect(text == "Öbergs Bygg & Anläggning – “AB” 1\u{A0}234 €")
        #expect(TextCodec.encode(text, as: .windows1252) == bytes)
    }
}
