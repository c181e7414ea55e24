import Foundation
import KedjaModel
import Testing

/// `questions.csv`: the self-assessment questions, how they load and which a supplier is asked.
@Suite("Self-assessment questions")
struct QuestionTemplateTests {
    @Test func theBundledQuestionsCoverTheRoutineRequirementsAndEveryArea() throws {
        let questions = try TemplateFixtures.bundled().questions
        let topics = Set(questions.map(\.topic))
        for routine in RoutineRequirement.allCases {
            #expect(topics.contains(.routine(routine)), "\(routine)")
        }
        for area in RiskArea.allCases {
            #expect(topics.contains(.area(area)), "\(area)")
        }
        #expect(Set(questions.map(\.id)).count == questions.count)
        #expect(questions.allSatisfy { !$0.textSv.isEmpty && !$0.textEn.isEmpty && !$0.evidenceEn.isEmpty })
    }

    @Test func basicSuppliersGetTheBasicQuestionsAndAdvancedOnesTheAreasAtIssue() throws {
        let questions = try TemplateFixtures.bundled().questions
        let basic = Question.selected(from: questions, level: .basic, areas: Set(RiskArea.allCases))
        #expect(basic.allSatisfy { $0.level == .basic })
        #expect(basic.contains { $0.topic == .area(.labourRights) })
        let advanced = Question.selected(from: questions, level: .advanced, areas: [.environment])
        #expect(advanced.contains { $0.topic == .routine(.deviations) })
        #expect(advanced.contains { $0.topic == .area(.environment) })
        #expect(!advanced.contains { $0.topic == .area(.antiCorruption) })
        #expect(advanced.count > basic.count)
        #expect(
            Question.areasAtIssue([
                RiskProfile(humanRights: .low, labourRights: .high, environment: .medium, antiCorruption: .unknown)
            ])
                == [.labourRights, .environment, .antiCorruption])
        #expect(Question.areasAtIssue([]) == Set(RiskArea.allCases))
    }

    /// Work done here under collective-agreement conditions is asked the labour-law questions only: pay, hours,
    /// leave, sub-contractors and employment, each with the documents that show it.
    @Test func collectiveAgreementConditionsGetTheLabourLawQuestionsOnly() throws {
        let questions = try TemplateFixtures.bundled().questions
        let labour = Question.selected(from: questions, level: .collectiveAgreement, areas: Set(RiskArea.allCases))
        #expect(labour.map(\.id) == ["K1", "K2", "K3", "K4", "K5"])
        #expect(labour.allSatisfy { !$0.evidenceSv.isEmpty && !$0.evidenceEn.isEmpty })
        #expect(QuestionLevel(ConditionLevel.collectiveAgreement) == .collectiveAgreement)
        let advanced = Question.selected(from: questions, level: .advanced, areas: Set(RiskArea.allCases))
        #expect(!advanced.contains { $0.level == .collectiveAgreement })
    }

    @Test func aDuplicateIdOrUnknownTopicIsAnErrorWithFileAndLine() throws {
        let folder = try TemplateFixtures.copyOfBundled()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateFixtures.appendRow("L1;labour_rights;basic;Igen?;Again?;;", to: "questions.csv", in: folder)
        try TemplateFixtures.appendRow("X1;weather;basic;Väder?;Weather?;;", to: "questions.csv", in: folder)
        let problems: [TemplateProblem]
        do {
            _ = try TemplateSet.load(from: folder)
            problems = []
        } catch let error as TemplateError {
            problems = error.problems
        }
        // The appended rows follow the header and every bundled question.
        let first = try TemplateFixtures.bundled().questions.count + 2
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.contains {
                $0.path.hasSuffix("questions.csv") && $0.line == first
                    && $0.message.contains("already used on line 3")
            })
        #expect(
            problems.contains {
                $0.path.hasSuffix("questions.csv") && $0.line == first + 1 && $0.message.contains("weather")
            })
    }
}
