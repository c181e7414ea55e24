import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// The options of the commands that analyse spend: the spend file, the supplier list and the plan start.
struct SpendInput: ParsableArguments {
    @Argument(help: "The spend export: CSV from the ERP system, or an XLSX workbook (its first sheet, or --sheet).")
    var spend: String

    @Option(help: "The supplier list (CSV or XLSX): countries, production countries, CPV codes or categories.")
    var suppliers: String?

    @Option(help: "The worksheet to read when the supplier list is an XLSX workbook (default: the first).")
    var suppliersSheet: String?

    @Option(help: "First day of the follow-up plan, YYYY-MM-DD (default: the first day of the next quarter).")
    var start: String?

    func validate() throws {
        if suppliersSheet != nil && suppliers == nil {
            throw ValidationError("--suppliers-sheet names a sheet of the supplier list: give --suppliers too.")
        }
        _ = try planStart()
    }

    /// `--start` as a date: exactly `YYYY-MM-DD`, a day that exists.
    func planStart() throws -> CivilDate? {
        guard let start else { return nil }
        guard start.utf8.count == 10, let date = DateParser.parse(start, layout: .iso) else {
            throw ValidationError("--start \(start): write the date as YYYY-MM-DD, e.g. 2027-01-01.")
        }
        return date
    }

    /// The files the user gave as inputs, which no output may overwrite.
    var inputPaths: [String] {
        [spend] + (suppliers.map { [$0] } ?? [])
    }
}

/// A finished pass with the tables it read, so summaries and messages name the user's files and sheet rows.
struct SpendPass {
    /// What the pass produced; rejected records carry sheet rows for a workbook input.
    let outcome: AnalysisRun.Outcome
    /// The spend file as given.
    let spend: TableInput

    /// Everything the workbooks show.
    var result: AnalysisResult { outcome.result }
}

/// Runs the shared pass for a spend command, with progress on a terminal, and returns its outcome.
///
/// A workbook input is converted to a private CSV first; errors and rejected records are retold in terms of the
/// workbook, its sheet and its rows.
///
/// `alongside` gets the finished analysis (rejected records in the workbook's rows) while the enriched CSV is
/// completed, so `run` writes its workbooks at the same time.
func analyse(
    _ input: SpendInput, _ options: CommonOptions, enrichedPath: String? = nil, rejectsPath: String? = nil,
    excelSafe: Bool = false, alongside: ((AnalysisResult) throws -> Void)? = nil
) throws -> SpendPass {
    for output in [enrichedPath, rejectsPath].compactMap({ $0 }) where output != "-" {
        try refuseOverwriting(input.inputPaths, with: output)
    }
    let spend = try TableInput.open(input.spend, sheet: options.sheet, sheetOption: "--sheet")
    let suppliers = try input.suppliers.map {
        try TableInput.open($0, sheet: input.suppliersSheet, sheetOption: "--suppliers-sheet")
    }
    let progress = ProgressLine(enabled: !options.quiet, total: fileSize(spend.csvPath))
    defer { progress.finish() }
    let request = AnalysisRun.Request(
        spendPath: spend.csvPath, suppliersPath: suppliers?.csvPath,
        templatesDirectory: try options.templatesDirectory(),
        language: options.language, overrides: try options.overrides(), profile: options.profile,
        limits: options.limits,
        planStart: try input.planStart(), enrichedPath: enrichedPath, rejectsPath: rejectsPath, excelSafe: excelSafe,
        progress: progress.isActive ? { progress.update(bytes: $0) } : nil)
    do {
        var outcome = try AnalysisRun.execute(
            request,
            alongside: alongside.map { work in
                { result in
                    var relabelled = result
                    relabelled.rejects = spend.relabel(result.rejects)
                    try work(relabelled)
                }
            })
        outcome.result.rejects = spend.relabel(outcome.result.rejects)
        return SpendPass(outcome: outcome, spend: spend)
    } catch {
        let relabelled = spend.relabel(error)
        throw suppliers?.relabel(relabelled) ?? relabelled
    }
}

/// Refuses an output path that names one of the user's inputs, before any work is done (exit 73).
///
/// The pass itself protects the files it reads, but for a workbook input that is the private CSV, not the workbook.
func refuseOverwriting(_ inputs: [String], with output: String) throws {
    let destination = AtomicOutputFile.resolvedPath(output)
    for input in inputs where AtomicOutputFile.resolvedPath(input) == destination {
        throw OutputError(
            path: output,
            reason: "it is also an input (\(input)); choose another output path so the input is not overwritten")
    }
}

