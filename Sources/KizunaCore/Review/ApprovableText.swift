/// A text that takes approvals, whatever its kind: what `approve`, the review sheets, the review report and the
/// release share.
public struct ApprovableText: Sendable {
    public var subject: ApprovalSubject
    /// The file the approvals are written in.
    public var path: String
    /// How a reviewer names it: the manuscript's title, the insert's title, the edition's name.
    public var title: String
    public var reader: ReaderText
    /// Who may approve it.
    public var entitled: [LocatedText]
    public var approval: Approval?
    public var signOff: SignOffStatus

    public var state: ReviewState { signOff.state }
}

extension ContentSet {
    /// Every text of the content that takes approvals: manuscripts in day order, then the shared texts, editions,
    /// inserts and loss support messages (each insert and support message with the approvers of the editions that
    /// send it).
    public var approvableTexts: [ApprovableText] {
        manuscripts.map {
            ApprovableText(
                subject: $0.subject, path: $0.path, title: $0.title.value, reader: ReaderText($0),
                entitled: $0.supervisors, approval: $0.approval, signOff: $0.signOff)
        } + textsBesideManuscripts
    }

    /// The texts that take approvals other than manuscripts: the shared texts, editions, inserts and loss support
    /// messages.
    var textsBesideManuscripts: [ApprovableText] {
        var texts: [ApprovableText] = []
        if let c = configuration {
            texts.append(
                ApprovableText(
                    subject: .shared, path: c.path, title: "共通の免責事項とフッター", reader: ReaderText(c),
                    entitled: c.approvers, approval: c.approval, signOff: c.signOffStatus))
        }
        for e in editions {
            texts.append(
                ApprovableText(
                    subject: .edition(e.id.value), path: e.path, title: e.name.value, reader: ReaderText(e),
                    entitled: e.approvers, approval: e.approval, signOff: e.signOff))
        }
        for i in inserts {
            let entitled = editions.filter { $0.inserts.contains { $0.value == i.id.value } }.flatMap(\.approvers)
            texts.append(
                ApprovableText(
                    subject: .insert(i.id.value), path: i.path, title: i.title.value, reader: ReaderText(i),
                    entitled: entitled, approval: i.approval, signOff: i.signOff))
        }
        for l in lossSupports {
            texts.append(
                ApprovableText(
                    subject: .lossSupport(l.id.value), path: l.path, title: l.title.value, reader: ReaderText(l),
                    entitled: lossSupportApprovers(l.id.value), approval: l.approval, signOff: l.signOff))
        }
        return texts
    }
}

extension ContentSet {
    /// Who may approve a loss support message: the approvers of the editions that name it.
    func lossSupportApprovers(_ id: String) -> [LocatedText] {
        editions.filter { $0.lossSupport?.value == id }.flatMap(\.approvers)
    }
}

extension ApprovableText {
    /// The same text holding no parsed source file (a `LocatedText` keeps its file alive to map characters back),
    /// to be kept once the file is done with: a build keeps one per edition and insert for the review sheets.
    var detached: ApprovableText {
        func plain(_ text: LocatedText) -> LocatedText { LocatedText(text.value, at: text.location) }
        var text = self
        text.entitled = entitled.map(plain)
        text.approval = approval.map { approval in
            Approval(
                entries: approval.entries.map {
                    ApprovalEntry(
                        by: plain($0.by), date: $0.date, sha256: plain($0.sha256), signature: $0.signature.map(plain),
                        location: $0.location)
                }, location: approval.location)
        }
        text.signOff.diagnostics = []
        return text
    }

    /// Texts read edition by edition, gathered: each text once, an insert that several editions send entitled to
    /// the approvers of all of them and evaluated again with them (as `evaluateAll` does over the whole content).
    static func gathered(_ texts: [ApprovableText], evaluator: SignOffEvaluator) -> [ApprovableText] {
        var order: [ApprovalSubject] = []
        var bySubject: [ApprovalSubject: ApprovableText] = [:]
        var senders: [ApprovalSubject: Int] = [:]
        for text in texts {
            senders[text.subject, default: 0] += 1
            guard var known = bySubject[text.subject] else {
                order.append(text.subject)
                bySubject[text.subject] = text
                continue
            }
            known.entitled += text.entitled.filter { id in !known.entitled.contains { $0.value == id.value } }
            bySubject[text.subject] = known
        }
        return order.map { subject in
            var text = bySubject[subject]!
            if senders[subject]! > 1 {
                text.signOff = evaluator.evaluate(
                    subject, reader: text.reader, entitled: text.entitled, approval: text.approval)
                text.signOff.diagnostics = []
            }
            return text
        }
    }
}
