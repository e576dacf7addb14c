import Mustache

/// The Mustache templates of the HTML previews, from the `templates/` folder.
public struct PreviewTemplates: Sendable {
    /// The templates every build needs.
    public static let required = ["day", "index", "review-index", "review-sheet", "review-print"]
    let library: MustacheLibrary

    /// `sources` maps a template name (file name without `.mustache`) to its text.
    public init(sources: [String: String]) throws(TemplateError) {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in sources {
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                throw TemplateError(message: "template '\(name)' does not parse: \(error)")
            }
        }
        for name in Self.required where templates[name] == nil {
            throw TemplateError(message: "template '\(name).mustache' is missing")
        }
        library = MustacheLibrary(templates: templates)
    }

    func render(_ object: Any, template: String) -> String {
        library.render(object, withTemplate: template) ?? ""
    }
}

/// A template that is missing or does not parse.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
