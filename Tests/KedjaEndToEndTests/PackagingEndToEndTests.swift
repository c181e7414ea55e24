import Foundation
import Testing

/// What `scripts/install.sh` and `scripts/package-deb.sh` take from the binary, checked without their slow
/// release build: the completion scripts, the help dump the man page is generated from, and the version string
/// the package is named after. `scripts/check-package.sh` runs the scripts themselves.
@Suite struct PackagingEndToEndTests {
    /// Every command a user can type, nested ones included.
    static let commands = [
        "inspect", "tag", "register", "plan", "report", "run", "questionnaires", "followup", "convert", "templates",
        "export", "check",
    ]

    @Test(arguments: ["bash", "zsh", "fish"])
    func theCompletionScriptNamesEveryCommand(shell: String) throws {
        let result = try Kedja.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        let offered = Self.offeredWords(in: result.stdoutText, shell: shell)
        for command in Self.commands {
            #expect(offered.contains(command), "the \(shell) completion does not offer \(command): \(offered)")
        }
    }

    /// The words a completion script offers as subcommands, in each shell's own spelling: bash's
    /// `compgen -W 'inspect tag …'`, zsh's `'inspect:Show …'` and fish's `-fa 'inspect'`.
    static func offeredWords(in script: String, shell: String) -> Set<String> {
        switch shell {
        case "bash":
            let lists = script.matches(of: /compgen -W '([^']*)'/).map { String($0.output.1) }
            return Set(lists.flatMap { $0.split(separator: " ").map(String.init) })
        case "zsh":
            return Set(script.matches(of: /'([a-z-]+):[^']*'/).map { String($0.output.1) })
        default:
            return Set(script.matches(of: /-fa '([a-z-]+)'/).map { String($0.output.1) })
        }
    }

    /// generate-manual reads this dump: the man page lists the same commands.
    @Test func theHelpDumpForTheManPageListsEveryCommand() throws {
        let result = try Kedja.run(["--experimental-dump-help"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try result.json()["command"] as? [String: Any])
        #expect(root["commandName"] as? String == "kedja")
        var names: [String] = []
        var pending = [root]
        while let command = pending.popLast() {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            names += subcommands.compactMap { $0["commandName"] as? String }
            pending += subcommands
        }
        #expect(Set(Self.commands).isSubset(of: Set(names)), "\(names)")
    }

    /// package-deb.sh reads the version with `sed` from this line's exact shape; `--version` prints the same.
    @Test func theVersionLinePackageDebReadsIsWhatTheBinaryPrints() throws {
        let source = try String(
            contentsOf: Kedja.packageRoot.appendingPathComponent("Sources/kedja/Kedja.swift"), encoding: .utf8)
        let versions = source.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("version: \""), trimmed.hasSuffix("\",") else { return nil }
            return String(trimmed.dropFirst("version: \"".count).dropLast(2))
        }
        #expect(versions.count == 1, "\(versions)")
        let printed = try Kedja.run(["--version"]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(versions.first == printed)
        #expect(printed.allSatisfy { $0.isNumber || $0 == "." }, "a Debian version needs digits and dots: \(printed)")
    }
}
