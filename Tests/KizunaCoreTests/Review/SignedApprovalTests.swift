import Foundation
import Testing
@testable import KizunaCore

/// Signed approvals on the golden content: each way of forging or misplacing an approval is refused with its own
/// rule, at the place to mend, and a release would refuse the text; a good signature approves it with no finding.
/// Signatures are made by OpenSSH's ssh-keygen with the TEST-ONLY key and checked by Kizuna's own verification.
@Suite struct SignedApprovalTests {
    static let golden = Paths.fixtures.appendingPathComponent("golden")
    static let file = "manuscripts/childcare/0045.yaml"
    static let date = "2026-12-07"
    static let sentence = "上手な言葉でなくても、やさしい声が赤ちゃんに安心を届けます。"
    static let needsSSHKeygen = ConditionTrait.enabled(
        if: SSHSignatureTests.sshKeygen != nil, SSHSignatureTests.noSSHKeygen)

    static func publicKey(_ name: String = "TEST-ONLY-reviewer-key.pub") throws -> String {
        try SSHSignatureTests.text(name).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Content

    /// `files` with `key` (an OpenSSH public key line) registered for `reviewer` in reviewers.yaml.
    static func registering(
        _ key: String, for reviewer: String, validUntil: String? = nil, in files: ContentFiles
    ) throws -> ContentFiles {
        var lines = ContentFixtures.text("reviewers.yaml", in: files).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  - id: \(reviewer)"), "\(reviewer) is not registered")
        let end =
            lines[(start + 1)...].firstIndex { $0.hasPrefix("  - ") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
            ?? lines.count
        lines.insert(
            contentsOf: ["    keys:", "      - key: \(key)"]
                + (validUntil.map { ["        valid_until: \($0)"] } ?? []),
            at: end)
        return ContentFixtures.replacing("reviewers.yaml", in: files, with: lines.joined(separator: "\n"))
    }

    /// `files` with the TEST-ONLY key registered for pediatrician-a, 0045's supervisor.
    static func golden(key reviewer: String = "pediatrician-a", validUntil: String? = "2027-03-31") throws
        -> ContentFiles
    {
        try registering(
            publicKey(), for: reviewer, validUntil: validUntil, in: ContentFixtures.read(Self.golden))
    }

    /// `relative` of `files` after `edit`, with its approval block replaced by `approvals:` holding `entries` (none
    /// when empty).
    static func approving(
        _ relative: String = file, in files: ContentFiles, _ entries: [String], edit: (String) -> String = { $0 }
    ) -> ContentFiles {
        var lines = edit(ContentFixtures.text(relative, in: files)).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        for key in ["approvals", "approval"] {
            if let block = ApprovalRecorder.block(keyed: key, in: lines) { lines.removeSubrange(block) }
        }
        let text = lines.joined(separator: "\n") + "\n" + (entries.isEmpty ? "" : "approvals:\n" + entries.joined())
        return ContentFixtures.replacing(relative, in: files, with: text)
    }

    /// One entry as `kizuna approve` writes it.
    static func entry(by: String, date: String = date, sha256: String, signature: String? = nil) -> String {
        var text = "  - by: \(by)\n    date: \(date)\n    sha256: \(sha256)\n"
        if let signature {
            text += "    signature: |\n"
            text += signature.split(separator: "\n").map { "      \($0)\n" }.joined()
        }
        return text
    }

    /// An entry of `reviewer` signed over the statement they sign for `relative` as it stands in `files`.
    static func signedEntry(
        _ relative: String = file, in files: ContentFiles, by reviewer: String, date: String = date
    ) throws -> String {
        let statement = try Self.statement(relative, in: files, by: reviewer, date: date)
        return entry(by: reviewer, date: date, sha256: statement.sha256, signature: try sign(statement))
    }

    /// What `reviewer` signs on `date` for `relative` as it stands in `files` (`kizuna review --statement`).
    static func statement(_ relative: String = file, in files: ContentFiles, by reviewer: String, date: String = date)
        throws -> ApprovalStatement
    {
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        let text = try #require(ApprovalRecorder.text(at: "content/" + relative, in: content))
        return ApprovalRecorder.statement(for: text, reviewer: reviewer, date: try #require(CalendarDate(date)))
    }

    /// An armored SSH signature over `statement`, made by `ssh-keygen -Y sign -n kizuna-approval` with the TEST-ONLY
    /// key.
    static func sign(_ statement: ApprovalStatement) throws -> String {
        let folder = try SSHSignatureTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try SignedApprovalTests.privateKey(in: folder)
        let message = folder.appendingPathComponent("statement.txt")
        try Data(statement.bytes).write(to: message)
        let (status, errors) = try SSHSignatureTests.sshKeygen(
            ["-Y", "sign", "-f", key.path, "-n", SSHAllowedSigner.approvalNamespace, "statement.txt"],
            in: folder, stdin: message)
        try #require(status == 0, "ssh-keygen -Y sign: \(errors)")
        return try String(contentsOf: message.appendingPathExtension("sig"), encoding: .utf8)
    }

    /// The TEST-ONLY private key copied into `folder` with mode 0600 (git does not keep it, ssh-keygen wants it).
    static func privateKey(in folder: URL) throws -> URL {
        let key = folder.appendingPathComponent("TEST-ONLY-reviewer-key")
        try FileManager.default.copyItem(
            at: SSHSignatureTests.folder.appendingPathComponent("TEST-ONLY-reviewer-key"), to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        return key
    }

    // MARK: Findings

    /// Where the `n`th line of `relative` starting with `prefix` is, at `column`.
    static func location(
        _ prefix: String, column: Int, nth n: Int = 0, in files: ContentFiles, _ relative: String = file
    ) throws -> ContentLocation {
        let lines = ContentFixtures.text(relative, in: files).components(separatedBy: "\n")
        let indices = lines.indices.filter { lines[$0].hasPrefix(prefix) }
        try #require(indices.count > n, "no line \(n + 1) starting with '\(prefix)' in \(relative)")
        return ContentLocation(file: "content/" + relative, line: indices[n] + 1, column: column)
    }

    static func signatureLocation(in files: ContentFiles, _ relative: String = file) throws -> ContentLocation {
        try location("    signature: |", column: 16, in: files, relative)
    }

    static func dateLocation(in files: ContentFiles, _ relative: String = file) throws -> ContentLocation {
        try location("    date: ", column: 11, in: files, relative)
    }

    static func manuscript(_ report: ValidationReport, _ relative: String = file) throws -> Manuscript {
        try #require(report.loadedContent.manuscripts.first { $0.path == "content/" + relative })
    }

    /// `files` reports `rule` with `severity` exactly at `location` (and nowhere else in the file), the manuscript is
    /// not approved, and a release would refuse it rather than ship its last approved version.
    @discardableResult
    static func expectRefused(
        _ files: ContentFiles, _ rule: RuleID, _ severity: Severity, at location: ContentLocation,
        _ relative: String = file, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Diagnostic {
        let report = Validator().validate(files, checkingPayloads: false)
        let all = DiagnosticFormatter.text(report.diagnostics)
        let found = report.diagnostics.filter { $0.rule == rule && $0.location.file == "content/" + relative }
        #expect(found.map(\.location) == [location], "\(all)", sourceLocation: sourceLocation)
        #expect(found.allSatisfy { $0.severity == severity }, "\(all)", sourceLocation: sourceLocation)
        let m = try manuscript(report, relative)
        #expect(m.state != .approved, sourceLocation: sourceLocation)
        #expect(
            m.signOff.refused, "a release must refuse it, not ship its last approved version",
            sourceLocation: sourceLocation)
        #expect(severity == .warning || report.content == nil, sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    // MARK: A good signature

    @Test(needsSSHKeygen)
    func aGoodSignatureApprovesWithNoFinding() throws {
        var files = try Self.golden()
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "pediatrician-a")])
        let report = Validator().validate(files)
        #expect(report.diagnostics.isEmpty, "\(DiagnosticFormatter.text(report.diagnostics))")
        let m = try Self.manuscript(report)
        #expect(m.state == .approved)
        #expect(!m.signOff.refused)
        #expect(m.signOff.summary == "小児科医A 承認済み")
        let plan = ReleaseGate.plan(files)
        #expect(!plan.lines.contains { $0.path == "content/" + Self.file }, "it ships as it stands")
        #expect(!plan.refusals.contains { $0.location.file == "content/" + Self.file })
    }

    // MARK: Forgeries

    @Test(needsSSHKeygen)
    func aSignatureByAKeyNotInTheRegistry() throws {
        // pediatrician-a's registered key is another one: the TEST-ONLY key is nobody's.
        var files = try Self.registering(
            Self.publicKey("TEST-ONLY-other-key.pub"), for: "pediatrician-a", in: ContentFixtures.read(Self.golden))
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "pediatrician-a")])
        let d = try Self.expectRefused(files, .approvalKeyUnknown, .error, at: Self.signatureLocation(in: files))
        #expect(d.message.en.contains(SSHSignatureTests.fingerprint), "\(d.message.en)")
        #expect(d.message.en.contains("not one of 小児科医A (pediatrician-a)'s keys in reviewers.yaml"), "\(d.message.en)")
        #expect(try Self.manuscript(Validator().validate(files, checkingPayloads: false)).state == .unverified)
    }

    @Test(needsSSHKeygen)
    func anotherReviewersKeyIsNamed() throws {
        // The pediatrician's approval signed with the key registered for the obstetrician.
        var files = try Self.golden(key: "obstetrician-a")
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "pediatrician-a")])
        let d = try Self.expectRefused(files, .approvalKeyUnknown, .error, at: Self.signatureLocation(in: files))
        #expect(d.message.en.hasSuffix("(it is 産婦人科医A (obstetrician-a)'s)"), "\(d.message.en)")
    }

    /// The doctor signed the text as it was; an editor changed a sentence and wrote the new text's sha256 into the
    /// entry.
    @Test(needsSSHKeygen)
    func aSignatureOverAnotherVersionOfTheText() throws {
        let files = try Self.golden()
        let signed = try Self.statement(in: files, by: "pediatrician-a")
        let edit = { (text: String) in text.replacingOccurrences(of: Self.sentence, with: "やさしい声が、赤ちゃんの安心につながります。") }
        let changed = Self.approving(in: files, [], edit: edit)
        let current = try Self.statement(in: changed, by: "pediatrician-a").sha256
        #expect(current != signed.sha256)
        let forged = Self.approving(
            in: files, [Self.entry(by: "pediatrician-a", sha256: current, signature: try Self.sign(signed))], edit: edit
        )
        let d = try Self.expectRefused(
            forged, .approvalSignatureMismatch, .error, at: Self.signatureLocation(in: forged))
        #expect(d.message.en.contains("it was made over another text or another version of it"), "\(d.message.en)")
        #expect(d.notes.first?.message.en.contains("sha256: \(current) |") == true)
        // Not stale: the entry claims the current text, and its signature says otherwise.
        let report = Validator().validate(forged, checkingPayloads: false)
        #expect(!report.diagnostics.contains { $0.rule == .approvalStale })
        #expect(try Self.manuscript(report).state == .unverified)
    }

    /// obstetrician-a signed maternity/20w0d; the whole entry is copied into childcare/0014, which they supervise too.
    @Test(needsSSHKeygen)
    func aSignatureCopiedToAnotherDay() throws {
        let other = "manuscripts/maternity/20w0d.yaml", target = "manuscripts/childcare/0014.yaml"
        var files = try Self.golden(key: "obstetrician-a")
        let original = try Self.signedEntry(other, in: files, by: "obstetrician-a")
        files = Self.approving(other, in: files, [original])
        #expect(try Self.manuscript(Validator().validate(files, checkingPayloads: false), other).state == .approved)
        files = Self.approving(target, in: files, [original])
        let d = try Self.expectRefused(
            files, .approvalSignatureCopied, .error, at: Self.signatureLocation(in: files, target), target)
        #expect(
            d.message.en
                == "this signature was made for manuscript maternity/20w0d, not manuscript childcare/0014: "
                + "it was copied here")
        // The day it was made for still stands approved.
        let report = Validator().validate(files, checkingPayloads: false)
        #expect(try Self.manuscript(report, other).state == .approved)
    }

    @Test(needsSSHKeygen)
    func anAlteredDate() throws {
        var files = try Self.golden()
        let signed = try Self.signedEntry(in: files, by: "pediatrician-a")
        files = Self.approving(
            in: files, [signed.replacingOccurrences(of: "date: 2026-12-07", with: "date: 2026-11-30")])
        let d = try Self.expectRefused(files, .approvalDateAltered, .error, at: Self.dateLocation(in: files))
        #expect(
            d.message.en == "小児科医A (pediatrician-a) signed this approval on 2026-12-07, but its date says 2026-11-30")
    }

    @Test(needsSSHKeygen)
    func aSignatureDatedAfterTheKeysValidUntil() throws {
        var files = try Self.golden(validUntil: "2026-09-30")
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "pediatrician-a")])
        let d = try Self.expectRefused(files, .approvalKeyExpired, .error, at: Self.dateLocation(in: files))
        #expect(d.message.en.contains("was retired on 2026-09-30, but this approval is dated 2026-12-07"))
        #expect(d.notes.first?.location?.file == "content/reviewers.yaml")
        // Signed on the key's last day, it counts.
        var lastDay = try Self.golden(validUntil: "2026-09-30")
        lastDay = Self.approving(
            in: lastDay, [try Self.signedEntry(in: lastDay, by: "pediatrician-a", date: "2026-09-30")])
        #expect(try Self.manuscript(Validator().validate(lastDay, checkingPayloads: false)).state == .approved)
    }

    @Test(needsSSHKeygen)
    func aReviewerRemovedFromTheRegistry() throws {
        var files = try Self.golden()
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "pediatrician-a")])
        #expect(try Self.manuscript(Validator().validate(files, checkingPayloads: false)).state == .approved)
        // The pediatrician leaves: their block (and key) goes from reviewers.yaml.
        var lines = ContentFixtures.text("reviewers.yaml", in: files).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  - id: pediatrician-a"))
        let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("  - id: ") })
        lines.removeSubrange(start..<end)
        files = ContentFixtures.replacing("reviewers.yaml", in: files, with: lines.joined(separator: "\n"))

        let report = Validator().validate(files, checkingPayloads: false)
        let by = try Self.location("  - by: pediatrician-a", column: 9, in: files)
        let found = report.diagnostics.filter { $0.rule == .reviewerUnknown && $0.location == by }
        #expect(found.count == 1, "\(DiagnosticFormatter.text(report.diagnostics))")
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.en.contains("the approval does not count") == true)
        let m = try Self.manuscript(report)
        #expect(m.state != .approved)
        #expect(m.state == .notEntitled)
        #expect(m.signOff.refused)
        #expect(report.content == nil)
    }

    @Test(needsSSHKeygen)
    func anApproverNotEntitled() throws {
        // obstetrician-a signs with their own registered key, but only pediatrician-a supervises day 45.
        var files = try Self.golden(key: "obstetrician-a")
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "obstetrician-a")])
        let d = try Self.expectRefused(
            files, .approvalNotEntitled, .warning,
            at: Self.location("  - by: obstetrician-a", column: 9, in: files))
        #expect(d.notes.first?.message.en == "entitled to approve it: 小児科医A (pediatrician-a)")
        #expect(try Self.manuscript(Validator().validate(files, checkingPayloads: false)).state == .notEntitled)
    }

    @Test(needsSSHKeygen)
    func aHashThatDoesNotMatchIsStale() throws {
        var files = try Self.golden()
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "pediatrician-a")])
        // The text changes after the signed approval: the signature is still good, but for the text as it was.
        let text = ContentFixtures.text(Self.file, in: files)
        files = ContentFixtures.replacing(
            Self.file, in: files, with: text.replacingOccurrences(of: Self.sentence, with: "やさしい声で話しかけましょう。"))
        let report = Validator().validate(files, checkingPayloads: false)
        let found = report.diagnostics.filter { $0.rule == .approvalStale }
        #expect(found.map(\.location) == [try Self.location("  - by: pediatrician-a", column: 5, in: files)])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        let m = try Self.manuscript(report)
        #expect(m.state == .stale)
        #expect(m.state != .approved)
        #expect(!m.signOff.refused, "a stale text ships its last approved version")
        #expect(m.signOff.reviewers.map(\.standing) == [.outdated])
    }

    // MARK: Malformed and unsigned (no ssh-keygen needed)

    static let malformedSignatures: [(String, String)] = {
        let good = try! SSHSignatureTests.text("message.sha512.sig")
        var lines = good.split(separator: "\n").map(String.init)
        let truncated = (lines.dropLast(2) + [String(lines[lines.count - 2].dropLast(7)), lines.last!])
            .joined(separator: "\n")
        lines[1] = "!!!!" + lines[1].dropFirst(4)
        return [
            ("garbage", "これは署名です\nsigned by hand, trust me\n"),
            ("truncated base64", truncated),
            ("wrong armor", good.replacingOccurrences(of: "SSH SIGNATURE", with: "PGP SIGNATURE")),
            ("no END line", good.replacingOccurrences(of: "-----END SSH SIGNATURE-----", with: "")),
            ("not base64", lines.joined(separator: "\n")),
            ("armor only", "-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----\n"),
        ]
    }()

    @Test(arguments: malformedSignatures)
    func aMalformedSignatureBlockIsAnErrorNotACrash(name: String, signature: String) throws {
        var files = try Self.golden()
        let sha = try Self.statement(in: files, by: "pediatrician-a").sha256
        files = Self.approving(in: files, [Self.entry(by: "pediatrician-a", sha256: sha, signature: signature)])
        let d = try Self.expectRefused(
            files, .approvalSignatureMalformed, .error, at: Self.signatureLocation(in: files))
        #expect(d.message.en.hasPrefix("小児科医A (pediatrician-a)'s signature cannot be read: "), "\(name)")
        #expect(try Self.manuscript(Validator().validate(files, checkingPayloads: false)).state == .unverified)
    }

    @Test func anUnsignedApprovalWhereSignaturesAreRequired() throws {
        var files = try Self.golden()
        let sha = try Self.statement(in: files, by: "pediatrician-a").sha256
        files = Self.approving(in: files, [Self.entry(by: "pediatrician-a", sha256: sha)])
        #expect(try Self.manuscript(Validator().validate(files, checkingPayloads: false)).state == .approved)
        let config = ContentFixtures.text("kizuna.yaml", in: files)
        files = ContentFixtures.replacing("kizuna.yaml", in: files, with: config + "require_signatures: true\n")
        let d = try Self.expectRefused(
            files, .approvalUnsigned, .warning, at: Self.location("  - by: pediatrician-a", column: 5, in: files))
        #expect(d.message.en.contains("kizuna.yaml requires signatures; it does not count"))
        // The golden set's other approvals (`approval:` blocks and the birthday message's entry) are unsigned too.
        let report = Validator().validate(files, checkingPayloads: false)
        let others = Set(report.diagnostics.filter { $0.rule == .approvalUnsigned }.map(\.location.file))
        #expect(others.count == 5, "\(others)")
        #expect(try Self.manuscript(Validator().validate(files, checkingPayloads: false)).state == .unverified)
    }

    // MARK: Policy

    @Test(needsSSHKeygen)
    func anySupervisorAndAllSupervisors() throws {
        var files = try Self.golden()
        let both = { (text: String) in
            text.replacingOccurrences(
                of: "supervisors: [pediatrician-a]", with: "supervisors: [pediatrician-a, obstetrician-a]")
        }
        files = Self.approving(in: files, [], edit: both)
        files = Self.approving(in: files, [try Self.signedEntry(in: files, by: "pediatrician-a")])
        func evaluated(_ policy: String?) throws -> Manuscript {
            var f = files
            if let policy {
                let config = ContentFixtures.text("kizuna.yaml", in: f)
                f = ContentFixtures.replacing("kizuna.yaml", in: f, with: config + "approval: \(policy)\n")
            }
            return try Self.manuscript(Validator().validate(f, checkingPayloads: false))
        }
        // all-supervisors, the default: one of two is partial, and the release refuses it as unapproved.
        #expect(try evaluated(nil).state == .partial)
        #expect(try evaluated("all-supervisors").state == .partial)
        #expect(try evaluated("all-supervisors").signOff.summary == "小児科医A 承認済み・産婦人科医A 未承認")
        // any-supervisor: one is enough.
        let any = try evaluated("any-supervisor")
        #expect(any.state == .approved)
        #expect(!any.signOff.refused)

        // A forged second entry is refused even where one good approval would be enough.
        let forged = Self.entry(
            by: "obstetrician-a", sha256: try Self.statement(in: files, by: "obstetrician-a").sha256,
            signature: try Self.sign(Self.statement(in: files, by: "pediatrician-a")))
        let text = ContentFixtures.text(Self.file, in: files)
        files = ContentFixtures.replacing(Self.file, in: files, with: text + forged)
        let refused = try evaluated("any-supervisor")
        #expect(refused.state == .unverified)
        #expect(refused.signOff.refused)
    }
}
