import Crypto
import Foundation

/// An OpenSSH signature in the SSHSIG format (OpenSSH `PROTOCOL.sshsig`), as `ssh-keygen -Y sign` writes it:
/// `-----BEGIN SSH SIGNATURE-----`, base64 lines, `-----END SSH SIGNATURE-----`.
///
/// Only Ed25519 signers are accepted: `ssh-ed25519` and `sk-ssh-ed25519@openssh.com` (OpenSSH `PROTOCOL.u2f`).
/// Parsing checks the structure; `verify` checks the namespace, the signer and the signature.
public struct SSHSignature: Sendable, Hashable {
    /// The hash the message is reduced to before signing.
    public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable {
        case sha256
        case sha512

        /// The digest of `message` under this algorithm.
        public func digest(_ message: [UInt8]) -> [UInt8] {
            switch self {
            case .sha256: Array(SHA256.hash(data: message))
            case .sha512: Array(SHA512.hash(data: message))
            }
        }
    }

    /// Why a signature could not be read or did not verify.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The armor, the base64 or the binary structure is broken.
        case malformed(String)
        /// The SSHSIG version is not 1.
        case unsupportedVersion(UInt32)
        /// The message hash is neither sha256 nor sha512.
        case unsupportedHashAlgorithm(String)
        /// The signer's key is not an Ed25519 key Kizuna accepts.
        case unsupportedKeyType(String)
        /// The signature was made for another purpose than the one asked for.
        case wrongNamespace(expected: String, found: String)
        /// The signer's key is not one of the allowed keys.
        case unknownKey(SSHPublicKey)
        /// The signature does not match the message and the key.
        case badSignature
        /// User presence was required, and the signature does not attest it.
        case userPresenceNotAttested

