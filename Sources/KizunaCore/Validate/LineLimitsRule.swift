/// `line-bubble-size`, `line-alt-text`, `footer-missing`: LINE's limits, checked on the payload
/// each edition will send, with the longest nickname the edition allows in place of `{nickname}`.
/// Runs wherever payloads are rendered: in `validate`, and in the build on the very bytes it writes.
struct LineLimitsRule: Sendable {
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
        note = DiagnosticNote(en: "in edition '\(edition.id.value)', with a \(nicknameMaxLength)-character nickname",
                              ja: "版 '\(edition.id.value)' で、\(nicknameMaxLength)文字のニックネームを入れた場合", at: edition.id.location)
    }

    func check(_ message: DayMessage, _ payload: RenderedPayload, into diagnostics: inout [Diagnostic]) {
        let manuscript = message.manuscript
        let size = payload.bubbleBytes.count + payload.bubbleBytes.occurrences(of: Self.placeholder) * extraBytes
        if size > Self.maxBubbleBytes {
            diagnostics.append(Diagnostic(.lineBubbleSize, at: manuscript.title.location,
                en: "\(manuscript.day.value.label) is \(size) bytes of Flex JSON; LINE takes at most \(Self.maxBubbleBytes) per bubble: shorten the text or an insert",
                ja: "\(manuscript.day.value.label)のFlex JSONが\(size)バイトあります。LINEのバブル1つの上限は\(Self.maxBubbleBytes)バイトのため、本文か差し込み情報を短くしてください",
                notes: [note]))
        }
        let alt = payload.altText.utf16.count + Array(payload.altText.utf8).occurrences(of: Self.placeholder) * extraUTF16
        if alt > Self.maxAltTextUTF16 {
            diagnostics.append(Diagnostic(.lineAltText, at: manuscript.title.location,
                en: "the notification text is \(alt) UTF-16 units; LINE takes at most \(Self.maxAltTextUTF16)",
                ja: "通知文がUTF-16で\(alt)単位あります。LINEの通知文は\(Self.maxAltTextUTF16)単位まで", notes: [note]))
        }
        // Looked for as the payload writes them: JSON-escaped.
        if !payload.bubbleBytes.contains(Array(JSONValue.string(message.footer.unsubscribeURL).bytes.dropFirst().dropLast()))
            || !payload.bubbleBytes.contains(Array(JSONValue.string(message.disclaimer).bytes.dropFirst().dropLast())) {
            diagnostics.append(Diagnostic(.footerMissing, at: manuscript.title.location,
                en: "the payload lacks the unsubscribe link or the disclaimer",
                ja: "ペイロードに配信解除のリンクか免責事項が入っていません", notes: [note]))
        }
    }
}

extension Array where Element == UInt8 {
    /// Non-overlapping occurrences of `needle`.
    func occurrences(of needle: [UInt8]) -> Int {
        needle.isEmpty ? 0 : ranges(of: needle).count
    }

    func contains(_ needle: [UInt8]) -> Bool {
        needle.isEmpty || firstRange(of: needle) != nil
    }
}
