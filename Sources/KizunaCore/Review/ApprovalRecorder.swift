/// Records approvals in a content file, changing only what it must: the `approvals:` block (an older `approval:`
/// block becomes entries of it) and, in a manuscript, the value of `review:`. Every other byte (comments, key order,
/// blank lines) stays as it was. Each person has one entry: approving again renews theirs, and nobody else's is
/// touched.
public enum ApprovalRecorder {
    /// One person's approval to record.
    public struct Signing: Sendable {
        public var reviewer: String
        /// The armored SSHSIG over the statement, if signed.
        public var signature: String?

        public init(reviewer: String, signature: String? = nil) {
            self.reviewer = reviewer
            self.signature = signature
        }
    }

    /// What `kizuna approve` writes for one file.
    public struct Result: Sendable {
        public var path: String
        /// The file's new bytes.
        public var bytes: [UInt8]
        /// The text as it now stands in sign-off.
        public var text: ApprovableText
        /// The whole content validated with the new bytes: what the next approval of a run starts from.
        public var report: ValidationReport
        /// When the text is now approved as the policy requires: the file as approved, kept beside the content
        /// (`ApprovalSubject.approvedCopyPath`) so that a release can ship it after the working copy changes, and the
        /// next review can show what changed.
        public var approvedCopy: (path: String, bytes: [UInt8])?
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unknownReviewer(String)
        case noReviewer
        case notRecorded(String)
        /// The reviewer is registered but may not approve this text; `entitled`: who may, as shown.
        case notEntitled(String, entitled: [String])
        /// The file is not a text that takes approvals, or did not load.
        case notApprovable(String)

        public var description: String { message.en }

        /// What an editor reads, in English or Japanese.
        public var message: LocalizedText {
            switch self {
            case .unknownReviewer(let id):
                LocalizedText(
                    en: "'\(id)' is not in the reviewers' registry (reviewers.yaml)",
                    ja: "\(Japanese.quote(id)) は監修者名簿（reviewers.yaml）に登録されていません")
            case .noReviewer:
                LocalizedText(
                    en: "name at least one reviewer with --reviewer", ja: "--reviewer で承認する監修者を1人以上指定してください")
            case .notRecorded(let why):
                LocalizedText(
                    en: "the approval could not be recorded: \(why)", ja: "承認を記録できませんでした: \(why)")
            case .notEntitled(let id, let entitled):
                LocalizedText(
                    en: "'\(id)' is not entitled to approve this text, so cannot approve it; "
                        + (entitled.isEmpty
                            ? "nobody is entitled yet (name them under `supervisors:` or `approvers:`)"
                            : "those entitled are \(entitled.joined(separator: ", "))"),
                    ja: "\(Japanese.quote(id)) にはこの文面を承認する資格がないため、承認できません。"
                        + (entitled.isEmpty
                            ? "承認できる人がまだ決まっていません（`supervisors:` または `approvers:` に記入してください）"
                            : "承認できるのは次の人です: \(entitled.joined(separator: "、"))"))
            case .notApprovable(let path):
                LocalizedText(
                    en:
                        "\(path) is not a manuscript, insert, loss support message, edition or kizuna.yaml that loads; "
                        + "run `kizuna validate`",
                    ja: "\(path) は読み込める原稿・差し込み情報・サポートメッセージ・版・kizuna.yaml ではありません。"
                        + "`kizuna validate` で確かめてください")
            }
        }
    }

    /// The text in `path` as `content` holds it.
    public static func text(at path: String, in content: ContentSet) -> ApprovableText? {
        content.approvableTexts.first { $0.path == path }
    }

    /// Refuses a reviewer who is not registered or may not approve `text`, naming who may.
    public static func checkEntitled(_ reviewer: String, for text: ApprovableText, registry: [Reviewer])
        throws(Failure)
    {
        let names = ReviewerNames(registry)
        guard names[reviewer] != nil else { throw .unknownReviewer(reviewer) }
        guard text.entitled.contains(where: { $0.value == reviewer }) else {
            var seen: Set<String> = []
            let who = text.entitled.map(\.value).filter { seen.insert($0).inserted }.map(names.label)
            throw .notEntitled(reviewer, entitled: who)
        }
    }

    /// What `reviewer` signs to approve the text in `path` as it stands, on `date`.
    public static func statement(for text: ApprovableText, reviewer: String, date: CalendarDate) -> ApprovalStatement {
        ApprovalStatement(subject: text.subject, sha256: text.reader.sha256, reviewer: reviewer, date: date)
    }

