import Foundation
import Testing
@testable import KizunaCore

/// Approvals bound to the reader-visible text, recorded without touching anything else, and the release gate.
@Suite struct ApprovalTests {
    static let golden = Paths.fixtures.appendingPathComponent("golden")
    static let file = "manuscripts/childcare/0045.yaml"
    static let sentence = "上手な言葉でなくても、やさしい声が赤ちゃんに安心を届けます。"

    static func manuscript(_ files: ContentFiles, _ relative: String = file) throws -> Manuscript {
        let report = Validator().validate(files, checkingPayloads: false)
        return try #require(report.loadedContent.manuscripts.first { $0.path == "content/" + relative })
    }

    /// `kizuna approve` for `relative` in `files`, as the command records it.
    static func record(
        _ relative: String = file, in files: ContentFiles, _ reviewers: [String], signature: String? = nil,
        date: String
    ) throws -> ApprovalRecorder.Result {
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        return try ApprovalRecorder.record(
            path: "content/" + relative, in: files, content: content,
            signings: reviewers.map { ApprovalRecorder.Signing(reviewer: $0, signature: signature) },
            date: CalendarDate(date)!)
    }

    @Test func theHashFollowsTheTextNotCommentsOrSources() throws {
        let files = try ContentFixtures.read(Self.golden)
        let original = ContentFixtures.text(Self.file, in: files)
        let base = ReaderText(try Self.manuscript(files)).sha256
        #expect(try Self.manuscript(files).state == .approved)

        let commented = "# 2026年度改訂\n" + original.replacingOccurrences(of: "乳幼児身体発育調査（厚生労働省）", with: "乳幼児身体発育調査（2023年）")
        let c = try Self.manuscript(ContentFixtures.replacing(Self.file, in: files, with: commented))
        #expect(ReaderText(c).sha256 == base)
        #expect(c.state == .approved)

        let edited = original.replacingOccurrences(of: Self.sentence, with: "やさしい声が、赤ちゃんの安心につながります。")
        let e = try Self.manuscript(ContentFixtures.replacing(Self.file, in: files, with: edited))
        #expect(ReaderText(e).sha256 != base)
        #expect(e.state == .stale)
    }

    @Test func aChangedSentenceWarnsGatesTheReleaseAndApproveMendsIt() throws {
        var files = try ContentFixtures.read(Self.golden)
        let original = ContentFixtures.text(Self.file, in: files)
        let edited = original.replacingOccurrences(of: Self.sentence, with: "やさしい声が、赤ちゃんの安心につながります。")
        files = ContentFixtures.replacing(Self.file, in: files, with: edited)

        // validate: a warning at the approval's line, the build still works for drafts.
        let report = Validator().validate(files)
        let stale = report.diagnostics.filter { $0.rule == .approvalStale }
        let approvalLine =
            edited.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("approval:") }!
            + 1
        #expect(stale.map(\.location) == [SourceLocation(file: "content/" + Self.file, line: approvalLine, column: 1)])
        #expect(stale.first?.severity == .warning)

        // build --release: the day is held back (the fixture keeps no approved version of it).
        let held = ReleaseGate.plan(files).lines.filter { $0.path == "content/" + Self.file }
        #expect(held.map(\.decision) == [.heldBack])
        #expect(held.map(\.state) == [.stale])

