import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// The command line's own message texts in the run's language (`--lang`), Swedish and English side by side, so a
/// translation is reviewed in one file; commands compose them and never spell wording inline.
///
/// Amounts are written as ``KedjaModel/Amount/messageText(_:)`` writes them: `238 219 200,20 kr` in Swedish (a
/// no-break space, U+00A0, between thousands), the plain literal `238219200.20` in English. Errors of the
/// libraries say themselves in either language (``Bilingual``), the rule tables' problems included; only
/// swift-argument-parser's own help and errors and the help texts are English whatever `--lang` says.
struct Messages {
    /// The language messages are written in.
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    /// Messages made while the arguments are parsed (validation errors), in the `--lang` the command line gives.
    static var parsing: Messages { Messages(ArgumentLanguage.typed) }

    private func say(sv: String, en: String) -> String {
        Phrase(sv: sv, en: en).text(language)
    }

    /// `count` and its Swedish word, singular for one: `1 post`, `3 poster`, `100 000 poster`.
    private static func swedish(_ count: Int, _ one: String, _ many: String) -> String {
        "\(grouped(count)) \(count == 1 ? one : many)"
    }

    /// A count as Swedish messages write it: thousands grouped with U+00A0 NO-BREAK SPACE, as amounts are
    /// (`100 000`). English messages print counts plain. Record and line numbers are names, never grouped.
    static func grouped(_ count: Int) -> String {
        count < 0 ? "-" + grouped(-count) : Amount.grouped(String(count), by: "\u{00A0}")
    }

    // MARK: - Spend commands

    /// The summary line of a pass over a spend file.
    func passSummary(
        _ name: String, read: Int, accepted: Int, rejected: Int, total: Amount, rows: Int, priorityOne: String,
        outsideScope: Int, withoutCategory: Int
    ) -> String {
        say(
            sv: "\(name): \(Self.swedish(read, "post", "poster")), \(Self.swedish(accepted, "godtagen", "godtagna")), "
                + "\(Self.swedish(rejected, "avvisad", "avvisade")); totalt \(total.messageText(.sv)); "
                + "\(Self.swedish(rows, "rad", "rader")) leverantör × kategori, \(priorityOne) med prioritet 1; "
                + "\(Self.swedish(outsideScope, "rad", "rader")) utanför omfattningen (inte inköp), "
                + "\(Self.grouped(withoutCategory)) utan kategori.",
            en:
                "\(name): \(read) records, \(accepted) accepted, \(rejected) rejected; total \(total.messageText(.en)); "
                + "\(rows) supplier × category rows, \(priorityOne) at priority 1; "
                + "\(outsideScope) lines outside the scope (not procurement), \(withoutCategory) without a category.")
    }

    /// One rejected record listed on standard error; `sheetRow` when `line` is a worksheet's row.
    func rejectedRecord(_ reject: RejectedRecord, sheetRow: Bool) -> String {
        say(
            sv: "  avvisad post \(reject.record) (rad \(reject.line)): \(reject.reason.text(.sv))",
            en: "  rejected record \(reject.record) (\(sheetRow ? "row" : "line") \(reject.line)): "
                + reject.reason.text(.en))
    }

    /// One rejected row of a contracts or audits file, listed on standard error.
    func sideReject(_ reject: SideFileReject) -> String {
        let record = reject.record
        return say(
            sv: "  \(reject.file): avvisad post \(record.record) (rad \(record.line)): \(record.reason.text(.sv))",
            en: "  \(reject.file): rejected record \(record.record) (line \(record.line)): \(record.reason.text(.en))")
    }

    /// The line per output a spend command wrote.
    func wrote(_ output: String) -> String {
        output == StandardStreams.path
            ? say(sv: "skrev till \(standardOutput)", en: "wrote to \(standardOutput)")
            : say(sv: "skrev \(output)", en: "wrote \(output)")
    }