    /// Records `signings` in the file at `path` of `files`, whose content loaded as `content`. The result is read
    /// back before it is returned: it must load, keep the text, and hold each new entry without a finding.
    public static func record(
        path: String, in files: ContentFiles, content: ContentSet, signings: [Signing], date: CalendarDate
    ) throws(Failure) -> Result {
        guard !signings.isEmpty else { throw .noReviewer }
        guard let text = text(at: path, in: content), let file = files.files.first(where: { $0.path == path })
        else { throw .notApprovable(path) }
        for signing in signings { try checkEntitled(signing.reviewer, for: text, registry: content.reviewers) }
        let source = String(decoding: file.bytes, as: UTF8.self)
        let newline = source.contains("\r\n") ? "\r\n" : "\n"
        var lines = source.components(separatedBy: newline)
        if lines.last == "" { lines.removeLast() }

        // review: draft → review: approved, on its line only.
        if case .manuscript = text.subject,
            let m = content.manuscripts.first(where: { $0.path == path }), m.review.value != .approved
        {
            let i = m.review.location.line - 1
            if m.review.location.file == m.path, i < lines.count, lines[i].hasPrefix("review:") {
                lines[i] = "review: approved" + trailingComment(of: lines[i])
            } else {
                lines.append("review: approved")
            }
        }

        // Everyone else's entries as they were; each signer's own replaced by the new one.
        let signers = Set(signings.map(\.reviewer))
        var entries = (text.approval?.entries ?? []).filter { !signers.contains($0.by.value) }.map(EntryText.init)
        entries += signings.map {
            EntryText(by: $0.reviewer, date: "\(date)", sha256: text.reader.sha256, signature: $0.signature)
        }
        let keys = text.subject == .shared ? ["approvals"] : ["approvals", "approval"]
        let blocks = keys.compactMap { block(keyed: $0, in: lines) }.sorted { $0.lowerBound > $1.lowerBound }
        let at = blocks.last?.lowerBound ?? lines.count
        for range in blocks { lines.removeSubrange(range) }
        lines.insert(contentsOf: ["approvals:"] + entries.flatMap(\.lines), at: min(at, lines.count))
        let bytes = Array((lines.joined(separator: newline) + newline).utf8)

        // Read back what will be written, in the content as it will be.
        var edited = files
        edited.files = files.files.map { $0.path == path ? SourceFile(path: path, bytes: bytes) : $0 }
        let report = Validator().validate(edited, checkingPayloads: false)
        // The file must still load as it did: the findings about its text are the editors' to mend, not the record's.
        let problems = report.diagnostics.filter {
            $0.location.file == path && $0.severity == .error
                && ["yaml-", "schema-", "file-"].contains(where: $0.rule.rawValue.hasPrefix)
        }
        guard let reloaded = Self.text(at: path, in: report.loadedContent), problems.isEmpty,
            reloaded.reader == text.reader
        else {
            throw .notRecorded(DiagnosticFormatter.text(problems).trimmingTrailingWhitespace)
        }
        // A new entry with a finding (a signature that does not verify, say) is not recorded.
        let newEntries = (reloaded.approval?.entries ?? []).filter { signers.contains($0.by.value) }
        let findings = reloaded.signOff.diagnostics.filter { d in
            newEntries.contains { e in
                d.location == e.location || d.location == e.by.location || d.location == e.date.location
                    || d.location == e.signature?.location
            }
        }
        guard findings.isEmpty else {
            throw .notRecorded(DiagnosticFormatter.text(findings).trimmingTrailingWhitespace)
        }
        let copy = reloaded.state == .approved ? (path: text.subject.approvedCopyPath, bytes: bytes) : nil
        return Result(path: path, bytes: bytes, text: reloaded, report: report, approvedCopy: copy)
    }

    /// One entry as it is written.
    private struct EntryText {
        var by: String
        var date: String
        var sha256: String
        var signature: String?

        init(by: String, date: String, sha256: String, signature: String?) {
            self.by = by
            self.date = date
            self.sha256 = sha256
            self.signature = signature
        }

        init(_ entry: ApprovalEntry) {
            self.init(
                by: entry.by.value, date: "\(entry.date.value)", sha256: entry.sha256.value,
                signature: entry.signature?.value)
        }

        var lines: [String] {
            var lines = ["  - by: \(yamlScalar(by))", "    date: \(date)", "    sha256: \(sha256)"]
            if let signature {
                lines.append("    signature: |")
                lines += signature.trimmingTrailingWhitespace.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "      " + String($0).trimmingTrailingWhitespace }
            }
            return lines
        }

        /// A reviewer id as a YAML scalar: plain when it is a plain id, double-quoted otherwise.
        private func yamlScalar(_ s: String) -> String {
            let plain =
                !s.isEmpty
                && s.unicodeScalars.allSatisfy {
                    $0.isASCII
                        && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
                }
            if plain { return s }
            return "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        }
    }

    /// The lines of the top-level block `key:`: the key's line, then its indented or list lines; blank lines count
    /// only when more of the block follows.
    static func block(keyed key: String, in lines: [String]) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return nil }
        func inside(_ line: String) -> Bool { line.first == " " || line.first == "\t" || line.hasPrefix("- ") }
        var end = start + 1
        while end < lines.count {
            if inside(lines[end]) {
                end += 1
            } else if lines[end].trimmingTrailingWhitespace.isEmpty,
                let next = lines[end...].firstIndex(where: { !$0.trimmingTrailingWhitespace.isEmpty }),
                inside(lines[next])
            {
                end = next
            } else {
                break
            }
        }
        return start..<end
    }

    /// ` # comment` after a scalar value, kept when the value is rewritten.
    static func trailingComment(of line: String) -> String {
        guard let hash = line.range(of: " #") else { return "" }
        return String(line[hash.lowerBound...])
    }
}
