import Foundation

/// `line-bubble-size`, `line-alt-text`, `line-label-length`, `footer-missing`: LINE's limits, checked on the payload
/// each edition will send, with the longest nickname the edition allows in place of `{nickname}`.
struct LineLimitsRule: Sendable {
    static let maxBubbleBytes = 30_000
    static let maxAltTextUTF16 = 1500
    static let maxLabelCharacters = 40
    /// The worst nickname character: 2 UTF-16 units and 4 UTF-8 bytes (a nickname counts Unicode scalars).
    static let worstNicknameCharacter = "𠮷"

    let renderer = FlexRenderer()

    /// `sharedUnsubscribeLabel` is kizuna.yaml's label, which the edition's button shows unless the edition replaces it.
    func check(edition: Edition, messages: [DayMessage], nicknameMaxLength: Int, sharedUnsubscribeLabel: LocatedText? = nil,
               into diagnostics: inout [Diagnostic]) {
        let placeholder = Array(Placeholder.nickname.utf8)
        let extraBytes = nicknameMaxLength * Self.worstNicknameCharacter.utf8.count - placeholder.count
        let extraUTF16 = nicknameMaxLength * Self.worstNicknameCharacter.utf16.count - Placeholder.nickname.utf16.count
        let note = DiagnosticNote("in edition '\(edition.id.value)', with a \(nicknameMaxLength)-character nickname", at: edition.id.location)
        for message in messages {
            let manuscript = message.manuscript
            let request = renderer.request(for: message)
            for flex in request.messages {
                let bubble = flex.contents.json.bytes
                let size = bubble.count + bubble.occurrences(of: placeholder) * extraBytes
                if size > Self.maxBubbleBytes {
                    diagnostics.append(Diagnostic(.lineBubbleSize, at: manuscript.title.location,
                        "\(manuscript.day.value.label) is \(size) bytes of Flex JSON; LINE takes at most \(Self.maxBubbleBytes) per bubble: shorten the text or an insert",
                        notes: [note]))
                }
                let alt = flex.altText.utf16.count + flex.altText.components(separatedBy: Placeholder.nickname).dropFirst().count * extraUTF16
                if alt > Self.maxAltTextUTF16 {
                    diagnostics.append(Diagnostic(.lineAltText, at: manuscript.title.location,
                        "the notification text is \(alt) UTF-16 units; LINE takes at most \(Self.maxAltTextUTF16)", notes: [note]))
                }
                // Looked for as the payload writes them: JSON-escaped.
                if !bubble.contains(Array(JSONValue.string(message.footer.unsubscribeURL).bytes.dropFirst().dropLast()))
                    || !bubble.contains(Array(JSONValue.string(message.disclaimer).bytes.dropFirst().dropLast())) {
                    diagnostics.append(Diagnostic(.footerMissing, at: manuscript.title.location,
                        "the payload lacks the unsubscribe link or the disclaimer", notes: [note]))
                }
            }
            for section in manuscript.sections { checkLinkLabels(section.body, into: &diagnostics) }
            for resolved in message.inserts { checkLinkLabels(resolved.insert.body, into: &diagnostics) }
        }
        for desk in edition.contacts {
            checkLabel(FlexRenderer.telLabel(desk), at: desk.name.location, what: "the tel button for this desk", into: &diagnostics)
        }
        if let label = edition.footer.unsubscribeLabel ?? sharedUnsubscribeLabel {
            checkLabel(label.value, at: label.location, what: "the unsubscribe button", into: &diagnostics)
        }
    }

    private func checkLinkLabels(_ text: RichText, into diagnostics: inout [Diagnostic]) {
        for link in text.links {
            checkLabel(link.text, at: link.location, what: "this link's button", into: &diagnostics)
        }
    }

    func checkLabel(_ label: String, at location: SourceLocation, what: String, into diagnostics: inout [Diagnostic]) {
        let count = label.unicodeScalars.count
        guard count > Self.maxLabelCharacters else { return }
        let diagnostic = Diagnostic(.lineLabelLength, at: location,
            "the label of \(what) is \(count) characters; LINE takes at most \(Self.maxLabelCharacters)")
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }
}

extension Array where Element == UInt8 {
    func occurrences(of needle: [UInt8]) -> Int {
        guard !needle.isEmpty, count >= needle.count else { return 0 }
        var n = 0
        var i = 0
        let first = needle[0]
        while i <= count - needle.count {
            if self[i] == first && self[i..<(i + needle.count)].elementsEqual(needle) {
                n += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return n
    }

    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        for i in 0...(count - needle.count) where self[i] == first && self[i..<(i + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