    /// The line after the first rejected records listed: how many more, and where the whole list is.
    func moreRejects(_ more: Int, total: Int, place: String) -> String {
        say(
            sv:
                "  … och \(Self.swedish(more, "avvisad post", "avvisade poster")) till; alla \(Self.grouped(total)) finns i \(place).",
            en: "  … and \(more) more rejected \(more == 1 ? "record" : "records"); all \(total) are in \(place).")
    }

    /// Where all rejected records are when no file lists them.
    var rejectsInJSON: String {
        say(sv: "sammanfattningen från --json (rejects)", en: "the --json summary (rejects)")
    }

    /// Where all rejected records are: a rejects file, and the register's sheet when a register was written.
    func rejectsIn(file: String?, registerSheet: (workbook: String, sheet: String)?) -> String {
        var places: [String] = []
        if let file { places.append(outputName(file)) }
        if let registerSheet {
            places.append(
                say(
                    sv: "bladet \(registerSheet.sheet) i \(registerSheet.workbook)",
                    en: "the sheet \(registerSheet.sheet) of \(registerSheet.workbook)"))
        }
        return places.isEmpty ? rejectsInJSON : places.joined(separator: say(sv: " och ", en: " and "))
    }

    /// `--strict` with rejected records: why no output, or only the rejects file (`rejects`), was written.
    func strictWithheld(_ rejects: String?) -> String {
        say(
            sv: "--strict: poster avvisades, så inga utdata skrevs"
                + (rejects.map { " utom de avvisade posterna (\(outputName($0)))" } ?? "")
                + ". Rätta dem i exporten, eller kör utan --strict.",
            en: "--strict: records were rejected, so no output was written"
                + (rejects.map { " but the rejected records (\(outputName($0)))" } ?? "")
                + ". Correct them in the export, or run without --strict.")
    }

    /// `plan --previous`: what was carried over from last period's plan.
    func carriedOver(_ previous: String, carried: Int, priorityChanges: Int, discontinued: Int, sheet: String)
        -> String
    {
        say(
            sv:
                "\(previous): \(Self.grouped(carried)) uppgifter överförda (\(Self.grouped(priorityChanges)) med ändrad "
                + "prioritet); \(Self.grouped(discontinued)) rader matchar ingen uppgift och behålls på bladet \(sheet).",
            en: "\(previous): carried over \(carried) tasks (\(priorityChanges) with a changed priority); "
                + "\(discontinued) rows match no task and are kept on the sheet \(sheet).")
    }

    /// An output path that is also an input: the reason of the output error.
    func alsoAnInput(_ input: String) -> String {
        say(
            sv: "den är också indata (\(input)); välj en annan utdatasökväg så att indata inte skrivs över",
            en: "it is also an input (\(input)); choose another output path so the input is not overwritten")
    }

    /// `run --out-dir` names a folder that cannot be made.
    func cannotCreateFolder(_ why: String) -> String {
        say(sv: "mappen kan inte skapas (\(why))", en: "cannot create the folder (\(why))")
    }

    // MARK: - Standard streams

    /// How messages name `-` as an output.
    var standardOutput: String { say(sv: "standard ut", en: "standard output") }

    /// How messages name an output path: standard output for `-`.
    func outputName(_ path: String) -> String {
        path == StandardStreams.path ? standardOutput : path
    }

    /// `--json` together with `-o -`: both would go to standard output.
    var jsonAndStandardOutput: String {
        say(
            sv: "--json skriver till standard ut, som -o - redan använder: skriv utdata till en fil, eller utelämna "
                + "--json.",
            en: "--json prints to standard output, which -o - already uses: write the output to a file, or leave out "
                + "--json.")
    }

    /// `-o -` for a workbook while standard output is a terminal.
    var workbookToTerminal: String {
        say(
            sv: "-o -: en arbetsbok är binär och standard ut är en terminal. Dirigera om den "
                + "(-o - > riskregister.xlsx), skicka den vidare med |, eller ange ett filnamn.",
            en: "-o -: a workbook is binary and standard output is a terminal. Redirect it (-o - > register.xlsx), "
                + "pipe it, or give a file name.")
    }

