import Foundation
import Testing

/// Issue 6: a file that ends inside a quoted field (a cut-off export) stops every command with exit 65,
/// naming the file and the line where the open field starts, and writes nothing.
@Suite struct HostileUnterminatedTests {
    /// Cut-off exports: the last field's quote is never closed and there is no final line break.
    static let cutOffLedgers: [(name: String, text: String, line: Int)] = [
        ("last field", "Leverantör;Belopp\nA;1,00\nB;\"2,00", 3),
        ("crlf, spans lines", "Leverantör;Belopp\r\nA;1,00\r\n\"B\r\nC;3,00\r\nD;4,00", 3),
        ("after a multi-line field", "Leverantör;Belopp\n\"A\nAB\";1,00\nB;2,00\n\"C;3,00", 5),
    ]

    @Test(arguments: 0..<3)
    func everyCommandExits65NamingTheLine(case index: Int) throws {
        let (name, text, line) = Self.cutOffLedgers[index]
        let folder = try Kedja.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cut.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let outDir = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)

        let commands = [
            ["inspect", path], ["inspect", path, "--json"],
            ["tag", path, "-o", outDir.appendingPathComponent("tagged.csv").path],
            ["run", path, "--out-dir", outDir.path],
        ]
        for command in commands {
            let result = try Kedja.run(command + ["--lang", "en"])
            #expect(result.status == 65, "\(name): \(command.first ?? "") exited \(result.status)")
            #expect(result.stderr.contains("\(path), line \(line)"), "\(name): \(result.stderr)")
            #expect(result.stderr.contains("never closed"), "\(name): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outDir.path).isEmpty)
    }
}
