import CFileSystem
import Foundation

/// A day's preview differs from one edition to the next only in the edition's own values (its name, inserts,
/// survey, disclaimer, footer and the payload). So the day template is rendered by Mustache once per manuscript
/// and shape (which of those values are present), with a marker in place of each value, and every edition's page
/// is that skeleton with its values spliced in, escaped as Mustache escapes them, so Mustache's work does not grow
/// with the number of editions. Pages are byte-identical to rendering each one (the golden tests render the
/// same pages both ways).
///
/// Values are escaped for `{{…}}`, except the fields named `…HTML`/`html` that the template writes with
/// `{{{…}}}`. Anything holding the marker characters (U+E000, U+E001) is rendered the slow way.
final class DayPageSkeletons: @unchecked Sendable {
    enum Piece {
        case text([UInt8])
        case value(Int)
    }

    /// Everything on a page besides the edition's values follows from the manuscript (hence its day) and its
    /// neighbours' days; with which edition values are present (each mark's index stands for one), that is the shape.
    struct Key: Hashable {
        let manuscriptPath: [UInt8]
        let previous: DayKey?
        let next: DayKey?
        let shape: [UInt8]
    }

    private let lock = NSLock()
    /// Nil: this shape cannot be spliced (a marker character in the manuscript); render directly.
    private var skeletons: [Key: [Piece]?] = [:]

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// The day page of `message` with `edition`'s values, or nil when it must be rendered directly. `page` makes the
    /// whole page from an edition part; it is called only when no skeleton of this key and shape is known yet.
    func render(
        _ edition: DayPage.EditionPart, of message: DayMessage, previous: DayKey?, next: DayKey?,
        page: (DayPage.EditionPart) -> DayPage, templates: PreviewTemplates
    ) -> [UInt8]? {
        var values = MarkedValues()
        let marked = edition.marked(into: &values)
        guard !values.holdMarker else { return nil }
        // Keys of bytes: a String key is hashed through Unicode normalization, and the titles are Japanese.
        let key = Key(
            manuscriptPath: Array(message.manuscript.path.utf8), previous: previous, next: next, shape: edition.shape)
        // Rendered outside the lock, so the other threads keep splicing meanwhile; two threads may render the same
        // skeleton once each, and they are identical.
        let pieces: [Piece]?
        if let known = lock.withLock({ skeletons[key] }) {
            pieces = known
        } else {
            let made = Self.pieces(templates.render(page(marked), template: "day"), count: values.count)
            lock.withLock { skeletons[key] = made }
            pieces = made
        }
        guard let pieces else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        values.splice(into: pieces, &out)
        return out
    }

    /// Whether U+E000 or U+E001 occurs (EE 80 80 / EE 80 81 in UTF-8), looked for in the bytes.
    static func holdsMarker(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { holdsMarker($0) }
    }

    static func holdsMarker(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        var at = 0
        // 0xEE leads only U+E000–U+EFFF, which text hardly ever holds: memchr skips the rest.
        while at + 2 < utf8.count, let found = memchr(base + at, 0xEE, utf8.count - at - 2) {
            let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if utf8[i + 1] == 0x80, utf8[i + 2] == 0x80 || utf8[i + 2] == 0x81 { return true }
            at = i + 1
        }
        return false
    }

    /// The rendered skeleton cut at its marks; nil if a marker character appears that is not one of the marks.
    static func pieces(_ page: String, count: Int) -> [Piece]? {
        // Cut in the UTF-8 bytes (U+E000 is EE 80 80, U+E001 is EE 80 81): no other character's encoding holds
        // either sequence, so a byte search finds exactly the marks, with no breaking into Characters.
        let bytes = Array(page.utf8)
        let open = Array(String(Self.open).utf8), close = Array(String(Self.close).utf8)
        var pieces: [Piece] = []
        var at = 0
        while let start = bytes.firstOffset(of: open, from: at) {
            pieces.append(.text(Array(bytes[at..<start])))
            let digits = start + open.count
            guard let end = bytes.firstOffset(of: close, from: digits),
                let i = Int(String(decoding: bytes[digits..<end], as: UTF8.self)), (0..<count).contains(i)
            else { return nil }
            pieces.append(.value(i))
            at = end + close.count
        }
        guard bytes.firstOffset(of: close, from: at) == nil else { return nil }
        pieces.append(.text(Array(bytes[at...])))
        return pieces
    }
}

