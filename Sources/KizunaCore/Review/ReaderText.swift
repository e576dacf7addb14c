import Crypto

/// Everything a parent reads of a manuscript, in one canonical NFC text: what an approval is bound to and what
/// a review sheet compares. Comments, sources, supervisors and review fields are not part of it.
public struct ReaderText: Sendable, Hashable {
    public var text: String

    public init(_ manuscript: Manuscript) {
        var lines = ["\(manuscript.day.value.label)", "# \(manuscript.title.value)"]
        for section in manuscript.sections {
            lines.append("")
            lines.append("## \(section.heading.value)")
            lines.append(section.text.value.trimmingTrailingWhitespace)
        }
        text = lines.joined(separator: "\n").nfc + "\n"
    }

    public init(text: String) {
        self.text = text.nfc
    }

    /// SHA-256 of the text's UTF-8, lowercase hex.
    public var sha256: String {
        SHA256.hash(data: Array(text.utf8)).hexString
    }
}

extension SHA256.Digest {
    /// Lowercase hex, as written in approvals and manifests.
    var hexString: String { withUnsafeBytes { lowercaseHex($0) } }
}
