import Foundation

/// Escaped HTML for manuscript text. The only place raw HTML is produced: everything a manuscript says goes through
/// `escape`, or `escapeElementText` where it is element content only (the LINE payload shown in `<pre>`).
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

    /// Escapes text placed in element content only (never in an attribute): `&`, `<` and `>`. Quotes mean nothing
    /// there, and a LINE payload's JSON is a third quotes, which `escape` would turn into `&quot;`.
    public static func escapeElementText(_ s: String) -> String {
        var s = s
        return s.withUTF8 { utf8 in
            var out: [UInt8] = []
            escapeElementText(utf8: utf8, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `escapeElementText`, appended to `out`. Eight bytes are tested at a time: the three are rare, so most words
    /// are copied without looking at their bytes one by one.
    static func escapeElementText(utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        out.reserveCapacity(out.count + count + 16)
        var runStart = 0
        var i = 0
        func flush(_ end: Int, _ entity: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: end - runStart))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = end + 1
        }
        func one(_ at: Int) {
            switch base[at] {
            case UInt8(ascii: "&"): flush(at, "&amp;")
            case UInt8(ascii: "<"): flush(at, "&lt;")
            case UInt8(ascii: ">"): flush(at, "&gt;")
            default: break
            }
        }
        while i + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            if hasByte(word, 0x26) || hasByte(word, 0x3C) || hasByte(word, 0x3E) {
                for at in i..<(i + 8) { one(at) }
            }
            i += 8
        }
        while i < count { one(i); i += 1 }
        out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// Whether any of the eight bytes of `word` equals `byte` (exact: the zero-byte test on `word ^ pattern`).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let v = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0
    }

    /// Text with `{nickname}` shown as a marked sample and line breaks kept.
    public static func inline(_ s: String) -> String {
        escape(s)
            .replacingAll(
                HTMLText.escape(Placeholder.nickname), with: #"<span class="nickname" title="{nickname}">ニックネーム</span>"#
            )
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
    /// Every occurrence of `target` replaced, searched in the UTF-8 bytes by `memmem`: every page and e-mail calls it.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let target = Array(target.utf8)
        guard !target.isEmpty, bytes.contains(target) else { return self }
        return String(decoding: bytes.replacingAll(target, with: Array(replacement.utf8)), as: UTF8.self)
    }
}
