import CFileSystem
import Foundation

/// A template rendered once with a numbered marker (U+E000, the slot's number, U+E001) in place of each value, cut
/// into the literal UTF-8 pieces between the markers and the slots the markers stand for. A page is the pieces with
/// its values written into the slots (`MarkedValues`), so Mustache renders once per shape of page, not once per page.
///
/// A value holding a marker character is refused before it is marked, and a rendered template whose markers do not
/// all stand for its slots does not compile: such pages are rendered whole.
struct CompiledTemplate: Sendable {
    enum Piece: Sendable {
        case literal([UInt8])
        case slot(Int)
    }

    let pieces: [Piece]

    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"
    private static let openBytes = Array(String(open).utf8)
    private static let closeBytes = Array(String(close).utf8)

    /// A marker that stands for no slot: a template that renders it does not compile.
    static let noSlot = "\(open)?\(close)"

    /// The marker standing for slot `i`.
    static func marker(_ i: Int) -> String { i < markers.count ? markers[i] : "\(open)\(i)\(close)" }

    /// The first markers, made once: a page marks a dozen to a few dozen values.
    private static let markers = (0..<64).map { "\(open)\($0)\(close)" }

    /// `bytes`, a rendered page, cut at its markers; nil if a U+E000 does not begin a marker of one of `slots` slots,
    /// or a U+E001 follows the last marker.
    init?(_ bytes: [UInt8], slots: Int) {
        // Cut in the UTF-8 bytes (U+E000 is EE 80 80, U+E001 is EE 80 81): no other character's encoding holds
        // either sequence, so a byte search finds exactly the markers, with no breaking into Characters.
        let open = Self.openBytes, close = Self.closeBytes
        var pieces: [Piece] = []
        var at = 0
        while let start = bytes.firstOffset(of: open, from: at) {
            pieces.append(.literal(Array(bytes[at..<start])))
            let digits = start + open.count
            guard let end = bytes.firstOffset(of: close, from: digits),
                let i = Int(String(decoding: bytes[digits..<end], as: UTF8.self)), (0..<slots).contains(i)
            else { return nil }
            pieces.append(.slot(i))
            at = end + close.count
        }
        guard bytes.firstOffset(of: close, from: at) == nil else { return nil }
        pieces.append(.literal(Array(bytes[at...])))
        self.pieces = pieces
    }

    /// How many pieces are slots (a slot may occur more than once).
    var slotPieceCount: Int { pieces.count { if case .slot = $0 { true } else { false } } }

    /// The page: the literal pieces, with each slot's value from `values`, appended to `out`.
    func write(_ values: MarkedValues, into out: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .literal(let bytes): out.append(contentsOf: bytes)
            case .slot(let i): values.write(i, into: &out)
            }
        }
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
}

/// A page's values taken out as numbered markers (`CompiledTemplate.marker`), to be written back into the slots of
/// a compiled template, escaped as Mustache escapes `{{…}}` except the HTML fragments the template writes with
/// `{{{…}}}`.
struct MarkedValues {
    private enum Value {
        /// Text, escaped when written unless `raw` (an HTML fragment).
        case text(String, raw: Bool)
        /// HTML as UTF-8 bytes, written as it is.
        case html([UInt8])
    }

    private var values: [Value] = []

    var count: Int { values.count }
    /// Whether a value holds a marker character itself, so that the page cannot be spliced.
    var holdMarker: Bool {
        values.contains {
            switch $0 {
            case .text(let value, _): CompiledTemplate.holdsMarker(value)
            case .html(let bytes): bytes.withUnsafeBufferPointer { CompiledTemplate.holdsMarker($0) }
            }
        }
    }

    /// The marker standing for `value`; `raw` values (HTML fragments) are written back unescaped.
    mutating func mark(_ value: String, raw: Bool = false) -> String {
        values.append(.text(value, raw: raw))
        return CompiledTemplate.marker(values.count - 1)
    }

    /// The marker standing for an HTML fragment given as bytes (a day's escaped payload, about 10 KB).
    mutating func mark(html: [UInt8]) -> String {
        values.append(.html(html))
        return CompiledTemplate.marker(values.count - 1)
    }

    /// Value `i` as the page holds it, appended to `out`.
    func write(_ i: Int, into out: inout [UInt8]) {
        switch values[i] {
        case .text(var value, raw: false): value.withUTF8 { HTMLText.escape(utf8: $0, into: &out) }
        case .text(let value, raw: true): out.append(contentsOf: value.utf8)
        case .html(let bytes): out.append(contentsOf: bytes)
        }
    }
}

/// Compiled templates by the shape of page they make, shared by the threads that render pages. A shape whose
/// template does not compile is kept as nil: its pages are rendered whole.
final class CompiledTemplateCache<Key: Hashable>: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [Key: CompiledTemplate?] = [:]

    /// The template for `key`; `compile` makes it when none is known yet.
    func template(for key: Key, compile: () -> CompiledTemplate?) -> CompiledTemplate? {
        if let known = lock.withLock({ templates[key] }) { return known }
        // Compiled outside the lock, so the other threads keep splicing meanwhile; two threads may compile the same
        // key once each, and the templates are identical.
        let made = compile()
        lock.withLock { templates[key] = made }
        return made
    }
}
