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
    excelSafe: Bool = false, alongside: ((AnalysisResult) throws -> Void)? = nil
) throws -> SpendPass {
    let messages = Messages(options.language)
    for output in [enrichedPath, rejectsPath].compactMap({ $0 }) where output != "-" {
        try refuseOverwriting(input.inputPaths, with: output, messages)
    }
    let spend = try TableInput.open(input.spend, sheet: options.sheet, sheetOption: "--sheet")
    let suppliers = try input.suppliers.map {
        try TableInput.open($0, sheet: input.suppliersSheet, sheetOption: "--suppliers-sheet")
    }
    let progress = ProgressLine(enabled: !options.quiet, total: fileSize(spend.csvPath), messages: messages)
    defer { progress.finish() }
    var request = AnalysisRun.Request(
        spendPath: spend.csvPath, suppliersPath: suppliers?.csvPath,
        templates: try options.templateLocation(),
        language: options.language, overrides: try options.overrides(), profile: options.profile,
        limits: options.limits,
        planStart: try input.planStart(), enrichedPath: enrichedPath, rejectsPath: rejectsPath, excelSafe: excelSafe,
        progress: progress.isActive ? { progress.update(bytes: $0) } : nil, spendRows: spend.sheet?.rows)
    request.strict = options.strict
    do {
        // The pass names a workbook's rejected records by sheet row itself, in the rejects CSV too.
        let outcome = try AnalysisRun.execute(request, alongside: alongside)
        return SpendPass(outcome: outcome, spend: spend)
    } catch {
        let relabelled = spend.relabel(error, language: options.language)
        throw suppliers?.relabel(relabelled, language: options.language) ?? relabelled
    }
}

/// Refuses an output path that names one of the user's inputs, before any work is done (exit 73).
///
/// The pass itself protects the files it reads, but for a workbook input that is the private CSV, not the workbook.
func refuseOverwriting(_ inputs: [String], with output: String, _ messages: Messages) throws {
    guard output != StandardStreams.path else { return }
    let destination = AtomicOutputFile.resolvedPath(output)
    for input in inputs where AtomicOutputFile.resolvedPath(input) == destination {
        throw OutputError(path: output, reason: messages.alsoAnInput(input))
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
    details.merge(extraDetails) { _, extra in extra }
    var summary = RunSummary(
        command: command, file: pass.outcome.file, counts: result.counts, rejects: result.rejects,
        outputs: outputs, details: details, language: options.language)
    pass.spend.describe(in: &summary)
    if options.json {
        print(summary.json())
    } else {
        let messages = Messages(options.language)
        note(
            messages.passSummary(
                pass.spend.displayName(options.language), read: summary.rowsRead, accepted: summary.rowsWritten,
                rejected: summary.rowsRejected, total: result.counts.amountTotal, rows: result.rows.count,
                priorityOne: details["priority_1_rows"] ?? "0", outsideScope: result.quality.excludedLines,
                withoutCategory: result.quality.linesWithoutCategory),
            quiet: options.quiet)
        for output in outputs { note(messages.wrote(output), quiet: options.quiet) }
        for reject in result.rejects.prefix(RejectList.shown) {
            note(messages.rejectedRecord(reject, sheetRow: pass.spend.sheet != nil), quiet: options.quiet)
        }
        let registerSheet = register.map {
            ($0, RegisterLabels(options.language, areas: result.areaNames).rejectedSheet)
        }
        let place = messages.rejectsIn(file: pass.outcome.rejectsPath, registerSheet: registerSheet)
        if let more = RejectList.more(result.rejects.count, where: place, messages) { note(more, quiet: options.quiet) }
        if pass.outcome.withheld { note(messages.strictWithheld(pass.outcome.rejectsPath), quiet: options.quiet) }
    }
    if options.strict && summary.rowsRejected > 0 { throw ExitCode(1) }
}

private func fileSize(_ path: String) -> Int64? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
}