    /// Standard input named for two inputs at once.
    var standardInputTwice: String {
        say(
            sv: "- (standard in) kan bara vara en av indatafilerna: ange den andra som en fil.",
            en: "- (standard input) can be only one of the inputs: give the other as a file.")
    }

    /// `-o -` and `--rejects -` together.
    var standardOutputTwice: String {
        say(
            sv: "-o - och --rejects - skulle båda skriva till standard ut: ge en av dem ett filnamn.",
            en: "-o - and --rejects - would both write to standard output: give one of them a file name.")
    }

    // MARK: - Options

    /// `--max-field-size` of zero or less.
    var maxFieldSizeNotPositive: String {
        say(
            sv: "--max-field-size måste vara ett positivt antal byte.",
            en: "--max-field-size must be a positive number of bytes.")
    }

    /// `--suppliers-sheet` without `--suppliers`.
    var suppliersSheetWithoutSuppliers: String {
        say(
            sv: "--suppliers-sheet anger ett blad i leverantörslistan: ange --suppliers också.",
            en: "--suppliers-sheet names a sheet of the supplier list: give --suppliers too.")
    }

    /// A `--start` that is no date.
    func badStart(_ start: String) -> String {
        say(
            sv: "--start \(start): skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-01-01.",
            en: "--start \(start): write the date as YYYY-MM-DD, e.g. 2027-01-01.")
    }

    /// `--change-threshold` without `--previous`.
    var changeThresholdWithoutPrevious: String {
        say(
            sv: "--change-threshold gäller jämförelsen med --previous: ange --previous också.",
            en: "--change-threshold applies to the comparison with --previous: give --previous too.")
    }

    /// A `--change-threshold` that is no amount.
    func badChangeThreshold(_ threshold: String) -> String {
        say(
            sv: "--change-threshold \(threshold): skriv ett belopp i kronor, t.ex. 250000.",
            en: "--change-threshold \(threshold): write an amount in kronor, e.g. 250000.")
    }

    /// A folder given for the rule tables that holds none.
    func noTemplatesIn(_ folder: String) -> String {
        say(
            sv: "\(folder): inga regeltabeller där (categories.csv saknas). Skriv en uppsättning med "
                + "`kedja templates export \(folder)`, eller ange mappen som har dem.",
            en: "\(folder): no rule tables there (categories.csv is missing). Write a set with "
                + "`kedja templates export \(folder)`, or pass the folder that holds them.")
    }

    // MARK: - convert

    /// `convert`'s summary line on standard error.
    func converted(_ input: String, to output: String, records: Int, ragged: Int, rejected: Int) -> String {
        var text = say(
            sv: "\(input) → \(output): \(Self.swedish(records, "post skriven", "poster skrivna"))",
            en: "\(input) → \(output): \(records) \(records == 1 ? "record" : "records") written")
        if ragged > 0 {
            text += say(
                sv: ", varav \(Self.grouped(ragged)) med ett annat antal fält än rubrikraden (behållna som de är)",
                en: ", \(ragged) of them with another number of fields than the header (kept as they are)")
        }
        if rejected > 0 {
            text += say(
                sv: "; \(Self.grouped(rejected)) inte skrivna (över en storleksgräns)",
                en: "; \(rejected) not written (over a size limit)")
        }
        return text + "."
    }

