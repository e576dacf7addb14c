import Foundation

/// Escaped HTML for manuscript text. The only place raw HTML is produced: everything a manuscript says goes through `escape`.
public enum HTMLText {
    /// Escapes text for element content and quoted attribute values (the same five characters Mustache escapes).
    public static func escape(_ s: String) -> String {
        var s = s
        return s.withUTF8 { escape(utf8: $0) }
    }

    /// `escape` on UTF-8 bytes: every escaped character is ASCII, so runs between them are copied whole.
    public static func escape(utf8: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 4)
        escape(utf8: utf8, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape`, appended to `out`.
    static func escape(utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            // The five are ASCII up to '>' (0x3E): letters and every byte of Japanese text skip the switch.
            if byte > UInt8(ascii: ">") { continue }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
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
    /// Every occurrence of `target` replaced, searched in the UTF-8 bytes (Foundation's search was a tenth of a build).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let target = Array(target.utf8)
        guard !target.isEmpty, bytes.contains(target) else { return self }
        return String(decoding: bytes.replacingAll(target, with: Array(replacement.utf8)), as: UTF8.self)
    }
}
