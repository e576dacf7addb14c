/// A body component as written JSON, with its count of `{nickname}` placeholders (for the worst-case size). The
/// renderer writes each component once and puts the bytes into every bubble that shows it.
struct WrittenComponent: Sendable {
    let bytes: [UInt8]
    let nicknames: Int

    init(_ component: FlexComponent) {
        bytes = component.bytes
        nicknames = bytes.occurrences(of: FlexRenderer.WorstCase.placeholder)
    }
}

/// Every manuscript's greeting, title and sections written once for all editions: they are the same in every
/// edition. Made once per build.
public struct FlexSections: Sendable {
    let blocks: [String: [FlexRenderer.Block]]
    /// The same, as sizes (`singleBubbleWorstCase`).
    let sizes: [String: FlexRenderer.PartSize]

    public init(_ manuscripts: [Manuscript], renderer: FlexRenderer = FlexRenderer()) {
        self.init(manuscripts, renderer: renderer, memo: nil)
    }

    /// `memo`: blocks made by earlier builds, by file hash.
    init(
        _ manuscripts: [Manuscript], renderer: FlexRenderer = FlexRenderer(),
        memo: (ManuscriptMemo<[FlexRenderer.Block]>, hashes: [String: FileHash])?
    ) {
        let written = ParallelMap.map(manuscripts) { manuscript in
            guard let (memo, hashes) = memo else { return renderer.manuscriptBlocks(manuscript) }
            return memo.value(manuscript, hashes: hashes, make: renderer.manuscriptBlocks)
        }
        blocks = Dictionary(zip(manuscripts.map(\.path), written), uniquingKeysWith: { first, _ in first })
        sizes = blocks.mapValues { FlexRenderer.PartSize($0) }
    }
}

/// What rendering one edition's payloads reuses from day to day: the build's manuscripts as written, and the
/// edition's inserts, disclaimer and empty bubble, written the first time a day needs them (an insert runs for weeks).
/// One per edition, used by one thread at a time: an insert's path names it only within its edition.
public final class FlexEditionContext {
    let sections: FlexSections
    private var inserts: [String: FlexRenderer.Block] = [:]
    private var disclaimer: FlexRenderer.Block?
    /// The worst-case size of the edition's bubble with an empty body and header label (`singleBubbleWorstCase`).
    var emptyBubble: Int?

    public init(sections: FlexSections) {
        self.sections = sections
    }

    /// The context of a message rendered on its own.
    convenience init(for message: DayMessage) {
        self.init(sections: FlexSections([message.manuscript]))
    }

    func insert(_ resolved: ResolvedInsert, make: () -> FlexRenderer.Block) -> FlexRenderer.Block {
        if let known = inserts[resolved.insert.path] { return known }
        let made = make()
        inserts[resolved.insert.path] = made
        return made
    }

    func disclaimer(make: () -> FlexRenderer.Block) -> FlexRenderer.Block {
        if let disclaimer { return disclaimer }
        let made = make()
        disclaimer = made
        return made
    }
}
