import KedjaModel
import Testing

@Suite("Task triggers")
struct DomainPhaseTaskTests {
    @Test func minimumRiskThresholds() {
        let levels: [RiskLevel] = [.unknown, .low, .medium, .high]
        func admitted(_ minimum: PhaseTask.MinimumRisk) -> [RiskLevel] { levels.filter(minimum.admits) }
        #expect(admitted(.any) == [.unknown, .low, .medium, .high])
        #expect(admitted(.unknown) == [.unknown, .medium, .high])
        #expect(admitted(.low) == [.low, .medium, .high])
        #expect(admitted(.medium) == [.medium, .high])
        #expect(admitted(.high) == [.high])
    }

    @Test func triggerNeedsPriorityOverallAndOneListedArea() {
        let trigger = PhaseTask.Trigger(minimumRisk: .high, areas: [.labourRights, .environment], maxPriority: 1)
        let labourHigh = RiskProfile(labourRights: .high)
        let corruptionHigh = RiskProfile(labourRights: .low, antiCorruption: .high)
        #expect(trigger.applies(to: labourHigh, overall: labourHigh.overall, priority: 1))
        #expect(!trigger.applies(to: labourHigh, overall: labourHigh.overall, priority: 2))
        #expect(!trigger.applies(to: corruptionHigh, overall: corruptionHigh.overall, priority: 1))
        let anyArea = PhaseTask.Trigger(minimumRisk: .high, maxPriority: 1)
        #expect(anyArea.applies(to: corruptionHigh, overall: corruptionHigh.overall, priority: 1))
    }
}