/// Prints the summary (JSON or a short note) and applies `--strict`; `extraDetails` adds a command's own figures.
func conclude(
    _ command: String, _ pass: SpendPass, outputs: [String], options: CommonOptions,
    extraDetails: [String: String] = [:]
) throws {
    let result = pass.result
    var details: [String: String] = [
        "suppliers": String(result.quality.suppliers),
        "register_rows": String(result.rows.count),
        "priority_1_rows": String(result.rows.filter { $0.priority == 1 }.count),
        "planned_tasks": String(result.plan.count),
        "unmatched_suppliers": String(result.quality.unmatchedSuppliers),
        "lines_without_category": String(result.quality.linesWithoutCategory),
        "lines_without_country": String(result.quality.linesWithoutCountry),
        "spend_without_category": result.quality.spendWithoutCategory.description,
        "spend_unknown_risk": result.quality.unknownRiskSpend.description,
        "lines_outside_scope": String(result.quality.excludedLines),
        "spend_outside_scope": result.quality.excludedSpend.description,
    ]
    details.merge(extraDetails) { _, extra in extra }
    var summary = RunSummary(
        command: command, file: pass.outcome.file, counts: result.counts, rejects: result.rejects,
        outputs: outputs, details: details)
    pass.spend.describe(in: &summary)
    if options.json {
        print(summary.json())
    } else {
        let rowWord = pass.spend.sheet == nil ? "line" : "row"
        note(
            "\(pass.spend.displayName): \(summary.rowsRead) records, \(summary.rowsWritten) accepted, "
                + "\(summary.rowsRejected) rejected; total \(summary.amountTotal); "
                + "\(result.rows.count) supplier × category rows, \(details["priority_1_rows"] ?? "0") at priority 1; "
                + "\(result.quality.excludedLines) lines outside the scope (not procurement), "
                + "\(result.quality.linesWithoutCategory) without a category.",
            quiet: options.quiet)
        for output in outputs { note("wrote \(output)", quiet: options.quiet) }
        for reject in result.rejects.prefix(20) {
            note(
                "  rejected record \(reject.record) (\(rowWord) \(reject.line)): \(reject.reason)", quiet: options.quiet
            )
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

    @Option(
        name: .shortAndLong,
        help: "The enriched CSV, or - for standard output (default: SPEND with -tagged before the extension).")
    var output: String?

    @Option(
        help: "Where rejected records go (default: next to the output, NAME.rejects.csv; with -o -, next to SPEND).")
    var rejects: String?

    @Flag(
        help: "Prefix text Excel would run as a formula with ' (for CSV opened in Excel, not for the ERP round trip).")
    var excelSafe = false

    func run() throws {
        try reportingFailures {
            let path = output ?? OutputNames.tagged(for: input.spend, directory: nil, language: options.language)
            if path == "-" && options.json {
                throw CommandFailure.usage(
                    "--json prints to standard output, which -o - already uses: write the CSV to a file, or leave out --json."
                )
            }
            // With the CSV on standard output, rejected records still go to a file: next to the input.
            let rejectsPath = rejects ?? (path == "-" ? AnalysisRun.defaultRejectsPath(for: input.spend) : nil)
            let pass = try analyse(input, options, enrichedPath: path, rejectsPath: rejectsPath, excelSafe: excelSafe)
            try conclude("tag", pass, outputs: pass.outcome.outputs, options: options)
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
            let path = output ?? OutputNames.register(for: input.spend, directory: nil, language: options.language)
            try refuseOverwriting(input.inputPaths, with: path)
            let pass = try analyse(input, options)
            try WorkbookOutput.write(path, protecting: input.inputPaths) {
                try RegisterWorkbook.write(pass.result, to: $0)
            }
            try conclude("register", pass, outputs: [path], options: options)
        }
    }
}

/// `kedja plan`: the follow-up plan workbook.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the follow-up plan: one row per follow-up task of each prioritised supplier.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "The workbook to write.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Last period's follow-up plan (XLSX): Status, Responsible, Comment and the corrective-action columns are "
                + "carried into the new plan; rows that match no task go to the sheet Utgått/Discontinued.",
            valueName: "plan.xlsx"))
    var previous: String?

    func run() throws {
        try reportingFailures {
            let path = output ?? OutputNames.plan(for: input.spend, directory: nil, language: options.language)
            let inputs = input.inputPaths + (previous.map { [$0] } ?? [])
            try refuseOverwriting(inputs, with: path)
            let previousPlan = try previous.map(PreviousPlan.read(path:))
            let pass = try analyse(input, options)
            let carryover = previousPlan.map { PlanCarryover(previous: $0, result: pass.result) }
            try WorkbookOutput.write(path, protecting: inputs) {
                try PlanWorkbook.write(pass.result, carryover: carryover, to: $0)
            }
            var details: [String: String] = [:]
            if let carryover {
                details["carried_over"] = String(carryover.carried.count)
                details["priority_changes"] = String(carryover.priorityChanges)
                details["discontinued"] = String(carryover.discontinued.count)
                note(
                    "\(previous ?? ""): carried over \(carryover.carried.count) tasks (\(carryover.priorityChanges) "
                        + "with a changed priority); \(carryover.discontinued.count) rows match no task and are kept on the "
                        + "sheet \(PlanLabels(options.language).discontinuedSheet).",
                    quiet: options.quiet || options.json)
            }
            try conclude("plan", pass, outputs: [path], options: options, extraDetails: details)
        }
    }
}

