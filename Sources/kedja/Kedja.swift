import ArgumentParser

/// The `kedja` command: responsible-supply-chain risk from ERP spend exports.
@main
struct Kedja: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kedja",
        abstract: "Risk registers, follow-up plans and committee reports from ERP spend exports.",
        discussion: """
            Kedja implements the Swedish procurement agency's purchasing model for responsible supply chains.
            It reads the CSV your ERP system exports (Raindance, Unit4/Agresso, Visma, open-data ledgers,
            UK spend-over-£500 files) as it is, tags every line with the four risk areas and the model's
            tasks, and writes workbooks and an enriched CSV in the input's own dialect.
            """,
        version: "0.1.0",
        subcommands: [
            InspectCommand.self, TagCommand.self, RegisterCommand.self, PlanCommand.self, ReportCommand.self,
            RunCommand.self, ConvertCommand.self, TemplatesCommand.self,
        ])
}
