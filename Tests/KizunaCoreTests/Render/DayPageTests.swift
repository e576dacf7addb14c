import Foundation
import Testing
@testable import KizunaCore

/// Day pages are spliced into compiled templates (`CompiledTemplate`), the escaped payload going in as bytes;
/// rendering each page whole through Mustache is the reference.
@Suite struct DayPageTests {
    /// Every day page of every edition, spliced and rendered whole.
    func pages(_ content: ValidatedContent) throws -> [(spliced: [UInt8], whole: [UInt8])] {
        let renderer = PreviewRenderer(
            templates: try PreviewTemplates.repository(), reviewers: content.content.reviewers,
            manuscripts: content.content.manuscripts)
        let flex = FlexRenderer()
        return content.editions.flatMap { edition in
            let messages = content.compiler.messages(for: edition)
            // The spliced pages share one edition's parts, as a build does; the reference makes its own each time.
            let parts = PreviewEditionParts()
            return messages.indices.map { i in
                let previous = i > 0 ? messages[i - 1] : nil
                let next = i + 1 < messages.count ? messages[i + 1] : nil
                let payload = flex.payload(for: messages[i])
                return (
                    renderer.dayPageBytes(messages[i], previous: previous, next: next, payload: payload, parts: parts),
                    renderer.dayPageBytesRenderedWhole(
                        messages[i], previous: previous, next: next, payload: payload, parts: PreviewEditionParts())
                )
            }
        }
    }

    /// Every sample day page, and the golden set's pages with a title holding marker characters: the title goes into
    /// the payload, which the page shows escaped, and the marker must not be taken for a mark.
    @Test func everySplicedDayPageIsTheWholeRender() throws {
        let sample = try #require(
            Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false).content)
        let samplePages = try pages(sample)
        #expect(samplePages.count == sample.editions.map { sample.compiler.messages(for: $0).count }.reduce(0, +))
        let markedPages = try pages(try #require(try ContentFixtures.goldenWithMarkedTitle())).filter {
            String(decoding: $0.whole, as: UTF8.self).contains("\u{E000}0\u{E001}")
        }
        #expect(!markedPages.isEmpty)
        for page in samplePages + markedPages { #expect(page.spliced == page.whole) }
    }
}
