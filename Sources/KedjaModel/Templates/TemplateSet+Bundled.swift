import Foundation

extension TemplateSet {
    /// The templates folder that ships with Kedja, or nil when none can be found.
    ///
    /// In order: the folder named by the environment variable `KEDJA_TEMPLATES` (returned even if it
    /// does not exist, so a wrong setting fails loudly instead of silently using other tables);
    /// `share/kedja/Templates` beside an installed binary's `bin/`; and the first `Templates/` that
    /// holds `categories.csv` in a folder above the executable, which finds the repository's set when
    /// Kedja runs from its build folder. The executable is located through `/proc/self/exe` and the
    /// resolved `argv[0]`, following symbolic links, so a linked `kedja` finds its own tables.
    public static func bundledDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        if let configured = environment["KEDJA_TEMPLATES"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        for executable in executableLocations() {
            let folder = executable.deletingLastPathComponent()
            let installed = folder.deletingLastPathComponent()
                .appendingPathComponent("share/kedja/Templates", isDirectory: true)
            if holdsTemplates(installed) { return installed.standardizedFileURL }
            var candidate = folder
            while true {
                let templates = candidate.appendingPathComponent("Templates", isDirectory: true)
                if holdsTemplates(templates) { return templates.standardizedFileURL }
                let parent = candidate.deletingLastPathComponent()
                guard parent.path != candidate.path else { break }
                candidate = parent
            }
        }
        return nil
    }

    /// Where the running executable may be, most reliable first, with symbolic links resolved.
    private static func executableLocations() -> [URL] {
        var locations: [URL] = []
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            locations.append(URL(fileURLWithPath: target))
        }
        if let argument = CommandLine.arguments.first, !argument.isEmpty {
            let url =
                argument.contains("/")
                ? URL(fileURLWithPath: argument)
                : searchPath(for: argument)
            if let url { locations.append(url.resolvingSymlinksInPath()) }
        }
        return locations
    }

    /// The executable `name` as the shell would find it on `PATH`.
    private static func searchPath(for name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private static func holdsTemplates(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("categories.csv").path)
    }
}
