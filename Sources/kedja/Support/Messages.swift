/// The command line's own message texts, gathered in one place so that a translation (`--lang`) has one file to
/// cover; commands compose them and never spell new wording inline.
enum Messages {
    /// `inspect`'s line about fields that hold a quote without starting with one.
    static func literalQuotes(_ count: Int) -> String {
        "\(count) \(count == 1 ? "field holds" : "fields hold") a quote without starting with one; "
            + "read as text, as Excel does"
    }
}