/// `kedja report`: the committee report workbook.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the committee report: key figures, top risks, charts, heat map, data quality.")

    @OptionGroup var input: SpendInput
    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "The workbook to write.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Last period's risk register (XLSX, from `kedja register`): adds the sheet Förändringar/Changes.",
            valueName: "register.xlsx"))
    var previous: String?

    @Option(
        help: ArgumentHelp(
            "With --previous: the least change in a supplier's spend that is listed, in kronor (default: the "
                + "materiality of settings.csv, the lower of priority1_min_spend and priority1_min_share of total spend).",
            valueName: "amount"))
    var changeThreshold: String?

    func validate() throws {
        if changeThreshold != nil && previous == nil {
            throw ValidationError("--change-threshold applies to the comparison with --previous: give --previous too.")
        }
        if let changeThreshold, Amount(changeThreshold) == nil {
            throw ValidationError("--change-threshold \(changeThreshold): write an amount in kronor, e.g. 250000.")
        }
    }

    func run() throws {
        try reportingFailures {
            let path = output ?? OutputNames.report(for: input.spend, directory: nil, language: options.language)
            let inputs = input.inputPaths + (previous.map { [$0] } ?? [])
            try refuseOverwriting(inputs, with: path)
            let previousRegister = try previous.map(PreviousRegister.read(path:))
            let pass = try analyse(input, options)
            let comparison = try previousRegister.map { register in
                RegisterComparison(previous: register, current: pass.result, threshold: try threshold(pass.result))
            }
            try WorkbookOutput.write(path, protecting: inputs) {
                try ReportWorkbook.write(pass.result, comparison: comparison, to: $0)
            }
            var details: [String: String] = [:]
            if let comparison {
                details["changes_new_high_risk"] = String(comparison.joined.count)
                details["changes_gone_high_risk"] = String(comparison.left.count)
                details["changes_risk_levels"] = String(comparison.levelChanges.count)
                details["changes_spend_shifts"] = String(comparison.spendShifts.count)
                details["change_threshold"] = comparison.threshold.description
            }
            try conclude("report", pass, outputs: [path], options: options, extraDetails: details)
        }
    }

    /// `--change-threshold`, or the materiality of the templates' settings for this period's total.
    private func threshold(_ result: AnalysisResult) throws -> Amount {
        if let changeThreshold, let amount = Amount(changeThreshold) { return amount }
        let settings = try TemplateSet.load(from: options.templatesDirectory()).settings
        return RegisterComparison.materialShift(settings: settings, total: result.total)
    }
}

/// `kedja run`: all four outputs in one pass.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Write the enriched CSV, the risk register, the follow-up plan and the committee report in one pass.")

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
            let inputs = input.inputPaths
            let register = OutputNames.register(for: input.spend, directory: outDir, language: language)
            let plan = OutputNames.plan(for: input.spend, directory: outDir, language: language)
            let report = OutputNames.report(for: input.spend, directory: outDir, language: language)
            let pass = try analyse(input, options, enrichedPath: tagged) { result in
                try WorkbookOutput.write(register, protecting: inputs) { try RegisterWorkbook.write(result, to: $0) }
                try WorkbookOutput.write(plan, protecting: inputs) { try PlanWorkbook.write(result, to: $0) }
                try WorkbookOutput.write(report, protecting: inputs) { try ReportWorkbook.write(result, to: $0) }
            }
            try conclude("run", pass, outputs: pass.outcome.outputs + [register, plan, report], options: options)
        }
    }
}

/// The default output names, by language, so a folder of reports reads naturally to its users.
enum OutputNames {
    /// The enriched CSV keeps a CSV input's extension (`.txt`, `.tsv`); a workbook's becomes `.csv`.
    static func tagged(for input: String, directory: String?, language: Language) -> String {
        name(
            input, directory, language == .sv ? "taggad" : "tagged", ext: "csv",
            keepExtension: !TableInput.isWorkbook(input))
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

    private static func name(
        _ input: String, _ directory: String?, _ suffix: String, ext: String, keepExtension: Bool = false
    ) -> String {
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
