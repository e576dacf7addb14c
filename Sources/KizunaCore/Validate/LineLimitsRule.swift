extension RuleID {
    public static let footerMissing = RuleID("footer-missing")
    public static let lineBubbleSize = RuleID("line-bubble-size")
    public static let lineAltText = RuleID("line-alt-text")
    public static let lineMessageCount = RuleID("line-message-count")
}

/// `line-bubble-size`, `line-alt-text`, `line-message-count`, `footer-missing`: LINE's limits, checked on the payload
/// each edition will send, with the longest nickname the edition allows in place of `{nickname}`.
/// Runs wherever payloads are rendered: in `validate`, and in the build on the very bytes it writes.
struct LineLimitsRule: Sendable {
    static let footerMissing = RuleDescription(
        .footerMissing, .error, en: "A payload without the unsubscribe link or the disclaimer",
        ja: "配信解除リンクか免責事項のないペイロード")
    static let lineBubbleSize = RuleDescription(
        .lineBubbleSize, .error, en: "A bubble over LINE's 30,000 bytes of JSON", ja: "LINEの上限（JSONで30,000バイト）を超えるバブル")
    static let lineAltText = RuleDescription(
        .lineAltText, .error, en: "A notification text over LINE's 1,500 UTF-16 units",
        ja: "LINEの上限（UTF-16で1,500単位）を超える通知文")
    static let lineMessageCount = RuleDescription(
        .lineMessageCount, .error, en: "A day that needs more than LINE's 5 messages per push request",
        ja: "LINEの1回の送信の上限（5通）を超える日")

    static let maxBubbleBytes = 30_000
    static let maxAltTextUTF16 = 1500
    /// The worst nickname character: 2 UTF-16 units and 4 UTF-8 bytes (a nickname counts Unicode scalars).
    static let worstNicknameCharacter = "𠮷"

    let edition: Edition
    let nicknameMaxLength: Int
    private let extraBytes: Int
    private let extraUTF16: Int
    private let note: DiagnosticNote
    private static let placeholder = Array(Placeholder.nickname.utf8)

    init(edition: Edition, nicknameMaxLength: Int) {
        self.edition = edition
        self.nicknameMaxLength = nicknameMaxLength
        extraBytes = nicknameMaxLength * Self.worstNicknameCharacter.utf8.count - Self.placeholder.count
        extraUTF16 = nicknameMaxLength * Self.worstNicknameCharacter.utf16.count - Placeholder.nickname.utf16.count
        note = DiagnosticNote(
            en: "in edition '\(edition.id.value)', with a \(nicknameMaxLength)-character nickname",
            ja: "版 '\(edition.id.value)' で、\(nicknameMaxLength)文字のニックネームを入れた場合", at: edition.id.location)
    }

    func check(_ message: DayMessage, _ payload: RenderedPayload, into diagnostics: inout [Diagnostic]) {
        let manuscript = message.manuscript
        if let overflow = payload.overflow {
            diagnostics.append(
                Diagnostic(
                    .lineMessageCount, at: overflow,
                    en:
                        "\(manuscript.day.value.label) needs "
                        + "\(payload.messageCount) LINE messages; a push request takes "
                        + "at most \(FlexRenderer.maxMessagesPerRequest): "
                        + "the text from here on does not fit, shorten the day",
                    ja:
                        "\(manuscript.day.value.label)はLINEのメッセージが\(payload.messageCount)通になります。"
                        + "1回の送信は\(FlexRenderer.maxMessagesPerRequest)通までのため、ここから先の本文が入りません。文章を短くしてください",
                    notes: [note]))
        }
        for (i, bubble) in payload.bubbles.enumerated() {
            let size = bubble.count + bubble.occurrences(of: Self.placeholder) * extraBytes
            if size > Self.maxBubbleBytes {
                let part =
                    payload.messageCount > 1
                    ? LocalizedText(en: " (message \(i + 1))", ja: "（\(i + 1)通目）") : LocalizedText(en: "", ja: "")
                diagnostics.append(
                    Diagnostic(
                        .lineBubbleSize, at: manuscript.title.location,
                        en:
                            "\(manuscript.day.value.label)\(part.en) is \(size) bytes of Flex JSON; LINE "
                            + "takes at most \(Self.maxBubbleBytes) per bubble: shorten the text or an insert",
                        ja:
                            "\(manuscript.day.value.label)\(part.ja)のFlex JSONが\(size)バイトあります。"
                            + "LINEのバブル1つの上限は\(Self.maxBubbleBytes)バイトのため、本文か差し込み情報を短くしてください",
                        notes: [note]))
            }
        }
        for altText in payload.altTexts { check(altText: altText, of: manuscript, into: &diagnostics) }
        checkFooter(message, lastBubble: payload.bubbles.last ?? [], into: &diagnostics)
    }

