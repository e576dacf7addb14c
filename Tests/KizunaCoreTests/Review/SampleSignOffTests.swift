import Foundation
import Testing
@testable import KizunaCore

/// The sample content as a worked example of sign-off: every approval signed with the reviewer's TEST-ONLY key
/// (Tests/KizunaCoreTests/Fixtures/sample-keys), signatures required, the editions naming their approvers.
/// `scripts/sign-sample-content.sh` signs it again after a change.
@Suite struct SampleSignOffTests {
    static let keys = Paths.fixtures.appendingPathComponent("sample-keys")

    static func sample() throws -> (ContentFiles, ContentSet) {
        let files = try ContentFixtures.read(Paths.content)
        return (files, Validator().validate(files, checkingPayloads: false).loadedContent)
    }

    @Test func signaturesAreRequiredAndEveryEditionNamesItsApprovers() throws {
        let (_, content) = try Self.sample()
        let configuration = try #require(content.configuration)
        #expect(configuration.signOff == SignOffPolicy(rule: .allSupervisors, requireSignatures: true))
        #expect(configuration.approvers.map(\.value) == ["editor-in-chief"])
        #expect(
            content.editions.map { "\($0.id.value): \($0.approvers.map(\.value))" }.sorted() == [
                "minamikawa: [\"minamikawa-boshi\"]", "sakuragaoka: [\"sakuragaoka-hokenshi\"]",
            ])
    }

    @Test func everyReviewerHasOneTestOnlyKeyFromTheFixtures() throws {
        let (_, content) = try Self.sample()
        #expect(content.reviewers.count == 9)
        for reviewer in content.reviewers {
            let id = reviewer.id.value
            let line = try String(
                contentsOf: Self.keys.appendingPathComponent("TEST-ONLY-\(id).pub"), encoding: .utf8)
            let fixture = try SSHPublicKey(line: line.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(reviewer.keys.map(\.key) == [fixture], "\(id)'s key is not its TEST-ONLY fixture")
            #expect(fixture.comment == "TEST-ONLY \(id)")
            #expect(
                FileManager.default.fileExists(atPath: Self.keys.appendingPathComponent("TEST-ONLY-\(id)").path),
                "the sample signing script needs \(id)'s private key")
        }
    }

    /// Every text is approved as it stands, each entry signed, and kept whole under approved/ as approved: all but
    /// the manuscripts that are drafts or still in review without an approval.
    @Test func everyTextIsApprovedWithSignaturesAndKeptAsApproved() throws {
        let (files, content) = try Self.sample()
        let texts = content.approvableTexts
        let unapproved = texts.filter { $0.state != .approved }
        #expect(
            unapproved.map { "\($0.subject): \($0.state.rawValue)" } == [
                "manuscript maternity/22w0d: draft", "manuscript maternity/41w0d: in-review",
                "manuscript childcare/0660: draft", "manuscript childcare/0843: in-review",
                "manuscript childcare/1039: draft",
            ])
        #expect(unapproved.allSatisfy { $0.approval == nil })
        let approved = texts.filter { $0.state == .approved }
        #expect(
            approved.count == 74 + 1 + 2 + 26 + 2,
            "74 manuscripts, the shared texts, 2 editions, 26 inserts, 2 loss support messages")
        for text in approved {
            let entries = try #require(text.approval?.entries)
            #expect(entries.map(\.by.value).sorted() == text.entitled.map(\.value).sorted(), "\(text.subject)")
            #expect(entries.allSatisfy { $0.signature != nil }, "\(text.subject) has an unsigned entry")
            #expect(text.signOff.diagnostics.isEmpty, "\(text.subject)")
            let copy = try #require(files.approvedCopy(of: text.subject), "\(text.subject) has no approved copy")
            #expect(copy.bytes == files.files.first { $0.path == text.path }?.bytes, "\(text.subject)")
        }
        #expect(!files.files.contains { $0.path.hasPrefix("content/approved/") && $0.path.hasSuffix(".txt") })
    }
}
