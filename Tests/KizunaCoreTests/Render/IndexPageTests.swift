import Foundation
import Testing
@testable import KizunaCore

/// The index is spliced from row skeletons (`IndexPageSkeletons`); rendering it whole through Mustache is the
/// reference.
@Suite struct IndexPageTests {
    func pages(_ content: ValidatedContent, templates: PreviewTemplates) -> [(spliced: [UInt8], whole: [UInt8])] {
        let renderer = PreviewRenderer(
            templates: templates, reviewers: content.content.reviewers, manuscripts: content.content.manuscripts)
        return content.editions.map { edition in
            let messages = content.compiler.messages(for: edition)
            func page(_ spliced: Bool) -> [UInt8] {
                renderer.indexPageBytes(
                    editionName: edition.name.value, editionID: edition.id.value, messages: messages,
                    spliced: spliced)
            }
            return (page(true), page(false))
        }
    }

    @Test func everySampleEditionsIndexIsTheWholeRender() throws {
        let content = try #require(
            Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false).content)
        let pages = pages(content, templates: try PreviewTemplates.repository())
        #expect(pages.count == content.editions.count)
        for page in pages {
            #expect(page.spliced == page.whole)
            #expect(page.spliced.count > 10_000)
        }
        // The sample content has rows of several shapes: with and without inserts, survey days, unapproved days.
        let html = String(decoding: pages[0].spliced, as: UTF8.self)
        #expect(html.contains("アンケート配信日") || html.contains("未承認"))
    }

    @Test func aRowPartialAskingForThePagesValueIsRenderedWhole() throws {
        var sources = try ContentDirectory.readTemplates(Paths.templates.path)
        sources["index-row"] = "<tr><td>{{label}}</td><td>{{editionName}}</td></tr>\n"
        let content = try #require(
            Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false).content)
        let page = try #require(pages(content, templates: try PreviewTemplates(sources: sources)).first)
        #expect(page.spliced == page.whole)
        #expect(String(decoding: page.spliced, as: UTF8.self).contains("<td>\(content.editions[0].name.value)</td>"))
    }

    @Test func anIndexWithoutTheRowPartialIsRenderedWhole() throws {
        var sources = try ContentDirectory.readTemplates(Paths.templates.path)
        sources["index"] = "{{#series}}{{#days}}{{label}}|{{/days}}{{/series}}"
        let content = try #require(
            Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false).content)
        for page in pages(content, templates: try PreviewTemplates(sources: sources)) {
            #expect(page.spliced == page.whole)
            #expect(!page.spliced.isEmpty)
        }
    }

    @Test func aTitleHoldingAMarkerCharacterIsRenderedWhole() throws {
        let content = try #require(try ContentFixtures.goldenWithMarkedTitle())
        for page in pages(content, templates: try PreviewTemplates.repository()) {
            #expect(page.spliced == page.whole)
            #expect(String(decoding: page.spliced, as: UTF8.self).contains(ContentFixtures.markedTitle))
        }
    }
}
