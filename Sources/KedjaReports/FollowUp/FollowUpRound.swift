import Foundation
import KedjaModel
import Tabular

/// One round of `kedja followup`: returned questionnaires matched to their plan's self-assessments, and what each
/// means for the plan.
///
/// - All questions answered, none No or Partly → the self-assessment is Done.
/// - Any No or Partly → Deviation: each such answer becomes a row of the Deviations sheet with a deadline for
///   corrective action (the return date plus `corrective_action_days` of settings.csv), and the next step of the
///   cascade is Planned (due `next_step_days` after the return date when it has no date of its own).
/// - Some questions unanswered (and none No or Partly) → In progress, the comment naming what is missing.
/// - A Planned or In progress self-assessment with no questionnaire back is left as it is and listed as a reminder.
///
/// A workbook that is not a questionnaire of this plan, or names a supplier the plan has no self-assessment for, is
/// rejected with the reason and changes nothing.
public struct FollowUpRound: Sendable {
    /// The days the round gives: to correct deviations, and to a next step without a date of its own.
    public let settings: PlanningSettings

    /// What one matched questionnaire does to the plan.
    public struct Outcome: Sendable {
        /// The supplier's self-assessment row.
        public let entry: PlanBook.SelfAssessment
        /// The questionnaire.
        public let questionnaire: ReturnedQuestionnaire
        /// The self-assessment's new status.
        public let status: FollowUpStatus
        /// The deadline for corrective action, when there are deviations.
        public let deadline: CivilDate?
        /// The next step's row, planned because of deviations.
        let nextStep: PlanBook.RowReference?
    }

    /// The plan followed up.
    public let plan: PlanBook
    /// How many workbooks were read (matched and rejected).
    public let read: Int
    /// The questionnaires matched to the plan, in the plan's order.
    public let outcomes: [Outcome]
    /// The workbooks not used, in the order read.
    public let rejected: [FollowUpRejection]
    /// Self-assessments sent out (Planned or In progress) with no questionnaire back.
    public let notReturned: [PlanBook.SelfAssessment]

    /// How many answers were No or Partly.
    public var deviationCount: Int { outcomes.reduce(0) { $0 + $1.questionnaire.deviations.count } }
    /// How many next steps were planned.
    public var stepsPlanned: Int { outcomes.filter { $0.nextStep != nil }.count }

    /// Matches the questionnaires at `paths` (read in that order) to `plan`.
    public init(plan: PlanBook, paths: [String], settings: PlanningSettings = PlanningSettings()) {
        var rejected: [FollowUpRejection] = []
        var matched: [String: ReturnedQuestionnaire] = [:]
        for path in paths {
            do {
                let questionnaire = try ReturnedQuestionnaire.read(path: path)
                guard questionnaire.planID == plan.planID else {
                    throw FollowUpRejection(
                        path: path,
                        reason: .otherPlan(planFile: questionnaire.planFile, supplier: questionnaire.supplier))
                }
                guard plan.selfAssessment(for: questionnaire.supplierKey) != nil else {
                    throw FollowUpRejection(path: path, reason: .supplierNotInPlan(questionnaire.supplier))
                }
                if let first = matched[questionnaire.supplierKey] {
                    throw FollowUpRejection(
                        path: path,
                        reason: .duplicate(
                            of: (first.path as NSString).lastPathComponent, supplier: questionnaire.supplier))
                }
                matched[questionnaire.supplierKey] = questionnaire
            } catch let rejection as FollowUpRejection {
                rejected.append(rejection)
            } catch {
                rejected.append(FollowUpRejection(path: path, reason: .unreadable(FollowUpRejection.detail(error))))
            }
        }
        var outcomes: [Outcome] = []
        var notReturned: [PlanBook.SelfAssessment] = []
        for entry in plan.selfAssessments {
            guard let questionnaire = matched[entry.supplierKey] else {
                if entry.status == .planned || entry.status == .inProgress { notReturned.append(entry) }
                continue
            }
            let status: FollowUpStatus
            if !questionnaire.deviations.isEmpty {
                status = .deviation
            } else if !questionnaire.unanswered.isEmpty {
                status = .inProgress
            } else {
                status = .done
            }
            let deadline =
                status == .deviation
                ? entry.due.flatMap { $0.adding(days: settings.correctiveActionDays) } : nil
            outcomes.append(
                Outcome(
                    entry: entry, questionnaire: questionnaire, status: status, deadline: deadline,
                    nextStep: status == .deviation ? plan.nextStep(after: entry) : nil))
        }
        self.plan = plan
        self.settings = settings
        self.read = paths.count
        self.outcomes = outcomes
        self.rejected = rejected
        self.notReturned = notReturned
    }

    /// The workbooks `arguments` name: files as given, and the `.xlsx` files of folders (not in subfolders; hidden
    /// files and Excel's `~$` lock files skipped), each folder's in name order.
    ///
    /// - Throws: ``FollowUpInputError`` when an argument does not exist.
    public static func questionnairePaths(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw FollowUpInputError(path: argument)
            }
            guard isDirectory.boolValue else {
                paths.append(argument)
                continue
            }
            let names = (try? manager.contentsOfDirectory(atPath: argument)) ?? []
            for name in names.sorted()
            where name.lowercased().hasSuffix(".xlsx") && !name.hasPrefix(".") && !name.hasPrefix("~$") {
                paths.append((argument as NSString).appendingPathComponent(name))
            }
        }
        return paths
    }
}

/// A questionnaire named on the command line does not exist (exit 66).
public struct FollowUpInputError: Error, Sendable, Bilingual, CustomStringConvertible, ExitStatusReporting {
    /// The path given.
    public let path: String

    /// Creates the error for `path`.
    public init(path: String) {
        self.path = path
    }

    public var exitStatus: ExitStatus { .noInput }
    public var description: String { text(.en) }

    public func text(_ language: Language) -> String {
        Phrase(
            sv: "\(path): filen eller mappen finns inte. Ange de återsända självskattningarna (filer eller mappar).",
            en: "\(path): no such file or folder. Name the returned questionnaires (files or folders)."
        ).text(language)
    }
}
