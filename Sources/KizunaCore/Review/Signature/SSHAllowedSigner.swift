/// One line of an OpenSSH `allowed_signers` file (see `ssh-keygen(1)`, ALLOWED SIGNERS), so CI can check an
/// approval with `ssh-keygen -Y verify -f allowed_signers -I principal -n kizuna-approval -s sig < message`.
public struct SSHAllowedSigner: Sendable, Hashable {
    /// The namespace Kizuna's approval signatures are made in.
    public static let approvalNamespace = "kizuna-approval"

    /// Why a line could not be written.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case invalidPrincipal(String)
        case invalidNamespace(String)

        public var description: String {
            switch self {
            case .invalidPrincipal(let p):
                "'\(p)' cannot be an allowed_signers principal: it must be non-empty, without spaces, quotes, "
                    + "commas or the pattern characters * ? !"
            case .invalidNamespace(let n):
                "'\(n)' cannot be a signature namespace: it must be non-empty, without spaces, quotes or commas"
            }
        }
    }

    /// Who signs with the key, as `ssh-keygen -Y verify -I` names them (a reviewer's id or e-mail address).
    public let principal: String
    /// The namespaces the key may sign in.
    public let namespaces: [String]
    /// The signer's key.
    public let key: SSHPublicKey
    /// The first day the key no longer counts (`valid-before`); ssh-keygen compares it with the verification time,
    /// which `-Overify-time=YYYYMMDD` sets to the approval's date.
    public var validBefore: CalendarDate?

    /// A signer whose key may sign only in `namespaces`.
    public init(
        principal: String, key: SSHPublicKey, namespaces: [String] = [SSHAllowedSigner.approvalNamespace]
    ) throws(Failure) {
        // The principal field is a comma-separated list of patterns, so these would change what it matches.
        guard !principal.isEmpty, !principal.contains(where: { Self.isBlank($0) || "\",*?!#".contains($0) })
        else { throw .invalidPrincipal(principal) }
        for namespace in namespaces {
            guard !namespace.isEmpty, !namespace.contains(where: { Self.isBlank($0) || "\",".contains($0) })
            else { throw .invalidNamespace(namespace) }
        }
        guard !namespaces.isEmpty else { throw .invalidNamespace("") }
        self.principal = principal
        self.namespaces = namespaces
        self.key = key
    }

    /// Whitespace and control characters: either would split or corrupt the line.
    private static func isBlank(_ c: Character) -> Bool {
        c.isWhitespace || c.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The line, without a newline: `principal namespaces="kizuna-approval" ssh-ed25519 AAAA…`.
    public var line: String {
        let before = validBefore.map { ",valid-before=\"\($0.description.replacingAll("-", with: ""))\"" } ?? ""
        let options = "namespaces=\"\(namespaces.joined(separator: ","))\"\(before)"
        return "\(principal) \(options) \(key.keyType.rawValue) \(key.base64)"
    }
}
