import Foundation
import PackagePlugin

/// Generates a Swift file that holds the text of every file in one top-level folder of the
/// package, so the library carries them (no run-time lookup of a checkout's paths).
@main
struct EmbedFiles: BuildToolPlugin {
    /// Which folder each target embeds, under which Swift name.
    static let embeddings: [String: (folder: String, fileExtension: String, typeName: String)] = [
        "BarkleyArchive": ("Migrations", "sql", "EmbeddedMigrations"),
        "BarkleyBuiltInArchive": ("SampleData", "yaml", "EmbeddedEditionFiles"),
        "BarkleySite": ("SiteTemplates", "mustache", "EmbeddedTemplates"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let embedding = Self.embeddings[target.name] else { return [] }
        let folder = context.package.directoryURL.appending(path: embedding.folder)
        let files = try FileManager.default
            .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == embedding.fileExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.typeName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(embedding.folder)/*.\(embedding.fileExtension) as \(embedding.typeName)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path, embedding.typeName, folder.path] + files.map(\.path),
                inputFiles: files + [folder],
                outputFiles: [output]
            )
        ]
    }
}
