import Foundation
import Testing
@testable import KizunaCore

/// Signed approvals and OpenSSH, both ways, through the real `kizuna` command and the real `ssh-keygen`: what
/// `kizuna approve --key` signs verifies with `ssh-keygen -Y verify` against `kizuna review --allowed-signers`, and
/// a doctor without Kizuna signs `kizuna review --statement` with stock ssh-keygen for `approve --signature`.
@Suite(.enabled(if: SSHSignatureTests.sshKeygen != nil, SSHSignatureTests.noSSHKeygen))
struct ApprovalInteropTests {
    static let manuscript = "content/manuscripts/childcare/0045.yaml"
    static let date = "2026-12-07"

    /// The minimal content set in a new folder, with the TEST-ONLY key registered for pediatrician-a, and the
    /// private key (mode 0600) beside the content.
    static func folder() throws -> (folder: URL, key: URL) {
        var files = try DiagnosticFixtures.minimal()
        let key = try SignedApprovalTests.publicKey()
        let reviewers = String(decoding: try #require(files["reviewers.yaml"]), as: UTF8.self)
        #expect(reviewers.hasSuffix("    affiliation: 架空市立こども病院\n"), "pediatrician-a is the last reviewer")
        files["reviewers.yaml"] = Array(
            (reviewers + "    keys:\n      - key: \(key)\n        valid_until: 2027-03-31\n").utf8)
        let folder = try KizunaCommand.write(files)
        return (folder, try SignedApprovalTests.privateKey(in: folder))
    }

    func run(_ arguments: [String], in folder: URL) throws -> KizunaCommand.Result {
        try KizunaCommand.run(arguments + ["--lang", "en"], in: folder)
    }

    /// `ssh-keygen -Y verify` of `signature` over `statement` for `principal`, with the allowed signers Kizuna
    /// prints.
    func verify(signature: String, statement: String, principal: String, in folder: URL) throws -> (Int32, String) {
        let allowed = try run(["review", "--allowed-signers"], in: folder)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        try allowed.stdout.write(
            to: folder.appendingPathComponent("allowed_signers"), atomically: true, encoding: .utf8)
        try signature.write(to: folder.appendingPathComponent("approval.sig"), atomically: true, encoding: .utf8)
        let message = folder.appendingPathComponent("verified.txt")
        try Data(statement.utf8).write(to: message)
        return try SSHSignatureTests.sshKeygen(
            [
                "-Y", "verify", "-f", "allowed_signers", "-I", principal, "-n", SSHAllowedSigner.approvalNamespace,
                "-s", "approval.sig",
            ], in: folder, stdin: message)
    }

    @Test("approve --key signs; ssh-keygen -Y verify accepts it with review --allowed-signers")
    func kizunaSignsOpenSSHVerifies() throws {
        let (folder, key) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let statement = try run(
            ["review", "--statement", Self.manuscript, "--reviewer", "pediatrician-a", "--date", Self.date], in: folder)
        #expect(statement.status == 0, "\(statement.stderr)")
        #expect(statement.stdout.hasPrefix("kizuna-approval-v1\ntext: manuscript childcare/0045\nsha256: "))

        let approved = try run(
            ["approve", Self.manuscript, "--reviewer", "pediatrician-a", "--key", key.path, "--date", Self.date],
            in: folder)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("signed"), "\(approved.stdout)")
        let validated = try run(["validate"], in: folder)
        #expect(validated.status == 0)
        #expect(validated.stderr.contains("0 errors, 0 warnings"), "\(validated.stdout)\(validated.stderr)")

        // The signature as recorded in the file, verified by OpenSSH alone.
        let files = try ContentFixtures.read(folder.appendingPathComponent("content"))
        let report = Validator().validate(files, checkingPayloads: false)
        let m = try #require(report.loadedContent.manuscripts.first { $0.path == Self.manuscript })
        #expect(m.state == .approved)
        let signature = try #require(m.approval?.entries.first?.signature?.value)
        let (status, errors) = try verify(
            signature: signature, statement: statement.stdout, principal: "pediatrician-a", in: folder)
        #expect(status == 0, "\(errors)")
        // Another day's statement, or another principal, does not verify.
        let otherDay = statement.stdout.replacingOccurrences(of: "date: \(Self.date)", with: "date: 2026-12-08")
        #expect(try verify(signature: signature, statement: otherDay, principal: "pediatrician-a", in: folder).0 != 0)
        #expect(
            try verify(signature: signature, statement: statement.stdout, principal: "obstetrician-a", in: folder).0
                != 0)
    }

    @Test("a doctor without Kizuna: review --statement, ssh-keygen -Y sign, approve --signature")
    func openSSHSignsKizunaRecords() throws {
        let (folder, key) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let statement = try run(
            ["review", "--statement", Self.manuscript, "--reviewer", "pediatrician-a", "--date", Self.date], in: folder)
        #expect(statement.status == 0, "\(statement.stderr)")
        let message = folder.appendingPathComponent("s.txt")
        try Data(statement.stdout.utf8).write(to: message)
        let (signed, errors) = try SSHSignatureTests.sshKeygen(
            ["-Y", "sign", "-f", key.path, "-n", SSHAllowedSigner.approvalNamespace, "s.txt"], in: folder,
            stdin: message)
        #expect(signed == 0, "\(errors)")

        // Recorded with another date than the one signed: refused, the file unchanged.
        let path = folder.appendingPathComponent(Self.manuscript)
        let before = try Data(contentsOf: path)
        let wrongDate = try run(
            [
                "approve", Self.manuscript, "--reviewer", "pediatrician-a", "--date", "2026-12-08", "--signature",
                "s.txt.sig",
            ], in: folder)
        #expect(wrongDate.status == 1)
        #expect(wrongDate.stderr.contains("[approval-date-altered]"), "\(wrongDate.stderr)")
        #expect(try Data(contentsOf: path) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/approved").path))

        // With the date signed: recorded, and validate is clean.
        let approved = try run(
            [
                "approve", Self.manuscript, "--reviewer", "pediatrician-a", "--date", Self.date, "--signature",
                "s.txt.sig",
            ], in: folder)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(try Data(contentsOf: path) != before)
        let text = String(decoding: try Data(contentsOf: path), as: UTF8.self)
        let signature = try String(contentsOf: folder.appendingPathComponent("s.txt.sig"), encoding: .utf8)
        let indented = signature.split(separator: "\n").map { "      \($0)" }.joined(separator: "\n")
        #expect(text.contains("    date: \(Self.date)\n"))
        #expect(text.contains("    signature: |\n" + indented + "\n"), "\(text)")
        let validated = try run(["validate"], in: folder)
        #expect(validated.status == 0)
        #expect(validated.stderr.contains("0 errors, 0 warnings"), "\(validated.stdout)\(validated.stderr)")
    }
}
