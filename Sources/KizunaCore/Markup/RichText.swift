/// Manuscript text after its inline markup is parsed: paragraphs of runs.
public struct RichText: Sendable, Hashable {
    public var paragraphs: [[Inline]]

    public init(paragraphs: [[Inline]]) {
        self.paragraphs = paragraphs
    }

    /// Every link in reading order.
    public var links: [Link] {
        paragraphs.flatMap { $0.compactMap { if case .link(let link) = $0 { link } else { nil } } }
    }

    /// The text without markup, paragraphs separated by a blank line.
    public var plainText: String {
        paragraphs.map { $0.map(\.text).joined() }.joined(separator: "\n\n")
    }
}

/// A run of text in a paragraph.
public enum Inline: Sendable, Hashable {
    case text(String)
    /// `<em>…</em>`: bold in LINE, `<em>` in HTML.
    case emphasis(String)
    /// `<a href="…">…</a>`.
    case link(Link)

    public var text: String {
        switch self {
        case .text(let s), .emphasis(let s): s
        case .link(let link): link.text
        }
    }
}

/// A link written in manuscript text, with where its tag starts.
public struct Link: Sendable, Hashable {
    public var text: String
    public var url: String
    public var location: SourceLocation
}
