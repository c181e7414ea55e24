import ArgumentParser
import Foundation
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
            RunCommand.self, QuestionnairesCommand.self, FollowupCommand.self, ConvertCommand.self,
            TemplatesCommand.self,
        ])

    static func main() {
        #if canImport(CMalloc)
        // glibc keeps freed memory and raises its mmap threshold as large blocks come and go, so the tables
        // of a pass (caches, grown arrays) stay resident while the workbooks are written after it. A fixed
        // trim threshold keeps large blocks mmapped and hands freed memory back: on a ledger with 58,000
        // suppliers peak RSS 171 -> 150 MB, at about the same speed.
        _ = mallopt(M_TRIM_THRESHOLD, 4 << 20)
        #endif
        if let first = CommandLine.arguments.dropFirst().first, let message = UnknownCommand.message(for: first) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        Interruption.install()
        // Failures to save a workbook are reported by the command, naming the destination, not the library's file.
        Workbook.hidesLibraryMessages = true
        main(nil)
    }
}

/// A first argument that names no command: said so, with the nearest command's name, before argument parsing
/// would only call it an unexpected argument.
enum UnknownCommand {
    /// The commands, as typed.
    static var commands: [String] {
        Kedja.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// The message for `argument` when it is meant as a command and is none (exit 64), else nil.
    static func message(for argument: String) -> String? {
        guard !argument.hasPrefix("-"), argument != "help", !commands.contains(argument) else { return nil }
        return Messages.parsing.unknownCommand(argument, suggestion: suggestion(for: argument), commands: commands)
    }

    /// The command nearest to `typed` when it is near enough to be a slip: a prefix of it, or at most two edits
    /// (a third of its length for short names) away.
    static func suggestion(for typed: String) -> String? {
        let lowered = typed.lowercased()
        if let started = commands.first(where: { $0.hasPrefix(lowered) && lowered.count >= 2 }) { return started }
        let nearest = commands.map { ($0, editDistance(lowered, $0)) }.min { $0.1 < $1.1 }
        guard let (command, distance) = nearest, distance <= min(2, max(1, command.count / 3)) else { return nil }
        return command
    }

    /// Levenshtein distance, with a swap of two neighbours counting as one edit (`regsiter` → `register`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
