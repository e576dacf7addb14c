import Foundation

/// Escaped HTML for manuscript text. The only place raw HTML is produced: everything a manuscript says goes through `escape`.
public enum HTMLText {
    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Text with `{nickname}` shown as a marked sample and line breaks kept.
    public static func inline(_ s: String) -> String {
        escape(s)
            .replacingAll(HTMLText.escape(Placeholder.nickname), with: #"<span class="nickname" title="{nickname}">ニックネーム</span>"#)
            .replacingAll("\n", with: "<br>")
    }

    /// Paragraphs of rich text as `<p>` elements.
    public static func paragraphs(_ text: RichText) -> String {
        text.paragraphs.map { paragraph in
            "<p>" + paragraph.map(run).joined() + "</p>"
        }.joined(separator: "\n")
    }

    private static func run(_ run: Inline) -> String {
        switch run {
        case .text(let s): return inline(s)
        case .emphasis(let s): return "<em>" + inline(s) + "</em>"
        case .link(let link):
            // Validation already refused other schemes; this keeps a preview inert even if it had not.
            guard LinkRule.problem(with: link.url, allowTel: true) == nil else { return inline(link.text) }
            return #"<a href=""# + escape(link.url) + #"" rel="noopener noreferrer">"# + inline(link.text) + "</a>"
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
