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
    /// Every text of the content that takes approvals: manuscripts in day order, then the shared texts, editions
    /// and inserts (each insert with the approvers of the editions that send it).
    public var approvableTexts: [ApprovableText] {
        var texts = manuscripts.map {
            ApprovableText(
                subject: $0.subject, path: $0.path, title: $0.title.value, reader: ReaderText($0),
                entitled: $0.supervisors, approval: $0.approval, signOff: $0.signOff)
        }
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
        return texts
    }
}
