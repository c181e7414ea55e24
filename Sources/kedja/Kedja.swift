import ArgumentParser
import Tabular

#if canImport(CMalloc)
import CMalloc
#endif

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

    static func main() {
        #if canImport(CMalloc)
        // glibc keeps freed memory and raises its mmap threshold as large blocks come and go, so the tables
        // of a pass (caches, grown arrays) stay resident while the workbooks are written after it. A fixed
        // trim threshold keeps large blocks mmapped and hands freed memory back: on a ledger with 58,000
        // suppliers peak RSS 171 -> 150 MB, at about the same speed.
        _ = mallopt(M_TRIM_THRESHOLD, 4 << 20)
        #endif
        Interruption.install()
        // Failures to save a workbook are reported by the command, naming the destination, not the library's file.
        Workbook.hidesLibraryMessages = true
        main(nil)
    }
}
