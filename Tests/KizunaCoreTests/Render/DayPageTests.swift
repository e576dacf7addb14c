import Foundation
import Testing
@testable import KizunaCore

/// Day pages are spliced into per-manuscript skeletons (`DayPageSkeletons`), the escaped payload going in as bytes;
/// rendering each page whole through Mustache is the reference.
@Suite struct DayPageTests {
    func pages(_ content: ValidatedContent) throws -> [(spliced: [UInt8], whole: [UInt8])] {
        let renderer = PreviewRenderer(
            templates: try PreviewTemplates.repository(), reviewers: content.content.reviewers,
            manuscripts: content.content.manuscripts)
        let flex = FlexRenderer()
        return content.editions.flatMap { edition in
            let messages = content.compiler.messages(for: edition)
            return messages.indices.map { i in
                func page(_ spliced: Bool) -> [UInt8] {
                    renderer.dayPageBytes(
                        messages[i], previous: i > 0 ? messages[i - 1] : nil,
                        next: i + 1 < messages.count ? messages[i + 1] : nil,
                        payload: flex.payload(for: messages[i]), spliced: spliced)
                }
                return (page(true), page(false))
            }
        }
    }

    @Test func everySampleDayPageIsTheWholeRender() throws {
        let content = try #require(
            Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false).content)
        let pages = try pages(content)
        #expect(pages.count == content.editions.map { content.compiler.messages(for: $0).count }.reduce(0, +))
        for page in pages { #expect(page.spliced == page.whole) }
    }

    @Test func aPayloadHoldingAMarkerCharacterIsRenderedWhole() throws {
        // The title goes into the payload, which the page shows escaped: the marker must not be taken for a mark.
        let content = try #require(try ContentFixtures.goldenWithMarkedTitle())
        let marked = try pages(content).filter {
            String(decoding: $0.whole, as: UTF8.self).contains("\u{E000}0\u{E001}")
        }
        #expect(!marked.isEmpty)
        for page in marked { #expect(page.spliced == page.whole) }
    }
}
