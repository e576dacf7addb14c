/// A supervisor in the reviewers' registry, named by role in sample content (「小児科医A」).
public struct Reviewer: Sendable {
    public var id: LocatedText
    public var name: LocatedText
    public var role: LocatedText
    public var specialty: LocatedText
    public var affiliation: LocatedText
}
