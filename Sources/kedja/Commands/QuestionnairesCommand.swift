import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// `kedja questionnaires`: one self-assessment workbook per supplier whose self-assessment the plan has Planned.
struct QuestionnairesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaires",
        abstract: "Write a self-assessment questionnaire (XLSX) for each supplier whose self-assessment is Planned.")

    @Argument(help: "The follow-up plan (XLSX) from `kedja plan` or `kedja followup`.")
    var plan: String

    @Option(
        help: ArgumentHelp(
            "The folder to write the questionnaires to (created if missing; default: Självskattningar or "
                + "Questionnaires next to PLAN).", valueName: "dir"))
    var outDir: String?

    @OptionGroup var options: PlanFileOptions

    func run() throws {
        let language = options.language
        let messages = Messages(language)
        try reportingFailures(language) {
            let book = try options.readPlan(plan)
            let set = try options.templateSet()
            let questionnaires = Questionnaire.planned(in: book, templates: set)
            let folder =
                outDir
                ?? ((plan as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                    Phrase(sv: "Självskattningar", en: "Questionnaires").text(language))
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputErrorFromFoundation(path: folder, error: error)
            }
            let created = DocumentProperties.creationTime()
            var used = Set<String>()
            var written: [[String: Any]] = []
            var lines: [String] = []
            for questionnaire in questionnaires {
                var name = questionnaire.fileName(language)
                var number = 2
                while used.contains(name.lowercased()) {
                    name = String(name.dropLast(5)) + " (\(number)).xlsx"
                    number += 1
                }
                used.insert(name.lowercased())
                let path = (folder as NSString).appendingPathComponent(name)
                try QuestionnaireWorkbook.write(questionnaire, language: language, to: path, created: created)
                let returnBy = questionnaire.entry.due?.iso8601 ?? ""
                lines.append(
                    messages.questionnaireWritten(
                        path, supplier: questionnaire.entry.supplier, questions: questionnaire.questions.count,
                        returnBy: returnBy))
                written.append([
                    "path": path, "supplier": questionnaire.entry.supplier,
                    "org_number": questionnaire.entry.orgNumber ?? "", "return_by": returnBy,
                    "questions": questionnaire.questions.map(\.id),
                    "areas": questionnaire.areas.map(\.rawValue).sorted(),
                ])
            }
            note(
                messages.questionnairesWritten(
                    questionnaires.count, folder: folder, plan: plan,
                    covered: book.selfAssessments.count - questionnaires.count),
                quiet: options.quietly)
            for line in lines { note(line, quiet: options.quietly) }
            if options.json {
                let object: [String: Any] = [
                    "command": "questionnaires", "plan": plan, "plan_id": book.planID,
                    "questionnaires": written, "outputs": written.compactMap { $0["path"] as? String },
                ]
                print(JSONText.object(object))
            }
        }
    }
}

/// `--json` objects as one line of text with sorted keys.
enum JSONText {
    static func object(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
