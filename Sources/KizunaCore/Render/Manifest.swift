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
            "days": .written(daysJSON),
        ])
    }

    /// The days, each `{"approved","day","files","inserts","label","lineMessages","review","series"}` in that (sorted)
    /// order, written straight into bytes: 534 of them are written again on every rebuild of the edition.
    var daysJSON: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 400)
        out.append(UInt8(ascii: "["))
        for (i, e) in entries.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            var day = JSONObjectWriter()
            day.literal("approved", e.message.manuscript.state == .approved ? "true" : "false", into: &out)
            day.string("day", e.message.day.description, into: &out)
            day.key("files", into: &out)
            out.append(UInt8(ascii: "{"))
            for (j, channel) in e.files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(channel, into: &out)
                out.append(UInt8(ascii: ":"))
                var file = JSONObjectWriter()
                file.string("path", e.files[channel]!.path, into: &out)
                file.string("sha256", e.files[channel]!.sha256, into: &out)
                file.close(into: &out)
            }
            out.append(UInt8(ascii: "}"))
            day.array("inserts", e.message.inserts, into: &out) { JSONValue.writeString($0.insert.id.value, into: &$1) }
            day.string("label", e.message.day.label, into: &out)
            day.key("lineMessages", into: &out)
            out.append(contentsOf: String(e.lineMessages).utf8)
            day.string("review", e.message.manuscript.state.rawValue, into: &out)
            day.string("series", e.message.day.series.rawValue, into: &out)
            day.close(into: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hexString
    }
}
