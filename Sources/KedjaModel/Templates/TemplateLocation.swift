import Foundation

/// Where a run's rule tables come from: a folder the user names (`--templates DIR`, `KEDJA_TEMPLATES`), or
/// the set compiled into the binary.
///
/// The built-in set is what makes a copied `kedja` work anywhere: it needs no `Templates/` beside it, and it
/// is byte for byte the repository's `Templates/` (``BuiltInTemplates``).
public enum TemplateLocation: Sendable, Equatable {
    /// The tables of a folder.
    case folder(URL)
    /// The tables compiled into the binary.
    case builtIn

    /// How messages name a file of the set: its path, or `Templates/NAME (built into kedja)`.
    public func path(of file: String) -> String {
        switch self {
        case .folder(let folder): folder.appendingPathComponent(file).path
        case .builtIn: "Templates/\(file) (built into kedja)"
        }
    }

    /// How messages name the set itself.
    public var description: String {
        switch self {
        case .folder(let folder): folder.path
        case .builtIn: "the built-in rule tables"
        }
    }

    /// The bytes of `file` (a path relative to the set, `profiles/visma.csv`), or nil when the set lacks it.
    func contents(of file: String) -> [UInt8]? {
        switch self {
        case .folder(let folder):
            return FileManager.default.contents(atPath: folder.appendingPathComponent(file).path).map { Array($0) }
        case .builtIn:
            return Self.builtInFiles[file]
        }
    }

    /// The set's files under `subfolder` (`profiles`), as paths relative to the set, sorted.
    func files(under subfolder: String) -> [String] {
        switch self {
        case .folder(let folder):
            let names =
                (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path))
                ?? []
            return names.map { "\(subfolder)/\($0)" }.sorted()
        case .builtIn:
            return Self.builtInFiles.keys.filter { $0.hasPrefix(subfolder + "/") }.sorted()
        }
    }

    /// Every file of the built-in set (tables, profiles and the README), by relative path, for
    /// `kedja templates export`.
    public static var builtInFileList: [(path: String, bytes: [UInt8])] {
        builtInFiles.keys.sorted().map { ($0, builtInFiles[$0]!) }
    }

    /// The built-in files, decoded once.
    private static let builtInFiles: [String: [UInt8]] = Dictionary(
        uniqueKeysWithValues: BuiltInTemplates.encoded.map { file in
            (file.path, Array(Data(base64Encoded: file.base64, options: .ignoreUnknownCharacters) ?? Data()))
        })
}

extension TemplateLocation {
    /// The set a run uses when no `--templates DIR` is given: the folder the environment variable
    /// `KEDJA_TEMPLATES` names (even if it does not exist, so a wrong setting fails loudly instead of silently
    /// using other tables), else the built-in set.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TemplateLocation {
        if let configured = environment["KEDJA_TEMPLATES"], !configured.isEmpty {
            return .folder(URL(fileURLWithPath: configured, isDirectory: true))
        }
        return .builtIn
    }
}
