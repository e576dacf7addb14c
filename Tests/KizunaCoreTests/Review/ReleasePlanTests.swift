import Foundation
import Testing
@testable import KizunaCore

/// `build --release` ships the last approved version of each text: an edited manuscript goes out as it was approved,
/// byte for byte; a text never approved is held back or left out; what cannot ship refuses the release.
@Suite struct ReleasePlanTests {
    static let golden = Paths.fixtures.appendingPathComponent("golden")
    static let manuscript = "manuscripts/childcare/0045.yaml"

    /// The golden fixture with every text approved by `kizuna approve` (unsigned), and the approved copies kept.
    static func approvedContent() throws -> ContentFiles {
        var files = try ContentFixtures.read(golden)
        let config = ContentFixtures.text("kizuna.yaml", in: files)
        files = ContentFixtures.replacing("kizuna.yaml", in: files, with: config + "approvers: [pediatrician-a]\n")
        let edition = ContentFixtures.text("editions/sakuragaoka.yaml", in: files)
        files = ContentFixtures.replacing(
            "editions/sakuragaoka.yaml", in: files, with: edition + "approvers: [pediatrician-a]\n")
        let inserts = files.files.map(\.path).filter { $0.hasPrefix("content/inserts/") }.sorted()
        for path in ["content/kizuna.yaml", "content/editions/sakuragaoka.yaml"] + inserts {
            files = try approve(path, as: "pediatrician-a", in: files)
        }
        return try approve("content/" + manuscript, as: "pediatrician-a", in: files)
    }

    /// `kizuna approve PATH --reviewer ID`: the file's new bytes and its approved copy, in `files`.
    static func approve(_ path: String, as reviewer: String, in files: ContentFiles) throws -> ContentFiles {
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        let result = try ApprovalRecorder.record(
            path: path, in: files, content: content, signings: [ApprovalRecorder.Signing(reviewer: reviewer)],
            date: CalendarDate("2026-04-01")!)
        let relative = String(path.dropFirst("content/".count))
        var approved = ContentFixtures.replacing(
            relative, in: files, with: String(decoding: result.bytes, as: UTF8.self))
        let copy = try #require(result.approvedCopy, "\(path) is not approved after approve")
        approved = ContentFixtures.replacing(copy.path, in: approved, with: String(decoding: copy.bytes, as: UTF8.self))
        return approved
    }

    func release(_ files: ContentFiles) throws -> (ContentBuild.Outcome, [String: [UInt8]]) {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let build = ContentBuild(files: files, templates: try PreviewTemplates.repository(), keys: nil, release: true)
        var writer = OutputWriter(root: root)
        let outcome = try build.run(into: &writer)
        return (outcome, FileManager.default.fileExists(atPath: root) ? EndToEndTests.tree(root) : [:])
    }

