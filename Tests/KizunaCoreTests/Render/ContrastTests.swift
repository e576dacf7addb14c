import Foundation
import Testing
@testable import KizunaCore

/// Every text colour in the payloads, e-mails and pages has WCAG 2.1 AA contrast against its background (issue 28,
/// item 5): 4.5:1, or 3:1 for large text. The colours are read from where the output takes them: the Flex palette
/// and the payloads it writes, the e-mails' inline styles, and the templates' CSS, so a later change to any of them
/// is checked here.
@Suite struct ContrastTests {
    /// Where a text colour of the templates shows: the rule that sets it (`body` for the text that inherits the
    /// page's colour, `a:link` and `a:visited` for links in the browser's own colours), and each stack of rules
    /// painting the background under it, outermost first, composited over a white canvas.
    struct Shown {
        var text: String
        var on: [[String]]
    }

    /// Chromium's colours for links no rule colours (the review pages', the previews' navigation and provenance).
    static let browserLinks = ["a:link": Colour(css: "#0000EE")!, "a:visited": Colour(css: "#551A8B")!]

    /// The previews (day pages, index, loss support page): templates/head.mustache and loss-support.mustache.
    static let previewPairs: [Shown] = {
        let bubble = ["body", ".bubble"]
        let page = [["body"], ["body", "header.page"], ["body", "aside.provenance"], ["body", "table.timeline"]]
        return [
            Shown(
                text: "body",
                on: page + [
                    ["body", "table.timeline", "table.timeline th"], ["body", ".chat", ".chat .notification"], bubble,
                    bubble + [".insert"], bubble + [".nickname"], bubble + [".insert", ".nickname"],
                    bubble + [".desk"], ["body", "aside.provenance", "code"],
                    ["body", "aside.provenance", "pre.payload"], ["body", ".rule"],
                ]),
            Shown(text: "header.page p", on: [["body", "header.page"], ["body", "header.page", "code"]]),
            Shown(text: ".bubble .b-header .label", on: [bubble + [".bubble .b-header"]]),
            Shown(text: ".bubble.quiet .b-header .label", on: [bubble + [".bubble.quiet .b-header"]]),
            Shown(
                text: ".bubble .b-header .edition",
                on: [bubble + [".bubble .b-header"], bubble + [".bubble.quiet .b-header"]]),
            Shown(text: ".bubble h3", on: [bubble]),
            Shown(text: ".bubble em", on: [bubble, bubble + [".insert"], bubble + [".nickname"]]),
            Shown(text: ".bubble a", on: [bubble, bubble + [".insert"], bubble + [".nickname"]]),
            Shown(text: ".button.link", on: [bubble, bubble + [".insert"], bubble + [".desk"]]),
            Shown(text: ".button.primary", on: [bubble + [".insert", ".button.primary"]]),
            Shown(text: ".button.secondary", on: [bubble + [".button.secondary"]]),
            Shown(text: ".disclaimer", on: [bubble]),
            Shown(text: ".publisher", on: [bubble]),
            Shown(text: ".desk .hours", on: [bubble + [".desk"]]),
            Shown(text: ".status.approved", on: page),
            Shown(text: ".status.draft", on: page),
            Shown(text: ".unapproved", on: [["body", ".unapproved"]]),
            Shown(text: ".unapproved-mark", on: page),
            Shown(text: "a:link", on: page),
            Shown(text: "a:visited", on: page),
        ]
    }()

    /// The review index, lists and sheets: templates/review-head.mustache.
    static let reviewPairs = [
        Shown(text: "body", on: [["body"], ["body", "ins"]]),
        Shown(text: "a:link", on: [["body"]]),
        Shown(text: "a:visited", on: [["body"]]),
    ]

    static func template(_ name: String) throws -> String {
        try String(contentsOf: Paths.templates.appendingPathComponent("\(name).mustache"), encoding: .utf8)
    }

    static func previewSheet() throws -> Stylesheet {
        Stylesheet(templates: [try template("head"), try template("loss-support")])
    }

