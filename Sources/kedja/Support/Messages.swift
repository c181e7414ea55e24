/// The command line's own message texts, gathered in one place so that a translation (`--lang`) has one file to
/// cover; commands compose them and never spell new wording inline.
enum Messages {
    /// `inspect`'s line about fields that hold a quote without starting with one.
    static func literalQuotes(_ count: Int) -> String {
        "\(count) \(count == 1 ? "field holds" : "fields hold") a quote without starting with one; "
            + "read as text, as Excel does"
    }

    /// `convert`'s summary line on standard error.
    static func converted(_ input: String, to output: String, records: Int, ragged: Int, rejected: Int) -> String {
        var text = "\(input) → \(output): \(records) \(records == 1 ? "record" : "records") written"
        if ragged > 0 {
            text += ", \(ragged) of them with another number of fields than the header (kept as they are)"
        }
        if rejected > 0 { text += "; \(rejected) not written (over a size limit)" }
        return text + "."
    }

    /// How messages name `-` as an output.
    static let standardOutput = "standard output"

    /// `--json` together with `-o -`: both would go to standard output.
    static let jsonAndStandardOutput =
        "--json prints to standard output, which -o - already uses: write the output to a file, or leave out --json."

    /// `-o -` for a workbook while standard output is a terminal.
    static let workbookToTerminal =
        "-o -: a workbook is binary and standard output is a terminal. Redirect it (-o - > register.xlsx), "
        + "pipe it, or give a file name."

    /// Standard input named for two inputs at once.
    static let standardInputTwice = "- (standard input) can be only one of the inputs: give the other as a file."

    /// The line after the first rejected records listed: how many more, and where the whole list is.
    static func moreRejects(_ more: Int, total: Int, place: String) -> String {
        "  … and \(more) more rejected \(more == 1 ? "record" : "records"); all \(total) are in \(place)."
    }

    /// Where all rejected records are when no file lists them.
    static let rejectsInJSON = "the --json summary (rejects)"

    /// Where all rejected records are: a rejects file, and the register's sheet when a register was written.
    static func rejectsIn(file: String?, registerSheet: (workbook: String, sheet: String)?) -> String {
        var places: [String] = []
        if let file { places.append(StandardStreams.outputName(file)) }
        if let registerSheet { places.append("the sheet \(registerSheet.sheet) of \(registerSheet.workbook)") }
        return places.isEmpty ? rejectsInJSON : places.joined(separator: " and ")
    }

    /// A first argument that is no command, with the nearest command when one is close.
    static func unknownCommand(_ name: String, suggestion: String?, commands: [String]) -> String {
        "kedja: '\(name)' is not a command."
            + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
            + "\nThe commands are \(commands.joined(separator: ", ")); see 'kedja --help'."
    }

    /// `--strict` with rejected records: why no output, or only the rejects file (`rejects`), was written.
    static func strictWithheld(_ rejects: String?) -> String {
        "--strict: records were rejected, so no output was written"
            + (rejects.map { " but the rejected records (\(StandardStreams.outputName($0)))" } ?? "")
            + ". Correct them in the export, or run without --strict."
    }

    /// `-o -` and `--rejects -` together.
    static let standardOutputTwice =
        "-o - and --rejects - would both write to standard output: give one of them a file name."

    /// The line per output a spend command wrote.
    static func wrote(_ output: String) -> String {
        output == StandardStreams.path ? "wrote to \(standardOutput)" : "wrote \(output)"
    }
}