    @Test func anEditedManuscriptShipsAsApprovedAndANewInsertIsLeftOut() throws {
        let files = try Self.approvedContent()
        let (before, beforeTree) = try release(files)
        guard case .built(let first) = before else { Issue.record("\(before)"); return }
        #expect(first.release?.lines.isEmpty == true, "everything ships as it stands")
        let payload = "sakuragaoka/line/childcare/0045.json"
        let approvedPayload = try #require(beforeTree[payload])

        // The editor revises the approved manuscript and adds an insert nobody approved yet.
        var edited = ContentFixtures.replacing(
            Self.manuscript, in: files,
            with: ContentFixtures.text(Self.manuscript, in: files).replacingOccurrences(
                of: "生まれて1か月半がたちました。", with: "生まれて1か月半になりました。"))
        edited = ContentFixtures.replacing(
            "inserts/sakuragaoka-mr-early.yaml", in: edited,
            with: """
                id: sakuragaoka-mr-early
                title: MRワクチンのお知らせ
                text: なるべく早くMRワクチンを接種しましょう。
                window:
                  days: {from: 40, to: 50}

                """)
        let edition = ContentFixtures.text("editions/sakuragaoka.yaml", in: edited)
        edited = ContentFixtures.replacing(
            "editions/sakuragaoka.yaml", in: edited,
            with: edition.replacingOccurrences(of: "inserts:\n", with: "inserts:\n  - sakuragaoka-mr-early\n"))
        #expect(ContentFixtures.text("editions/sakuragaoka.yaml", in: edited).contains("- sakuragaoka-mr-early"))

        let (after, afterTree) = try release(edited)
        guard case .built(let second) = after else { Issue.record("\(after)"); return }
        #expect(afterTree[payload] == approvedPayload, "the edited day ships its approved payload, byte for byte")
        let lines = try #require(second.release?.lines)
        #expect(
            lines.map(\.subject) == [.manuscript(.dayCount(45)), .insert("sakuragaoka-mr-early")],
            "nothing else is held back")
        #expect(lines.map(\.decision) == [.approvedVersion(CalendarDate("2026-04-01")!), .heldBack])
        #expect(lines.map(\.state) == [.stale, .unreviewed])
        let report = try #require(second.release).report(language: .en)
        #expect(report.contains("ships the version approved on 2026-04-01: manuscript childcare/0045"))
        #expect(report.contains("left out: insert 'sakuragaoka-mr-early' in edition sakuragaoka; never approved"))
        #expect(try #require(second.release).report(language: .ja).contains("2026-04-01に承認された版を配信"))
        // The new insert's window holds day 45, yet the payload does not carry it.
        #expect(!String(decoding: try #require(afterTree[payload]), as: UTF8.self).contains("MRワクチン"))

