import Foundation
import KedjaModel
import Tabular

/// One pass over a spend file: read, tag, aggregate, and write the enriched CSV and rejects on the way.
///
/// Every spend command (`tag`, `register`, `plan`, `report`, `run`) is this pass and the workbooks it asks
/// for, written after the pass or, for `run`, while the enriched CSV is completed (`alongside`); the
/// executable only parses arguments and prints.
public struct AnalysisRun {
    /// What to read and how.
    public struct Request {
        public var spendPath: String
        public var suppliersPath: String?
        /// The rule tables to use.
        public var templates: TemplateLocation
        public var language: Language
        public var overrides: [(ColumnRole, String)]
        public var profile: String?
        public var limits: CSVLimits
        public var planStart: CivilDate?
        /// Where the enriched CSV goes: a path, `-` for standard output, or nil for none.
        public var enrichedPath: String?
        /// Where rejected records go: a path, `-` for standard output, or nil for next to the enriched CSV (or none
        /// without one).
        public var rejectsPath: String?
        /// Prefix formula-like text with `'` in the enriched CSV and the rejects CSV (for CSV opened in Excel).
        public var excelSafe: Bool
        /// Called with bytes read so far.
        public var progress: ((Int64) -> Void)?
        /// How the committee report names the spend file (its name, and a workbook's sheet).
        public var sourceName: String?
        /// The file whose SHA-256 the report gives (the user's own, not a converted copy); nil for none.
        public var digestPath: String?
        /// Kedja's version, for the report's opening lines.
        public var toolVersion = ""
        /// For a worksheet converted to the CSV at `spendPath`: the sheet row each CSV line came from, so rejected
        /// records name the rows the user sees, in the summary and in the rejects CSV alike.
        public var spendRows: SheetRowMap?
        /// `--strict`: when a record is rejected, the rejects file is the only output. The enriched CSV is dropped
        /// and `alongside` is not called, so no output built on an incomplete ledger is left to be mistaken for a
        /// complete one.
        public var strict = false
        /// The contracts file (`--contracts`, CSV or a workbook's private CSV), if any.
        public var contracts: SideFile?
        /// The earlier and joint audits file (`--audits`), if any.
        public var audits: SideFile?
        /// `--map` entries for the contracts and audits files.
        public var contractOverrides: [(ContractColumn, String)] = []

        /// Creates a request.
        public init(
            spendPath: String, suppliersPath: String? = nil, templates: TemplateLocation, language: Language = .sv,
            overrides: [(ColumnRole, String)] = [], profile: String? = nil, limits: CSVLimits = CSVLimits(),
            planStart: CivilDate? = nil, enrichedPath: String? = nil, rejectsPath: String? = nil,
            excelSafe: Bool = false, progress: ((Int64) -> Void)? = nil, spendRows: SheetRowMap? = nil
        ) {
            self.spendPath = spendPath
            self.suppliersPath = suppliersPath
            self.templates = templates
            self.language = language
            self.overrides = overrides
            self.profile = profile
            self.limits = limits
            self.planStart = planStart
            self.enrichedPath = enrichedPath
            self.rejectsPath = rejectsPath
            self.excelSafe = excelSafe
            self.progress = progress
            self.spendRows = spendRows
        }
    }

    /// A contracts or audits file to read alongside the ledger.
    public struct SideFile: Sendable {
        /// The CSV to read.
        public var path: String
        /// How messages name it (the user's workbook rather than its private CSV).
        public var displayName: String
        /// For a converted worksheet, the sheet row of each CSV line.
        public var rows: SheetRowMap?

        /// Creates a side file.
        public init(path: String, displayName: String? = nil, rows: SheetRowMap? = nil) {
            self.path = path
            self.displayName = displayName ?? path
            self.rows = rows
        }
    }

