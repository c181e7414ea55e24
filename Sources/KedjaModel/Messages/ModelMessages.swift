import Tabular

// The Swedish texts of the model's errors; each type's `description` stays the English text.

extension MappingError: Bilingual {
    public func text(_ language: Language) -> String {
        guard language == .sv else { return description }
        switch self {
        case .unknownColumn(let role, let column, let header):
            return "--map \(role.rawValue)=\(column): ingen sådan kolumn. Rubrikerna är: "
                + "\(header.map { "'\($0)'" }.joined(separator: ", ")) (eller ange ett kolumnnummer från 1)."
        case .unknownProfile(let name, let known):
            return "--profile \(name): ingen sådan profil. Kända profiler: \(known.joined(separator: ", "))."
        case .badOverride(let text):
            return "--map \(text): skriv ROLL=KOLUMN med ROLL en av "
                + "\(ColumnRole.allCases.map(\.rawValue).joined(separator: ", "))."
        }
    }
}

extension TemplateProblem: Bilingual {
    /// The problem in `language`: its place (`rad 7`) and what is wrong and how to fix it.
    public func text(_ language: Language) -> String {
        guard language == .sv else { return description }
        return "\(swedishPlace(path, line: line)): \(phrase.sv)"
    }
}

extension TemplateError: Bilingual {
    public func text(_ language: Language) -> String {
        guard language == .sv else { return description }
        return problems.map { $0.text(language) }.joined(separator: "\n")
    }
}

extension TemplateLocation: Bilingual {
    /// How messages in `language` name the set: its folder, or the built-in tables.
    public func text(_ language: Language) -> String {
        guard language == .sv, self == .builtIn else { return description }
        return "de inbyggda regeltabellerna"
    }
}
