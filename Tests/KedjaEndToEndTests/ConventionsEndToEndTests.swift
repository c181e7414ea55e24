import Foundation
import Testing

/// Issue 12 item 5: the command-line conventions of CONTRACT.md — `-` for standard input and output, workbooks on
/// standard output only off a terminal, usage errors (64) for a malformed `--map` and a mistyped command, help that
/// names the real default files, rejected-record lists that say where the rest are, a missing-amount message that
/// proposes only amounts, and `--strict` leaving only the rejects file.
@Suite struct ConventionsEndToEndTests {
    @Test func aMalformedMapIsAUsageError() throws {
        for map in ["bogus", "amount", "price=Belopp"] {
            let result = try Kedja.run(["inspect", Kedja.sampleLedger, "--map", map])
            #expect(result.status == 64, "--map \(map)")
            #expect(result.stderr.contains("--map \(map): write ROLE=COLUMN"))
        }
    }

    @Test func aMistypedCommandGetsDidYouMean() throws {
        for (typed, meant) in [("regster", "register"), ("inspekt", "inspect"), ("tga", "tag"), ("conv", "convert")] {
            let result = try Kedja.run([typed, Kedja.sampleLedger])
            #expect(result.status == 64)
            #expect(result.stderr.contains("'\(typed)' is not a command. Did you mean '\(meant)'?"), "\(result.stderr)")
        }
        let unknown = try Kedja.run(["frobnicate"])
        #expect(unknown.status == 64)
        #expect(!unknown.stderr.contains("Did you mean"))
        #expect(unknown.stderr.contains("The commands are inspect, tag, register"))
    }
}
