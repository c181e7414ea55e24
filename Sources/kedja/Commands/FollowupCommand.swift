import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja followup`: returned questionnaires into the plan.
struct FollowupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Read returned questionnaires and write the plan with the self-assessments' results.")

    @Argument(help: "The follow-up plan (XLSX) the questionnaires were written from.")
    var plan: String

    @Argument(help: "The returned questionnaires: workbooks, or folders of them.")
    var answers: [String] = []

    @Option(name: .shortAndLong, help: "The plan to write (XLSX); may be PLAN itself.")
    var output: String

    @OptionGroup var options: PlanFileOptions

    func run() throws {
        let language = options.language
        let messages = Messages(language)
        try reportingFailures(language) {
            let book = try options.readPlan(plan)
            let paths = try FollowUpRound.questionnairePaths(answers)
            let set = try options.templateSet()
            let round = FollowUpRound(plan: book, paths: paths, settings: set.planning)
            try FollowUpPlanWorkbook.write(round, to: output, created: DocumentProperties.creationTime())
            let count = { (status: FollowUpStatus) in round.outcomes.filter { $0.status == status }.count }
            let quietly = options.quietly
            note(
                messages.followUpSummary(
                    output: output, read: round.read, matched: round.outcomes.count, rejected: round.rejected.count,
                    done: count(.done), deviations: round.deviationCount, inProgress: count(.inProgress),
                    stepsPlanned: round.stepsPlanned, notReturned: round.notReturned.count),
                quiet: quietly)
            for rejection in round.rejected {
                note(messages.questionnaireRejected(rejection.path, reason: rejection.text(language)), quiet: quietly)
            }
            for entry in round.notReturned {
                note(messages.reminder(entry.supplier, due: entry.due?.iso8601 ?? ""), quiet: quietly)
            }
            guard options.json else { return }
            let object: [String: Any] = [
                "command": "followup", "plan": plan, "plan_id": book.planID,
                "questionnaires_read": round.read, "matched": round.outcomes.count,
                "rejected": round.rejected.map {
                    ["path": $0.path, "reason": $0.text(language), "code": $0.code]
                },
                "results": round.outcomes.map { outcome -> [String: Any] in
                    [
                        "path": outcome.questionnaire.path, "supplier": outcome.entry.supplier,
                        "status": outcome.status.rawValue,
                        "deviations": outcome.questionnaire.deviations.map(\.id),
                        "unanswered": outcome.questionnaire.unanswered.map(\.id),
                    ]
                },
                "done": count(.done), "in_progress": count(.inProgress), "deviations": round.deviationCount,
                "steps_planned": round.stepsPlanned,
                "not_returned": round.notReturned.map {
                    ["supplier": $0.supplier, "due": $0.due?.iso8601 ?? ""]
                },
                "outputs": [output],
            ]
            print(JSONText.object(object))
        }
    }
}
