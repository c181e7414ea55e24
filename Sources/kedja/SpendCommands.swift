import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// The options of the commands that analyse spend: the spend file, the supplier list and the plan start.
struct SpendInput: ParsableArguments {
    @Argument(help: "The spend export (CSV from the ERP system).")
    var spend: String

    @Option(help: "The supplier list (CSV): countries, production countries, CPV codes or categories.")
    var suppliers: String?

    @Option(help: "First day of the follow-up plan, YYYY-MM-DD (default: the first day of the next quarter).")
    var start: String?

    func planStart() throws -> CivilDate? {
        guard let start else { return nil }
        let parts = start.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw CommandFailure.usage("--start \(start): write the date as YYYY-MM-DD, e.g. 2027-01-01.")
        }
        return date
    }
}

/// Runs the shared pass for a spend command, with progress on a terminal, and returns its outcome.
func analyse(
    _ input: SpendInput, _ options: CommonOptions, enrichedPath: String? = nil, rejectsPath: String? = nil,
    excelSafe: Bool = false
) throws -> AnalysisRun.Outcome {
    let progress = ProgressLine(enabled: !options.quiet, total: fileSize(input.spend))
    defer { progress.finish() }
    let request = AnalysisRun.Request(
        spendPath: input.spend, suppliersPath: input.suppliers, templatesDirectory: try options.templatesDirectory(),
        language: options.language, overrides: try options.overrides(), profile: options.profile, limits: options.limits,
        planStart: try input.planStart(), enrichedPath: enrichedPath, rejectsPath: rejectsPath, excelSafe: excelSafe,
        progress: progress.isActive ? { progress.update(bytes: $0) } : nil)
    return try AnalysisRun.execute(request)
}

/// Prints the summary (JSON or a short note) and applies `--strict`.
func conclude(_ command: String, _ outcome: AnalysisRun.Outcome, outputs: [String], options: CommonOptions) throws {
    let result = outcome.result
    let details: [String: String] = [
        "suppliers": String(result.quality.suppliers),
        "register_rows": String(result.rows.count),
        "priority_1_rows": String(result.rows.filter { $0.priority == 1 }.count),
        "planned_tasks": String(result.plan.count),
        "unmatched_suppliers": String(result.quality.unmatchedSuppliers),
        "lines_without_category": String(result.quality.linesWithoutCategory),
        "lines_without_country": String(result.quality.linesWithoutCountry),
    ]
    let summary = RunSummary(command: command, file: outcome.file, counts: result.counts, rejects: result.rejects,
                             outputs: outputs, details: details)
    if options.json {
        print(summary.json())
    } else {
        note("\(outcome.file.path): \(summary.rowsRead) records, \(summary.rowsWritten) accepted, "
             + "\(summary.rowsRejected) rejected; total \(summary.amountTotal); "
             + "\(result.rows.count) supplier × category rows, \(details["priority_1_rows"] ?? "0") at priority 1.",
             quiet: options.quiet)
        for output in outputs { note("wrote \(output)", quiet: options.quiet) }
        for reject in result.rejects.prefix(20) {
            note("  rejected record \(reject.record) (line \(reject.line)): \(reject.reason)", quiet: options.quiet)
        }
    }
    if options.strict && summary.rowsRejected > 0 { throw ExitCode(1) }
}

/// `kedja tag`: the enriched CSV in the input's dialect.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Append the kedja_* risk columns to every line, in the input's own dialect.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "The enriched CSV, or - for standard output (default: SPEND with -tagged before the extension).")
    var output: String?

    @Option(help: "Where rejected records go (default: next to the output, NAME.rejects.csv).")
    var rejects: String?

    @Flag(help: "Prefix text Excel would run as a formula with ' (for CSV opened in Excel, not for the ERP round trip).")
    var excelSafe = false

    func run() throws {
        try reportingFailures {
            let path = output ?? OutputNames.tagged(for: input.spend, directory: nil, language: options.language)
            let outcome = try analyse(input, options, enrichedPath: path, rejectsPath: rejects, excelSafe: excelSafe)
            try conclude("tag", outcome, outputs: outcome.outputs, options: options)
        }
    }
}

/// `kedja register`: the risk register workbook.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Write the risk register: one row per supplier × category.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "The workbook to write.")
    var output: String?

    func run() throws {
        try reportingFailures {
            let outcome = try analyse(input, options)
            let path = output ?? OutputNames.register(for: input.spend, directory: nil, language: options.language)
            try WorkbookOutput.write(path, protecting: [input.spend]) { try RegisterWorkbook.write(outcome.result, to: $0) }
            try conclude("register", outcome, outputs: [path], options: options)
        }
    }
}

