import Foundation

/// One reader of an edition, as the sender's subscriber file lists them.
public struct SubscriberRow: Sendable, Hashable {
    /// The record's number (header = row 1) and the line it starts on.
    public var row: Int
    public var line: Int
    /// The sender's id for the reader; also the file name with `--output` (`<id>.json`).
    public var id: String
    /// Filled into `{nickname}`: NFC, spaces around removed (`PayloadFiller.checked`); may be empty.
    public var nickname: String
    public var due: CalendarDate?
    public var born: CalendarDate?
    public var channel: Channel
    /// Set when the row's `status` is `ended`: the day the end (a miscarriage, a stillbirth, a child's death) is
    /// recorded. From that day the reader gets nothing of either series, and on that day only the edition's loss
    /// support message. Nil: the reader is active.
    public var endedOn: CalendarDate?

    public init(
        row: Int, line: Int, id: String, nickname: String, due: CalendarDate?, born: CalendarDate?, channel: Channel,
        endedOn: CalendarDate? = nil
    ) {
        self.row = row
        self.line = line
        self.id = id
        self.nickname = nickname
        self.due = due
        self.born = born
        self.channel = channel
        self.endedOn = endedOn
    }

    /// Whether the reader's status is `ended` on `date`: on or after `endedOn`.
    public func hasEnded(on date: CalendarDate) -> Bool { endedOn.map { date >= $0 } ?? false }

    /// The reader's day on `date`.
    public func day(on date: CalendarDate) -> ReaderDay { ReaderDay.on(date, due: due, born: born) }
}

/// What an edition accepts of a subscriber row.
public struct SubscriberRules: Sendable, Hashable {
    public var editionID: String
    public var channels: Set<Channel>
    public var nicknameMaxLength: Int

    /// The earliest birth accepted: 22w0d, the limit of viability (126 days before the due date). An earlier date is
    /// taken for a typing error, not a birth.
    public static let earliestBirthBeforeDue = DayKey.dueDateGestationalDays - 22 * 7
    /// The latest birth accepted: 6 weeks after the due date (46w0d). Births after 42w0d are rare; 4 more weeks leave
    /// room for a due date that was corrected, and anything later is taken for a typing error.
    public static let latestBirthAfterDue = 42
    /// An id is a file name with `--output`: `<id>.json` must fit in 255 bytes.
    public static let idMaxBytes = 200

    public init(editionID: String, channels: Set<Channel>, nicknameMaxLength: Int) {
        self.editionID = editionID
        self.channels = channels
        self.nicknameMaxLength = nicknameMaxLength
    }

    public init(edition: Edition, nicknameMaxLength: Int) {
        self.init(
            editionID: edition.id.value, channels: Set(edition.channels.map(\.value)),
            nicknameMaxLength: nicknameMaxLength)
    }
}

extension SubscriberRow {
    /// Checks every field of a record; a row with any problem gives one `ScheduleError` listing them all.
    public static func parse(_ record: CSVRecord, columns: SubscriberColumns, rules: SubscriberRules) -> Result<
        SubscriberRow, ScheduleError
    > {
        let fields = record.fields.map(Self.trimmed)
        let rawID = columns.id < fields.count ? fields[columns.id] : nil
        func failure(_ problems: [LocalizedText]) -> Result<SubscriberRow, ScheduleError> {
            .failure(
                ScheduleError(
                    row: record.row, line: record.line, id: rawID.flatMap { $0.isEmpty ? nil : $0 }, problems: problems)
            )
        }
        if record.fields.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
            return failure([
                LocalizedText(
                    en: "the row is not UTF-8 (a Shift_JIS export?); save the file as UTF-8",
                    ja: "この行は UTF-8 ではありません（Shift_JIS で書き出したファイル？）。UTF-8 で保存してください")
            ])
        }
        guard fields.count == columns.count else {
            var problem = LocalizedText(
                en:
                    "the row has \(fields.count) field\(fields.count == 1 ? "" : "s"); "
                    + "expected \(columns.count) (\(columns.present.joined(separator: ",")))",
                ja:
                    "列が \(fields.count) 個あります。"
                    + "\(columns.count) 個（\(columns.present.joined(separator: ","))）にしてください"
            )
            if SubscriberCSV.lineCount(record.fields) > 1 {
                problem = LocalizedText(
                    en: problem.en
                        + "; a quoted field runs over \(SubscriberCSV.lineCount(record.fields)) lines: "
                        + "is a closing quote missing?",
                    ja: problem.ja + "。引用符で囲んだ欄が \(SubscriberCSV.lineCount(record.fields)) 行にわたっています。閉じる \" が抜けていませんか")
            }
            return failure([problem])
        }
        var problems: [LocalizedText] = []

