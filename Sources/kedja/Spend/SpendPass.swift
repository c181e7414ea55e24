import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

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
/// A workbook input is converted to a private CSV first; the pass names rejected records by the sheet's rows, and
/// errors are retold in terms of the workbook, its sheet and its rows.
///
/// `alongside` gets the finished analysis (rejected records in the workbook's rows) while the enriched CSV is
/// completed, so `run` writes its workbooks at the same time.
func analyse(
    _ input: SpendInput, _ options: CommonOptions, enrichedPath: String? = nil, rejectsPath: String? = nil,
    excelSafe: Bool = false, describeSource: Bool = false, alongside: ((AnalysisResult) throws -> Void)? = nil
) throws -> SpendPass {
    for output in [enrichedPath, rejectsPath].compactMap({ $0 }) where output != "-" {
        try refuseOverwriting(input.inputPaths, with: output)
    }
    let spend = try TableInput.open(input.spend, sheet: options.sheet, sheetOption: "--sheet")
    let suppliers = try input.suppliers.map {
        try TableInput.open($0, sheet: input.suppliersSheet, sheetOption: "--suppliers-sheet")
    }
    let contracts = try input.contracts.map { try TableInput.open($0, sheet: nil, sheetOption: "--contracts") }
    let audits = try input.audits.map { try TableInput.open($0, sheet: nil, sheetOption: "--audits") }
    let progress = ProgressLine(enabled: !options.quiet, total: fileSize(spend.csvPath))
    defer { progress.finish() }
    var request = AnalysisRun.Request(
        spendPath: spend.csvPath, suppliersPath: suppliers?.csvPath,
        templates: try options.templateLocation(),
        language: options.language, overrides: try options.overrides(), profile: options.profile,
        limits: options.limits,
        planStart: try input.planStart(), enrichedPath: enrichedPath, rejectsPath: rejectsPath, excelSafe: excelSafe,
        progress: progress.isActive ? { progress.update(bytes: $0) } : nil, spendRows: spend.sheet?.rows)
    request.strict = options.strict
    request.contracts = contracts.map {
        AnalysisRun.SideFile(path: $0.csvPath, displayName: $0.displayName, rows: $0.sheet?.rows)
    }
    request.audits = audits.map {
        AnalysisRun.SideFile(path: $0.csvPath, displayName: $0.displayName, rows: $0.sheet?.rows)
    }
    request.contractOverrides = options.contractOverrides()
    request.toolVersion = Kedja.configuration.version
    request.sourceName = spend.reportName
    // The report names the exact file the figures came from: the user's own bytes, or standard input's copy.
    if describeSource { request.digestPath = spend.path == TableInput.standardInput ? spend.csvPath : spend.path }
    do {
        // The pass names a workbook's rejected records by sheet row itself, in the rejects CSV too.
        let outcome = try AnalysisRun.execute(request, alongside: alongside)
        return SpendPass(outcome: outcome, spend: spend)
    } catch {
        var relabelled = spend.relabel(error)
        for side in [suppliers, contracts, audits].compactMap({ $0 }) { relabelled = side.relabel(relabelled) }
        throw relabelled
    }
}

/// Refuses an output path that names one of the user's inputs, before any work is done (exit 73).
///
/// The pass itself protects the files it reads, but for a workbook input that is the private CSV, not the workbook.
func refuseOverwriting(_ inputs: [String], with output: String) throws {
    guard output != StandardStreams.path else { return }
    let destination = AtomicOutputFile.resolvedPath(output)
    for input in inputs where AtomicOutputFile.resolvedPath(input) == destination {
        throw OutputError(
            path: output,
            reason: "it is also an input (\(input)); choose another output path so the input is not overwritten")
    }
}

/// Prints the summary (JSON or a short note) and applies `--strict`; `extraDetails` adds a command's own figures.
///
/// - Parameter register: the register workbook written, whose rejected sheet lists every rejected record.
func conclude(
    _ command: String, _ pass: SpendPass, outputs: [String], options: CommonOptions,
    extraDetails: [String: String] = [:], register: String? = nil
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
    if let figures = result.contractFigures {
        details["contracts"] = String(figures.contracts)
        details["spend_under_contract"] = figures.spendUnderContract.description
        details["spend_outside_contract"] = figures.spendOutsideContract.description
        details["condition_gaps"] = String(figures.gaps.count)
    }
    if let audits = result.auditsFile { details["audits"] = String(audits.audits) }
    details["covered_tasks"] =
        result.auditsFile == nil ? nil : String(result.plan.filter { $0.status == .covered }.count)
    details.merge(extraDetails) { _, extra in extra }
    var summary = RunSummary(
        command: command, file: pass.outcome.file, counts: result.counts, rejects: result.rejects,
        outputs: outputs, details: details)
    pass.spend.describe(in: &summary)
    summary.addFileRejects(pass.outcome.sideRejects)
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
        for output in outputs { note(Messages.wrote(output), quiet: options.quiet) }
        for reject in result.rejects.prefix(RejectList.shown) {
            note(
                "  rejected record \(reject.record) (\(rowWord) \(reject.line)): \(reject.reason)", quiet: options.quiet
            )
        }
        let registerSheet = register.map {
            ($0, RegisterLabels(options.language, areas: result.areaNames).rejectedSheet)
        }
        let place = Messages.rejectsIn(file: pass.outcome.rejectsPath, registerSheet: registerSheet)
        if let more = RejectList.more(result.rejects.count, where: place) { note(more, quiet: options.quiet) }
        for reject in pass.outcome.sideRejects.prefix(RejectList.shown) {
            note(
                "  \(reject.file): rejected record \(reject.record.record) (line \(reject.record.line)): \(reject.record.reason)",
                quiet: options.quiet)
        }
        if pass.outcome.withheld { note(Messages.strictWithheld(pass.outcome.rejectsPath), quiet: options.quiet) }
    }
    if options.strict && (summary.rowsRejected > 0 || !pass.outcome.sideRejects.isEmpty) { throw ExitCode(1) }
}

private func fileSize(_ path: String) -> Int64? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
}
