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

    @Test func theMissingAmountMessageProposesOnlyAmountsAndSpotsASupplierList() throws {
        let swapped = try Kedja.run(["register", Kedja.sampleSuppliers, "--suppliers", Kedja.sampleLedger])
        #expect(swapped.status == 65)
        #expect(swapped.stderr.contains("It looks like a supplier list"))
        #expect(swapped.stderr.contains("were the files swapped?"))
        #expect(!swapped.stderr.contains("--map amount=\"Leverantörsnummer\""))

        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("l.csv").path
        try Data("Nummer;Leverantör;Värde\n1001;A AB;1 200,50\n1002;B AB;99,00\n".utf8)
            .write(to: URL(fileURLWithPath: ledger))
        let proposed = try Kedja.run(["tag", ledger])
        #expect(proposed.status == 65)
        #expect(proposed.stderr.contains("e.g. --map amount=\"Värde\""), "\(proposed.stderr)")
        try Data("Nummer;Leverantör\n1001;A AB\n1002;B AB\n".utf8).write(to: URL(fileURLWithPath: ledger))
        let none = try Kedja.run(["tag", ledger])
        #expect(none.stderr.contains("--map amount=COLUMN"))
        #expect(!none.stderr.contains("--map amount=\""), "neither a number column nor a name is proposed")
    }
}