    /// What the pass produced.
    public struct Outcome {
        /// Everything the workbooks show.
        public var result: AnalysisResult
        /// The spend file as opened (dialect, mapping, number style).
        public var file: SpendFile
        /// Files written so far (enriched CSV, rejects).
        public var outputs: [String]
        /// The rejects file, when one was written.
        public var rejectsPath: String?
        /// Whether the request was strict.
        let strict: Bool
        /// Records of the contracts and audits files that could not be used.
        public var sideRejects: [SideFileReject] = []
        /// Whether `--strict` withheld every output but the rejects file, because a record was rejected.
        public var withheld: Bool { strict && !result.rejects.isEmpty }
        /// Doubtful content in the user's own rule tables (`--templates DIR`), which `kedja templates check` lists:
        /// the run uses the tables, and says so, rather than passing a wrong CPV code or a stray setting in silence.
        public var templateDoubts: [TemplateProblem] = []
    }

    /// Spend commands need an amount column; this is their error when there is none (exit 65).
    public struct MissingAmountColumn: Error, CustomStringConvertible, Bilingual {
        /// The file, as messages name it.
        public var path: String
        /// Where the header is: line 1, or a worksheet's header row.
        public var line = 1
        /// Whether ``line`` is a worksheet's row (the error was retold for a workbook).
        public var lineIsSheetRow = false
        /// The headers found.
        public var mapping: ColumnMapping
        /// The columns whose values read as amounts, which the message may propose.
        public var amountColumns: [Int]
        public var description: String { text(.en) }
        public func text(_ language: Language) -> String {
            let place = Phrase(
                sv: "\(path), rad \(line)", en: "\(path), \(lineIsSheetRow ? "row" : "line") \(line)"
            ).text(language)
            return mapping.missingAmountMessage(place: place, amountColumns: amountColumns, language: language)
        }
    }

    /// A file with a header and no records has nothing to analyse (exit 65).
    public struct NoDataRecords: Error, CustomStringConvertible, Bilingual {
        public var path: String
        public var description: String { text(.en) }
        public func text(_ language: Language) -> String {
            Phrase(
                sv: "\(path): filen har en rubrikrad men inga dataposter. Exportera reskontran igen med dess rader.",
                en: "\(path): the file has a header but no data records. Export the ledger again with its lines."
            ).text(language)
        }
    }

