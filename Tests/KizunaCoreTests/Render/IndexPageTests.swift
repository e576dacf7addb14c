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
        for (edition, page) in zip(content.editions, pages) {
            #expect(page.spliced == page.whole)
            // A row for every day the edition sends, and one of each shape: survey days and unapproved days.
            let html = String(decoding: page.spliced, as: UTF8.self)
            for message in content.compiler.messages(for: edition) {
                #expect(html.contains(message.day.label), "\(edition.id.value): no row for \(message.day.label)")
            }
            #expect(html.contains("アンケート配信日") && html.contains("未承認"), "\(edition.id.value)")
        }
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