    /// One line for each pair below the ratio it needs, and every pair's ratio.
    static func check(_ pairs: [Shown], in sheet: Stylesheet) -> (failures: [String], ratios: [String: Double]) {
        var failures: [String] = []
        var ratios: [String: Double] = [:]
        for shown in pairs {
            guard let text = browserLinks[shown.text] ?? sheet.color(shown.text) else {
                failures.append("\(shown.text): no colour")
                continue
            }
            let needed = requiredContrast(fontPixels: sheet.fontPixels(shown.text), bold: sheet.bold(shown.text))
            for stack in shown.on {
                let background = stack.reduce(Colour.white) { under, rule in
                    sheet.background(rule)?.over(under) ?? under
                }
                let ratio = Colour.contrast(text, on: background)
                let name = "\(shown.text) \(text) on \(stack.joined(separator: " > ")) \(background)"
                ratios[name] = ratio
                if ratio < needed {
                    failures.append("\(name): \(String(format: "%.2f", ratio)):1, needs \(needed):1")
                }
            }
        }
        return (failures, ratios)
    }

    @Test func everyTextColourOfThePreviewsHasAAContrastOnItsBackgrounds() throws {
        let (failures, ratios) = Self.check(Self.previewPairs, in: try Self.previewSheet())
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(ratios.count >= 40)
    }

    @Test func everyTextColourOfTheReviewPagesHasAAContrastOnItsBackgrounds() throws {
        let (failures, ratios) = Self.check(
            Self.reviewPairs, in: Stylesheet(templates: [try Self.template("review-head")]))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(ratios.count == 4)
    }

