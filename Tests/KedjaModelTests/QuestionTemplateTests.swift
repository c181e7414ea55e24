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
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.contains {
                $0.path.hasSuffix("questions.csv") && $0.line == 21 && $0.message.contains("already used on line 3")
            })
        #expect(
            problems.contains { $0.path.hasSuffix("questions.csv") && $0.line == 22 && $0.message.contains("weather") })
    }
}
