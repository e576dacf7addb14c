/// `manifest.json`: everything a sending system needs to know of an edition's files: per day and channel the file
/// and its hash, how a reader's day is found (the series switch), and the limits and placeholder rules.
struct Manifest {
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
    /// The parts of each day's entry, made once for all editions of a build.
    let parts: DayParts.Table
    /// In a release: what shipped in place of a working copy, and what was held back.
    var release: ReleasePlan? = nil
    /// The edition's loss support message and its files, when it has one (in a release, when it ships).
    var lossSupport: LossSupportFiles? = nil
    /// The edition's おめでとうカード, when it has one.
    var card: CardFiles? = nil

    /// The card's entry: `{"approved","files","lineAccount","registrationURL"}`, and `emailURL` where the
    /// card prints one. The PDF is listed when the build prints cards; its bytes are Chromium's, so no hash.
    struct CardFiles: Sendable {
        let card: CongratulationCard
        let page: FileHash
        let printed: Bool

        var json: JSONValue {
            var files: [String: JSONValue] = [
                "html": .object(["path": .string(CongratulationCard.htmlPath), "sha256": .string(page.hex)])
            ]
            if printed { files["pdf"] = .object(["path": .string(CongratulationCard.pdfPath)]) }
            var entry: [String: JSONValue] = [
                "approved": .bool(card.approved), "files": .object(files),
                "registrationURL": .string(card.registrationURL),
            ]
            if let account = card.lineAccount { entry["lineAccount"] = .string(account) }
            if let url = card.emailURL { entry["emailURL"] = .string(url) }
            return .object(entry)
        }
    }

    /// The loss support message's entry: `{"approved","files","id","lineMessages","review","title"}`.
    struct LossSupportFiles {
        let message: LossSupportMessage
        let files: DayFiles

        var json: JSONValue {
            func file(_ path: String, _ hash: FileHash) -> JSONValue {
                .object(["path": .string(path), "sha256": .string(hash.hex)])
            }
            var byChannel: [String: JSONValue] = [
                "line": file(LossSupportMessage.linePath, files.line),
                "preview": file(LossSupportMessage.previewPath, files.preview),
            ]
            if let email = files.email { byChannel["email"] = file(LossSupportMessage.emailPath, email) }
            let state = message.support.signOff.state
            return .object([
                "approved": .bool(state == .approved), "files": .object(byChannel),
                "id": .string(message.support.id.value), "lineMessages": .int(files.lineMessages),
                "review": .string(state.rawValue), "title": .string(message.support.title.value),
            ])
        }
    }

    /// What a sender must know of `status` and `ended_on` in its subscriber file: the rule `kizuna schedule` follows.
    static let endedRule =
        "a reader whose status is ended gets nothing from ended_on on (the day a miscarriage, a stillbirth or a "
        + "child's death is recorded), of either series; on ended_on itself, unless they had already finished the "
        + "series, they get lossSupport's payload once (nothing when the edition has no lossSupport); "
        + "ended_on requires status ended, and an empty status is active"

