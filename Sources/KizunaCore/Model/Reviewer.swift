import Foundation

/// A supervisor in the reviewers' registry, named by role in sample content (「小児科医A」).
public struct Reviewer: Sendable {
    public var id: LocatedText
    public var name: LocatedText
    public var role: LocatedText
    public var specialty: LocatedText
    public var affiliation: LocatedText
    /// The public keys the reviewer signs approvals with.
    public var keys: [ReviewerKey] = []
}

/// A reviewer's OpenSSH public key, and the last day a signature made with it counts.
public struct ReviewerKey: Sendable {
    public var key: SSHPublicKey
    /// Where the key's line is written.
    public var location: SourceLocation
    /// After this day the key is retired: a signature dated later does not count.
    public var validUntil: Located<CalendarDate>?
}

/// The registry's names by id, for messages that name reviewers as editors know them.
struct ReviewerNames: Sendable {
    private let names: [String: String]
    /// Registered ids by name, NFC and without spaces, for an id written as the person's name.
    private let idsByName: [String: String]

    init(_ reviewers: [Reviewer]) {
        names = Dictionary(reviewers.map { ($0.id.value, $0.name.value) }, uniquingKeysWith: { a, _ in a })
        idsByName = Dictionary(
            reviewers.map { (Self.nameKey($0.name.value), $0.id.value) }, uniquingKeysWith: { a, _ in a })
    }

    private static func nameKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.filter { !$0.isWhitespace }
    }

    /// The registered id an unknown one was likely meant to be: the id of a reviewer whose name it is
    /// (「小児科医A」 → `pediatrician-a`), else the closest id by spelling.
    func suggestion(for unknown: String) -> String? {
        idsByName[Self.nameKey(unknown)] ?? closestMatch(to: unknown, in: ids)
    }

    /// The name of a registered id; nil for an id the registry does not hold.
    subscript(_ id: String) -> String? { names[id] }

    var ids: [String] { names.keys.sorted() }

    /// 「小児科医A (pediatrician-a)」, or the id alone when it is not registered.
    func label(_ id: String) -> String { names[id].map { "\($0) (\(id))" } ?? id }
    /// The same in a Japanese message: the id quoted as the source text it is.
    func japaneseLabel(_ id: String) -> String { names[id].map { "\($0)（'\(id)'）" } ?? "'\(id)'" }
}
