import Mustache

/// The Mustache templates of the HTML previews, from the `templates/` folder.
public struct PreviewTemplates: Sendable {
    /// The templates every build needs.
    public static let required = [
        "day", "index", "loss-support", "card", "coverage", "review-index", "review-sheet", "review-print",
    ]
    let library: MustacheLibrary
    private let templates: [String: MustacheTemplate]

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
        self.templates = templates
    }

    private init(templates: [String: MustacheTemplate]) {
        library = MustacheLibrary(templates: templates)
        self.templates = templates
    }

    func has(_ name: String) -> Bool { templates[name] != nil }

    /// The same templates with `name` replaced by fixed text (a marker), or nil if the text does not parse.
    func replacing(_ name: String, with text: String) -> PreviewTemplates? {
        guard let replacement = try? MustacheTemplate(string: text) else { return nil }
        var changed = templates
        changed[name] = replacement
        return PreviewTemplates(templates: changed)
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