        public var description: String {
            switch self {
            case .malformed(let why): "malformed SSH signature: \(why)"
            case .unsupportedVersion(let v): "unsupported SSH signature version \(v): only version 1 is known"
            case .unsupportedHashAlgorithm(let name):
                "unsupported SSH signature hash algorithm '\(name)': only sha256 and sha512 are accepted"
            case .unsupportedKeyType(let type):
                "unsupported SSH key type '\(type)': only ssh-ed25519 and sk-ssh-ed25519@openssh.com keys are accepted"
            case .wrongNamespace(let expected, let found):
                "the SSH signature is for namespace '\(found)', not '\(expected)'"
            case .unknownKey(let key): "the SSH signature was made by \(key), which is not an allowed key"
            case .badSignature: "the SSH signature does not match the message"
            case .userPresenceNotAttested:
                "the SSH signature does not attest user presence (a security key touched when signing)"
            }
        }
    }

    /// The SSHSIG format version.
    public let version: UInt32
    /// The signer's key, as the signature names it.
    public let publicKey: SSHPublicKey
    /// What the signature is for (`kizuna-approval`), so a signature made for one purpose is no good for another.
    public let namespace: String
    /// The reserved field; empty in every signature OpenSSH writes.
    public let reserved: [UInt8]
    /// The hash the message was reduced to.
    public let hashAlgorithm: HashAlgorithm
    /// The 64-byte Ed25519 signature.
    public let ed25519Signature: [UInt8]
    /// For a security key, the authenticator's flags (0x01: the user touched it; 0x04: the user was verified).
    public let securityKeyFlags: UInt8?
    /// For a security key, the authenticator's signature counter.
    public let securityKeyCounter: UInt32?
    /// The whole decoded signature: what the armor's base64 holds.
    public let blob: [UInt8]

    /// The authenticator flag saying the user touched the security key.
    public static let userPresenceFlag: UInt8 = 0x01

    static let magic = Array("SSHSIG".utf8)
    static let begin = "-----BEGIN SSH SIGNATURE-----"
    static let end = "-----END SSH SIGNATURE-----"
    /// OpenSSH wraps the armor's base64 at 70 characters.
    static let lineLength = 70

    /// True when a security key attested that the user touched it; false for a plain `ssh-ed25519` key.
    public var userPresent: Bool { (securityKeyFlags ?? 0) & Self.userPresenceFlag != 0 }

    /// Reads an armored signature, as `ssh-keygen -Y sign` writes it.
    public init(armored: String) throws(Failure) {
        let text = armored.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .malformed("the signature is empty") }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == Self.begin else { throw .malformed("it does not start with '\(Self.begin)'") }
        guard let endIndex = lines.firstIndex(of: Self.end) else { throw .malformed("no '\(Self.end)' line") }
        guard endIndex == lines.count - 1 else { throw .malformed("text after '\(Self.end)'") }
        let body = lines[1..<endIndex].joined()
        guard !body.isEmpty else { throw .malformed("no base64 between the armor lines") }
        guard let blob = Data(base64Encoded: body) else { throw .malformed("the base64 does not decode") }
        try self.init(blob: Array(blob))
    }

    /// Reads a signature from its binary form: the bytes the armor's base64 holds.
    public init(blob: [UInt8]) throws(Failure) {
        var reader = SSHWireReader(blob)
        guard let magic = reader.raw(Self.magic.count), magic == Self.magic else {
            throw .malformed("it does not start with the magic 'SSHSIG'")
        }
        guard let version = reader.uint32() else { throw .malformed("truncated before the version") }
        guard version == 1 else { throw .unsupportedVersion(version) }
        guard let keyBlob = reader.string() else { throw .malformed("truncated in the public key") }
        let key: SSHPublicKey
        do throws(SSHPublicKey.Failure) {
            key = try SSHPublicKey(wireBlob: keyBlob)
        } catch {
            if case .unsupportedKeyType(let type) = error { throw .unsupportedKeyType(type) }
            throw .malformed("the signer's key: \(error)")
        }
        guard let namespace = reader.text() else { throw .malformed("truncated or invalid namespace") }
        guard let reserved = reader.string() else { throw .malformed("truncated in the reserved field") }
        guard let hashName = reader.text() else { throw .malformed("truncated or invalid hash algorithm") }
        guard let hash = HashAlgorithm(rawValue: hashName) else { throw .unsupportedHashAlgorithm(hashName) }
        guard let signatureBlob = reader.string() else { throw .malformed("truncated in the signature") }
        guard reader.isAtEnd else { throw .malformed("\(reader.leftover) after the signature") }

        var sig = SSHWireReader(signatureBlob)
        guard let sigType = sig.text() else { throw .malformed("truncated or invalid signature type") }
        guard sigType == key.keyType.rawValue else {
            throw .malformed("a '\(sigType)' signature from a '\(key.keyType.rawValue)' key")
        }
        guard let ed25519 = sig.string(), ed25519.count == 64 else {
            throw .malformed("an Ed25519 signature has 64 bytes")
        }
        var flags: UInt8?
        var counter: UInt32?
        if key.keyType == .skEd25519 {
            guard let f = sig.byte(), let c = sig.uint32() else {
                throw .malformed("truncated before the security key's flags and counter")
            }
            (flags, counter) = (f, c)
        }
        guard sig.isAtEnd else { throw .malformed("\(sig.leftover) after the Ed25519 signature") }

        self.version = version
        self.publicKey = key
        self.namespace = namespace
        self.reserved = reserved
        self.hashAlgorithm = hash
        self.ed25519Signature = ed25519
        self.securityKeyFlags = flags
        self.securityKeyCounter = counter
        self.blob = blob
    }

    /// The signature armored as `ssh-keygen -Y sign` writes it, ending with a newline: for a signature read from
    /// OpenSSH's output, the same bytes.
    public var armored: String {
        let base64 = Array(Data(blob).base64EncodedString())
        let lines = stride(from: 0, to: base64.count, by: Self.lineLength).map {
            String(base64[$0..<min($0 + Self.lineLength, base64.count)])
        }
        return ([Self.begin] + lines + [Self.end]).joined(separator: "\n") + "\n"
    }

    /// The bytes an SSHSIG signature signs for `message`:
    /// `"SSHSIG" || string(namespace) || string(reserved) || string(hash_algorithm) || string(H(message))`.
    public static func signedData(
        for message: [UInt8], namespace: String, hashAlgorithm: HashAlgorithm, reserved: [UInt8] = []
    ) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.raw(magic)
        writer.string(namespace)
        writer.string(reserved)
        writer.string(hashAlgorithm.rawValue)
        writer.string(hashAlgorithm.digest(message))
        return writer.bytes
    }

    /// The bytes this signature signs, if it is a signature of `message`.
    public func signedData(for message: [UInt8]) -> [UInt8] {
        Self.signedData(for: message, namespace: namespace, hashAlgorithm: hashAlgorithm, reserved: reserved)
    }

    /// Checks that this is a signature of `message` in `namespace` by one of `allowedKeys`, and returns that key
    /// as the list holds it (with its comment).
    ///
    /// With `requireUserPresence`, the signature must come from a security key that the user touched; a plain
    /// `ssh-ed25519` signature then fails, since it cannot attest presence.
    @discardableResult
    public func verify(
        message: [UInt8], namespace expected: String, allowedKeys: [SSHPublicKey], requireUserPresence: Bool = false
    ) throws(Failure) -> SSHPublicKey {
        // Bytes, not String ==: Unicode-equivalent spellings of a namespace are different namespaces to OpenSSH.
        guard namespace.utf8.elementsEqual(expected.utf8) else {
            throw .wrongNamespace(expected: expected, found: namespace)
        }
        guard let allowed = allowedKeys.first(where: { $0 == publicKey }) else { throw .unknownKey(publicKey) }
        guard let key = publicKey.signingKey else { throw .badSignature }
        let signed = signedData(for: message)
        let valid: Bool
        switch publicKey.keyType {
        case .ed25519:
            valid = key.isValidSignature(ed25519Signature, for: signed)
        case .skEd25519:
            // The authenticator signs SHA256(application) || flags || counter || SHA256(data) (ssh-ed25519-sk.c).
            var writer = SSHWireWriter()
            writer.raw(SHA256.hash(data: Array((publicKey.application ?? "").utf8)))
            writer.byte(securityKeyFlags ?? 0)
            writer.uint32(securityKeyCounter ?? 0)
            writer.raw(SHA256.hash(data: signed))
            valid = key.isValidSignature(ed25519Signature, for: writer.bytes)
        }
        guard valid else { throw .badSignature }
        guard !requireUserPresence || userPresent else { throw .userPresenceNotAttested }
        return allowed
    }
}
