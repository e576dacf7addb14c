import Crypto
import Foundation

/// An OpenSSH Ed25519 public key, as one line of a `.pub` file shows it: `ssh-ed25519 AAAA… comment`.
///
/// Only `ssh-ed25519` and `sk-ssh-ed25519@openssh.com` (a FIDO security key) are accepted: reviewers sign with
/// one of these, and accepting nothing else keeps the verifier small. Two keys are equal when their wire blobs
/// are; the comment is a label, not part of the key.
public struct SSHPublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The key types Kizuna accepts.
    public enum KeyType: String, Sendable, Hashable, CaseIterable {
        case ed25519 = "ssh-ed25519"
        case skEd25519 = "sk-ssh-ed25519@openssh.com"
    }

    /// Why a key could not be read.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The key type is not one Kizuna accepts (RSA, ECDSA, …).
        case unsupportedKeyType(String)
        /// The line is not `type base64 [comment]`.
        case malformedLine(String)
        /// The base64 field does not decode.
        case invalidBase64
        /// The decoded blob is truncated, too long, or holds a field of the wrong size.
        case malformedBlob(String)
        /// The type written in the text is not the type inside the blob.
        case typeMismatch(text: String, blob: String)

        public var description: String {
            switch self {
            case .unsupportedKeyType(let type):
                "unsupported SSH key type '\(type)': only ssh-ed25519 and sk-ssh-ed25519@openssh.com keys are accepted"
            case .malformedLine(let why): "not an OpenSSH public key line: \(why)"
            case .invalidBase64: "the SSH public key's base64 field does not decode"
            case .malformedBlob(let why): "malformed SSH public key: \(why)"
            case .typeMismatch(let text, let blob):
                "the SSH public key line says '\(text)' but the key inside is '\(blob)'"
            }
        }
    }

    /// The key type.
    public let keyType: KeyType
    /// The 32-byte Ed25519 public key.
    public let rawKey: [UInt8]
    /// For a security key, the FIDO application the key was made for (usually `ssh:`); nil otherwise.
    public let application: String?
    /// The key's exact SSH wire encoding: what the base64 field of the line decodes to.
    public let wireBlob: [UInt8]
    /// The comment after the key on its line; empty when there was none.
    public let comment: String

    /// The size of an Ed25519 public key.
    static let ed25519KeyLength = 32

    /// Reads one line of OpenSSH public key format: `ssh-ed25519 AAAA… comment`.
    public init(line: String) throws(Failure) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = trimmed.split(maxSplits: 2, omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
        guard let typeField = fields.first else { throw .malformedLine("the line is empty") }
        guard let type = KeyType(rawValue: String(typeField)) else { throw .unsupportedKeyType(String(typeField)) }
        guard fields.count >= 2 else { throw .malformedLine("no base64 key after '\(type.rawValue)'") }
        guard let blob = Data(base64Encoded: String(fields[1])) else { throw .invalidBase64 }
        let comment = fields.count > 2 ? String(fields[2]).trimmingCharacters(in: .whitespaces) : ""
        try self.init(wireBlob: Array(blob), comment: comment)
        guard keyType == type else { throw .typeMismatch(text: type.rawValue, blob: keyType.rawValue) }
    }

    /// Reads a key from its SSH wire encoding, as an SSHSIG signature or the base64 field of a line holds it.
    public init(wireBlob: [UInt8], comment: String = "") throws(Failure) {
        var reader = SSHWireReader(wireBlob)
        guard let typeBytes = reader.string() else { throw .malformedBlob("truncated before the key type") }
        guard let typeName = SSHWireReader.text(typeBytes) else { throw .malformedBlob("the key type is not text") }
        guard let type = KeyType(rawValue: typeName) else { throw .unsupportedKeyType(typeName) }
        guard let key = reader.string() else { throw .malformedBlob("truncated before the end of the key") }
        guard key.count == Self.ed25519KeyLength else {
            throw .malformedBlob("an Ed25519 key has 32 bytes, this one has \(key.count)")
        }
        var application: String?
        if type == .skEd25519 {
            guard let app = reader.string() else { throw .malformedBlob("truncated before the application") }
            guard let text = SSHWireReader.text(app) else { throw .malformedBlob("the application is not text") }
            application = text
        }
        guard reader.isAtEnd else { throw .malformedBlob("\(reader.leftover) after the key") }
        self.keyType = type
        self.rawKey = key
        self.application = application
        self.wireBlob = wireBlob
        self.comment = comment
    }

    /// The key's fingerprint exactly as `ssh-keygen -l` prints it: `SHA256:` and unpadded base64.
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: wireBlob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The key as one line of a `.pub` file: `type base64 [comment]`.
    public var line: String {
        let base = keyType.rawValue + " " + base64
        return comment.isEmpty ? base : base + " " + comment
    }

    /// The wire blob in base64: the second field of the key's line.
    public var base64: String { Data(wireBlob).base64EncodedString() }

    /// The key and its fingerprint, never the comment alone: what a message should name.
    public var description: String { "\(keyType.rawValue) \(fingerprint)" }

    /// The Ed25519 key swift-crypto verifies with.
    var signingKey: Curve25519.Signing.PublicKey? {
        try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey)
    }

    public static func == (a: SSHPublicKey, b: SSHPublicKey) -> Bool { a.wireBlob == b.wireBlob }

    public func hash(into hasher: inout Hasher) { hasher.combine(wireBlob) }
}
