/// A day's payload as written, with the parts LINE measures.
public struct RenderedPayload: Sendable {
    /// The push request body, `{"messages": [...]}` and a newline.
    public var bytes: [UInt8]
    /// Each message's bubble JSON, in reading order, as it appears inside `bytes`: LINE's 30 KB limit applies to each.
    public var bubbles: [[UInt8]]
    /// What a phone notification shows, per message.
    public var altTexts: [String]
    /// Where the text that went past LINE's five messages per request starts, when it did.
    public var overflow: SourceLocation?

    public var messageCount: Int { bubbles.count }
}
