/// The placeholders a manuscript may use; the sender fills them in for each reader.
public enum Placeholder {
    /// The reader's nickname, known only at send time.
    public static let nickname = "{nickname}"
    /// Every placeholder the compiler knows, without braces.
    public static let known: Set<String> = ["nickname"]
}
