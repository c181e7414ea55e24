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
/// completed, so `run` writes its workbooks at the same time; `workbooks` names the files it writes, so that no
/// two outputs of the run are one file, and a failure says which outputs were written before it.
func analyse(
    _ input: SpendInput, _ options: CommonOptions, enrichedPath: String? = nil, rejectsPath: String? = nil,
    excelSafe: Bool = false, workbooks: [String] = [], describeSource: Bool = false,
    alongside: ((AnalysisResult) throws -> Void)? = nil
) throws -> SpendPass {
    let messages = Messages(options.language)
    var outputs: [(option: String, path: String)] = []
    if let enrichedPath { outputs.append(("-o", enrichedPath)) }
    if let rejectsPath {
        outputs.append(("--rejects", rejectsPath))
    } else if let enrichedPath, enrichedPath != "-" {
        outputs.append((messages.rejectsFileOutput, AnalysisRun.defaultRejectsPath(for: enrichedPath)))
    }
    outputs += workbooks.map { (messages.workbookOutput, $0) }
    try refuseCollisions(outputs, messages)
    let files = outputs.map(\.path).filter { $0 != "-" }
    for file in files {
        try refuseOverwriting(input.inputPaths, with: file, messages)
    }
    // Each output appears whole or not at all; which of them a failed run put in place is told by the file
    // each path names having changed.
    let before = files.map(FileIdentity.init(path:))
    let spend = try TableInput.open(input.spend, sheet: options.sheet, sheetOption: "--sheet")
    let suppliers = try input.suppliers.map {
        try TableInput.open($0, sheet: input.suppliersSheet, sheetOption: "--suppliers-sheet")
    }
    let contracts = try input.contracts.map { try TableInput.open($0, sheet: nil, sheetOption: "--contracts") }
    let audits = try input.audits.map { try TableInput.open($0, sheet: nil, sheetOption: "--audits") }
    for table in [spend] + [suppliers, contracts, audits].compactMap({ $0 }) {
        if let sheet = table.sheet, !sheet.columnsLeftOut.isEmpty {
            note(
                messages.emptyColumnsLeftOut(table.displayName(options.language), runs: sheet.columnsLeftOut),
                quiet: options.quiet)
        }
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
        var failure = spend.relabel(error, language: options.language)
        for side in [suppliers, contracts, audits].compactMap({ $0 }) {
            failure = side.relabel(failure, language: options.language)
        }
        let written = zip(files, before).filter { path, earlier in
            FileManager.default.fileExists(atPath: path) && FileIdentity(path: path) != earlier
        }.map(\.0)
        throw written.isEmpty ? failure : FailureAfterOutputs(underlying: failure, written: written)
    }
}

/// Refuses two outputs of one run that name the same file, before any work is done (exit 64): the later would
/// replace the earlier, and both would be reported as written.
///
/// `-` (standard output) is no file and never collides.
func refuseCollisions(_ outputs: [(option: String, path: String)], _ messages: Messages) throws {
    let files = outputs.filter { $0.path != "-" }
    for (index, output) in files.enumerated() {
        if let earlier = files[..<index].first(where: { FileIdentity.same($0.path, output.path) }) {
            throw CommandFailure.usage(messages.sameFile(earlier, output))
        }
    }
}

/// Refuses an output path that names one of the user's inputs, before any work is done (exit 73).
///
/// The pass itself protects the files it reads, but for a workbook input that is the private CSV, not the workbook.
func refuseOverwriting(_ inputs: [String], with output: String, _ messages: Messages) throws {
    guard output != StandardStreams.path else { return }
    for input in inputs where FileIdentity.same(input, output) {
        throw OutputError(path: output, reason: messages.alsoAnInput(input))
    }
}

/// Prints the summary (JSON or a short note) and applies `--strict`; `repairs` says what the workbooks' texts
/// needed (nil for a command that writes none), `extraDetails` adds a command's own figures.
///
/// - Parameter register: the register workbook written, whose rejected sheet lists every rejected record.
func conclude(
    _ command: String, _ pass: SpendPass, outputs: [String], options: CommonOptions, repairs: TextRepairs? = nil,
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
    if let repairs {
        details["workbook_characters_replaced"] = String(repairs.replacedCharacters)
        details["workbook_texts_cut"] = String(repairs.cutTexts)
    }
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
        outputs: outputs, details: details, language: options.language)
    pass.spend.describe(in: &summary)
    summary.addFileRejects(pass.outcome.sideRejects, language: options.language)
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
        if let repairs, !repairs.isEmpty { note(repairs.summaryLine(options.language), quiet: options.quiet) }
        for reject in result.rejects.prefix(RejectList.shown) {
            note(messages.rejectedRecord(reject, sheetRow: pass.spend.sheet != nil), quiet: options.quiet)
        }
        let registerSheet = register.map {
            ($0, RegisterLabels(options.language, areas: result.areaNames).rejectedSheet)
        }
        let place = messages.rejectsIn(file: pass.outcome.rejectsPath, registerSheet: registerSheet)
        if let more = RejectList.more(summary.rowsRejected, where: place, messages) { note(more, quiet: options.quiet) }
        for reject in pass.outcome.sideRejects.prefix(RejectList.shown) {
            note(messages.sideReject(reject), quiet: options.quiet)
        }
        if pass.outcome.withheld { note(messages.strictWithheld(pass.outcome.rejectsPath), quiet: options.quiet) }
        if let first = pass.outcome.templateDoubts.first, case .folder(let folder) = try options.templateLocation() {
            note(
                messages.templateDoubts(
                    pass.outcome.templateDoubts.count, first: first.text(options.language), folder: folder.path),
                quiet: options.quiet)
        }
    }
    if options.strict && (summary.rowsRejected > 0 || !pass.outcome.sideRejects.isEmpty) { throw ExitCode(1) }
}

private func fileSize(_ path: String) -> Int64? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
}

extension TextRepairs {
    /// The note under the written files, in `language`: what was changed in the workbooks' texts, and why.
    func summaryLine(_ language: Language) -> String {
        var parts: [String] = []
        if replacedCharacters > 0 {
            let count = replacedCharacters
            parts.append(
                Phrase(
                    sv:
                        "\(count) tecken som en XLSX-fil inte kan rymma (styrtecken, U+FFFE, U+FFFF) ersatta med U+FFFD",
                    en: "\(count) character\(count == 1 ? "" : "s") an XLSX file cannot hold "
                        + "(control characters, U+FFFE, U+FFFF) replaced by U+FFFD"
                ).text(language))
        }
        if cutTexts > 0 {
            let count = cutTexts
            parts.append(
                Phrase(
                    sv: "\(count) \(count == 1 ? "text" : "texter") över Excels 32 767 tecken per cell kapade, "
                        + "med \"… [kapad: N tecken]\" sist",
                    en: "\(count) text\(count == 1 ? "" : "s") over Excel's 32,767 characters per cell cut, "
                        + "ending in \"… [cut: N characters]\""
                ).text(language))
        }
        return Phrase(sv: "obs: i arbetsböckerna ", en: "note: in the workbooks, ").text(language)
            + parts.joined(separator: "; ") + "."
    }
}
