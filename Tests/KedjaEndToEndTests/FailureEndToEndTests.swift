import Foundation
import Testing

/// Bad input and bad paths: CONTRACT.md's exit codes, messages that name the file and the line, nothing damaged.
@Suite struct FailureEndToEndTests {
    static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = try Kedja.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func missingFileExits66() throws {
        let result = try Kedja.run(["inspect", "/nonexistent/ledger.csv"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/ledger.csv"))
    }

    @Test func emptyFileExits65() throws {
        let path = try Self.file("empty.csv", [])
        let result = try Kedja.run(["inspect", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("empty"))
    }

    @Test func binaryFileExits65() throws {
        let zip = try Self.file("book.csv", [0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2, 3])
        let broken = try Kedja.run(["inspect", zip])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("book.csv"))
        let pdf = try Self.file("ledger.csv", Array("%PDF-1.7\n".utf8) + [0, 1, 2, 0xFF])
        let result = try Kedja.run(["inspect", pdf, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("not a text (CSV) file"))
    }

    @Test func unterminatedQuoteExits65WithTheLine() throws {
        let path = try Self.file("cut.csv", Array("Leverantör;Belopp\nA;1,00\n\"B;2,00\nC;3,00\n".utf8))
        let result = try Kedja.run(["inspect", path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 3"))
    }

    @Test func spendCommandsNeedAnAmountColumnAndShowTheFix() throws {
        let path = try Self.file("noamount.csv", Array("Leverantör;Konto\nA;6410\n".utf8))
        let result = try Kedja.run(["tag", path, "-o", "-"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'Leverantör', 'Konto'"))
        #expect(result.stderr.contains("--map amount="))
        let mapped = try Kedja.run(["inspect", path, "--map", "amount=Konto", "--json"])
        #expect(mapped.status == 0)
        #expect(try mapped.json()["amount_total"] as? String == "6410.00")
    }

    @Test func headerWithoutDataExits65() throws {
        let path = try Self.file("header.csv", Array("Leverantör;Belopp\r\n".utf8))
        let result = try Kedja.run(["tag", path, "-o", "-", "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no data records"))
    }

    @Test func outputOntoTheInputIsRefusedAndTheInputIsKept() throws {
        let path = try Self.file("ledger.csv", Array("Leverantör;Belopp\nA;1,00\n".utf8))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try Kedja.run(["tag", path, "-o", path, "--lang", "en"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("also an input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func unwritableDestinationExits73() throws {
        let path = try Self.file("ledger.csv", Array("Leverantör;Belopp\nA;1,00\n".utf8))
        let result = try Kedja.run(["tag", path, "-o", "/nonexistent-folder/out.csv"])
        #expect(result.status == 73)
    }

    @Test func strictExits1OnRejects() throws {
        let path = try Self.file("ledger.csv", Array("Leverantör;Belopp\nA;1,00\nB;n/a\n".utf8))
        #expect(try Kedja.run(["inspect", path]).status == 0)
        #expect(try Kedja.run(["inspect", path, "--strict"]).status == 1)
    }

    @Test func aFailingRunLeavesTheEarlierOutputIntact() throws {
        let folder = try Kedja.temporaryDirectory()
        let good = folder.appendingPathComponent("good.csv").path
        try Data("Leverantör;Belopp\nA;1,00\n".utf8).write(to: URL(fileURLWithPath: good))
        let output = folder.appendingPathComponent("out.csv").path
        #expect(try Kedja.run(["tag", good, "-o", output, "--quiet"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: output))
        let bad = folder.appendingPathComponent("bad.csv").path
        try Data("Leverantör;Belopp\nA;1,00\n\"B;2,00\n".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(try Kedja.run(["tag", bad, "-o", output, "--quiet"]).status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("kedja-")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func hugeFieldIsRejectedNotFatal() throws {
        var bytes = Array("Leverantör;Belopp\nA;1,00\n\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        bytes += Array("\";2,00\nC;3,00\n".utf8)
        let path = try Self.file("huge.csv", bytes)
        let result = try Kedja.run(["inspect", path, "--json", "--max-field-size", "1000000"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["rows_read"] as? Int == 3)
        #expect(json["rows_rejected"] as? Int == 1)
        #expect(json["amount_total"] as? String == "4.00")
    }

    @Test func utf16WithBOMIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Leverantör\tBelopp\r\nÅkesson AB\t1 234,50\r\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let path = try Self.file("unicode.txt", bytes)
        let result = try Kedja.run(["inspect", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let input = try #require(json["input"] as? [String: Any])
        #expect(input["encoding"] as? String == "utf-16le")
        #expect(input["delimiter"] as? String == "\t")
        #expect(json["amount_total"] as? String == "1234.50")
    }
}
