/// What a message says where a reader gave no nickname, for the e-mail channel: the rules of
/// `PayloadFiller.withoutNickname`, the table the manifest publishes as `nickname.whenEmpty`, so that a reader reads
/// the same text in LINE and in e-mail. Every 「{nickname}さん、」 disappears (the greeting starts with its second
/// clause: 「赤ちゃんが生まれて45日目です。」, never a dangling 「さん、」), and any other 「{nickname}さん」 or
/// `{nickname}` becomes 「あなた」.
///
/// It works on text, before any transfer encoding: `EmailFiller` decodes each part, applies it and encodes again
/// (after quoted-printable and base64 the sequences could not be found reliably).
public enum NicknameFallback {
    /// The text as a reader with no nickname gets it.
    public static func apply(to text: String) -> String {
        PayloadFiller.withoutNickname.reduce(text) { $0.replacingAll($1.placeholder, with: $1.replacement) }
    }
}
