/// How many rejected records a run lists on standard error, and the line that says where the rest are.
enum RejectList {
    /// Records listed one by one; more would bury the summary.
    static let shown = 20

    /// The line after the listed records when there are more than ``shown``: how many more and where all are.
    static func more(_ total: Int, where place: String, _ messages: Messages) -> String? {
        total > shown ? messages.moreRejects(total - shown, total: total, place: place) : nil
    }
}
