import KedjaModel

/// The words of `kedja plan --previous`: the Change column, the Discontinued sheet and the guide's account of what
/// was carried over.
enum CarryoverPhrases {
    /// The Change cell of a task that last period's plan did not have.
    static let newTask = Phrase(sv: "Ny", en: "New")

    /// The Change cell of a task whose supplier × category moved to another priority: `Prioritet 2 → 1`.
    static func priorityChanged(from previous: Int, to current: Int) -> Phrase {
        Phrase(sv: "Prioritet \(previous) → \(current)", en: "Priority \(previous) → \(current)")
    }

    /// The Discontinued sheet's headers after the plan's own: why the row is there and where it was.
    static let reasonHeader = Phrase(sv: "Orsak", en: "Reason")
    static let fromHeader = Phrase(sv: "Från", en: "From")

    /// Where a discontinued row stood in last period's plan: `Uppföljningsplan, rad 7`.
    static func origin(sheet: String, row: Int) -> Phrase {
        Phrase(sv: "\(sheet), rad \(row)", en: "\(sheet), row \(row)")
    }

    /// Why a row of last period's plan matches no task of this period.
    static func reason(_ reason: PlanCarryover.Reason) -> Phrase {
        switch reason {
        case .supplierGone:
            Phrase(
                sv: "Leverantören finns inte i periodens underlag.", en: "The supplier is not in this period's spend.")
        case .categoryGone:
            Phrase(
                sv: "Leverantören har ingen spend i kategorin denna period.",
                en: "The supplier has no spend in this category this period.")
        case .taskNotPlanned(let priority):
            Phrase(
                sv: "Uppgiften ingår inte i periodens plan (leverantör och kategori har nu prioritet \(priority)).",
                en: "The task is not in this period's plan (the supplier and category now have priority \(priority)).")
        case .duplicate(let sheet, let row):
            Phrase(
                sv: "En annan rad för samma leverantör, kategori och uppgift fördes över (\(sheet), rad \(row)).",
                en: "Another row for the same supplier, category and task was carried over (\(sheet), row \(row)).")
        }
    }

    /// The guide's paragraph on what came from last period's plan.
    static func guide(previous: String, carried: Int, priorityChanges: Int, discontinued: Int, sheet: String) -> Phrase
    {
        Phrase(
            sv: "Föregående plan: \(previous). Status, Ansvarig, Kommentar, Avvikelse, Åtgärd och Tidsfrist fördes "
                + "över till \(carried) uppgifter, matchade på leverantör, kategori och uppgift. Kolumnen Förändring "
                + "visar nya uppgifter och de \(priorityChanges) där prioriteten ändrats. \(discontinued) rader som "
                + "inte längre matchar någon uppgift finns på bladet \(sheet).",
            en: "Previous plan: \(previous). Status, Responsible, Comment, Deviation, Action and Deadline were carried "
                + "over to \(carried) tasks, matched on supplier, category and task. The Change column shows new "
                + "tasks and the \(priorityChanges) whose priority changed. \(discontinued) rows that no longer match "
                + "a task are on the sheet \(sheet).")
    }
}
