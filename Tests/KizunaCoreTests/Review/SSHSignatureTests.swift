import Crypto
import Foundation
import Testing
@testable import KizunaCore

/// OpenSSH public keys and SSHSIG signatures: the fixtures `ssh-keygen` made, hand-built security-key vectors,
/// hostile input, and the live `ssh-keygen` both ways where it is installed.
@Suite struct SSHSignatureTests {
    static let folder = Paths.fixtures.appendingPathComponent("ssh")
    static let namespace = "kizuna-approval"
    /// As `ssh-keygen -lf TEST-ONLY-reviewer-key.pub` printed it when the fixture was made.
    static let fingerprint = "SHA256:TuOIRaBAteYOLqN8Ps/rX58Cx2KLmxxQzcFOQJAkuaQ"
    static let signatureFiles = ["message.sha512.sig", "message.sha256.sig"]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func reviewerKey() throws -> SSHPublicKey { try SSHPublicKey(line: text("TEST-ONLY-reviewer-key.pub")) }
    static func otherKey() throws -> SSHPublicKey { try SSHPublicKey(line: text("TEST-ONLY-other-key.pub")) }
    static func message() throws -> [UInt8] { try bytes("message.txt") }

    // MARK: Wire encoding, by hand, independent of the code under test.

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }
    static func string(_ b: [UInt8]) -> [UInt8] { be32(UInt32(b.count)) + b }
    static func string(_ s: String) -> [UInt8] { string(Array(s.utf8)) }

    static func armor(_ blob: [UInt8]) -> String {
        "-----BEGIN SSH SIGNATURE-----\n" + Data(blob).base64EncodedString() + "\n-----END SSH SIGNATURE-----\n"
    }

    /// The SSHSIG blob of a fixture, for tests that alter it.
    static func fixtureBlob(_ name: String = "message.sha512.sig") throws -> [UInt8] {
        try SSHSignature(armored: text(name)).blob
    }

    /// An SSHSIG blob put together field by field.
    static func sshsig(
        magic: String = "SSHSIG", version: UInt32 = 1, key: [UInt8], namespace: String = namespace,
        hash: String = "sha512", signature: [UInt8]
    ) -> [UInt8] {
        Array(magic.utf8) + be32(version) + string(key) + string(namespace) + string("") + string(hash)
            + string(signature)
    }

    // MARK: A security-key (sk-ssh-ed25519) vector, made with a software key since no hardware is at hand.

    /// A fixed seed, so the vector is the same on every run; the key is made anew where used (it is not Sendable).
    static func skPrivate() -> Curve25519.Signing.PrivateKey {
        try! Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 7, count: 32))
    }
    static let skRawKey = Array(skPrivate().publicKey.rawRepresentation)
    static let skKeyBlob = string("sk-ssh-ed25519@openssh.com") + string(skRawKey) + string("ssh:")

    /// A signature as a FIDO authenticator makes it (OpenSSH PROTOCOL.u2f): it signs
    /// SHA256(application) || flags || counter || SHA256(SSHSIG signed data). `writtenFlags` lets a test store
    /// other flags than the ones signed.
    static func skSignature(
        message: [UInt8], flags: UInt8, counter: UInt32 = 42, writtenFlags: UInt8? = nil,
        namespace: String = SSHSignatureTests.namespace
    ) throws -> [UInt8] {
        let hash = Array(SHA512.hash(data: message))
        let signed = Array("SSHSIG".utf8) + string(namespace) + string("") + string("sha512") + string(hash)
        let authenticatorData =
            Array(SHA256.hash(data: Array("ssh:".utf8))) + [flags] + be32(counter) + Array(SHA256.hash(data: signed))
        let ed25519 = Array(try skPrivate().signature(for: authenticatorData))
        let signature = string("sk-ssh-ed25519@openssh.com") + string(ed25519) + [writtenFlags ?? flags] + be32(counter)
        return sshsig(key: skKeyBlob, namespace: namespace, signature: signature)
    }

    // MARK: Public keys

    @Test func theFixtureKeyParsesAndItsFingerprintIsSSHKeygens() throws {
        let line = try Self.text("TEST-ONLY-reviewer-key.pub")
        let key = try SSHPublicKey(line: line)
        #expect(key.keyType == .ed25519)
        #expect(key.rawKey.count == 32)
        #expect(key.application == nil)
        #expect(key.comment == "TEST-ONLY reviewer key (kizuna test fixture)")
        #expect(key.fingerprint == Self.fingerprint)
        #expect(key.line + "\n" == line)
        #expect(key.wireBlob == Array(try #require(Data(base64Encoded: key.base64))))
        #expect(key.wireBlob == Self.string("ssh-ed25519") + Self.string(key.rawKey))
        #expect(try Self.otherKey().fingerprint == "SHA256:ORgEnL3EaTSJXet335PJaU6JqyazyaEA4tqDQHag5pc")
        #expect(try Self.otherKey() != key)
        // The comment is a label: the same key with another comment is the same key.
        #expect(try SSHPublicKey(line: "ssh-ed25519 \(key.base64)") == key)
    }

    @Test func aSecurityKeyLineKeepsItsApplication() throws {
        let base64 = Data(Self.skKeyBlob).base64EncodedString()
        let key = try SSHPublicKey(line: "sk-ssh-ed25519@openssh.com \(base64) reviewer@yubikey\n")
        #expect(key.keyType == .skEd25519)
        #expect(key.application == "ssh:")
        #expect(key.rawKey == Self.skRawKey)
        #expect(key.wireBlob == Self.skKeyBlob)
        #expect(key.comment == "reviewer@yubikey")
        let digest = Data(SHA256.hash(data: Self.skKeyBlob)).base64EncodedString()
        #expect(key.fingerprint == "SHA256:" + digest.replacingOccurrences(of: "=", with: ""))
    }

    @Test(arguments: [("TEST-ONLY-rsa-key.pub", "ssh-rsa"), ("TEST-ONLY-ecdsa-key.pub", "ecdsa-sha2-nistp256")])
    func otherKeyTypesAreRejectedByName(file: String, type: String) throws {
        let line = try Self.text(file)
        #expect(throws: SSHPublicKey.Failure.unsupportedKeyType(type)) { try SSHPublicKey(line: line) }
        let description = SSHPublicKey.Failure.unsupportedKeyType(type).description
        #expect(description.contains("'\(type)'"))
        #expect(description.contains("only ssh-ed25519 and sk-ssh-ed25519@openssh.com keys are accepted"))
        // Inside a blob too, whatever the text says.
        let base64 = String(line.split(separator: " ")[1])
        #expect(throws: SSHPublicKey.Failure.unsupportedKeyType(type)) {
            try SSHPublicKey(line: "ssh-ed25519 \(base64)")
        }
    }

    static let key32 = [UInt8](repeating: 1, count: 32)
    static let malformedKeyLines: [(String, SSHPublicKey.Failure)] = {
        func line(_ blob: [UInt8], type: String = "ssh-ed25519") -> String {
            "\(type) \(Data(blob).base64EncodedString()) comment"
        }
        let good = string("ssh-ed25519") + string(key32)
        return [
            ("", .malformedLine("the line is empty")),
            ("   \n", .malformedLine("the line is empty")),
            ("ssh-ed25519", .malformedLine("no base64 key after 'ssh-ed25519'")),
            ("ssh-ed25519 !!!not-base64!!!", .invalidBase64),
            ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOHE7d7NrOmY0nMu8ASev6CPZLfhVxUSo5GAZ7h5kap", .invalidBase64),
            (line([0, 0, 0]), .malformedBlob("truncated before the key type")),
            (
                line([0xFF, 0xFF, 0xFF, 0xFF] + Array("ssh-ed25519".utf8)),
                .malformedBlob("truncated before the key type")
            ),
            (line(string("ssh-ed25519")), .malformedBlob("truncated before the end of the key")),
            (line(Array(good.dropLast())), .malformedBlob("truncated before the end of the key")),
            (
                line(string("ssh-ed25519") + string(Array(key32.dropLast()))),
                .malformedBlob("an Ed25519 key has 32 bytes, this one has 31")
            ),
            (
                line(string("ssh-ed25519") + string(key32 + [0])),
                .malformedBlob("an Ed25519 key has 32 bytes, this one has 33")
            ),
            (line(good + [0]), .malformedBlob("1 byte after the key")),
            (line(string([0xC3, 0x28]) + string(key32)), .malformedBlob("the key type is not text")),
            (line(string("ssh-ed25519\0") + string(key32)), .malformedBlob("the key type is not text")),
            (
                line(string("sk-ssh-ed25519@openssh.com") + string(key32), type: "sk-ssh-ed25519@openssh.com"),
                .malformedBlob("truncated before the application")
            ),
            (
                line(good, type: "sk-ssh-ed25519@openssh.com"),
                .typeMismatch(text: "sk-ssh-ed25519@openssh.com", blob: "ssh-ed25519")
            ),
            (line(skKeyBlob), .typeMismatch(text: "ssh-ed25519", blob: "sk-ssh-ed25519@openssh.com")),
            ("ssh-dss AAAA", .unsupportedKeyType("ssh-dss")),
        ]
    }()

    @Test(arguments: malformedKeyLines)
    func malformedKeyLinesAreErrorsNotTraps(line: String, failure: SSHPublicKey.Failure) {
        #expect(throws: failure) { try SSHPublicKey(line: line) }
    }

    // MARK: Signatures from ssh-keygen

    @Test(arguments: zip(signatureFiles, [SSHSignature.HashAlgorithm.sha512, .sha256]))
    func theFixtureSignaturesVerify(file: String, hash: SSHSignature.HashAlgorithm) throws {
        let signature = try SSHSignature(armored: Self.text(file))
        #expect(signature.version == 1)
        #expect(signature.hashAlgorithm == hash)
        #expect(signature.namespace == Self.namespace)
        #expect(signature.reserved.isEmpty)
        #expect(signature.publicKey == (try Self.reviewerKey()))
        #expect(signature.publicKey.fingerprint == Self.fingerprint)
        #expect(signature.securityKeyFlags == nil && !signature.userPresent)
        let signer = try signature.verify(
            message: Self.message(), namespace: Self.namespace, allowedKeys: [Self.otherKey(), Self.reviewerKey()])
        #expect(signer.comment == "TEST-ONLY reviewer key (kizuna test fixture)")
    }

    @Test(arguments: signatureFiles)
    func armoredIsByteIdenticalToSSHKeygensOutput(file: String) throws {
        let text = try Self.text(file)
        let signature = try SSHSignature(armored: text)
        #expect(signature.armored == text)
        // Rewrapped, with CRLF and surrounding blank lines, it reads the same and re-emits OpenSSH's bytes.
        let body = signature.armored.split(separator: "\n").dropFirst().dropLast().joined()
        let rewrapped = "\r\n-----BEGIN SSH SIGNATURE-----\r\n\(body)\r\n-----END SSH SIGNATURE-----\r\n\r\n"
        #expect(try SSHSignature(armored: rewrapped).armored == text)
    }

    @Test func theSignedDataIsWhatPROTOCOLsshsigSays() throws {
        let message = try Self.message()
        let signature = try SSHSignature(armored: Self.text("message.sha512.sig"))
        let expected =
            Array("SSHSIG".utf8) + Self.string("kizuna-approval") + Self.string("") + Self.string("sha512")
            + Self.string(Array(SHA512.hash(data: message)))
        #expect(signature.signedData(for: message) == expected)
        #expect(
            SSHSignature.signedData(for: message, namespace: Self.namespace, hashAlgorithm: .sha512) == expected)
        // The fixture's Ed25519 signature is over exactly these bytes.
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: signature.publicKey.rawKey)
        #expect(key.isValidSignature(signature.ed25519Signature, for: expected))
        let sha256 = try SSHSignature(armored: Self.text("message.sha256.sig"))
        #expect(key.isValidSignature(sha256.ed25519Signature, for: sha256.signedData(for: message)))
        #expect(sha256.signedData(for: message).count == 6 + 4 + 15 + 4 + 4 + 6 + 4 + 32)
    }

    @Test(arguments: signatureFiles)
    func anAlteredMessageIsABadSignature(file: String) throws {
        let signature = try SSHSignature(armored: Self.text(file))
        var message = try Self.message()
        message[0] ^= 0x20
        #expect(throws: SSHSignature.Failure.badSignature) {
            try signature.verify(message: message, namespace: Self.namespace, allowedKeys: [Self.reviewerKey()])
        }
        #expect(throws: SSHSignature.Failure.badSignature) {
            try signature.verify(message: [], namespace: Self.namespace, allowedKeys: [Self.reviewerKey()])
        }
    }

    @Test func anotherNamespaceFails() throws {
        let signature = try SSHSignature(armored: Self.text("message.sha512.sig"))
        #expect(throws: SSHSignature.Failure.wrongNamespace(expected: "git", found: Self.namespace)) {
            try signature.verify(message: Self.message(), namespace: "git", allowedKeys: [Self.reviewerKey()])
        }
        // Canonically equivalent to Swift's String ==, but other bytes, so another namespace to OpenSSH.
        let composed = try SSHSignature(blob: Self.skSignature(message: [1], flags: 1, namespace: "r\u{E9}vision"))
        let skKey = try SSHPublicKey(wireBlob: Self.skKeyBlob)
        #expect(try composed.verify(message: [1], namespace: "r\u{E9}vision", allowedKeys: [skKey]) == skKey)
        #expect(throws: SSHSignature.Failure.wrongNamespace(expected: "re\u{301}vision", found: "r\u{E9}vision")) {
            try composed.verify(message: [1], namespace: "re\u{301}vision", allowedKeys: [skKey])
        }
        // Rewriting the namespace in the blob does not help: it is part of what was signed.
        let key = try Self.reviewerKey()
        let forged = Self.sshsig(
            key: key.wireBlob, namespace: "git",
            signature: Self.string("ssh-ed25519") + Self.string(signature.ed25519Signature))
        #expect(throws: SSHSignature.Failure.badSignature) {
            try SSHSignature(blob: forged).verify(message: Self.message(), namespace: "git", allowedKeys: [key])
        }
    }

    @Test func aKeyNotInTheAllowedListIsUnknown() throws {
        let signature = try SSHSignature(armored: Self.text("message.sha512.sig"))
        let reviewer = try Self.reviewerKey()
        for allowed in [[], [try Self.otherKey()]] {
            #expect(throws: SSHSignature.Failure.unknownKey(reviewer)) {
                try signature.verify(message: Self.message(), namespace: Self.namespace, allowedKeys: allowed)
            }
        }
        #expect(SSHSignature.Failure.unknownKey(reviewer).description.contains(Self.fingerprint))
    }

    @Test func aPlainKeyCannotAttestUserPresence() throws {
        let signature = try SSHSignature(armored: Self.text("message.sha512.sig"))
        #expect(throws: SSHSignature.Failure.userPresenceNotAttested) {
            try signature.verify(
                message: Self.message(), namespace: Self.namespace, allowedKeys: [Self.reviewerKey()],
                requireUserPresence: true)
        }
    }

    // MARK: Hostile signatures

    static func malformedArmors() throws -> [(String, String, SSHSignature.Failure)] {
        let good = try text("message.sha512.sig")
        let lines = good.split(separator: "\n").map(String.init)
        let (begin, end) = (lines[0], lines[lines.count - 1])
        let blob = try fixtureBlob()
        let key = try reviewerKey().wireBlob
        let signature = string("ssh-ed25519") + string([UInt8](repeating: 0, count: 64))
        func malformed(_ why: String) -> SSHSignature.Failure { .malformed(why) }
        return [
            ("empty", "", malformed("the signature is empty")),
            ("blank", " \n\n", malformed("the signature is empty")),
            ("no END line", lines.dropLast().joined(separator: "\n"), malformed("no '\(end)' line")),
            (
                "truncated base64", [begin, lines[1], lines[2], end].joined(separator: "\n"),
                malformed("truncated in the signature")
            ),
            ("only armor lines", [begin, end].joined(separator: "\n"), malformed("no base64 between the armor lines")),
            (
                "bad base64", good.replacingOccurrences(of: "U1NIU0lH", with: "U1N!U0lH"),
                malformed("the base64 does not decode")
            ),
            (
                "no BEGIN line", lines.dropFirst().joined(separator: "\n"),
                malformed("it does not start with '\(begin)'")
            ),
            (
                "another armor", good.replacingOccurrences(of: "SSH SIGNATURE", with: "PGP SIGNATURE"),
                malformed("it does not start with '\(begin)'")
            ),
            ("trailing garbage after END", good + "garbage\n", malformed("text after '\(end)'")),
            ("a second signature after END", good + good, malformed("text after '\(end)'")),
            ("trailing bytes in the blob", armor(blob + [0]), malformed("1 byte after the signature")),
            (
                "wrong magic", armor(Array("SSHSIX".utf8) + blob.dropFirst(6)),
                malformed("it does not start with the magic 'SSHSIG'")
            ),
            ("magic only", armor(Array("SSHSIG".utf8)), malformed("truncated before the version")),
            ("version 2", armor(sshsig(version: 2, key: key, signature: signature)), .unsupportedVersion(2)),
            ("version 0", armor(sshsig(version: 0, key: key, signature: signature)), .unsupportedVersion(0)),
            ("md5", armor(sshsig(key: key, hash: "md5", signature: signature)), .unsupportedHashAlgorithm("md5")),
            (
                "rsa signer", armor(sshsig(key: string("ssh-rsa") + string([1]) + string([1]), signature: signature)),
                .unsupportedKeyType("ssh-rsa")
            ),
            (
                "short key", armor(sshsig(key: string("ssh-ed25519") + string([1]), signature: signature)),
                malformed("the signer's key: malformed SSH public key: an Ed25519 key has 32 bytes, this one has 1")
            ),
            (
                "rsa signature type", armor(sshsig(key: key, signature: string("rsa-sha2-512") + string([1]))),
                malformed("a 'rsa-sha2-512' signature from a 'ssh-ed25519' key")
            ),
            (
                "short signature", armor(sshsig(key: key, signature: string("ssh-ed25519") + string([1, 2, 3]))),
                malformed("an Ed25519 signature has 64 bytes")
            ),
            (
                "bytes after the signature", armor(sshsig(key: key, signature: signature + [0])),
                malformed("1 byte after the Ed25519 signature")
            ),
            (
                "sk signature from a plain key",
                armor(sshsig(key: key, signature: string("sk-ssh-ed25519@openssh.com") + string([]))),
                malformed("a 'sk-ssh-ed25519@openssh.com' signature from a 'ssh-ed25519' key")
            ),
            (
                "sk signature without counter",
                armor(
                    sshsig(
                        key: skKeyBlob,
                        signature: string("sk-ssh-ed25519@openssh.com") + string([UInt8](repeating: 0, count: 64))
                            + [1])),
                malformed("truncated before the security key's flags and counter")
            ),
        ]
    }

    @Test func malformedArmorsAreErrorsNotTraps() throws {
        for (name, armored, failure) in try Self.malformedArmors() {
            #expect(throws: failure, "\(name)") { try SSHSignature(armored: armored) }
        }
    }

    @Test func everyTruncationAndByteFlipOfAFixtureFailsCleanly() throws {
        let blob = try Self.fixtureBlob()
        let message = try Self.message()
        let key = try Self.reviewerKey()
        for count in 0..<blob.count {
            #expect(throws: SSHSignature.Failure.self) { try SSHSignature(blob: Array(blob.prefix(count))) }
        }
        for i in blob.indices {
            var flipped = blob
            flipped[i] ^= 0x01
            guard let signature = try? SSHSignature(blob: flipped) else { continue }
            #expect(throws: SSHSignature.Failure.self, "byte \(i)") {
                try signature.verify(message: message, namespace: Self.namespace, allowedKeys: [key])
            }
        }
    }

    // MARK: Security keys

    @Test func aSecurityKeySignatureVerifiesAndItsFlagsAreSigned() throws {
        let message = Array("承認: childcare/0045".utf8)
        let key = try SSHPublicKey(wireBlob: Self.skKeyBlob)
        let signature = try SSHSignature(armored: Self.armor(Self.skSignature(message: message, flags: 0x01)))
        #expect(signature.publicKey == key)
        #expect(signature.securityKeyFlags == 0x01 && signature.securityKeyCounter == 42)
        #expect(signature.userPresent)
        #expect(
            try signature.verify(
                message: message, namespace: Self.namespace, allowedKeys: [key], requireUserPresence: true)
                == key)

        // A flipped flags byte (claiming user verification too) breaks the signature.
        let flipped = try SSHSignature(blob: Self.skSignature(message: message, flags: 0x01, writtenFlags: 0x05))
        #expect(throws: SSHSignature.Failure.badSignature) {
            try flipped.verify(message: message, namespace: Self.namespace, allowedKeys: [key])
        }
        // So does claiming a touch that did not happen.
        let claimed = try SSHSignature(blob: Self.skSignature(message: message, flags: 0x00, writtenFlags: 0x01))
        #expect(throws: SSHSignature.Failure.badSignature) {
            try claimed.verify(message: message, namespace: Self.namespace, allowedKeys: [key])
        }
        // And another message.
        #expect(throws: SSHSignature.Failure.badSignature) {
            try signature.verify(message: message + [0], namespace: Self.namespace, allowedKeys: [key])
        }
    }

    @Test func anUntouchedSecurityKeyVerifiesOnlyWhenPresenceIsNotRequired() throws {
        let message = Array("no touch".utf8)
        let key = try SSHPublicKey(wireBlob: Self.skKeyBlob)
        let signature = try SSHSignature(blob: Self.skSignature(message: message, flags: 0x00))
        #expect(!signature.userPresent)
        #expect(try signature.verify(message: message, namespace: Self.namespace, allowedKeys: [key]) == key)
        #expect(throws: SSHSignature.Failure.userPresenceNotAttested) {
            try signature.verify(
                message: message, namespace: Self.namespace, allowedKeys: [key], requireUserPresence: true)
        }
        // The same Ed25519 key under another application is another key.
        let otherApplication = try SSHPublicKey(
            wireBlob: Self.string("sk-ssh-ed25519@openssh.com")
                + Self.string(Self.skRawKey) + Self.string("ssh:other"))
        #expect(throws: SSHSignature.Failure.unknownKey(key)) {
            try signature.verify(message: message, namespace: Self.namespace, allowedKeys: [otherApplication])
        }
    }

    // MARK: allowed_signers

    @Test func theAllowedSignersLineIsOpenSSHs() throws {
        let key = try Self.reviewerKey()
        let signer = try SSHAllowedSigner(principal: "pediatrician-a", key: key)
        #expect(
            signer.line
                == "pediatrician-a namespaces=\"kizuna-approval\" ssh-ed25519 "
                + "AAAAC3NzaC1lZDI1NTE5AAAAIOHE7d7NrOmY0nMu8ASev6CPZLfhVxUSo5GAZ7h5kap5")
        let two = try SSHAllowedSigner(principal: "a@example.jp", key: key, namespaces: ["kizuna-approval", "git"])
        #expect(two.line.hasPrefix("a@example.jp namespaces=\"kizuna-approval,git\" ssh-ed25519 AAAA"))
        for principal in ["", "two words", "a,b", "*", "q\"uote", "line\nbreak", "tab\t"] {
            #expect(throws: SSHAllowedSigner.Failure.invalidPrincipal(principal)) {
                try SSHAllowedSigner(principal: principal, key: key)
            }
        }
        for namespace in ["", "a,b", "a\"b", "a b"] {
            #expect(throws: SSHAllowedSigner.Failure.invalidNamespace(namespace)) {
                try SSHAllowedSigner(principal: "p", key: key, namespaces: [namespace])
            }
        }
        #expect(throws: SSHAllowedSigner.Failure.invalidNamespace("")) {
            try SSHAllowedSigner(principal: "p", key: key, namespaces: [])
        }
    }

    // MARK: The live ssh-keygen

    static let sshKeygen: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/ssh-keygen" } + ["/usr/bin/ssh-keygen"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let noSSHKeygen: Comment = "ssh-keygen (OpenSSH 8.2 or later) is not installed here"

    /// Runs ssh-keygen in `folder` with `stdin` as its input; returns its exit status and standard error.
    static func sshKeygen(_ arguments: [String], in folder: URL, stdin: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(sshKeygen))
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        process.standardOutput = FileHandle.nullDevice
        let errors = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: errors, encoding: .utf8))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-sshsig-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: sshKeygen != nil, noSSHKeygen))
    func aSignatureFromTheLiveSSHKeygenVerifies() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Git does not keep the private key's mode, and ssh-keygen refuses a key others can read.
        let keyFile = folder.appendingPathComponent("key")
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("TEST-ONLY-reviewer-key"), to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        let message = (0..<200).map { _ in UInt8.random(in: 0...255) }
        let messageFile = folder.appendingPathComponent("message")
        try Data(message).write(to: messageFile)
        for hash in SSHSignature.HashAlgorithm.allCases {
            let (status, errors) = try Self.sshKeygen(
                ["-Y", "sign", "-f", keyFile.path, "-n", Self.namespace, "-O", "hashalg=\(hash.rawValue)"],
                in: folder, stdin: messageFile)
            #expect(status == 0, "\(errors)")
            // Signing standard input writes the signature to standard output; signing a file writes file.sig.
            let (fileStatus, fileErrors) = try Self.sshKeygen(
                ["-Y", "sign", "-f", keyFile.path, "-n", Self.namespace, "-O", "hashalg=\(hash.rawValue)", "message"],
                in: folder, stdin: messageFile)
            #expect(fileStatus == 0, "\(fileErrors)")
            let text = try String(contentsOf: folder.appendingPathComponent("message.sig"), encoding: .utf8)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("message.sig"))
            let signature = try SSHSignature(armored: text)
            #expect(signature.hashAlgorithm == hash)
            #expect(signature.armored == text)
            #expect(
                try signature.verify(message: message, namespace: Self.namespace, allowedKeys: [Self.reviewerKey()])
                    .fingerprint == Self.fingerprint)
            #expect(throws: SSHSignature.Failure.badSignature) {
                try signature.verify(
                    message: message + [0], namespace: Self.namespace, allowedKeys: [Self.reviewerKey()])
            }
        }
    }

    @Test(.enabled(if: sshKeygen != nil, noSSHKeygen))
    func theLiveSSHKeygenVerifiesWithOurAllowedSignersLine() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let allowed = folder.appendingPathComponent("allowed_signers")
        let skKey = try SSHPublicKey(wireBlob: Self.skKeyBlob)
        let lines = [
            try SSHAllowedSigner(principal: "pediatrician-a", key: Self.reviewerKey()).line,
            try SSHAllowedSigner(principal: "security-key", key: skKey).line,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: allowed, atomically: true, encoding: .utf8)
        let message = Self.folder.appendingPathComponent("message.txt")
        let tampered = folder.appendingPathComponent("tampered.txt")
        var bytes = try Self.message()
        bytes[0] ^= 0x20
        try Data(bytes).write(to: tampered)

        func verify(_ signature: String, principal: String, namespace: String = Self.namespace, message: URL) throws
            -> (Int32, String)
        {
            try Self.sshKeygen(
                ["-Y", "verify", "-f", allowed.path, "-I", principal, "-n", namespace, "-s", signature],
                in: folder, stdin: message)
        }
        for file in Self.signatureFiles {
            let signature = Self.folder.appendingPathComponent(file).path
            let (good, errors) = try verify(signature, principal: "pediatrician-a", message: message)
            #expect(good == 0, "\(file): \(errors)")
            #expect(try verify(signature, principal: "pediatrician-a", message: tampered).0 != 0)
            #expect(try verify(signature, principal: "security-key", message: message).0 != 0)
            #expect(try verify(signature, principal: "pediatrician-a", namespace: "git", message: message).0 != 0)
        }

        // ssh-keygen agrees with the hand-built security-key vector: the format is OpenSSH's, not just ours.
        let skMessage = folder.appendingPathComponent("sk-message.txt")
        try Data("承認".utf8).write(to: skMessage)
        let skSignature = folder.appendingPathComponent("sk.sig")
        let sk = try SSHSignature(blob: Self.skSignature(message: Array("承認".utf8), flags: 0x01))
        try sk.armored.write(to: skSignature, atomically: true, encoding: .utf8)
        let (skStatus, skErrors) = try verify(skSignature.path, principal: "security-key", message: skMessage)
        #expect(skStatus == 0, "\(skErrors)")
        let flipped = folder.appendingPathComponent("flipped.sig")
        let bad = try SSHSignature(
            blob: Self.skSignature(message: Array("承認".utf8), flags: 0x01, writtenFlags: 0x05))
        try bad.armored.write(to: flipped, atomically: true, encoding: .utf8)
        #expect(try verify(flipped.path, principal: "security-key", message: skMessage).0 != 0)
    }
}