    /// A workbook's sheet as `convert` names its input.
    /// A note that long expanses of empty columns of a workbook's sheet were left out of the table analysed.
    func emptyColumnsLeftOut(_ table: String, runs: [ClosedRange<Int>]) -> String {
        let count = runs.reduce(0) { $0 + $1.count }
        let spans = runs.map {
            "\(CellRange.columnName($0.lowerBound))–\(CellRange.columnName($0.upperBound))"
        }.joined(separator: ", ")
        return say(
            sv:
                "\(table): \(Self.grouped(count)) tomma kolumner (\(spans)) lämnades utanför; inget värde gick förlorat. "
                + "En enstaka cell långt ut gjorde bladet så brett; radera den om den inte hör till tabellen.",
            en: "\(table): \(count) empty columns (\(spans)) were left out; no value was lost. "
                + "A lone cell far out made the sheet that wide; delete it unless it belongs to the table.")
    }

    /// A note that the user's rule tables hold doubtful content, with the first doubt and where to see them all.
    func templateDoubts(_ count: Int, first: String, folder: String) -> String {
        say(
            sv: "obs: regeltabellerna i \(folder) har \(Self.swedish(count, "tveksamhet", "tveksamheter")), t.ex. "
                + "\(first) Kör `kedja templates check \(folder)` för att se alla.",
            en: "note: the rule tables in \(folder) have \(count) \(count == 1 ? "doubt" : "doubts"), e.g. \(first) "
                + "Run `kedja templates check \(folder)` to see them all.")
    }

    /// How a collision names the rejects file a run writes without an option naming it.
    var rejectsFileOutput: String { say(sv: "avvisningsfilen", en: "the rejects file") }

    /// How a collision names a workbook a run writes.
    var workbookOutput: String { say(sv: "en arbetsbok", en: "a workbook") }

    /// Two outputs of one run that are one file (a usage error).
    func sameFile(_ first: (option: String, path: String), _ second: (option: String, path: String)) -> String {
        say(
            sv: "\(first.option) \(first.path) och \(second.option) \(second.path) är samma fil: "
                + "ge varje utdata en egen sökväg.",
            en: "\(first.option) \(first.path) and \(second.option) \(second.path) are the same file: "
                + "give each output its own path.")
    }

    /// What a run stopped by SIGINT or SIGTERM says as it goes, naming the outputs it had already put in place.
    func interrupted(placed: [String]) -> String {
        let files = placed.joined(separator: ", ")
        return placed.isEmpty
            ? say(
                sv: "kedja: avbruten; tillfälliga filer borttagna, tidigare utdata lämnade som de var.",
                en: "kedja: interrupted; temporary files removed, earlier outputs left as they were.")
            : say(
                sv: "kedja: avbruten; tillfälliga filer borttagna. Skrivna före avbrottet: \(files); körningens "
                    + "övriga utdata skrevs inte.",
                en: "kedja: interrupted; temporary files removed. Written before the interruption: \(files); the "
                    + "run's other outputs were not written.")
    }

    func workbookSheet(_ input: String, sheet: String) -> String {
        say(sv: "\(input), blad '\(sheet)'", en: "\(input), sheet '\(sheet)'")
    }

    /// A record `convert` could not write.
    func notWritten(_ source: String, record: Int, line: Int, problem: CSVRecordProblem) -> String {
        say(
            sv: "\(source): post \(record) (rad \(line)) skrevs inte: \(problem.text(.sv))",
            en: "\(source): record \(record) (line \(line)) not written: \(problem.text(.en))")
    }

    /// `convert BOOK.xlsx -o OTHER.xlsx`.
    func workbookAlready(_ input: String) -> String {
        say(
            sv: "\(input) är redan en arbetsbok: konvertera den till .csv eller .tsv (och sedan, om du behöver, den "
                + "CSV-filen till .xlsx).",
            en: "\(input) is a workbook already: convert it to .csv or .tsv (then, if you need to, that CSV to .xlsx).")
    }

    /// An unknown `--delimiter`.
    func badDelimiter(_ text: String) -> String {
        say(
            sv: "--delimiter \(text): ange ett tecken, eller tab, semicolon, comma eller pipe.",
            en: "--delimiter \(text): give one character, or tab, semicolon, comma or pipe.")
    }