    /// A rule that sets a colour or paints a background, and is in no pair above, would go unchecked.
    @Test(arguments: ["preview", "review"])
    func everyRuleThatColoursTextOrPaintsIsChecked(pages: String) throws {
        let sheet =
            pages == "preview" ? try Self.previewSheet() : Stylesheet(templates: [try Self.template("review-head")])
        let pairs = pages == "preview" ? Self.previewPairs : Self.reviewPairs
        let texts = Set(pairs.map(\.text))
        let backgrounds = Set(pairs.flatMap { $0.on.joined() })
        for selectors in sheet.colouredRules {
            #expect(selectors.contains { texts.contains($0) }, "the colour of \(selectors) is not checked")
        }
        for selectors in sheet.paintedRules {
            #expect(
                selectors.contains { backgrounds.contains($0) }, "text on the background of \(selectors) is not checked"
            )
        }
        #expect(!sheet.colouredRules.isEmpty && !sheet.paintedRules.isEmpty)
    }

    /// The check fails the colours issue 28 found: the edition name, the disclaimer and the publisher in #888, white
    /// on LINE's #06C755, and the link blue #1E6FD9 on the insert box.
    @Test func theCheckFindsTheColoursTheIssueReported() throws {
        var head = try Self.template("head")
        for (variable, old) in [("--quiet", "#888"), ("--primary", "#06c755"), ("--link", "#1e6fd9")] {
            let range = try #require(head.range(of: #"\#(variable): #[0-9a-f]+;"#, options: .regularExpression))
            head.replaceSubrange(range, with: "\(variable): \(old);")
        }
        let (failures, _) = Self.check(
            Self.previewPairs, in: Stylesheet(templates: [head, try Self.template("loss-support")]))
        for expected in [
            ".bubble .b-header .edition #888888 on body > .bubble > .bubble .b-header #FDEEF1: 3.15:1",
            ".disclaimer #888888 on body > .bubble #FFFFFF: 3.54:1",
            ".publisher #888888 on body > .bubble #FFFFFF: 3.54:1",
            ".button.primary #FFFFFF on body > .bubble > .insert > .button.primary #06C755: 2.26:1",
            ".button.link #1E6FD9 on body > .bubble > .insert #F3F8EC: 4.49:1",
        ] {
            #expect(failures.contains { $0.hasPrefix(expected) }, "\(expected) not found in \(failures)")
        }
    }

    /// The preview shows the bubble in the payload's colours.
    @Test func thePreviewBubbleUsesTheFlexPalette() throws {
        let sheet = try Self.previewSheet()
        typealias P = FlexRenderer.Palette
        typealias L = FlexRenderer.LossSupportPalette
        let same: [(Colour?, String)] = [
            (sheet.color(".bubble .b-header .label"), P.accent), (sheet.color(".bubble em"), P.accent),
            (sheet.color(".bubble h3"), P.accent), (sheet.color(".bubble .b-header .edition"), P.muted),
            (sheet.color(".disclaimer"), P.muted), (sheet.color(".publisher"), P.muted),
            (sheet.color(".desk .hours"), P.muted), (sheet.color(".bubble a"), P.link),
            (sheet.color(".button.link"), P.link),
            (sheet.background(".button.primary"), P.primaryButton),
            (sheet.background(".bubble .b-header"), P.headerBackground),
            (sheet.background(".insert"), P.insertBackground),
            (sheet.background(".bubble.quiet .b-header"), L.headerBackground),
            (sheet.background(".desk"), L.deskBackground),
        ]
        for (css, flex) in same {
            #expect(css == Colour(css: flex), "the preview shows \(css.map(\.description) ?? "nothing") for \(flex)")
        }
    }

    /// Flex text colours on the backgrounds the Flex renderer puts them on, from the palette.
    @Test func theFlexPaletteHasAAContrast() {
        typealias P = FlexRenderer.Palette
        typealias L = FlexRenderer.LossSupportPalette
        let pairs: [(String, String)] = [
            (P.accent, P.headerBackground), (P.muted, P.headerBackground), (P.text, L.headerBackground),
            (P.muted, L.headerBackground), (P.text, "#FFFFFF"), (P.accent, "#FFFFFF"), (P.muted, "#FFFFFF"),
            (P.link, "#FFFFFF"), (P.text, P.insertBackground), (P.accent, P.insertBackground),
            (P.link, P.insertBackground), (P.text, L.deskBackground), (P.muted, L.deskBackground),
            (P.link, L.deskBackground), ("#FFFFFF", P.primaryButton),
        ]
        for (text, background) in pairs {
            let ratio = Colour.contrast(Colour(css: text)!, on: Colour(css: background)!)
            #expect(ratio >= 4.5, "\(text) on \(background): \(ratio)")
        }
    }

    static func sampleBuild() throws -> [String: [UInt8]] {
        try LossSupportOutputTests.build(try ContentFixtures.read(Paths.content)).1
    }

    /// Every text, span and button of every payload of the sample content, against the background of the boxes it
    /// is in. LINE draws a bubble's sections on white unless the bubble's styles say otherwise, a primary button's
    /// label in white on the button's `color`, and a link button's label in its `color`. A secondary button's label
    /// and background are LINE's own dark on light grey, so the renderer gives it no colour.
    @Test func everyPayloadOfTheSampleHasAAContrast() throws {
        let tree = try Self.sampleBuild()
        var walk = FlexWalk()
        for (path, bytes) in tree where path.contains("/line/") && path.hasSuffix(".json") {
            let request = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            for case let message as [String: Any] in request["messages"] as? [Any] ?? [] {
                walk.bubble(try #require(message["contents"] as? [String: Any]), in: path)
            }
        }
        #expect(walk.failures.isEmpty, "\(walk.failures.prefix(20).joined(separator: "\n"))")
        // Every kind of text was reached: the check saw what it is meant to check.
        for kind in ["text", "span", "link button", "primary button", "secondary button"] {
            #expect(walk.checked[kind, default: 0] > 0, "no \(kind) was checked")
        }
        for colour in [FlexRenderer.Palette.muted, FlexRenderer.Palette.link, FlexRenderer.Palette.primaryButton] {
            #expect(walk.colours.contains(colour), "\(colour) is in no payload")
        }
    }

    struct FlexWalk {
        var failures: [String] = []
        var checked: [String: Int] = [:]
        var colours: Set<String> = []

        mutating func bubble(_ bubble: [String: Any], in file: String) {
            let styles = bubble["styles"] as? [String: [String: Any]] ?? [:]
            for section in ["header", "hero", "body", "footer"] {
                guard let box = bubble[section] as? [String: Any] else { continue }
                let background = (styles[section]?["backgroundColor"] as? String).flatMap { Colour(css: $0) } ?? .white
                component(box, on: background, at: "\(file): \(section)")
            }
        }

        mutating func component(_ c: [String: Any], on background: Colour, at path: String) {
            switch c["type"] as? String {
            case "box":
                let own = (c["backgroundColor"] as? String).flatMap { Colour(css: $0) }
                for case let child as [String: Any] in c["contents"] as? [Any] ?? [] {
                    component(child, on: own?.over(background) ?? background, at: path)
                }
            case "text":
                let colour = c["color"] as? String
                let label = (c["text"] as? String) ?? "spans"
                if colour == nil {
                    failures.append("\(path): text '\(label)' has no colour: LINE's default is not ours to know")
                }
                expect("text", colour, on: background, label, at: path)
                for case let span as [String: Any] in c["contents"] as? [Any] ?? [] {
                    expect(
                        "span", span["color"] as? String ?? colour, on: background, span["text"] as? String ?? "",
                        at: path)
                }
            case "button":
                let label = (c["action"] as? [String: Any])?["label"] as? String ?? ""
                let colour = c["color"] as? String
                switch c["style"] as? String ?? "link" {
                case "primary":
                    guard let colour, let fill = Colour(css: colour) else {
                        failures.append("\(path): primary button '\(label)' has no colour: LINE's green gives 2.2:1")
                        return
                    }
                    colours.insert(colour)
                    expect("primary button", "#FFFFFF", on: fill.over(background), label, at: path)
                case "secondary":
                    checked["secondary button", default: 0] += 1
                    if colour != nil {
                        failures.append(
                            "\(path): secondary button '\(label)' has a colour under LINE's own label colour")
                    }
                default:
                    if colour == nil { failures.append("\(path): link button '\(label)' has no colour") }
                    expect("link button", colour, on: background, label, at: path)
                }
            default: break
            }
        }

        mutating func expect(_ kind: String, _ colour: String?, on background: Colour, _ label: String, at path: String)
        {
            guard let colour else { return }
            guard let text = Colour(css: colour) else {
                failures.append("\(path): \(kind) '\(label)' has colour '\(colour)', not #RRGGBB")
                return
            }
            checked[kind, default: 0] += 1
            colours.insert(colour)
            let ratio = Colour.contrast(text, on: background)
            if ratio < 4.5 {
                failures.append(
                    "\(path): \(kind) '\(label)' \(colour) on \(background): \(String(format: "%.2f", ratio)):1")
            }
        }
    }

    /// Every text colour of the sample's e-mails on every background they paint (the HTML part, quoted-printable
    /// undone): every pairing, which is stricter than the pairs the layout makes.
    @Test func everyEmailOfTheSampleHasAAContrast() throws {
        let tree = try Self.sampleBuild()
        var texts: Set<String> = []
        var backgrounds: Set<String> = []
        var mails = 0
        for (path, bytes) in tree where path.hasSuffix(".eml") {
            mails += 1
            // Soft line breaks joined and `=3D` undone are enough to read the styles, which are ASCII.
            let html = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "=\r\n", with: "")
                .replacingOccurrences(of: "=3D", with: "=")
            for match in html.matches(of: /(background-)?color:(#[0-9A-Fa-f]{6})/) {
                if match.output.1 == nil {
                    texts.insert(String(match.output.2))
                } else {
                    backgrounds.insert(String(match.output.2))
                }
            }
        }
        #expect(mails > 0 && texts.count >= 4 && backgrounds.count >= 2, "\(mails) e-mails, \(texts), \(backgrounds)")
        for text in texts.sorted() {
            for background in backgrounds.sorted() {
                let ratio = Colour.contrast(Colour(css: text)!, on: Colour(css: background)!)
                #expect(ratio >= 4.5, "e-mail text \(text) on \(background): \(ratio)")
            }
        }
    }

    @Test func theContrastFormulaGivesWCAGsFigures() {
        #expect(Colour.contrast(Colour(css: "#000")!, on: .white) == 21)
        #expect(Colour.contrast(.white, on: .white) == 1)
        // Figures from the WCAG 2.1 understanding document and WebAIM's checker.
        #expect(abs(Colour.contrast(Colour(css: "#767676")!, on: .white) - 4.54) < 0.005)
        #expect(abs(Colour.contrast(Colour(css: "#888888")!, on: .white) - 3.54) < 0.005)
        // Translucent white over the chat background is composited before the ratio is taken.
        let notification = Colour(css: "rgba(255,255,255,.85)")!.over(Colour(css: "#8cabd9")!)
        #expect(notification.description == "#EEF2F9")
        #expect(
            requiredContrast(fontPixels: 24, bold: false) == 3 && requiredContrast(fontPixels: 18.7, bold: true) == 3)
        #expect(
            requiredContrast(fontPixels: 17.6, bold: true) == 4.5
                && requiredContrast(fontPixels: nil, bold: true) == 4.5)
    }
}
