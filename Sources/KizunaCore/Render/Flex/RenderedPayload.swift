/// A day's payload as written, with the parts LINE measures.
public struct RenderedPayload: Sendable {
    /// The push request body, `{"messages": [...]}` and a newline.
    public var bytes: [UInt8]
    /// The bubble's JSON, as it appears inside `bytes`: LINE's 30 KB limit applies to it.
    public var bubbleBytes: [UInt8]
    /// What a phone notification shows.
    public var altText: String
}
