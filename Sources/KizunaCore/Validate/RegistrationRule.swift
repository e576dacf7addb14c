extension RuleID {
    public static let registrationLineURL = RuleID("registration-line-url")
    public static let registrationIncomplete = RuleID("registration-incomplete")
    public static let registrationChannel = RuleID("registration-channel")
}

/// `registration-*`: where a parent signs up for an edition, as the おめでとうカード prints it. A LINE friend-add URL
/// is LINE's own form (`https://line.me/R/ti/p/@ID` or the `https://lin.ee/CODE` short form), with the account's
/// name beside it, and each way to register belongs to a channel the edition sends on. The e-mail page is an https
/// link like any other (`link-scheme`).
struct RegistrationRule: ContentRule {
    static let descriptions = [
        RuleDescription(
            .registrationLineURL, .error, en: "A LINE registration URL that is not a LINE friend-add URL",
            ja: "LINEの友だち追加URLになっていないLINE登録先"),
        RuleDescription(
            .registrationIncomplete, .error,
            en: "A registration missing the LINE URL, the account's name or the e-mail page its edition needs",
            ja: "LINEのURL・アカウント名・メール登録ページのいずれかが欠けた登録先"),
        RuleDescription(
            .registrationChannel, .warning, en: "A way to register on a channel the edition does not send on",
            ja: "版が配信しないチャネルの登録先"),
    ]

    /// `@` and the account's id: LINE's ids are letters, digits, `.`, `_` and `-`, at most 20 after the `@`.
    static let lineURLPrefix = "https://line.me/R/ti/p/@"
    static let shortURLPrefix = "https://lin.ee/"

    static func isLineFriendURL(_ url: String) -> Bool {
        func isID(_ id: Substring, allowing extra: Set<Character>) -> Bool {
            !id.isEmpty && id.count <= 20
                && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || extra.contains($0)) }
        }
        if url.hasPrefix(lineURLPrefix) { return isID(url.dropFirst(lineURLPrefix.count), allowing: [".", "_", "-"]) }
        if url.hasPrefix(shortURLPrefix) { return isID(url.dropFirst(shortURLPrefix.count), allowing: []) }
        return false
    }

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for edition in content.editions {
            guard let registration = edition.registration else { continue }
            let channels = Set(edition.channels.map(\.value))
            if let url = registration.lineURL, !Self.isLineFriendURL(url.value) {
                diagnostics.append(
                    Diagnostic(
                        .registrationLineURL, at: url.location,
                        LocalizedText(
                            en:
                                "'\(url.value)' is not a LINE friend-add URL: write the official account's "
                                + "\(Self.lineURLPrefix)ID (or its \(Self.shortURLPrefix)… short form)",
                            ja:
                                "\(Japanese.quote(url.value)) はLINEの友だち追加URLではありません。公式アカウントの "
                                + "\(Self.lineURLPrefix)ID（または \(Self.shortURLPrefix)… の短縮形）を書いてください"
                        ).tidied))
            }
            switch (registration.lineURL, registration.lineAccount) {
            case (let url?, nil):
                diagnostics.append(
                    Diagnostic(
                        .registrationIncomplete, at: url.location,
                        en: "the LINE account's name is missing: add `line_account:` as the account shows it",
                        ja: "LINE公式アカウントの名前がありません。アカウントの表示名を 'line_account:' に書いてください"))
            case (nil, let account?):
                diagnostics.append(
                    Diagnostic(
                        .registrationIncomplete, at: account.location,
                        en: "the LINE account has no friend-add URL: add `line_url:`",
                        ja: "LINE公式アカウントの友だち追加URLがありません。'line_url:' を書いてください"))
            default: break
            }
            if channels.contains(.line), registration.lineURL == nil, registration.lineAccount == nil {
                diagnostics.append(
                    Diagnostic(
                        .registrationIncomplete, at: registration.location,
                        en: "the edition sends on LINE, but its registration has no `line_url:` and `line_account:`",
                        ja: "この版はLINEで配信しますが、登録先に 'line_url:' と 'line_account:' がありません"))
            }
            if channels.contains(.email), registration.emailURL == nil {
                diagnostics.append(
                    Diagnostic(
                        .registrationIncomplete, at: registration.location,
                        en: "the edition sends e-mail, but its registration has no `email_url:` (the sign-up page)",
                        ja: "この版はメールでも配信しますが、登録先にメール登録ページ（'email_url:'）がありません"))
            }
            for (text, channel) in [(registration.lineURL, Channel.line), (registration.emailURL, .email)] {
                guard let text, !channels.contains(channel) else { continue }
                diagnostics.append(
                    Diagnostic(
                        .registrationChannel, at: text.location,
                        en: "the edition does not send on \(channel.rawValue): add it to `channels:` or remove this",
                        ja: "この版は '\(channel.rawValue)' で配信しません。'channels:' に加えるか、この登録先を削除してください"))
            }
        }
    }
}