        let id = fields[columns.id]
        if id.isEmpty {
            problems.append(LocalizedText(en: "id is empty", ja: "id が空です"))
        } else if id.contains("/") || id.hasPrefix(".")
            || id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            problems.append(
                LocalizedText(
                    en:
                        "id '\(Self.shown(id))' cannot name a file: "
                        + "it may not contain '/' or control characters, nor start with '.'",
                    ja: "id '\(Self.shown(id))' はファイル名にできません。'/' や制御文字を含まず、'.' で始まらない id にしてください"))
        } else if id.utf8.count > SubscriberRules.idMaxBytes {
            problems.append(
                LocalizedText(
                    en: "id is \(id.utf8.count) bytes long; at most \(SubscriberRules.idMaxBytes) are allowed",
                    ja: "id が \(id.utf8.count) バイトあります。\(SubscriberRules.idMaxBytes) バイトまでにしてください"))
        }

        // Checked as PayloadFiller checks it (NFC, spaces around removed, length, control characters). An empty
        // nickname is allowed: the filler leaves out 「{nickname}さん、」 and writes 「あなた」 elsewhere.
        var nickname = ""
        do {
            nickname = try PayloadFiller.checked(fields[columns.nickname], maxLength: rules.nicknameMaxLength)
        } catch {
            switch error {
            case let .tooLong(count, limit):
                problems.append(
                    LocalizedText(
                        en:
                            "the nickname has \(count) characters; "
                            + "edition '\(rules.editionID)' allows at most \(limit)",
                        ja: "nickname が \(count) 文字あります。版 '\(rules.editionID)' では \(limit) 文字までです"))
            case .controlCharacter:
                problems.append(
                    LocalizedText(
                        en: "the nickname contains a control character (a tab or a line break?)",
                        ja: "nickname に制御文字（タブや改行？）が含まれています"))
            }
        }

        let due = Self.date(fields[columns.due], column: "due_date", into: &problems)
        let born = Self.date(fields[columns.born], column: "birth_date", into: &problems)
        if fields[columns.due].isEmpty && fields[columns.born].isEmpty {
            problems.append(
                LocalizedText(en: "neither due_date nor birth_date is given", ja: "due_date と birth_date のどちらもありません"))
        }
        if let due, let born {
            let offset = born.dayNumber - due.dayNumber
            if offset < -SubscriberRules.earliestBirthBeforeDue {
                problems.append(
                    LocalizedText(
                        en:
                            "birth_date \(born) is \(-offset) days before due_date \(due), before 22w0d; "
                            + "births are accepted from \(due.adding(days: -SubscriberRules.earliestBirthBeforeDue))",
                        ja:
                            "birth_date \(born) が due_date \(due) の \(-offset) 日前（22週0日より前）です。"
                            + "出生日は \(due.adding(days: -SubscriberRules.earliestBirthBeforeDue)) 以降にしてください"
                    ))
            } else if offset > SubscriberRules.latestBirthAfterDue {
                problems.append(
                    LocalizedText(
                        en:
                            "birth_date \(born) is \(offset) days after due_date \(due); "
                            + "births are accepted up to 6 weeks after it "
                            + "(\(due.adding(days: SubscriberRules.latestBirthAfterDue)))",
                        ja:
                            "birth_date \(born) が due_date \(due) の \(offset) 日後です。"
                            + "出生日は予定日から6週間後（\(due.adding(days: SubscriberRules.latestBirthAfterDue))）までにしてください"
                    ))
            }
        }

        let channelText = fields[columns.channel]
        let channel = Channel(rawValue: channelText) ?? Channel(rawValue: channelText.lowercased())
        if let channel {
            if !rules.channels.contains(channel) {
                problems.append(
                    LocalizedText(
                        en:
                            "edition '\(rules.editionID)' does not send by \(channel.rawValue) "
                            + "(it sends by \(Self.channels(rules)))",
                        ja: "版 '\(rules.editionID)' は \(channel.rawValue) で配信しません（配信は \(Self.channels(rules))）"))
            }
        } else {
            problems.append(
                channelText.isEmpty
                    ? LocalizedText(
                        en: "channel is empty; write line or email", ja: "channel が空です。line か email を書いてください")
                    : LocalizedText(
                        en: "channel '\(Self.shown(channelText))' is not line or email",
                        ja: "channel '\(Self.shown(channelText))' は使えません。line か email にしてください"))
        }

        let endedOn = Self.status(fields, columns: columns, into: &problems)

        guard problems.isEmpty, let channel else { return failure(problems) }
        return .success(
            SubscriberRow(
                row: record.row, line: record.line, id: id, nickname: nickname,
                due: due, born: born, channel: channel, endedOn: endedOn))
    }

    /// The optional `status` and `ended_on`: the date the end is recorded when the status is `ended`, nil when it is
    /// active (or empty, or the file has neither column). Written exactly (`Ended`, `終了` are refused, so that a row
    /// nobody can read for sure sends nothing); `ended` needs `ended_on`, and `ended_on` needs `ended`.
    private static func status(_ fields: [String], columns: SubscriberColumns, into problems: inout [LocalizedText])
        -> CalendarDate?
    {
        let status = columns.status.map { fields[$0] } ?? ""
        let endedText = columns.endedOn.map { fields[$0] } ?? ""
        let endedOn = Self.date(endedText, column: "ended_on", into: &problems)
        switch status {
        case "", "active":
            if !endedText.isEmpty {
                let shownStatus = LocalizedText(
                    en: status.isEmpty ? "empty (active)" : "active", ja: status.isEmpty ? "空（active）" : " active ")
                problems.append(
                    LocalizedText(
                        en: "ended_on \(shown(endedText)) is given, but status is \(shownStatus.en); "
                            + "write status ended, or leave ended_on empty",
                        ja: "ended_on に \(shown(endedText)) がありますが、status が\(shownStatus.ja)です。"
                            + "status を ended にするか、ended_on を空にしてください"))
            }
            return nil
        case "ended":
            if endedText.isEmpty {
                problems.append(
                    LocalizedText(
                        en: "status is ended, but ended_on is empty; write the date the end was recorded (YYYY-MM-DD)",
                        ja: "status が ended ですが、ended_on が空です。記録した日付（YYYY-MM-DD）を書いてください"))
            }
            return endedOn
        default:
            problems.append(
                LocalizedText(
                    en: "status '\(shown(status))' is not active or ended (empty means active)",
                    ja: "status '\(shown(status))' は使えません。active か ended にしてください（空は active）"))
            return nil
        }
    }

    /// An optional `YYYY-MM-DD` date; a problem when it is written but not a date of the calendar.
    private static func date(_ text: String, column: String, into problems: inout [LocalizedText]) -> CalendarDate? {
        guard !text.isEmpty else { return nil }
        if let date = fastDate(text) ?? CalendarDate(text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } })
        {
            problems.append(
                LocalizedText(
                    en: "\(column) \(text) is not a day of the calendar",
                    ja: "\(column) の \(text) は暦にない日付です"))
        } else {
            problems.append(
                LocalizedText(
                    en: "\(column) '\(shown(text))' is not a date written YYYY-MM-DD",
                    ja: "\(column) の '\(shown(text))' は YYYY-MM-DD 形式の日付ではありません"))
        }
        return nil
    }

    /// `CalendarDate(text)` for the common case, `YYYY-MM-DD` in ASCII digits, without splitting strings.
    static func fastDate(_ text: String) -> CalendarDate? {
        text.utf8.withContiguousStorageIfAvailable { b -> CalendarDate? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                    n = n * 10 + Int(b[i] - 0x30)
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return CalendarDate(year: y, month: m, day: d)
        } ?? nil
    }

    private static func channels(_ rules: SubscriberRules) -> String {
        Channel.allCases.filter { rules.channels.contains($0) }.map(\.rawValue).joined(separator: ", ")
    }

    /// Without spaces (ASCII and ideographic) and tabs around it, as `PayloadFiller.checked` trims a nickname.
    static func trimmed(_ text: String) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// A value quoted in a message: control characters escaped, cut after 40 characters.
    static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(40) {
            out += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return text.unicodeScalars.count > 40 ? out + "…" : out
    }
}