    /// Runs the pass.
    ///
    /// - Parameter alongside: work on the finished analysis (the workbooks) to run while the enriched CSV is
    ///   completed on a second thread: the two share nothing but the analysis, and each takes about as long.
    public static func execute(
        _ request: Request, alongside: ((AnalysisResult) throws -> Void)? = nil
    ) throws -> Outcome {
        let templates = try TemplateSet.load(from: request.templates)
        let vocabulary = try ColumnVocabulary.load(from: request.templates)
        let file = try SpendFile(
            path: request.spendPath, vocabulary: vocabulary, overrides: request.overrides,
            profile: request.profile, limits: request.limits)
        guard file.hasAmountColumn else {
            throw MissingAmountColumn(
                path: request.spendPath, mapping: file.mapping,
                amountColumns: file.amountColumnCandidates)
        }
        let suppliers =
            try request.suppliersPath.map {
                try SupplierList(path: $0, vocabulary: vocabulary, legalForms: templates.legalForms)
            } ?? SupplierList()
        let analyzer = SpendAnalyzer(
            templates: templates, suppliers: suppliers, mapping: file.mapping, language: request.language)
        // Contracts and audits are read before the pass, so a broken file stops the run before any output.
        var contracts = ContractList()
        var audits = AuditList()
        if request.contracts != nil || request.audits != nil {
            let words = try ContractVocabulary.load(from: request.templates)
            if let side = request.contracts {
                contracts = try ContractList(
                    path: side.path, displayName: side.displayName, vocabulary: words, templates: templates,
                    overrides: request.contractOverrides, rowOf: { side.rows?.sheetRow(forLine: $0) ?? $0 })
            }
            if let side = request.audits {
                audits = try AuditList(
                    path: side.path, displayName: side.displayName, vocabulary: words,
                    legalForms: templates.legalForms, overrides: request.contractOverrides,
                    rowOf: { side.rows?.sheetRow(forLine: $0) ?? $0 })
            }
        }
        let sideRejects = contracts.rejects + audits.rejects

        var inputs = [request.spendPath]
        if let suppliersPath = request.suppliersPath { inputs.append(suppliersPath) }
        inputs += [request.contracts, request.audits].compactMap { $0?.path }
        var outputs: [String] = []
        let enriched = try request.enrichedPath.map { path -> EnrichedCSVWriter in
            let writer =
                path == "-"
                ? CSVWriter.standardOutput(dialect: file.reader.dialect, excelSafe: request.excelSafe)
                : CSVWriter(
                    file: try AtomicOutputFile(destination: path, protecting: inputs), dialect: file.reader.dialect,
                    excelSafe: request.excelSafe)
            return try EnrichedCSVWriter(output: writer, header: file.mapping.header, language: request.language)
        }
        let rejectsPath =
            request.rejectsPath ?? request.enrichedPath.flatMap { $0 == "-" ? nil : Self.defaultRejectsPath(for: $0) }
        var rejectsWriter: RejectsWriter?
        var rejects: [RejectedRecord] = []
        var laterRejects: RejectSpool?

        var period = LedgerPeriod(column: file.mapping.column(.date), layout: file.dateLayout)
        var counts = IngestionCounts()
        var digest: String?
        // The file's digest is read on a second thread while the pass reads it on this one.
        try SideBySide.run(
            { digest = try request.digestPath.map { try SHA256.hexDigest(ofFileAt: $0) } },
            {
                counts = try Self.pass(
                    file, request: request, analyzer: analyzer, enriched: enriched, period: &period,
                    rejectsPath: rejectsPath, inputs: inputs, rejectsWriter: &rejectsWriter, rejects: &rejects,
                    laterRejects: &laterRejects)
            })
        guard counts.rowsRead > 0 else { throw NoDataRecords(path: request.spendPath) }

        guard let start = request.planStart ?? today().map(FollowUpPlanner.nextQuarterStart) else {
            throw NoDataRecords(path: request.spendPath)
        }
        var result = analyzer.finish(
            counts: counts, rejects: rejects, planStart: start, contracts: contracts, audits: audits)
        result.laterRejects = laterRejects
        result.run = RunDescription(
            organisation: templates.organisation,
            sourceName: request.sourceName ?? URL(fileURLWithPath: request.spendPath).lastPathComponent,
            sourceDigest: digest, period: period?.range,
            periodColumn: file.mapping.column(.date).map { file.mapping.header[$0] },
            time: DocumentProperties.creationTime(),
            toolVersion: request.toolVersion, ruleTables: request.templates,
            indexEditions: templates.indexEditions)
        if let rejectsWriter, let rejectsPath {
            try rejectsWriter.finish()
            outputs.append(rejectsPath)
        }
        let written = rejectsWriter == nil ? nil : rejectsPath
        if request.strict && !rejects.isEmpty {
            return Outcome(
                result: result, file: file, outputs: outputs, rejectsPath: written, strict: true,
                sideRejects: sideRejects)
        }
        let (priorities, taskIDs, reasons) = (analyzer.groupPriorities, analyzer.groupTaskIDs, analyzer.compactReasons)
        switch (enriched, alongside) {
        case let (enriched?, alongside?):
            try SideBySide.run(
                { try enriched.finish(priorities: priorities, tasks: taskIDs, reasons: reasons) },
                { try alongside(result) })
        default:
            try enriched?.finish(priorities: priorities, tasks: taskIDs, reasons: reasons)
            try alongside?(result)
        }
        if let path = request.enrichedPath, path != "-" { outputs.insert(path, at: 0) }
        var outcome = Outcome(
            result: result, file: file, outputs: outputs, rejectsPath: written, strict: request.strict,
            sideRejects: sideRejects)
        if case .folder = request.templates { outcome.templateDoubts = templates.problems() }
        return outcome
    }

