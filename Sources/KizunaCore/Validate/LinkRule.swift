extension RuleID {
    public static let linkScheme = RuleID("link-scheme")
    public static let lineURILength = RuleID("line-uri-length")
}

/// `link-scheme` and `line-uri-length`: every link is https (a link in text may also be tel:), well-formed and short
/// enough for LINE.
struct LinkRule: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    static let linkScheme = RuleDescription(
        .linkScheme, .error, en: "A link that is not a valid https:// URL (text links may also be tel:)",
        ja: "正しい https:// のURLではないリンク（本文のリンクは tel: も可）")
    static let lineURILength = RuleDescription(
        .lineURILength, .error, en: "A link over LINE's 1,000 characters", ja: "LINEの上限1,000文字を超えるリンク")

    /// LINE's limit on a URI action.
    static let maxURILength = 1000

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for m in content.manuscripts {
            for s in m.sections {
                for link in s.body.links { check(link.url, at: link.location, allowTel: true, into: &diagnostics) }
            }
            for source in m.sources { if let url = source.url { check(url, into: &diagnostics) } }
        }
        for i in content.inserts {
            for link in i.body.links { check(link.url, at: link.location, allowTel: true, into: &diagnostics) }
            if let url = i.link { check(url, into: &diagnostics) }
        }
        for l in content.lossSupports {
            for link in l.body.links { check(link.url, at: link.location, allowTel: true, into: &diagnostics) }
        }
        for e in content.editions {
            check(e.unsubscribeURL, into: &diagnostics)
            if let s = e.survey { check(s.url, into: &diagnostics) }
            // A LINE friend-add URL is checked for its own form (`registration-line-url`).
            if let u = e.registration?.emailURL { check(u, into: &diagnostics) }
            if let u = e.footer.publisherURL { check(u, into: &diagnostics) }
        }
        if let u = content.configuration?.footer.publisherURL { check(u, into: &diagnostics) }
    }

    private func check(_ text: LocatedText, into diagnostics: inout [Diagnostic]) {
        check(text.value, at: text.location, allowTel: false, into: &diagnostics)
    }

    func check(_ url: String, at location: SourceLocation, allowTel: Bool, into diagnostics: inout [Diagnostic]) {
        if let problem = Self.problem(with: url, allowTel: allowTel) {
            diagnostics.append(Diagnostic(.linkScheme, at: location, problem))
        }
        if url.utf16.count > Self.maxURILength {
            diagnostics.append(
                Diagnostic(
                    .lineURILength, at: location,
                    en: "link is \(url.utf16.count) characters; LINE takes at most \(Self.maxURILength)",
                    ja: "リンクが\(url.utf16.count)文字あります。LINEのリンクは\(Self.maxURILength)文字まで"))
        }
    }

    /// Why a URL may not go to parents, or nil when it may.
    static func problem(with url: String, allowTel: Bool) -> LocalizedText? {
        let lower = url.lowercased()
        if lower.hasPrefix("tel:") {
            guard allowTel else {
                return LocalizedText(
                    en: "a phone number belongs in a contact desk, not in '\(url)'",
                    ja: "電話番号は '\(url)' ではなく窓口（'contacts'）に書いてください")
            }
            let digits = url.dropFirst(4)
            return !digits.isEmpty && digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") })
                ? nil
                : LocalizedText(en: "'\(url)' is not a tel: link of digits", ja: "'\(url)' は数字だけの 'tel:' リンクになっていません")
        }
        guard lower.hasPrefix("https://") else {
            let scheme = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? url
            return LocalizedText(
                en:
                    "link '\(url.prefix(60))' uses '\(scheme):'; only https:"
                    + "// links\(allowTel ? " (and tel:)" : "") are allowed",
                ja:
                    "リンク '\(url.prefix(60))' は '\(scheme):' を使っています。使えるのは https:// のリンク\(allowTel ? "（と 'tel:'）" : "")だけ"
            )
        }
        let rest = url.dropFirst("https://".count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty
            || !host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":") })
        {
            return LocalizedText(
                en: "link '\(url.prefix(60))' has no valid host",
                ja: "リンク '\(url.prefix(60))' のホスト名が正しくありません")
        }
        if url.unicodeScalars.contains(where: {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
                || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\"
        }) {
            return LocalizedText(
                en: "link '\(url.prefix(60))' contains a space or a character that must be percent-encoded",
                ja: "リンク '\(url.prefix(60))' に空白か、パーセントエンコードが必要な文字が入っています")
        }
        return nil
    }
}