        // The manifest names the approved version; a plain build shows the working copy, marked 未承認.
        let manifest = String(decoding: try #require(afterTree["sakuragaoka/manifest.json"]), as: UTF8.self)
        #expect(
            manifest.contains(#""approvedVersions":[{"approvedOn":"2026-04-01","text":"manuscript childcare/0045"}]"#))
        #expect(manifest.contains(#""leftOut":[{"state":"never-reviewed","text":"insert sakuragaoka-mr-early"}]"#))
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var writer = OutputWriter(root: root)
        let plain = try ContentBuild(files: edited, templates: try PreviewTemplates.repository(), keys: nil)
            .run(into: &writer)
        guard case .built = plain else { Issue.record("\(plain)"); return }
        let page = String(
            decoding: try #require(EndToEndTests.tree(root)["sakuragaoka/preview/childcare/0045.html"]), as: UTF8.self)
        #expect(page.contains("1か月半になりました") && page.contains("未承認："))
    }

    @Test func aDayNeverApprovedIsHeldBackAndTheManifestAndTimelineShowTheGap() throws {
        var files = try Self.approvedContent()
        // Day 100 was never approved: its approval block goes, and it is a draft.
        let path = "manuscripts/childcare/0100.yaml"
        let text = ContentFixtures.text(path, in: files)
        let cut = try #require(text.range(of: "approval:"))
        files = ContentFixtures.replacing(
            path, in: files,
            with: String(text[..<cut.lowerBound]).replacingOccurrences(of: "review: approved", with: "review: draft"))
        let (outcome, tree) = try release(files)
        guard case .built(let built) = outcome else { Issue.record("\(outcome)"); return }
        #expect(built.release?.heldBackDays == [.dayCount(100)])
        #expect(tree["sakuragaoka/line/childcare/0100.json"] == nil)
        let manifest = String(decoding: try #require(tree["sakuragaoka/manifest.json"]), as: UTF8.self)
        #expect(manifest.contains(#""heldBack":[{"day":"100","series":"childcare","state":"draft"}]"#))

        let stream = EditionStream(files, checkingPayloads: false, release: true)
        let job = try #require(stream.compiled(edition: "sakuragaoka")?.job)
        let timeline = job.compiler.timeline(
            for: job.edition, due: CalendarDate("2027-04-01")!, born: CalendarDate("2027-04-01")!)
        #expect(timeline.heldBack.map(\.day) == [.dayCount(100)])
        #expect(timeline.heldBack.map(\.date) == [CalendarDate("2027-07-09")!])
        #expect(timeline.text.contains("2027-07-09\tchildcare/100\t生まれて100日目\t— 配信保留"))
    }

    /// Finding 4 of the sign-off issue: a draft shared by every edition no longer stops a new edition's release.
    @Test func aDraftDoesNotBlockANewEditionsRelease() throws {
        var files = try Self.approvedContent()
        let path = "manuscripts/childcare/0014.yaml"
        files = ContentFixtures.replacing(
            path, in: files,
            with: ContentFixtures.text(path, in: files).replacingOccurrences(
                of: "review: approved", with: "review: draft"))
        let kitano = ContentFixtures.text("editions/sakuragaoka.yaml", in: files)
            .replacingOccurrences(of: "id: sakuragaoka", with: "id: kitano")
            .replacingOccurrences(of: "桜ヶ丘市", with: "北野町")
        files = ContentFixtures.replacing("editions/kitano.yaml", in: files, with: kitano)
        files = try Self.approve("content/editions/kitano.yaml", as: "pediatrician-a", in: files)
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var writer = OutputWriter(root: root)
        let outcome = try ContentBuild(
            files: files, templates: try PreviewTemplates.repository(), keys: nil, selection: ["kitano"],
            release: true
        ).run(into: &writer)
        guard case .built(let built) = outcome else { Issue.record("\(outcome)"); return }
        #expect(built.editions == 1)
        #expect(built.release?.heldBackDays == [.dayCount(14)])
        let tree = EndToEndTests.tree(root)
        #expect(tree["kitano/line/childcare/0045.json"] != nil && tree["kitano/line/childcare/0014.json"] == nil)
    }

    @Test func unsignedApprovalsRefuseTheReleaseWhenSignaturesAreRequired() throws {
        let files = try Self.approvedContent()
        let config = ContentFixtures.text("kizuna.yaml", in: files)
        let strict = ContentFixtures.replacing("kizuna.yaml", in: files, with: config + "require_signatures: true\n")
        let (outcome, tree) = try release(strict)
        guard case .releaseRefused(let gate, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(gate.contains { $0.location.file == "content/" + Self.manuscript })
        #expect(gate.allSatisfy { $0.rule == .releaseUnapproved && $0.severity == .error })
        #expect(tree.isEmpty)
    }

    /// A kept approved version whose text no longer matches its approvals (edited by hand) does not ship in place of
    /// the working copy: the release is refused, naming the copy.
    @Test func aTamperedApprovedVersionRefusesTheRelease() throws {
        var files = try Self.approvedContent()
        let copy = "approved/childcare/0045.yaml"
        files = ContentFixtures.replacing(
            copy, in: files,
            with: ContentFixtures.text(copy, in: files).replacingOccurrences(
                of: "生まれて1か月半がたちました。", with: "生まれて1か月半がたちました！"))
        files = ContentFixtures.replacing(
            Self.manuscript, in: files,
            with: ContentFixtures.text(Self.manuscript, in: files).replacingOccurrences(
                of: "生まれて1か月半がたちました。", with: "生まれて1か月半になりました。"))
        let (outcome, tree) = try release(files)
        guard case .releaseRefused(let gate, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(gate.map(\.location.file) == ["content/" + copy])
        #expect(gate.first?.message.en.contains("does not verify as approved") == true)
        #expect(tree.isEmpty)
    }

    @Test func sharedOrEditionTextsNeverApprovedRefuseTheRelease() throws {
        let files = try ContentFixtures.read(Self.golden)
        let plan = ReleaseGate.plan(files)
        #expect(
            Set(plan.refusals.map(\.location.file)) == ["content/kizuna.yaml", "content/editions/sakuragaoka.yaml"])
        let (outcome, tree) = try release(files)
        guard case .releaseRefused = outcome else { Issue.record("\(outcome)"); return }
        #expect(tree.isEmpty)
    }
}