/// Values taken out of a page as numbered markers, and put back escaped into a skeleton's pieces (day pages, index
/// rows).
struct MarkedValues {
    private enum Value {
        /// Text, escaped when spliced unless `raw` (an HTML fragment).
        case text(String, raw: Bool)
        /// HTML as UTF-8 bytes, spliced as it is.
        case html([UInt8])
    }

    private var values: [Value] = []

    var count: Int { values.count }
    /// Whether a value holds a marker character itself, so that the page cannot be spliced.
    var holdMarker: Bool {
        values.contains {
            switch $0 {
            case .text(let value, _): DayPageSkeletons.holdsMarker(value)
            case .html(let bytes): bytes.withUnsafeBufferPointer { DayPageSkeletons.holdsMarker($0) }
            }
        }
    }

    /// The marker standing for `value`; `raw` values (HTML fragments) are put back unescaped.
    mutating func mark(_ value: String, raw: Bool = false) -> String {
        values.append(.text(value, raw: raw))
        return marker
    }

    /// The marker standing for an HTML fragment given as bytes (a day's escaped payload, about 10 KB).
    mutating func mark(html: [UInt8]) -> String {
        values.append(.html(html))
        return marker
    }

    private var marker: String {
        let i = values.count - 1
        return i < Self.markers.count ? Self.markers[i] : Self.marker(i)
    }

    /// The first markers, made once: a page marks a dozen to a few dozen values.
    private static let markers = (0..<64).map(marker)

    private static func marker(_ i: Int) -> String { "\(DayPageSkeletons.open)\(i)\(DayPageSkeletons.close)" }

    /// `pieces` with each value escaped as Mustache escapes `{{…}}`, appended to `out`.
    func splice(into pieces: [DayPageSkeletons.Piece], _ out: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .text(let bytes): out.append(contentsOf: bytes)
            case .value(let i):
                switch values[i] {
                case .text(var value, raw: false): value.withUTF8 { HTMLText.escape(utf8: $0, into: &out) }
                case .text(let value, raw: true): out.append(contentsOf: value.utf8)
                case .html(let bytes): out.append(contentsOf: bytes)
                }
            }
        }
    }
}

extension DayPage.EditionPart {
    /// The part with each value replaced by its marker, the values taken into `values` in the order they are marked.
    func marked(into values: inout MarkedValues) -> DayPage.EditionPart {
        var marked = self
        func mark(_ value: String, raw: Bool = false) -> String { values.mark(value, raw: raw) }
        func mark(_ value: String?, raw: Bool = false) -> String? { value.map { values.mark($0, raw: raw) } }
        marked.editionName = mark(editionName)
        marked.surveyURL = mark(surveyURL)
        marked.disclaimer = mark(disclaimer)
        marked.unsubscribeLabel = mark(unsubscribeLabel)
        marked.unsubscribeURL = mark(unsubscribeURL)
        marked.publisher = mark(publisher)
        marked.deskName = mark(deskName)
        marked.deskPhone = mark(deskPhone)
        marked.tel = mark(tel)
        for i in marked.inserts.indices {
            marked.inserts[i].title = mark(inserts[i].title)
            marked.inserts[i].html = mark(inserts[i].html, raw: true)
            marked.inserts[i].link = mark(inserts[i].link)
            marked.inserts[i].window = mark(inserts[i].window)
            marked.inserts[i].deskName = mark(inserts[i].deskName)
            marked.inserts[i].deskPhone = mark(inserts[i].deskPhone)
            marked.inserts[i].tel = mark(inserts[i].tel)
            marked.inserts[i].source = mark(inserts[i].source)
        }
        if let payload {
            marked.payload = DayPage.PayloadView(
                jsonHTMLBytes: Array(values.mark(html: payload.jsonHTMLBytes).utf8),
                messages: mark(payload.messages))
        }
        return marked
    }

    /// Which values are present: the survey, desk and payload, and each insert's optional parts.
    var shape: [UInt8] {
        var s: [UInt8] = [
            surveyURL == nil ? 0 : 1, deskName == nil ? 0 : 1, deskPhone == nil ? 0 : 1, tel == nil ? 0 : 1,
            payload == nil ? 0 : 1, UInt8(truncatingIfNeeded: inserts.count),
            UInt8(truncatingIfNeeded: inserts.count >> 8),
        ]
        for insert in inserts {
            s.append(
                UInt8(insert.link == nil ? 0 : 1) | (insert.deskName == nil ? 0 : 2) | (insert.deskPhone == nil ? 0 : 4)
                    | (insert.tel == nil ? 0 : 8))
        }
        return s
    }
}