    /// Reads every line once: accepted ones are placed, tagged into the enriched CSV and dated; rejected ones are
    /// kept (the first ``RejectSpool/listLimit`` in memory, the rest spooled) and written to the rejects file, named
    /// by sheet row for a workbook input.
    private static func pass(
        _ file: SpendFile, request: Request, analyzer: SpendAnalyzer, enriched: EnrichedCSVWriter?,
        period: inout LedgerPeriod?, rejectsPath: String?, inputs: [String], rejectsWriter: inout RejectsWriter?,
        rejects: inout [RejectedRecord], laterRejects: inout RejectSpool?
    ) throws -> IngestionCounts {
        try file.forEachLine(
            progress: request.progress,
            accepted: { record, amount in
                let place = analyzer.place(record, amount: amount)
                try enriched?.add(record, at: place, taggedBy: analyzer)
                period?.note(record)
            },
            rejected: { record, reject in
                var reject = reject
                if let rows = request.spendRows { reject.line = rows.sheetRow(forLine: reject.line) ?? reject.line }
                if rejects.count < RejectSpool.listLimit {
                    rejects.append(reject)
                } else {
                    let spool = try laterRejects ?? RejectSpool()
                    laterRejects = spool
                    try spool.append(reject)
                }
                if let rejectsPath {
                    if rejectsWriter == nil {
                        rejectsWriter = try RejectsWriter(
                            path: rejectsPath, header: file.mapping.header, dialect: file.reader.dialect,
                            excelSafe: request.excelSafe, language: request.language, protecting: inputs)
                    }
                    try rejectsWriter?.add(record, reject: reject)
                }
            })
    }

    /// `OUT.csv` → `OUT.rejects.csv`.
    public static func defaultRejectsPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.isEmpty ? "csv" : url.pathExtension
        let directory = (output as NSString).deletingLastPathComponent
        let name = "\(stem).rejects.\(ext)"
        return directory.isEmpty ? name : "\(directory)/\(name)"
    }

    /// Today's date in the local calendar, for the default plan start.
    static func today() -> CivilDate? {
        let days = Int(Date().timeIntervalSince1970 / 86_400)
        // 1970-01-01 is Excel serial 25569 in the 1900 date system.
        return CivilDate(excelSerial: 25_569 + days)
    }
}

/// Writes rejected records in the input's dialect: record number, line (a worksheet's row for a workbook input)
/// and reason (in the run's language), then the fields as read.
///
/// With `excelSafe`, formula-like text is prefixed as in the enriched CSV: a rejected record is opened in Excel to
/// be fixed, and is exactly the kind of record that holds hostile text.
final class RejectsWriter {
    private let writer: CSVWriter
    private let language: Language

    /// Writes to `path`, or to standard output for `-`.
    init(
        path: String, header: [String], dialect: CSVDialect, excelSafe: Bool, language: Language,
        protecting inputs: [String]
    ) throws {
        self.language = language
        writer =
            path == "-"
            ? CSVWriter.standardOutput(dialect: dialect, excelSafe: excelSafe)
            : CSVWriter(
                file: try AtomicOutputFile(destination: path, protecting: inputs), dialect: dialect,
                excelSafe: excelSafe)
        for name in ["kedja_record", "kedja_line", "kedja_reason"] + header { writer.writeField(name) }
        try writer.endRecord()
    }

    func add(_ record: CSVRecord, reject: RejectedRecord) throws {
        writer.writeField(String(reject.record))
        writer.writeField(String(reject.line))
        writer.writeField(reject.reason.text(language))
        writer.writeFields(of: record)
        try writer.endRecord()
    }

    func finish() throws { try writer.finish() }
}

extension AnalysisRun.MissingAmountColumn: ExitStatusReporting {
    public var exitStatus: ExitStatus { .dataError }
}

extension AnalysisRun.NoDataRecords: ExitStatusReporting {
    public var exitStatus: ExitStatus { .dataError }
}