    /// The manifest as written to disk, without the final newline.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        var o = JSONObjectWriter()
        if let card { o.value("card", card.json, into: &out) }
        o.value("channels", .array(edition.channels.map { .string($0.value.rawValue) }), into: &out)
        o.json("days", daysJSON, into: &out)
        o.string("edition", edition.id.value, into: &out)
        o.value(
            "limits",
            .object([
                "lineMessagesPerRequest": .int(FlexRenderer.maxMessagesPerRequest),
                "lineBubbleBytes": .int(LineLimitsRule.maxBubbleBytes),
                "lineAltTextUTF16": .int(LineLimitsRule.maxAltTextUTF16),
            ]), into: &out)
        if let lossSupport { o.value("lossSupport", lossSupport.json, into: &out) }
        o.value("messageCount", .int(messages.count), into: &out)
        o.string("municipality", edition.municipality.value, into: &out)
        o.string("name", edition.name.value, into: &out)
        o.value(
            "nickname",
            .object([
                "placeholder": .string(Placeholder.nickname),
                "maxLength": .int(nicknameMaxLength),
                "counted": .string("Unicode scalars of the NFC nickname, surrounding spaces removed"),
                "whenEmpty": .array(
                    PayloadFiller.withoutNickname.map {
                        .object(["replace": .string($0.placeholder), "with": .string($0.replacement)])
                    }),
            ]), into: &out)
        o.value(
            "schedule",
            .object([
                "maternity": .string(
                    "day wWdD is sent on due − (280 − 7w − d) days (40w0d on the due date), from 4w0d to 41w6d, "
                        + "and only before the birth date"
                ),
                "childcare": .string(
                    "day N is sent on birth + (N − 1) days (the birth date is day 1) until the 3rd birthday; "
                        + "it starts only once the birth date is known (the due date never stands for it)"
                ),
                "switch": .string(
                    "on the birth date: maternity stops (a preterm birth ends it early; "
                        + "after a late birth's 41w6d nothing is sent until the birth) and childcare starts with day 1"
                ),
                "daysWithoutMessage": .string("a day with no entry here sends nothing"),
                "anniversary": .string(
                    "an entry with anniversary N is the Nth birthday's message: it is sent on the calendar birthday "
                        + "(the birth date's month and day N years later, 28 February for a 29 February birth in a "
                        + "common year), not on birth + (day − 1) days; across a 29 February that is the day after, "
                        + "and the 3rd birthday may be day 1097; no other message goes out that day"
                ),
                "ended": .string(Self.endedRule),
                "monthAge": .string(
                    "a childcare day listed more than once has one entry per monthAge: the reader's completed calendar "
                        + "months on the send date (month m starts on the birth date's day of the month m months "
                        + "later, or that month's last day when it has none); an entry without monthAge serves every "
                        + "reader of its day"
                ),
            ]), into: &out)
        if let release { o.value("release", Self.json(release), into: &out) }
        o.value("series", .array(edition.series.map { .string($0.value.rawValue) }), into: &out)
        o.string("unsubscribeURL", edition.unsubscribeURL.value, into: &out)
        o.close(into: &out)
        return out
    }

    /// `release`: the texts shipped as last approved, the days held back (the gap a reader's schedule shows) and the
    /// inserts left out.
    static func json(_ plan: ReleasePlan) -> JSONValue {
        var approved: [JSONValue] = [], held: [JSONValue] = [], left: [JSONValue] = []
        for line in plan.lines {
            switch (line.decision, line.subject) {
            case (.approvedVersion(let date), _):
                approved.append(.object(["text": .string("\(line.subject)"), "approvedOn": .string("\(date)")]))
            case (.heldBack, .manuscript(let day)):
                held.append(
                    .object([
                        "series": .string(day.series.rawValue), "day": .string(day.description),
                        "state": .string(line.state.rawValue),
                    ]))
            case (.heldBack, _):
                left.append(.object(["text": .string("\(line.subject)"), "state": .string(line.state.rawValue)]))
            default: continue
            }
        }
        return .object([
            "approvedVersions": .array(approved), "heldBack": .array(held), "leftOut": .array(left),
            "rule": .string("a text ships as approved, else as last approved; a day never approved is not sent"),
        ])
    }

    /// The bytes of a day's entry that follow from its manuscript alone, in key order around the parts that do not
    /// (the files' hashes, the inserts, the LINE message count). `Parts` makes them once per build for every edition.
    struct DayParts: Sendable {
        /// `{"approved":…,"day":"…","files":{`
        let head: [UInt8]
        /// `"email":{"path":"email/…","sha256":"`, and the same for `line` and `preview`.
        let email: [UInt8], line: [UInt8], preview: [UInt8]
        /// `,"label":"…","lineMessages":`
        let label: [UInt8]
        /// `,"review":"…","series":"…"}`
        let tail: [UInt8]

        /// `readerMonths`: for the variant of a day by the readers' month age (`DayMessage.readerMonths`).
        init(_ manuscript: Manuscript, readerMonths: Int? = nil) {
            let day = manuscript.day.value, state = manuscript.state
            (self.day, self.state) = (day, state)
            var head: [UInt8] = []
            var object = JSONObjectWriter()
            if let years = manuscript.anniversary?.value {
                object.json("anniversary", Array("\(years)".utf8), into: &head)
            }
            object.literal("approved", state == .approved ? "true" : "false", into: &head)
            object.string("day", day.description, into: &head)
            object.key("files", into: &head)
            head.append(UInt8(ascii: "{"))
            self.head = head
            func file(_ channel: String, _ path: String) -> [UInt8] {
                var out: [UInt8] = []
                JSONValue.writeString(channel, into: &out)
                out.append(contentsOf: #":{"path":"#.utf8)
                JSONValue.writeString(path, into: &out)
                out.append(contentsOf: #","sha256":""#.utf8)
                return out
            }
            let series = day.series.rawValue, stem = DayMessage.fileStem(day, readerMonths: readerMonths)
            email = file("email", "email/\(series)/\(stem).eml")
            line = file("line", "line/\(series)/\(stem).json")
            preview = file("preview", "preview/\(series)/\(stem).html")
            var label = Array(#","label":"#.utf8)
            JSONValue.writeString(manuscript.label, into: &label)
            label.append(contentsOf: #","lineMessages":"#.utf8)
            self.label = label
            var tail = readerMonths.map { Array(#","monthAge":\#($0)"#.utf8) } ?? []
            tail.append(contentsOf: #","review":"#.utf8)
            JSONValue.writeString(state.rawValue, into: &tail)
            tail.append(contentsOf: #","series":"#.utf8)
            JSONValue.writeString(series, into: &tail)
            tail.append(UInt8(ascii: "}"))
            self.tail = tail
        }

        /// Every manuscript's parts, by path, shared by all editions of a build.
        final class Table: Sendable {
            private let byPath: [String: DayParts]

            init(_ manuscripts: [Manuscript]) {
                byPath = Dictionary(manuscripts.map { ($0.path, DayParts($0)) }, uniquingKeysWith: { a, _ in a })
            }

            /// The manuscript's parts, made now if the table lacks them (or holds another state of the manuscript).
            func parts(of manuscript: Manuscript) -> DayParts {
                if let parts = byPath[manuscript.path], parts.matches(manuscript) { return parts }
                return DayParts(manuscript)
            }
        }

        private let day: DayKey, state: ReviewState
        private func matches(_ manuscript: Manuscript) -> Bool {
            manuscript.day.value == day && manuscript.state == state
        }
    }

    /// The days, each `{"approved","day","files","inserts","label","lineMessages","review","series"}` in that (sorted)
    /// order, written straight into bytes: 534 of them are written again on every rebuild of the edition.
    var daysJSON: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(messages.count * 520)
        func hash(_ prefix: [UInt8], _ hash: FileHash, then separator: UInt8) {
            out.append(contentsOf: prefix)
            hash.appendHex(into: &out)
            out.append(contentsOf: #""}"#.utf8)
            out.append(separator)
        }
        // Fields read in place through the buffer, not from a copy of each `DayMessage`: a copy retains and releases.
        messages.withUnsafeBufferPointer { messages in
            for i in messages.indices {
                out.append(UInt8(ascii: i == 0 ? "[" : ","))
                let files = days[i]
                // A day's variants by month age are few (days near a month-window boundary): made here.
                let parts =
                    messages[i].readerMonths.map { DayParts(messages[i].manuscript, readerMonths: $0) }
                    ?? self.parts.parts(of: messages[i].manuscript)
                out.append(contentsOf: parts.head)
                // Channels in key order: email, line, preview.
                if let email = files.email { hash(parts.email, email, then: UInt8(ascii: ",")) }
                hash(parts.line, files.line, then: UInt8(ascii: ","))
                hash(parts.preview, files.preview, then: UInt8(ascii: "}"))
                out.append(contentsOf: #","inserts":["#.utf8)
                for (j, insert) in messages[i].inserts.enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    JSONValue.writeString(insert.insert.id.value, into: &out)
                }
                out.append(UInt8(ascii: "]"))
                out.append(contentsOf: parts.label)
                out.append(contentsOf: String(files.lineMessages).utf8)
                out.append(contentsOf: parts.tail)
            }
        }
        if messages.isEmpty { out.append(UInt8(ascii: "[")) }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