/// `kedja plan`: the follow-up plan workbook.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Write the follow-up plan: one row per follow-up task of each prioritised supplier.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "The workbook to write.")
    var output: String?

    func run() throws {
        try reportingFailures {
            let outcome = try analyse(input, options)
            let path = output ?? OutputNames.plan(for: input.spend, directory: nil, language: options.language)
            try WorkbookOutput.write(path, protecting: [input.spend]) { try PlanWorkbook.write(outcome.result, to: $0) }
            try conclude("plan", outcome, outputs: [path], options: options)
        }
    }
}

/// `kedja report`: the committee report workbook.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the committee report: key figures, top risks, charts, heat map, data quality.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "The workbook to write.")
    var output: String?

    func run() throws {
        try reportingFailures {
            let outcome = try analyse(input, options)
            let path = output ?? OutputNames.report(for: input.spend, directory: nil, language: options.language)
            try WorkbookOutput.write(path, protecting: [input.spend]) { try ReportWorkbook.write(outcome.result, to: $0) }
            try conclude("report", outcome, outputs: [path], options: options)
        }
    }
}

/// `kedja run`: all four outputs in one pass.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Write the enriched CSV, the risk register, the follow-up plan and the committee report in one pass.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(help: "Folder for the outputs.")
    var outDir: String = "Reports"

    func run() throws {
        try reportingFailures {
            do {
                try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: outDir, reason: "cannot create the folder (\(error.localizedDescription))")
            }
            let language = options.language
            let tagged = OutputNames.tagged(for: input.spend, directory: outDir, language: language)
            let outcome = try analyse(input, options, enrichedPath: tagged)
            var inputs = [input.spend]
            if let suppliers = input.suppliers { inputs.append(suppliers) }
            let register = OutputNames.register(for: input.spend, directory: outDir, language: language)
            let plan = OutputNames.plan(for: input.spend, directory: outDir, language: language)
            let report = OutputNames.report(for: input.spend, directory: outDir, language: language)
            try WorkbookOutput.write(register, protecting: inputs) { try RegisterWorkbook.write(outcome.result, to: $0) }
            try WorkbookOutput.write(plan, protecting: inputs) { try PlanWorkbook.write(outcome.result, to: $0) }
            try WorkbookOutput.write(report, protecting: inputs) { try ReportWorkbook.write(outcome.result, to: $0) }
            try conclude("run", outcome, outputs: outcome.outputs + [register, plan, report], options: options)
        }
    }
}

/// The default output names, by language, so a folder of reports reads naturally to its users.
enum OutputNames {
    static func tagged(for input: String, directory: String?, language: Language) -> String {
        name(input, directory, language == .sv ? "taggad" : "tagged", ext: "csv", keepExtension: true)
    }

    static func register(for input: String, directory: String?, language: Language) -> String {
        name(input, directory, language == .sv ? "riskregister" : "risk-register", ext: "xlsx")
    }

    static func plan(for input: String, directory: String?, language: Language) -> String {
        name(input, directory, language == .sv ? "uppfoljningsplan" : "follow-up-plan", ext: "xlsx")
    }

    static func report(for input: String, directory: String?, language: Language) -> String {
        name(input, directory, language == .sv ? "namndrapport" : "committee-report", ext: "xlsx")
    }

    private static func name(_ input: String, _ directory: String?, _ suffix: String, ext: String, keepExtension: Bool = false) -> String {
        let url = URL(fileURLWithPath: input)
        let stem = url.deletingPathExtension().lastPathComponent
        let inputExtension = url.pathExtension.isEmpty ? ext : url.pathExtension
        let file = "\(stem)-\(suffix).\(keepExtension ? inputExtension : ext)"
        let folder = directory ?? (input as NSString).deletingLastPathComponent
        return folder.isEmpty ? file : "\(folder)/\(file)"
    }
}

/// Workbooks appear at their path only when complete, like every other output.
enum WorkbookOutput {
    static func write(_ path: String, protecting inputs: [String], _ body: (String) throws -> Void) throws {
        let file = try AtomicOutputFile(destination: path, protecting: inputs)
        try body(file.pathForLibraries)
        try file.commit()
    }
}

private func fileSize(_ path: String) -> Int64? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
}
