import Mustache

/// The site's templates: the files of SiteTemplates/, embedded at build time (EmbedFiles) and
/// registered under their names without `.mustache` (`edition`, `style.css`).
struct Templates {
    let library: MustacheLibrary

    /// - Throws: ``SiteError/template(name:reason:)`` when a template does not parse.
    init() throws {
        var templates: [String: MustacheTemplate] = [:]
        for file in EmbeddedTemplates.files {
            let name = String(file.name.dropLast(".mustache".count))
            do {
                templates[name] = try MustacheTemplate(string: file.contents)
            } catch {
                throw SiteError.template(name: file.name, reason: "\(error)")
            }
        }
        library = MustacheLibrary(templates: templates)
    }

    /// Renders `model` with the template `name`.
    /// - Throws: ``SiteError/template(name:reason:)`` when there is no such template.
    func render(_ model: Any, with name: String) throws -> String {
        guard let text = library.render(model, withTemplate: name) else {
            throw SiteError.template(name: name, reason: "no such template in SiteTemplates/")
        }
        return text
    }
}
