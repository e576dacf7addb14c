/// A file the build produces, in memory: a path relative to the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// An edition's complete output, ready to be written and swapped in whole.
public struct EditionOutput: Sendable {
    public var editionID: String
    public var files: [OutputFile]
    /// LINE-limit findings on the payloads written: any error means the edition must not be swapped in.
    public var diagnostics: [Diagnostic] = []
}
