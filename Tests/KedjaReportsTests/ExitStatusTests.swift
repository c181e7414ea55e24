import Foundation
import KedjaModel
import KedjaTestSupport
import Tabular
import Testing

@testable import KedjaReports

/// Each error states its own exit status (CONTRACT.md): the command line asks the error, not a list of types.
@Suite("Errors state their exit status")
struct ExitStatusTests {
    @Test func aWorkbookThatCannotBePutInPlaceIsAnOutputFailure() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path("no-such-folder/register.xlsx")
        let error = try #require(throws: OutputError.self) {
            try RegisterWorkbook.write(try AnalysisFixture.result(.sv), to: missing)
        }
        #expect(error.path == missing)
        #expect(error.exitStatus == .cannotCreateOutput)
        #expect(error.exitStatus.rawValue == 73)
    }

    @Test func anInputThatCannotBeOpenedAndABrokenTableDiffer() throws {
        let folder = try TemporaryFolder()
        let openFailure = try #require(throws: CSVError.self) { try CSVTable.read(path: folder.path("absent.csv")) }
        #expect(openFailure.exitStatus == .noInput)
        let broken = folder.path("broken.csv")
        try Data("a;b\n\"unterminated;1\n".utf8).write(to: URL(fileURLWithPath: broken))
        let readFailure = try #require(throws: CSVError.self) { try CSVTable.read(path: broken) }
        #expect(readFailure.exitStatus == .dataError)
    }

    @Test func brokenRuleTablesAreDataErrors() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: TemplateError.self) {
            try TemplateSet.load(from: URL(fileURLWithPath: folder.path("")))
        }
        #expect(error.exitStatus == .dataError)
    }
}
