import Foundation
import KedjaModel

/// The report's opening lines, label and value, from ``RunDescription``: whose, which file and period, when,
/// with which Kedja and which rule tables and indices.
enum RunFactsPhrases {
    /// The opening lines in `language`.
    static func lines(_ run: RunDescription, _ language: Language) -> [(label: String, value: String)] {
        let organisation =
            run.organisation.isEmpty
            ? Phrase(
                sv: "(inte angiven – skriv organisationens namn i settings.csv, nyckeln organisation)",
                en: "(not given – write the organisation's name in settings.csv, key organisation)"
            )
            .text(language) : run.organisation
        let period =
            run.period.map { range in
                ReportPhrases.period(from: range.lowerBound.iso8601, through: range.upperBound.iso8601)
                    + (run.periodColumn.map { " (\($0))" } ?? "")
            }
            ?? Phrase(
                sv: "(okänd – filen har ingen datumkolumn som går att läsa)",
                en: "(unknown – the file has no date column that reads as dates)"
            ).text(language)
        let digest = run.sourceDigest.map { " (SHA-256 \($0.prefix(16)))" } ?? ""
        let tables =
            switch run.ruleTables {
            case .builtIn: Phrase(sv: "inbyggda", en: "built in").text(language)
            case .folder(let folder): folder.path
            }
        return [
            (Phrase(sv: "Organisation", en: "Organisation").text(language), organisation),
            (Phrase(sv: "Period i reskontran", en: "Period of the ledger").text(language), period),
            (Phrase(sv: "Källfil", en: "Source file").text(language), run.sourceName + digest),
            (Phrase(sv: "Skapad", en: "Made").text(language), day(run.time)),
            (
                Phrase(sv: "Verktyg och regeltabeller", en: "Tool and rule tables").text(language),
                "Kedja \(run.toolVersion), "
                    + Phrase(sv: "regeltabeller: ", en: "rule tables: ").text(language) + tables
            ),
            (
                Phrase(sv: "Landindex", en: "Country indices").text(language),
                run.indexEditions.joined(separator: ", ")
            ),
        ]
    }

    /// The run's day in the reader's time zone, `2026-12-07`.
    private static func day(_ time: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: time)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
