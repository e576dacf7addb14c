import Crypto

/// `manifest.json`: everything a sending system needs to know of an edition's files: per day and channel the file
/// and its hash, how a reader's day is found (the series switch), and the limits and placeholder rules.
struct Manifest: JSONRepresentable {
    /// One day's files as the manifest lists them: their paths follow from the day, their hashes are kept here.
    struct DayFiles: Sendable, Equatable {
        /// How many LINE messages the day's push request holds (1 to 5).
        var lineMessages: Int
        var line: FileHash
        var preview: FileHash
        /// Nil when the edition sends no e-mail.
        var email: FileHash?
    }

    let edition: Edition
    let nicknameMaxLength: Int
    /// Every day of the edition, in order, and each one's files.
    let messages: [DayMessage]
    let days: [DayFiles]

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
            "messageCount": .int(messages.count),
            "days": .written(daysJSON),
        ])
    }

    /// The days, each `{"approved","day","files","inserts","label","lineMessages","review","series"}` in that (sorted)
    /// order, written straight into bytes: 534 of them are written again on every rebuild of the edition.
    var daysJSON: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(messages.count * 520)
        // Fields read in place: a copy of each `DayMessage` (a dozen references) cost a third of this function.
        messages.withUnsafeBufferPointer { messages in
            for i in messages.indices {
                out.append(UInt8(ascii: i == 0 ? "[" : ","))
                let files = days[i], day = messages[i].day, state = messages[i].manuscript.state
                var object = JSONObjectWriter()
                object.literal("approved", state == .approved ? "true" : "false", into: &out)
                object.string("day", day.description, into: &out)
                // Channels in key order: email, line, preview.
                object.key("files", into: &out)
                out.append(UInt8(ascii: "{"))
                let series = day.series.rawValue, stem = day.fileStem
                if let email = files.email {
                    Self.file("email", "email", series, stem, "eml", email, into: &out)
                    out.append(UInt8(ascii: ","))
                }
                Self.file("line", "line", series, stem, "json", files.line, into: &out)
                out.append(UInt8(ascii: ","))
                Self.file("preview", "preview", series, stem, "html", files.preview, into: &out)
                out.append(UInt8(ascii: "}"))
                object.array("inserts", messages[i].inserts, into: &out) { JSONValue.writeString($0.insert.id.value, into: &$1) }
                object.string("label", day.label, into: &out)
                object.key("lineMessages", into: &out)
                out.append(contentsOf: String(files.lineMessages).utf8)
                object.string("review", state.rawValue, into: &out)
                object.string("series", series, into: &out)
                object.close(into: &out)
            }
        }
        if messages.isEmpty { out.append(UInt8(ascii: "[")) }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `"channel":{"path":"folder/series/stem.suffix","sha256":"…"}`, the path as `linePath` and its kin give it.
    private static func file(_ channel: StaticString, _ folder: StaticString, _ series: String, _ stem: String,
                             _ suffix: StaticString, _ hash: FileHash, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: channel.utf8Start, count: channel.utf8CodeUnitCount))
        out.append(contentsOf: #"":{"path":"#.utf8)
        JSONValue.writeString("\(folder)/\(series)/\(stem).\(suffix)", into: &out)
        out.append(contentsOf: #","sha256":""#.utf8)
        hash.appendHex(into: &out)
        out.append(contentsOf: #""}"#.utf8)
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hexString
    }
}
