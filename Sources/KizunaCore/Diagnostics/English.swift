/// The English side of messages and summaries.
public enum English {
    /// A count with its noun in the right number: "1 error", "2 errors", "1 loss support" stays as given.
    /// `plural` is for nouns that do not take a plain -s ("1 entry", "2 entries").
    public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
