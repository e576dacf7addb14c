import Foundation
import Testing
@testable import KizunaCore

/// The index is spliced from compiled row templates (`CompiledTemplate`); rendering it whole through Mustache is the
/// reference.
@Suite struct IndexPageTests {
    /// Each edition's index, spliced and rendered whole.
    func pages(_ content: ValidatedContent, templates: PreviewTemplates) -> [(spliced: [UInt8], whole: [UInt8])] {
        let renderer = PreviewRenderer(
            templates: templates, reviewers: content.content.reviewers, manuscripts: content.content.manuscripts)
        return content.editions.map { edition in
            let messages = content.compiler.messages(for: edition)
            return (
                renderer.indexPageBytes(
                    editionName: edition.name.value, editionID: edition.id.value, messages: messages),
                renderer.indexPageBytesRenderedWhole(
                    editionName: edition.name.value, editionID: edition.id.value, messages: messages)
            )
        }
    }

    /// The sample editions' indexes, and those the splicing must render whole: a row partial asking for the page's
    /// value (it would find it through the context stack), an index without the row partial, and a title holding
    /// marker characters. Each case also checks what its page shows.
    @Test func everySplicedIndexIsTheWholeRender() throws {
        let sample = try #require(
            Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false).content)
        let marked = try #require(try ContentFixtures.goldenWithMarkedTitle())
        let repository = try PreviewTemplates.repository()
        var rowAskingForThePage = try ContentDirectory.readTemplates(Paths.templates.path)
        rowAskingForThePage["index-row"] = "<tr><td>{{label}}</td><td>{{editionName}}</td></tr>\n"
        var withoutRowPartial = try ContentDirectory.readTemplates(Paths.templates.path)
        withoutRowPartial["index"] = "{{#series}}{{#days}}{{label}}|{{/days}}{{/series}}"

        let samplePages = pages(sample, templates: repository)
        #expect(samplePages.count == sample.editions.count)
        for (edition, page) in zip(sample.editions, samplePages) {
            // A row for every day the edition sends, and one of each shape: survey days and unapproved days.
            let html = String(decoding: page.spliced, as: UTF8.self)
            for message in sample.compiler.messages(for: edition) {
                #expect(html.contains(message.day.label), "\(edition.id.value): no row for \(message.day.label)")
            }
            #expect(html.contains("アンケート配信日") && html.contains("未承認"), "\(edition.id.value)")
        }
        let rowAskingPages = pages(sample, templates: try PreviewTemplates(sources: rowAskingForThePage))
        for (edition, page) in zip(sample.editions, rowAskingPages) {
            #expect(String(decoding: page.spliced, as: UTF8.self).contains("<td>\(edition.name.value)</td>"))
        }
        let withoutRowPartialPages = pages(sample, templates: try PreviewTemplates(sources: withoutRowPartial))
        for page in withoutRowPartialPages { #expect(!page.spliced.isEmpty) }
        let markedPages = pages(marked, templates: repository)
        for page in markedPages {
            #expect(String(decoding: page.spliced, as: UTF8.self).contains(ContentFixtures.markedTitle))
        }

        for page in samplePages + rowAskingPages + withoutRowPartialPages + markedPages {
            #expect(page.spliced == page.whole)
        }
    }
}
