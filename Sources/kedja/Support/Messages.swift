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

    /// A first argument that is no command, with the nearest command when one is close.
    static func unknownCommand(_ name: String, suggestion: String?, commands: [String]) -> String {
        "kedja: '\(name)' is not a command."
            + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
            + "\nThe commands are \(commands.joined(separator: ", ")); see 'kedja --help'."
    }
}
