import Foundation
import KedjaModel
import Testing

@Suite("Finding the bundled templates")
struct TemplateBundledDirectoryTests {
    @Test func environmentVariableWins() {
        let found = TemplateSet.bundledDirectory(environment: ["KEDJA_TEMPLATES": "/srv/kedja/mina-mallar"])
        #expect(found?.path == "/srv/kedja/mina-mallar")
    }

    @Test func findsTheRepositorySetFromTheBuildFolder() throws {
        let found = try #require(TemplateSet.bundledDirectory(environment: [:]))
        #expect(
            found.resolvingSymlinksInPath().path == TemplateFixtures.templatesDirectory.resolvingSymlinksInPath().path)
        #expect(FileManager.default.fileExists(atPath: found.appendingPathComponent("categories.csv").path))
    }

    @Test func listsTheTablesItReads() throws {
        for file in TemplateSet.tableFileNames {
            #expect(
                FileManager.default.fileExists(
                    atPath: TemplateFixtures.templatesDirectory.appendingPathComponent(file).path), "\(file)")
        }
    }
}
