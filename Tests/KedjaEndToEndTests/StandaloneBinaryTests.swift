import Foundation
import Testing

/// A copied `kedja` runs anywhere: its default rule tables are compiled in, so it needs no `Templates/` folder
/// beside it or above it.
@Suite struct StandaloneBinaryTests {
    @Test func aCopiedBinaryRunsTheSampleFarFromTheRepository() throws {
        let folder = try Kedja.temporaryDirectory()
        let binary = folder.appendingPathComponent("bin/kedja")
        try FileManager.default.createDirectory(
            at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Kedja.binary, toPath: binary.path)
        let ledger = folder.appendingPathComponent("reskontra.csv")
        try FileManager.default.copyItem(atPath: Kedja.sampleLedger, toPath: ledger.path)

        let run = try Kedja.runProcess(binary.path, ["run", "reskontra.csv", "--out-dir", "ut", "--quiet"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ut").path)
        #expect(written.filter { $0.hasSuffix(".xlsx") }.count == 3, "\(written)")
        #expect(written.contains("reskontra-taggad.csv"), "\(written)")

        let export = try Kedja.runProcess(binary.path, ["templates", "export", "regler"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        let check = try Kedja.runProcess(binary.path, ["templates", "check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdoutText.contains("de inbyggda regeltabellerna"), "\(check.stdoutText)")
    }
}
