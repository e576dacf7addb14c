import Crypto

/// `manifest.json`: everything a sending system needs to know of an edition's files: per day and channel the file
/// and its hash, how a reader's day is found (the series switch), and the limits and placeholder rules.
struct Manifest: JSONRepresentable {
    /// One file of a day.
    struct File: Sendable, Equatable {
        let path: String
        let sha256: String
    }

    struct Entry {
        let message: DayMessage
        /// By channel (`line`, `email`) and `preview`.
        let files: [String: File]
        /// How many LINE messages the day's push request holds (1 to 5).
        let lineMessages: Int
    }

    let edition: Edition
    let nicknameMaxLength: Int
    let entries: [Entry]

    var json: JSONValue {
        .object([
            "edition": .string(edition.id.value),
            "name": .string(edition.name.value),
            "municipality": .string(edition.municipality.value),
            "series": .array(edition.series.map { .string($0.value.rawValue) }),
            "channels": .array(edition.channels.map { .string($0.value.rawValue) }),
            "unsubscribeURL": .string(edition.unsubscribeURL.value),
            "nickname": .object([
                "placeholder": .string(Placeholder.nickname),
                "maxLength": .int(nicknameMaxLength),
                "counted": .string("Unicode scalars of the NFC nickname, surrounding spaces removed"),
                "whenEmpty": .array(PayloadFiller.withoutNickname.map { .object(["replace": .string($0.placeholder), "with": .string($0.replacement)]) }),
            ]),
            "limits": .object([
                "lineMessagesPerRequest": .int(FlexRenderer.maxMessagesPerRequest),
                "lineBubbleBytes": .int(LineLimitsRule.maxBubbleBytes),
                "lineAltTextUTF16": .int(LineLimitsRule.maxAltTextUTF16),
            ]),
            "schedule": .object([
                "maternity": .string("day wWdD is sent on due − (280 − 7w − d) days (40w0d on the due date), from 4w0d to 41w6d, and only before the birth date"),
                "childcare": .string("day N is sent on birth + (N − 1) days (the birth date is day 1) until day 1096; with no birth date known, the due date stands for it"),
                "switch": .string("on the birth date: maternity stops (a preterm birth ends it early; after a late birth's 41w6d nothing is sent until the birth) and childcare starts with day 1"),
                "daysWithoutMessage": .string("a day with no entry here sends nothing"),
            ]),
            "messageCount": .int(entries.count),
            "days": .array(entries.map { e in
                .object([
                    "series": .string(e.message.day.series.rawValue),
                    "day": .string(e.message.day.description),
                    "label": .string(e.message.day.label),
                    "files": .object(e.files.mapValues { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
                    "lineMessages": .int(e.lineMessages),
                    "review": .string(e.message.manuscript.state.rawValue),
                    "approved": .bool(e.message.manuscript.state == .approved),
                    "inserts": .array(e.message.inserts.map { .string($0.insert.id.value) }),
                ])
            }),
        ])
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hexString
    }
}
