import Foundation
import Mustache

/// An edition's index lists its 534 days, so its rows are spliced like day pages (`DayPageSkeletons`), not each
/// rendered through Mustache. The template writes each row with the `index-row` partial: the partial is rendered
/// once per row shape with a marker in place of each value, and every row is that skeleton with its values escaped
/// in. The page around the rows is rendered by Mustache with one row per series, the partial replaced by a row
/// marker, and each marker is replaced by the series' rows.
///
/// Pages are byte-identical to rendering them whole (`IndexPageTests`). Whatever cannot be spliced is rendered
/// whole: a template without the partial, a value holding a marker character, or a row partial that asks for a
/// name its row does not have (it would find the page's value through the context stack).
final class IndexPageSkeletons: @unchecked Sendable {
    static let partial = "index-row"
    private static let rowMarker = "\(DayPageSkeletons.open)row\(DayPageSkeletons.close)"
    private static let rowMarkerBytes = Array(rowMarker.utf8)

    private let lock = NSLock()
    private var rows: [[UInt8]: [DayPageSkeletons.Piece]?] = [:]
    private let templates: PreviewTemplates
    /// The templates with the row partial replaced by the row marker; nil when the index does not use the partial.
    private let frame: PreviewTemplates?

    init(templates: PreviewTemplates) {
        self.templates = templates
        frame = templates.has(Self.partial) ? templates.replacing(Self.partial, with: Self.rowMarker) : nil
    }

    /// The page, or nil when it must be rendered whole.
    func render(_ page: IndexPage) -> [UInt8]? {
        guard let frame else { return nil }
        var outline = page
        outline.series = page.series.map {
            IndexPage.SeriesGroup(name: $0.name, count: $0.count, days: Array($0.days.prefix(1)))
        }
        let rendered = Array(frame.render(outline, template: "index").utf8)
        // Cut in the UTF-8 bytes it was rendered to, with no String search: this runs for every edition's index.
        var parts: [ArraySlice<UInt8>] = []
        var at = 0
        while let found = rendered.firstOffset(of: Self.rowMarkerBytes, from: at) {
            parts.append(rendered[at..<found])
            at = found + Self.rowMarkerBytes.count
        }
        parts.append(rendered[at...])
        let withRows = page.series.filter { !$0.days.isEmpty }
        guard parts.count == withRows.count + 1,
            !parts.contains(where: { part in part.withUnsafeBufferPointer { DayPageSkeletons.holdsMarker($0) } })
        else { return nil }

        var out: [UInt8] = []
        out.reserveCapacity(rendered.count + 512 * page.series.reduce(0) { $0 + $1.days.count })
        out.append(contentsOf: parts[0])
        for (series, after) in zip(withRows, parts.dropFirst()) {
            for row in series.days {
                guard append(row, into: &out) else { return nil }
            }
            out.append(contentsOf: after)
        }
        return out
    }

    private func append(_ row: IndexPage.DayRow, into out: inout [UInt8]) -> Bool {
        var values = MarkedValues()
        let marked = IndexPage.DayRow(
            label: values.mark(row.label), href: values.mark(row.href), title: values.mark(row.title),
            inserts: row.inserts.map { values.mark($0) },
            supervisors: row.supervisors.map {
                SupervisorView(name: values.mark($0.name), detail: values.mark($0.detail), known: $0.known)
            },
            review: values.mark(row.review), reviewClass: values.mark(row.reviewClass), unapproved: row.unapproved,
            survey: row.survey,
            sampleDate: values.mark(row.sampleDate))
        guard !values.holdMarker else { return false }
        // The shape as bytes, not a string to make and hash: this runs for each of an edition's 534 rows.
        var shape: [UInt8] = [
            UInt8(truncatingIfNeeded: row.inserts.count), UInt8(truncatingIfNeeded: row.inserts.count >> 8),
            row.survey ? 1 : 0, row.unapproved ? 1 : 0,
        ]
        for supervisor in row.supervisors { shape.append(supervisor.known ? 1 : 0) }
        let pieces: [DayPageSkeletons.Piece]? = lock.withLock {
            if let known = rows[shape] { return known }
            let made = DayPageSkeletons.pieces(
                templates.render(OnlyRow(row: marked), template: Self.partial), count: values.count)
            rows[shape] = made
            return made
        }
        guard let pieces else { return false }
        values.splice(into: pieces, &out)
        return true
    }

    /// A row as the partial's only context: a name the row does not have gives a stray marker, so the skeleton is
    /// refused instead of rendering without the page's value.
    private struct OnlyRow: MustacheParent {
        let row: IndexPage.DayRow
        func child(named name: String) -> Any? {
            row.child(named: name) ?? "\(DayPageSkeletons.open)?\(DayPageSkeletons.close)"
        }
    }
}