    /// The same limits on the loss support message's one bubble: it holds no `{nickname}` (`loss-support-wording`),
    /// so its size is its size; its last bubble must carry the unsubscribe link (it has no disclaimer).
    func check(_ message: LossSupportMessage, _ payload: RenderedPayload, into diagnostics: inout [Diagnostic]) {
        let title = message.support.title
        for bubble in payload.bubbles {
            let size = bubble.count + bubble.occurrences(of: Self.placeholder) * extraBytes
            if size > Self.maxBubbleBytes {
                diagnostics.append(
                    Diagnostic(
                        .lineBubbleSize, at: title.location,
                        en:
                            "the loss support message is \(size) bytes of Flex JSON; LINE takes at most "
                            + "\(Self.maxBubbleBytes) per bubble: shorten its text",
                        ja: "喪失時のサポートメッセージのFlex JSONが\(size)バイトあります。"
                            + "LINEのバブル1つの上限は\(Self.maxBubbleBytes)バイトのため、文章を短くしてください",
                        notes: [note]))
            }
        }
        for altText in payload.altTexts {
            let alt = altText.utf16.count + Array(altText.utf8).occurrences(of: Self.placeholder) * extraUTF16
            if alt > Self.maxAltTextUTF16 {
                diagnostics.append(
                    Diagnostic(
                        .lineAltText, at: title.location,
                        en: "the notification text is \(alt) UTF-16 units; LINE takes at most \(Self.maxAltTextUTF16)",
                        ja: "通知文がUTF-16で\(alt)単位あります。LINEの通知文は\(Self.maxAltTextUTF16)単位まで", notes: [note]))
            }
        }
        let unsubscribe = Array(JSONValue.string(message.footer.unsubscribeURL).bytes.dropFirst().dropLast())
        if !(payload.bubbles.last ?? []).contains(unsubscribe) {
            diagnostics.append(
                Diagnostic(
                    .footerMissing, at: title.location, en: "the payload lacks the unsubscribe link",
                    ja: "ペイロードに配信解除のリンクが入っていません", notes: [note]))
        }
    }

    /// The same checks for a day whose worst-case one-bubble size (`FlexRenderer.singleBubbleWorstCase`) is within
    /// `maxBubbleBytes`: it is sent as that one bubble, so no size or count limit is reached, and the bubble ends
    /// with the footer and disclaimer the renderer always puts last. Only the notification text is left to check.
    func check(fittingOneBubble manuscript: Manuscript, altText: AltTextSize, into diagnostics: inout [Diagnostic]) {
        check(altText: altText, of: manuscript, into: &diagnostics)
    }

    private func check(altText: String, of manuscript: Manuscript, into diagnostics: inout [Diagnostic]) {
        check(altText: AltTextSize(altText), of: manuscript, into: &diagnostics)
    }

    /// A notification text's length before `{nickname}` is replaced: the same for a manuscript in every edition, so
    /// measured once for all of them.
    struct AltTextSize: Sendable {
        var utf16: Int
        var nicknames: Int

        init(_ altText: String) {
            utf16 = altText.utf16.count
            nicknames = Array(altText.utf8).occurrences(of: LineLimitsRule.placeholder)
        }
    }

    private func check(altText: AltTextSize, of manuscript: Manuscript, into diagnostics: inout [Diagnostic]) {
        let alt = altText.utf16 + altText.nicknames * extraUTF16
        if alt > Self.maxAltTextUTF16 {
            // Worded alike for every edition (no edition, no nickname length), so that it is reported once per title.
            let title = manuscript.title.value.count
            diagnostics.append(
                Diagnostic(
                    .lineAltText, at: manuscript.title.location,
                    en:
                        "the notification text, the greeting and this title, is \(altText.utf16) UTF-16 units before "
                        + "the nickname is filled in, over LINE's \(Self.maxAltTextUTF16) with an edition's longest "
                        + "nickname: shorten the title (\(title) characters)",
                    ja:
                        "通知文（あいさつとこのタイトル）が、ニックネームを入れる前でUTF-16で\(altText.utf16)単位あり、"
                        + "版の最長のニックネームを入れるとLINEの上限\(Self.maxAltTextUTF16)単位を超えます。"
                        + "タイトル（\(title)文字）を短くしてください"))
        }
    }

    private func checkFooter(_ message: DayMessage, lastBubble last: [UInt8], into diagnostics: inout [Diagnostic]) {
        let manuscript = message.manuscript
        // The last message ends the day: it must carry both, looked for as the payload writes them (JSON-escaped).
        if !last.contains(Array(JSONValue.string(message.footer.unsubscribeURL).bytes.dropFirst().dropLast()))
            || !last.contains(Array(JSONValue.string(message.disclaimer).bytes.dropFirst().dropLast()))
        {
            diagnostics.append(
                Diagnostic(
                    .footerMissing, at: manuscript.title.location,
                    en: "the payload lacks the unsubscribe link or the disclaimer",
                    ja: "ペイロードに配信解除のリンクか免責事項が入っていません", notes: [note]))
        }
    }
}
