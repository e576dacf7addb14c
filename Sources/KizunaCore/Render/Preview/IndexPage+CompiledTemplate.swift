import Mustache

extension PreviewRenderer {
    /// The index page, or nil when it must be rendered whole.
    ///
    /// An edition's index lists its 534 days, so its rows are not each rendered through Mustache: the template
    /// writes each row with the `index-row` partial, compiled once per row shape, and every row is that template
    /// with its values written in. The page around the rows is rendered with one row per series and the partial
    /// replaced by the marker of slot 0, and compiled; each of its slots takes the next series' rows.
    ///
    /// Pages are byte-identical to rendering them whole (`IndexPageTests`). Whatever cannot be spliced is rendered
    /// whole: a template without the partial, a value holding a marker character, or a row partial that asks for a
    /// name its row does not have (it would find the page's value through the context stack).
    func splicedIndexPage(_ page: IndexPage) -> [UInt8]? {
        guard let indexFrameTemplates else { return nil }
        var outline = page
        outline.series = page.series.map {
            IndexPage.SeriesGroup(name: $0.name, count: $0.count, days: Array($0.days.prefix(1)))
        }
        let withRows = page.series.filter { !$0.days.isEmpty }
        let rendered = Array(indexFrameTemplates.render(outline, template: "index").utf8)
        guard let frame = CompiledTemplate(rendered, slots: 1), frame.slotPieceCount == withRows.count else {
            return nil
        }

        var out: [UInt8] = []
        out.reserveCapacity(rendered.count + 512 * page.series.reduce(0) { $0 + $1.days.count })
        var series = withRows.makeIterator()
        for piece in frame.pieces {
            switch piece {
            case .literal(let bytes): out.append(contentsOf: bytes)
            case .slot:
                for row in series.next()!.days {
                    guard append(row, into: &out) else { return nil }
                }
            }
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
        let template = indexRowTemplates.template(for: shape) {
            CompiledTemplate(
                Array(templates.render(OnlyRow(row: marked), template: IndexPage.rowPartial).utf8), slots: values.count)
        }
        guard let template else { return false }
        template.write(values, into: &out)
        return true
    }
}

extension IndexPage {
    static let rowPartial = "index-row"

    /// `templates` with the row partial replaced by the marker of slot 0, for the page around the rows; nil when the
    /// index does not use the partial.
    static func frameTemplates(_ templates: PreviewTemplates) -> PreviewTemplates? {
        templates.has(rowPartial) ? templates.replacing(rowPartial, with: CompiledTemplate.marker(0)) : nil
    }
}

/// A row as the partial's only context: a name the row does not have gives a marker of no slot, so the template is
/// refused instead of compiled without the page's value.
private struct OnlyRow: MustacheParent {
    let row: IndexPage.DayRow
    func child(named name: String) -> Any? { row.child(named: name) ?? CompiledTemplate.noSlot }
}
