import Foundation

/// Records an approval in a manuscript file, changing only what it must: the `approval:` block (replaced or
/// appended) and the value of `review:`. Every other byte (comments, key order, blank lines) stays as it was.
public enum ApprovalRecorder {
    /// What `kizuna approve` writes for one manuscript.
    public struct Result: Sendable {
        /// The manuscript file's new bytes.
        public var manuscript: [UInt8]
        /// The approved reader text, kept beside the content so the next review can show what changed.
        public var snapshotPath: String
        public var snapshot: [UInt8]
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unknownReviewer(String)
        case noReviewer
        case notRecorded(String)
        /// The reviewer is registered but does not supervise this manuscript; `entitled`: who does, as shown.
        case notEntitled(String, entitled: [String])

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
                    en: "'\(id)' is not a supervisor of this manuscript, so cannot approve it; "
                        + (entitled.isEmpty
                            ? "it names no supervisors (add them under `supervisors:`)"
                            : "its supervisors are \(entitled.joined(separator: ", "))"),
                    ja: "\(Japanese.quote(id)) はこの原稿の監修者ではないため、承認できません。"
                        + (entitled.isEmpty
                            ? "原稿に監修者がいません（`supervisors:` に記入してください）"
                            : "この原稿の監修者: \(entitled.joined(separator: "、"))"))
            }
        }
    }

    /// The snapshot's path relative to the content folder: `approved/childcare/0045.txt`.
    public static func snapshotPath(for day: DayKey) -> String {
        "approved/\(day.series.rawValue)/\(day.fileStem).txt"
    }

    public static func record(
        _ manuscript: Manuscript, in file: SourceFile, reviewers: [String], registry: [Reviewer],
        date: CalendarDate
    ) throws(Failure) -> Result {
        guard !reviewers.isEmpty else { throw .noReviewer }
        let known = Set(registry.map(\.id.value))
        for id in reviewers where !known.contains(id) { throw .unknownReviewer(id) }
        let supervisors = manuscript.supervisors.map(\.value)
        for id in reviewers where !supervisors.contains(id) {
            throw .notEntitled(id, entitled: supervisors.map(ReviewerNames(registry).label))
        }
        let reader = ReaderText(manuscript)
        var text = String(decoding: file.bytes, as: UTF8.self)
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }

        // review: draft → review: approved, on its line only.
        if manuscript.review.value != .approved {
            let i = manuscript.review.location.line - 1
            if manuscript.review.location.file == manuscript.path, i < lines.count, lines[i].hasPrefix("review:") {
                lines[i] = "review: approved" + Self.trailingComment(of: lines[i])
            } else {
                lines.append("review: approved")
            }
        }

        let block = [
            "approval:",
            "  by: [\(reviewers.joined(separator: ", "))]",
            "  date: \(date)",
            "  sha256: \(reader.sha256)",
        ]
        if let start = lines.firstIndex(where: { $0.hasPrefix("approval:") }) {
            var end = start + 1
            // The block runs over indented lines; blank lines count only when more of the block follows.
            while end < lines.count {
                if lines[end].first == " " || lines[end].first == "\t" {
                    end += 1
                } else if lines[end].trimmingTrailingWhitespace.isEmpty,
                    let next = lines[end...].firstIndex(where: { !$0.trimmingTrailingWhitespace.isEmpty }),
                    lines[next].first == " " || lines[next].first == "\t"
                {
                    end = next
                } else {
                    break
                }
            }
            lines.replaceSubrange(start..<end, with: block)
        } else {
            lines += block
        }
        text = lines.joined(separator: newline) + newline
        // Read back what will be written: it must load cleanly and be approved for exactly this text.
        var problems: [Diagnostic] = []
        let edited = SourceFile(path: file.path, bytes: Array(text.utf8))
        guard let document = YAMLDocumentLoader().load(edited, into: &problems),
            let reloaded = ManuscriptLoader().load(document, into: &problems), !problems.hasErrors,
            reloaded.state == .approved, ReaderText(reloaded) == reader
        else {
            throw .notRecorded(DiagnosticFormatter.text(problems).trimmingTrailingWhitespace)
        }
        return Result(
            manuscript: Array(text.utf8), snapshotPath: snapshotPath(for: manuscript.day.value),
            snapshot: Array(reader.text.utf8))
    }

    /// ` # comment` after a scalar value, kept when the value is rewritten.
    static func trailingComment(of line: String) -> String {
        guard let hash = line.range(of: " #") else { return "" }
        return String(line[hash.lowerBound...])
    }
}
