/// The two series a reader goes through, back to back.
public enum Series: String, Sendable, CaseIterable, Codable, Comparable {
    /// Daily from 妊娠4週0日 to 41週6日, keyed by gestational age.
    case maternity
    /// From birth to the 3rd birthday, keyed by 「生まれて N 日目」.
    case childcare

    /// The series' name as a parent reads it.
    public var displayName: String {
        switch self {
        case .maternity: "マタニティ"
        case .childcare: "子育て"
        }
    }

    /// The series' day keys, for messages: "4w0d to 41w6d (days 0 to 6)", "1 to 1096".
    public var dayRangeDescription: String {
        switch self {
        case .maternity: "4w0d to 41w6d (days 0 to 6)"
        case .childcare: "1 to \(DayKey.lastDayCount)"
        }
    }

    /// `dayRangeDescription` in both languages.
    public var dayRangeText: LocalizedText {
        switch self {
        case .maternity: LocalizedText(en: dayRangeDescription, ja: "4w0d〜41w6d、日数は0〜6")
        case .childcare: LocalizedText(en: dayRangeDescription, ja: "1〜\(DayKey.lastDayCount)")
        }
    }

    public static func < (lhs: Series, rhs: Series) -> Bool {
        lhs == .maternity && rhs == .childcare
    }
}
