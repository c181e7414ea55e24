/// A risk level for each of the four areas: what a category rule, a country or a tagged line carries.
///
/// A fixed struct rather than a dictionary, because the tagger combines one per line on the hot path.
public struct RiskProfile: Sendable, Hashable, Codable {
    /// Human rights.
    public var humanRights: RiskLevel
    /// Labour rights.
    public var labourRights: RiskLevel
    /// Environmental protection.
    public var environment: RiskLevel
    /// Anti-corruption.
    public var antiCorruption: RiskLevel

    /// A profile with the given levels; areas left out are not assessed.
    public init(
        humanRights: RiskLevel = .unknown, labourRights: RiskLevel = .unknown,
        environment: RiskLevel = .unknown, antiCorruption: RiskLevel = .unknown
    ) {
        self.humanRights = humanRights
        self.labourRights = labourRights
        self.environment = environment
        self.antiCorruption = antiCorruption
    }

    /// Nothing assessed in any area.
    public static let unassessed = RiskProfile()

    /// The level in one area.
    public subscript(area: RiskArea) -> RiskLevel {
        get {
            switch area {
            case .humanRights: return humanRights
            case .labourRights: return labourRights
            case .environment: return environment
            case .antiCorruption: return antiCorruption
            }
        }
        set {
            switch area {
            case .humanRights: humanRights = newValue
            case .labourRights: labourRights = newValue
            case .environment: environment = newValue
            case .antiCorruption: antiCorruption = newValue
            }
        }
    }

    /// The highest assessed level over the four areas; ``RiskLevel/unknown`` only when no area was assessed.
    ///
    /// An area left unknown does not pull the overall level down: the per-area columns still show it.
    public var overall: RiskLevel {
        max(max(humanRights, labourRights), max(environment, antiCorruption))
    }

    /// This profile (a category layer) with a country layer applied, per area as DOMAIN.md's "Combining
    /// layers" says: where the category assessed the area, the higher of the two; where it did not, the country
    /// may raise the area to high, but never sets medium or low, so the area stays unknown. Country alone
    /// never clears a line.
    public func raised(byCountry country: RiskProfile) -> RiskProfile {
        var result = self
        for area in RiskArea.allCases {
            let own = self[area]
            result[area] = own.isAssessed ? max(own, country[area]) : (country[area] == .high ? .high : .unknown)
        }
        return result
    }

    /// Per area, the higher of the two profiles among those assessed: how lines of one register row add up.
    public func combined(with other: RiskProfile) -> RiskProfile {
        RiskProfile(
            humanRights: max(humanRights, other.humanRights),
            labourRights: max(labourRights, other.labourRights),
            environment: max(environment, other.environment),
            antiCorruption: max(antiCorruption, other.antiCorruption))
    }
}