    /// An unknown `--encoding`.
    func badEncoding(_ text: String) -> String {
        say(
            sv: "--encoding \(text): använd utf-8, windows-1252 eller utf-16le.",
            en: "--encoding \(text): use utf-8, windows-1252 or utf-16le.")
    }

    /// An unknown `--line-ending`.
    func badLineEnding(_ text: String) -> String {
        say(sv: "--line-ending \(text): använd crlf eller lf.", en: "--line-ending \(text): use crlf or lf.")
    }

    // MARK: - inspect

    /// `inspect`'s line about fields that hold a quote without starting with one.
    func literalQuotes(_ count: Int) -> String {
        say(
            sv:
                "\(Self.grouped(count)) fält innehåller ett citattecken utan att börja med ett; läses som text, som Excel gör",
            en: "\(count) \(count == 1 ? "field holds" : "fields hold") a quote without starting with one; "
                + "read as text, as Excel does")
    }

    // MARK: - templates

    /// `templates export` into a folder where a table exists already.
    func tableExists(_ path: String) -> String {
        say(
            sv: "\(path) finns redan; ange --force för att skriva över den.",
            en: "\(path) exists; pass --force to overwrite it.")
    }

    /// `templates export` done.
    func wroteTables(_ count: Int, to folder: String, option directory: String) -> String {
        say(
            sv: "Skrev \(count) tabeller till \(folder). Redigera dem i Excel och ange --templates \(directory).",
            en: "Wrote \(count) tables to \(folder). Edit them in Excel and pass --templates \(directory).")
    }

    /// `templates check` without problems.
    func tablesChecked(
        _ location: String, categories: Int, keywords: Int, accountGroups: Int, countries: Int, tasks: Int,
        cpvList: String?
    ) -> String {
        say(
            sv: "\(location): \(categories) kategorier, \(keywords) nyckelord, \(accountGroups) kontogrupper, "
                + "\(countries) länder, \(tasks) uppgifter: inga problem; CPV-koder och kontrollsiffror stämmer mot "
                + "\(cpvList ?? "CPV 2008").",
            en: "\(location): \(categories) categories, \(keywords) keywords, \(accountGroups) account groups, "
                + "\(countries) countries, \(tasks) tasks: no problems; CPV codes and check digits agree with "
                + "\(cpvList ?? "CPV 2008").")
    }

    /// A file Foundation could not write.
    func cannotWrite(_ path: String, because why: String) -> String {
        say(
            sv: "\(path): kan inte skriva (\(why)). Välj en skrivbar mapp.",
            en: "\(path): cannot write (\(why)). Choose a writable folder.")
    }

    // MARK: - Progress

    /// The progress line once the whole input is read.
    func progressWriting(megabytes: Double) -> String {
        say(
            sv: decimalComma(String(format: "%.1f MB läst, skriver utdata…", megabytes)),
            en: String(format: "%.1f MB read, writing the outputs…", megabytes))
    }

    /// The progress line while reading: how much, how fast and, with a known size, how much is left.
    func progress(megabytes: Double, speed: Double, percent: Double?, secondsLeft: Double?) -> String {
        var text = say(
            sv: decimalComma(String(format: "%.1f MB läst, %.1f MB/s", megabytes, speed)),
            en: String(format: "%.1f MB read, %.1f MB/s", megabytes, speed))
        if let percent, let secondsLeft {
            text += say(
                sv: String(format: ", %.0f %%, cirka %.0f s kvar", percent, secondsLeft),
                en: String(format: ", %.0f%%, about %.0f s left", percent, secondsLeft))
        }
        return text
    }

    private func decimalComma(_ text: String) -> String {
        text.replacingOccurrences(of: ".", with: ",")
    }

    // MARK: - Failures

    /// How a failure reaches standard error: `kedja: ` and the error's text in the run's language.
    func failure(_ error: any Error) -> String {
        "kedja: " + failureText(error)
    }

