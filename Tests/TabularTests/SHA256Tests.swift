import Foundation
import KedjaTestSupport
import Tabular
import Testing

/// The digest against FIPS 180-4's examples and `sha256sum`, across the block boundaries where padding errs.
@Suite struct SHA256Tests {
    static func digest(_ text: String) -> String {
        var hasher = SHA256()
        Array(text.utf8).withUnsafeBytes { hasher.update($0) }
        return hasher.finish()
    }

    @Test func fipsExamples() {
        #expect(Self.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func agreesWithSha256sumAtEveryLengthAroundABlock() throws {
        let folder = try TestLocations.temporaryDirectory(prefix: "kedja-sha")
        defer { try? FileManager.default.removeItem(at: folder) }
        for length in [55, 56, 57, 63, 64, 65, 119, 120, 1000, 3_000_001] {
            let url = folder.appendingPathComponent("\(length).bin")
            try Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: url)
            let reference = try ChildProcess.run("/usr/bin/sha256sum", arguments: [url.path])
            let expected = String(reference.stdoutText.prefix(64))
            #expect(try SHA256.hexDigest(ofFileAt: url.path) == expected, "\(length) bytes")
        }
    }
}