        // approve: only the approval block changes (the older `approval:` block becomes `approvals:` entries), and
        // the release passes.
        let result = try Self.record(in: files, ["pediatrician-a"], date: "2026-11-25")
        let after = String(decoding: result.bytes, as: UTF8.self)
        let before = edited.components(separatedBy: "\n"), now = after.components(separatedBy: "\n")
        #expect(Array(before[..<(approvalLine - 1)]) == Array(now[..<(approvalLine - 1)]))
        #expect(
            Array(now[(approvalLine - 1)...]) == [
                "approvals:", "  - by: pediatrician-a",
                "  date: 2026-11-25".replacingOccurrences(of: "  d", with: "    d"),
                "    sha256: \(ReaderText(try Self.manuscript(files)).sha256)", "",
            ])
        #expect(result.approvedCopy?.path == "approved/childcare/0045.yaml")
        #expect(result.approvedCopy.map { $0.bytes == result.bytes } == true)

        let approved = ContentFixtures.replacing(Self.file, in: files, with: after)
        let again = Validator().validate(approved)
        #expect(again.diagnostics.isEmpty, "\(DiagnosticFormatter.text(again.diagnostics))")
        #expect(!ReleaseGate.plan(approved).lines.contains { $0.path == "content/" + Self.file })
    }

    @Test func recordingKeepsCommentsOrderAndBlankLinesAndAppendsWhereThereIsNoApproval() throws {
        let text = """
            # 監修メモ: 2026年度に見直し
            series: childcare
            day: 45

            title: じっと見つめる目   # 仮題
            sections:
              - heading: 赤ちゃんのようす
                text: |
                  生まれて1か月半がたちました。
            supervisors: [pediatrician-a, obstetrician-a]
            review: draft # 小児科医Aに依頼中
            sources: []

            """
        let files = ContentFixtures.replacing(Self.file, in: try ContentFixtures.read(Self.golden), with: text)
        let manuscript = try Self.manuscript(files)
        #expect(manuscript.state == .draft)
        let result = try Self.record(in: files, ["pediatrician-a", "obstetrician-a"], date: "2026-04-01")
        let sha = ReaderText(manuscript).sha256
        let expected =
            text.replacingOccurrences(of: "review: draft # 小児科医Aに依頼中", with: "review: approved # 小児科医Aに依頼中")
            + "approvals:\n  - by: pediatrician-a\n    date: 2026-04-01\n    sha256: \(sha)\n"
            + "  - by: obstetrician-a\n    date: 2026-04-01\n    sha256: \(sha)\n"
        #expect(String(decoding: result.bytes, as: UTF8.self) == expected)
        #expect(result.text.state == .approved)

        #expect(throws: ApprovalRecorder.Failure.self) {
            try Self.record(in: files, ["nobody"], date: "2026-04-01")
        }
    }

    /// A second supervisor's approval on another day keeps the first's entry; approving again renews one's own.
    @Test func eachSupervisorKeepsTheirOwnEntry() throws {
        var files = try ContentFixtures.read(Self.golden)
        let original = ContentFixtures.text(Self.file, in: files)
        let text = original.replacingOccurrences(
            of: "supervisors: [pediatrician-a]", with: "supervisors: [pediatrician-a, obstetrician-a]")
        files = ContentFixtures.replacing(Self.file, in: files, with: text)
        #expect(try Self.manuscript(files).state == .partial)
        #expect(try Self.manuscript(files).signOff.summary == "小児科医A 承認済み・産婦人科医A 未承認")

        let first = try Self.record(in: files, ["obstetrician-a"], date: "2026-12-01")
        files = ContentFixtures.replacing(Self.file, in: files, with: String(decoding: first.bytes, as: UTF8.self))
        let second = try Self.record(in: files, ["pediatrician-a"], date: "2026-12-07")
        let after = String(decoding: second.bytes, as: UTF8.self)
        #expect(after.components(separatedBy: "  - by: obstetrician-a\n    date: 2026-12-01").count == 2)
        #expect(after.components(separatedBy: "  - by: pediatrician-a\n    date: 2026-12-07").count == 2)
        #expect(after.components(separatedBy: "  - by: ").count == 3, "one entry per person")
        #expect(second.text.state == .approved)
        #expect(second.text.signOff.summary == "小児科医A 承認済み・産婦人科医A 承認済み")

        // With any-supervisor, one approval is enough.
        let config = ContentFixtures.text("kizuna.yaml", in: files)
        let anyOne = ContentFixtures.replacing(
            "kizuna.yaml", in: ContentFixtures.replacing(Self.file, in: files, with: text),
            with: config + "approval: any-supervisor\n")
        #expect(try Self.manuscript(anyOne).state == .approved)
    }

    /// The wrong doctor cannot approve: `approve` refuses, naming who may, and an approval written by hand is
    /// an error at its entry, is not counted as approved, and stops the release.
    @Test func onlyTheManuscriptsSupervisorsMayApprove() throws {
        var files = try ContentFixtures.read(Self.golden)
        let original = ContentFixtures.text(Self.file, in: files)
        #expect(original.contains("supervisors: [pediatrician-a]"))
        let registry = Validator().validate(files).loadedContent.reviewers
        #expect(registry.contains { $0.id.value == "obstetrician-a" })
        do {
            _ = try Self.record(in: files, ["obstetrician-a"], date: "2026-12-07")
            Issue.record("an obstetrician approved a manuscript only a pediatrician supervises")
        } catch let error as ApprovalRecorder.Failure {
            guard case .notEntitled("obstetrician-a", let entitled) = error else {
                Issue.record("unexpected failure: \(error)")
                return
            }
            #expect(entitled == ["小児科医A (pediatrician-a)"])
            #expect(error.description.contains("those entitled are 小児科医A (pediatrician-a)"))
            #expect(
                error.message.ja
                    == "'obstetrician-a' にはこの文面を承認する資格がないため、承認できません。承認できるのは次の人です: 小児科医A (pediatrician-a)")
        }

        // The same approval typed into the file by hand.
        let lines = original.components(separatedBy: "\n")
        let byLine = try #require(lines.firstIndex { $0.hasPrefix("  by: [") })
        var forged = lines
        forged[byLine] = "  by: [obstetrician-a]"
        files = ContentFixtures.replacing(Self.file, in: files, with: forged.joined(separator: "\n"))
        #expect(try Self.manuscript(files).state == .notEntitled)
        let report = Validator().validate(files)
        let found = report.diagnostics.filter { $0.rule == .approvalNotEntitled }
        #expect(found.map(\.location) == [SourceLocation(file: "content/" + Self.file, line: byLine + 1, column: 8)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.notes.first?.message.en == "entitled to approve it: 小児科医A (pediatrician-a)")
        #expect(found.first?.message.ja.contains("産婦人科医A（'obstetrician-a'）には生まれて45日目の原稿を承認する資格がない") == true)
        // A release refuses it rather than fall back to an earlier version: the approval must be mended.
        let plan = ReleaseGate.plan(files)
        #expect(plan.refusals.contains { $0.location.file == "content/" + Self.file })
        #expect(plan.lines.first { $0.path == "content/" + Self.file }?.decision == .refused)
    }

    @Test func reviewReportListsStatesAndWhatIsDue() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false)
        let yearLater = ReviewReport.entries(report.loadedContent, today: CalendarDate("2027-12-07")!, periodMonths: 12)
        let monthEarlier = ReviewReport.entries(
            report.loadedContent, today: CalendarDate("2027-12-06")!, periodMonths: 12)
        let approved = yearLater.filter { $0.state == .approved }
        #expect(approved.count >= 60)
        // Due exactly when the approval is 12 calendar months old or more.
        for (later, earlier) in zip(yearLater, monthEarlier) where later.state == .approved {
            let date = try #require(later.approvedOn)
            #expect(later.due == (date.adding(months: 12) <= CalendarDate("2027-12-07")!))
            #expect(earlier.due == (date.adding(months: 12) <= CalendarDate("2027-12-06")!))
        }
        let dueLater = approved.filter { $0.due }.count
        #expect(dueLater >= 60, "the sample's approvals (most of them of 2026-12-07) are due a year later")
        #expect(Set(yearLater.map(\.state)).isSuperset(of: [.approved, .draft]))
        let mine = ReviewReport.entries(
            report.loadedContent, today: CalendarDate("2026-11-25")!, periodMonths: 12, reviewer: "dietitian-a")
        let allMine = mine.allSatisfy { $0.supervisors.contains("dietitian-a") || $0.approvers.contains("dietitian-a") }
        #expect(!mine.isEmpty && allMine)
    }

    @Test func reviewReportListsEveryApprovableTextWithWhoSignedAndWhoIsMissing() throws {
        let (content, _) = try ReviewSheetTests.insertContent()
        let entries = ReviewReport.entries(content, today: CalendarDate("2026-06-01")!, periodMonths: 12)
        #expect(entries.count == content.approvableTexts.count)
        #expect(Set(entries.map(\.kind)) == ["manuscript", "shared", "edition", "insert", "loss-support"])
        #expect(entries.first?.kind == "manuscript", "manuscripts keep coming first, in day order")
        let partial = try #require(entries.first { $0.subject == .insert("sakuragaoka-parents-class") })
        #expect(partial.state == .partial && partial.day == nil)
        #expect(partial.signed == ["pediatrician-a"] && partial.missing == ["family-physician-a"])
        #expect(partial.summary == "小児科医A 承認済み・家庭医A 未承認")
        #expect(partial.approvedOn == CalendarDate("2026-05-01"))
        let text = ReviewReport.text(entries)
        #expect(
            text.contains(
                "content/inserts/sakuragaoka-parents-class.yaml\tinsert sakuragaoka-parents-class\tpartially-approved\t"
                    + "pediatrician-a\t2026-05-01\tmissing: family-physician-a\n"))
        #expect(text.contains("content/manuscripts/childcare/0045.yaml\t生まれて45日目\tapproved\t"))
        guard case .object(let json) = partial.json else { Issue.record("not an object"); return }
        #expect(json["kind"] == .string("insert") && json["subject"] == .string("insert sakuragaoka-parents-class"))
        #expect(json["signed"] == .array([.string("pediatrician-a")]))
        #expect(json["missing"] == .array([.string("family-physician-a")]))
        #expect(json["day"] == nil && json["series"] == nil)
        // An edition's approver sees the texts they may approve: the edition's own, its inserts; not the others'.
        let mine = ReviewReport.entries(
            content, today: CalendarDate("2026-06-01")!, periodMonths: 12, reviewer: "family-physician-a")
        #expect(mine.contains { $0.subject == .edition("sakuragaoka") })
        #expect(mine.contains { $0.subject == .insert("sakuragaoka-boshi-techo") })
        #expect(!mine.contains { $0.subject == .edition("minamikawa") || $0.subject == .shared })
        #expect(
            mine.allSatisfy {
                $0.supervisors.contains("family-physician-a") || $0.approvers.contains("family-physician-a")
            })
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2028-02-29") != nil)
        #expect(CalendarDate("2027-02-29") == nil)
        #expect(CalendarDate("2026-4-01") == nil)
        #expect(CalendarDate("2026-03-31")!.adding(months: 1) == CalendarDate("2026-04-30"))
        #expect(CalendarDate("2028-02-29")!.adding(months: 12) == CalendarDate("2029-02-28"))
        #expect(CalendarDate("2026-12-15")!.adding(months: 1) == CalendarDate("2027-01-15"))
    }

    @Test func unapprovedDaysAreMarkedInPreviewsAndManifest() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.content))
        let content = try #require(report.content)
        let output = EditionBuilder(content: content, templates: try .repository()).build(
            try #require(content.edition("sakuragaoka")))
        let draft = try #require(content.content.manuscripts.first { $0.state == .draft })
        let approved = try #require(content.content.manuscripts.first { $0.state == .approved })
        func page(_ m: Manuscript) throws -> String {
            let path = "sakuragaoka/preview/\(m.series.rawValue)/\(m.day.value.fileStem).html"
            return String(decoding: try #require(output.files.first { $0.path == path }).bytes, as: UTF8.self)
        }
        let draftPage = try page(draft), approvedPage = try page(approved)
        #expect(draftPage.contains("未承認："))
        #expect(!approvedPage.contains("未承認："))
        let manifest = try #require(output.files.first { $0.path == "sakuragaoka/manifest.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(manifest.bytes)) as? [String: Any])
        let days = try #require(json["days"] as? [[String: Any]])
        let draftEntry = try #require(
            days.first {
                $0["day"] as? String == draft.day.value.description && $0["series"] as? String == draft.series.rawValue
            })
        #expect(draftEntry["approved"] as? Bool == false)
        #expect(draftEntry["review"] as? String == "draft")
    }
}