    /// An error's text in the run's language (English for an error that has only one).
    func failureText(_ error: any Error) -> String {
        (error as? any Bilingual)?.text(language) ?? "\(error)"
    }

    /// A first argument that is no command, with the nearest command when one is close.
    func unknownCommand(_ name: String, suggestion: String?, commands: [String]) -> String {
        say(
            sv: "kedja: '\(name)' är inget kommando." + (suggestion.map { " Menade du '\($0)'?" } ?? "")
                + "\nKommandona är \(commands.joined(separator: ", ")); se 'kedja --help'.",
            en: "kedja: '\(name)' is not a command." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                + "\nThe commands are \(commands.joined(separator: ", ")); see 'kedja --help'.")
    }

    // MARK: - Questionnaires and follow-up

    /// The summary of `kedja questionnaires`.
    func questionnairesWritten(_ count: Int, folder: String, plan: String, covered: Int) -> String {
        say(
            sv: "\(plan): \(Self.swedish(count, "självskattning", "självskattningar")) skrivna till \(folder) "
                + "(en per leverantör vars självskattning är Planerad; \(covered) andra leverantörer i planen).",
            en: "\(plan): \(count) questionnaires written to \(folder) (one per supplier whose self-assessment is "
                + "Planned; \(covered) other suppliers in the plan).")
    }

    /// One questionnaire written.
    func questionnaireWritten(_ path: String, supplier: String, questions: Int, returnBy: String) -> String {
        say(
            sv: "  \(path): \(supplier), \(Self.swedish(questions, "fråga", "frågor")), åter senast \(returnBy)",
            en: "  \(path): \(supplier), \(questions) questions, return by \(returnBy)")
    }

    /// One workbook `kedja followup` did not use.
    func questionnaireRejected(_ path: String, reason: String) -> String {
        say(sv: "  avvisad \(path): \(reason)", en: "  rejected \(path): \(reason)")
    }

    /// One self-assessment still to come back.
    func reminder(_ supplier: String, due: String) -> String {
        say(
            sv: "  påminnelse: \(supplier) har inte skickat tillbaka självskattningen (åter senast \(due))",
            en: "  reminder: \(supplier) has not returned the questionnaire (due \(due))")
    }

    /// The summary of `kedja followup`.
    func followUpSummary(
        output: String, read: Int, matched: Int, rejected: Int, done: Int, deviations: Int, inProgress: Int,
        stepsPlanned: Int, notReturned: Int
    ) -> String {
        say(
            sv: "\(output): \(Self.swedish(read, "arbetsbok", "arbetsböcker")) lästa, \(matched) matchade, "
                + "\(rejected) avvisade; \(done) klara, \(deviations) avvikelser, \(inProgress) ofullständiga, "
                + "\(stepsPlanned) nästa steg planerade; \(notReturned) inte återsända.",
            en: "\(output): \(read) workbooks read, \(matched) matched, \(rejected) rejected; \(done) done, "
                + "\(deviations) deviations, \(inProgress) incomplete, \(stepsPlanned) next steps planned; "
                + "\(notReturned) not returned.")
    }

}

/// The language the command line asks for, read before swift-argument-parser parses it, for messages made while
/// parsing (an unknown command, a validation error): the last `--lang X` or `--lang=X` before `--`, in any letter
/// case; Swedish when there is none or it names no language (whose own error is then in English).
enum ArgumentLanguage {
    /// The language of this process's command line.
    static let typed: Language = scan(Array(CommandLine.arguments.dropFirst()))

    /// The language `arguments` ask for.
    static func scan(_ arguments: [String]) -> Language {
        var language = Language.sv
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.count {
                language = Language(userText: arguments[index + 1]) ?? language
                index += 1
            } else if argument.hasPrefix("--lang=") {
                language = Language(userText: String(argument.dropFirst("--lang=".count))) ?? language
            }
            index += 1
        }
        return language
    }
}
