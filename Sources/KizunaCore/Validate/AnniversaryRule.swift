extension RuleID {
    public static let anniversaryDay = RuleID("anniversary-day")
    public static let anniversaryCollision = RuleID("anniversary-collision")
    public static let anniversaryMissing = RuleID("anniversary-missing")
}

/// Birthday messages (`anniversary: N`) go out on the calendar birthday, which is one of two day counts
/// (`MonthAge.birthdayDayCounts`):
/// - `anniversary-day`: the anniversary is 1, 2 or 3, on a childcare manuscript keyed to the birthday's first day count;
/// - `anniversary-collision`: no other manuscript sits on the birthday's second day count, where readers whose birthday
///   it is would get two messages;
/// - `anniversary-missing`: a 誕生日 manuscript on a birthday's day count without `anniversary` arrives a day early for
///   the readers of a 29 February.
struct AnniversaryRule: ContentRule {
    static let descriptions = [
        RuleDescription(
            .anniversaryDay, .error, en: "A birthday message not on its birthday's day count",
            ja: "誕生日の日数に置かれていない誕生日の原稿"),
        RuleDescription(
            .anniversaryCollision, .error, en: "A manuscript on the day a birthday message may move to",
            ja: "誕生日の原稿がずれて配信されうる日に置かれた原稿"),
        RuleDescription(
            .anniversaryMissing, .warning, en: "A birthday manuscript keyed by day count alone",
            ja: "日数だけで配信日を決めている誕生日の原稿"),
    ]

    static let years = 1...3

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        var byDay: [DayKey: Manuscript] = [:]
        for m in content.manuscripts where byDay[m.day.value] == nil { byDay[m.day.value] = m }
        for m in content.manuscripts {
            guard let anniversary = m.anniversary else {
                missing(m, into: &diagnostics)
                continue
            }
            let n = anniversary.value
            guard m.series == .childcare else {
                diagnostics.append(
                    Diagnostic(
                        .anniversaryDay, at: anniversary.location,
                        en: "only a childcare manuscript can be a birthday message",
                        ja: "誕生日の原稿にできるのは 'childcare' の原稿だけです"))
                continue
            }
            guard Self.years.contains(n) else {
                diagnostics.append(
                    Diagnostic(
                        .anniversaryDay, at: anniversary.location,
                        en: "anniversary \(n) is not a birthday of the series: write 1, 2 or 3",
                        ja: "anniversary \(n) はシリーズの誕生日ではありません。1、2、3 のいずれかにしてください"))
                continue
            }
            let days = MonthAge.birthdayDayCounts(n)
            if m.day.value != .dayCount(days.lowerBound) {
                diagnostics.append(
                    Diagnostic(
                        .anniversaryDay, at: m.day.location,
                        LocalizedText(
                            en:
                                "the \(Self.ordinal(n)) birthday falls on day \(days.lowerBound) or \(days.upperBound); "
                                + "key its message day \(days.lowerBound)",
                            ja:
                                "\(n)歳の誕生日は生まれて\(days.lowerBound)日目か\(days.upperBound)日目です。"
                                + "配信日を \(days.lowerBound) にしてください")))
                continue
            }
            for later in days.dropFirst() {
                guard let other = byDay[.dayCount(later)] else { continue }
                diagnostics.append(
                    Diagnostic(
                        .anniversaryCollision, at: other.day.location,
                        LocalizedText(
                            en:
                                "day \(later) is the \(Self.ordinal(n)) birthday of a child born after a 29 February "
                                + "falls in its first years: that reader would get the birthday message instead",
                            ja:
                                "生まれて\(later)日目は、2月29日をはさんで生まれた子の\(n)歳の誕生日です。"
                                + "その読者にはこの原稿の代わりに誕生日の原稿が届きます。別の日に移してください"),
                        notes: [
                            DiagnosticNote(
                                en: "the birthday message", ja: "誕生日の原稿", at: anniversary.location)
                        ]))
            }
        }
    }

    /// A childcare manuscript on a birthday's first day count whose title speaks of the birthday, without `anniversary`.
    private func missing(_ m: Manuscript, into diagnostics: inout [Diagnostic]) {
        guard case .dayCount(let day) = m.day.value, m.title.value.contains("誕生日"),
            let n = Self.years.first(where: { MonthAge.birthdayDayCounts($0).contains(day) })
        else { return }
        diagnostics.append(
            Diagnostic(
                .anniversaryMissing, at: m.day.location,
                LocalizedText(
                    en:
                        "this birthday message goes out on day \(day), a day before the birthday when a 29 February "
                        + "falls in between; add 'anniversary: \(n)' to send it on the calendar birthday",
                    ja:
                        "この誕生日の原稿は生まれて\(day)日目に届くため、2月29日をはさむと誕生日の前日になります。"
                        + "「anniversary: \(n)」を加えると、暦の誕生日に届きます"),
                fixIt: insertion(ofLine: "anniversary: \(n)", in: m)))
    }

    /// A new top-level line after the `day:` line (before it when nothing follows), which `kizuna fix` applies when the
    /// manuscript is written in block style (its `day:` key starts its line).
    private func insertion(ofLine text: String, in m: Manuscript) -> FixIt {
        let day = m.day.location
        let line = m.title.location.line > day.line ? day.line + 1 : day.line
        let at = SourceLocation(file: day.file, line: line, column: 1)
        let blockStyle = day.column == "day: ".count + 1 && m.title.location.line != day.line
        return FixIt(
            LocalizedText(en: "add '\(text)'", ja: "「\(text)」を加える"), start: at, end: at,
            replacement: text + "\n",
            span: blockStyle ? SourceSpan(line: line, scalars: 0..<0, original: "") : nil)
    }

    private static func ordinal(_ n: Int) -> String { ["", "1st", "2nd", "3rd"][n] }
}
