import Foundation
import KedjaModel
import Testing

/// The rule tables compiled into the binary are the repository's `Templates/`, byte for byte, so a copied
/// `kedja` rates exactly as one run from the repository.
@Suite("The built-in rule tables")
struct BuiltInTemplatesTests {
    @Test func environmentVariableWins() {
        let found = TemplateLocation.standard(environment: ["KEDJA_TEMPLATES": "/srv/kedja/mina-mallar"])
        #expect(found == .folder(URL(fileURLWithPath: "/srv/kedja/mina-mallar", isDirectory: true)))
        #expect(TemplateLocation.standard(environment: [:]) == .builtIn)
        #expect(TemplateLocation.standard(environment: ["KEDJA_TEMPLATES": ""]) == .builtIn)
    }

    /// Fails after a table is edited until `scripts/embed-templates.py` has been run.
    @Test func areByteIdenticalToTheRepositoryFolder() throws {
        let root = TemplateFixtures.templatesDirectory.resolvingSymlinksInPath()
        let names = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        let onDisk = names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".md") }.sorted()
        let builtIn = TemplateLocation.builtInFileList
        #expect(
            builtIn.map(\.path) == onDisk,
            "the built-in set lists other files than Templates/: run scripts/embed-templates.py")
        for (path, bytes) in builtIn {
            let file = try Data(contentsOf: root.appendingPathComponent(path))
            #expect(Array(file) == bytes, "\(path) differs from Templates/\(path): run scripts/embed-templates.py")
        }
    }

    @Test func loadAsTheFolderDoes() throws {
        let builtIn = try TemplateSet.load(from: .builtIn)
        let folder = try TemplateFixtures.bundled()
        #expect(builtIn.categories.map(\.code) == folder.categories.map(\.code))
        #expect(builtIn.keywords.count == folder.keywords.count)
        #expect(builtIn.sources.map(\.source) == folder.sources.map(\.source))
        let vocabulary = try ColumnVocabulary.load(from: .builtIn)
        #expect(
            vocabulary.profiles.keys.sorted() == [
                "leverantorsreskontra", "raindance", "uk-spend-over-500", "unit4", "visma",
            ])
    }

    @Test func listsTheTablesItReads() throws {
        for file in TemplateSet.tableFileNames {
            #expect(
                FileManager.default.fileExists(
                    atPath: TemplateFixtures.templatesDirectory.appendingPathComponent(file).path), "\(file)")
        }
    }
}
