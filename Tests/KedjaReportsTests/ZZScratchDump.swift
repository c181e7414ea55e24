import Foundation
import KedjaModel
import KedjaReports
import Testing

@Test func scratchDump() throws {
    let folder = "/tmp/kedja-look"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for language in Language.allCases {
        let result = try AnalysisFixture.result(language)
        try RegisterWorkbook.write(result, to: "\(folder)/register-\(language).xlsx")
        try PlanWorkbook.write(result, to: "\(folder)/plan-\(language).xlsx")
        try ReportWorkbook.write(result, to: "\(folder)/report-\(language).xlsx")
    }
}
