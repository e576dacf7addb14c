import Foundation
import Testing
@testable import KizunaCore

/// Payloads are written straight into bytes; the same typed values as JSON trees (`FlexJSONTree.swift`) are the
/// reference.
@Suite struct FlexJSONTests {
    @Test func everyBubbleOfTheSampleContentIsWrittenAsItsJSONValue() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false)
        let content = try #require(report.content)
        var bubbles = 0
        var surveyDays = 0
        let sections = FlexSections(content.content.manuscripts)
        let limits = PayloadLimitCheck(manuscripts: content.content.manuscripts)
        for edition in content.editions {
            let context = FlexEditionContext(sections: sections)
            let summed = limits.worstCases(
                edition, compiler: content.compiler, context: FlexEditionContext(sections: sections))
            let messages = content.compiler.messages(for: edition)
            #expect(summed.map(\.manuscript.path) == messages.map(\.manuscript.path))
            for (message, (_, withoutMessages, _)) in zip(messages, summed) {
                // The one-bubble size `validate` sums from parts shared across the edition's days is the written one,
                // whether summed for a day message or, as `validate` does, without making one.
                let written = FlexRenderer().bubble(for: message).bytes
                let worst =
                    written.count + written.occurrences(of: Array(Placeholder.nickname.utf8))
                    * (message.nicknameMaxLength * 4 - 10)
                #expect(
                    FlexRenderer().singleBubbleWorstCase(message, in: context) == worst,
                    "\(message.day.label)")
                // A day whose readers of different month ages get different inserts is one message per month age,
                // each summed for its own readers.
                #expect(withoutMessages == worst, "\(edition.id.value) \(message.day.label)")
                if message.surveyURL != nil { surveyDays += 1 }
                // The payload as a build writes it, from parts written once for the edition and the build, is the
                // typed request written as a tree.
                let request = FlexRenderer().request(for: message)
                #expect(
                    FlexRenderer().payload(for: message, in: context).bytes == request.json.bytes + [0x0A],
                    "\(edition.id.value) \(message.day.label)")
                bubbles += request.messages.count
            }
        }
        // At least one bubble for every day of every edition was compared.
        let days = content.editions.map { content.compiler.messages(for: $0).count }.reduce(0, +)
        #expect(days > 0 && bubbles >= days)
        #expect(surveyDays > 0)
    }

    @Test func everyOptionalMemberPresentOrAbsent() {
        let some: [String?] = [nil, "x\"\\\n"]
        var components: [FlexComponent] = [.separator(margin: "xl")]
        for color in some {
            for size in some {
                for weight in some {
                    for margin in some {
                        components.append(
                            .text(FlexText(text: "本文", size: size, weight: weight, color: color, margin: margin)))
                        for decoration in some {
                            let span = FlexSpan(text: "リンク", weight: weight, color: color, decoration: decoration)
                            components.append(
                                .text(
                                    FlexText(
                                        text: "本文", spans: [span, FlexSpan(text: "b")], size: size, weight: weight,
                                        color: color, margin: margin)))
                        }
                    }
                }
            }
        }
        for margin in some { components.append(.button(FlexButton(label: "電話する", uri: "tel:000", margin: margin))) }
        for spacing in some {
            for margin in some {
                for padding in some {
                    for background in some {
                        for radius in some {
                            components.append(
                                .box(
                                    FlexBox(
                                        contents: Array(components.prefix(3)), spacing: spacing, margin: margin,
                                        paddingAll: padding, backgroundColor: background, cornerRadius: radius)))
                        }
                    }
                }
            }
        }
        components.append(.box(FlexBox(contents: [])))
        for component in components {
            #expect(component.bytes == component.json.bytes, "\(String(decoding: component.json.bytes, as: UTF8.self))")
        }
        let box = FlexBox(contents: components)
        for footer in [nil, box] {
            let bubble = FlexBubble(header: box, body: box, footer: footer, headerBackground: "#FDEEF1")
            #expect(bubble.bytes == bubble.json.bytes)
        }
    }
}
