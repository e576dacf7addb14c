import Foundation

/// An sRGB colour with alpha, read from CSS or Flex JSON, and WCAG 2.1's contrast ratio between two colours.
struct Colour: Equatable, CustomStringConvertible {
    /// Channels from 0 to 255.
    var red: Double
    var green: Double
    var blue: Double
    var alpha: Double = 1

    static let white = Colour(red: 255, green: 255, blue: 255)

    /// `#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgba(r, g, b, a)`, `white`, `black`; nil for anything else.
    init?(css: String) {
        let value = css.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "white": self.init(red: 255, green: 255, blue: 255)
        case "black": self.init(red: 0, green: 0, blue: 0)
        case _ where value.hasPrefix("#"):
            var hex = String(value.dropFirst())
            if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
            guard hex.count == 6, let n = Int(hex, radix: 16) else { return nil }
            self.init(red: Double(n >> 16), green: Double((n >> 8) & 0xFF), blue: Double(n & 0xFF))
        case _ where value.hasPrefix("rgb(") || value.hasPrefix("rgba("):
            guard let open = value.firstIndex(of: "("), value.hasSuffix(")") else { return nil }
            let numbers = value[value.index(after: open)..<value.index(before: value.endIndex)]
                .split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 3 || numbers.count == 4 else { return nil }
            self.init(red: numbers[0], green: numbers[1], blue: numbers[2], alpha: numbers.count == 4 ? numbers[3] : 1)
        default: return nil
        }
    }

    init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        (self.red, self.green, self.blue, self.alpha) = (red, green, blue, alpha)
    }

    /// This colour painted over an opaque `background` (source-over).
    func over(_ background: Colour) -> Colour {
        func mix(_ a: Double, _ b: Double) -> Double { a * alpha + b * (1 - alpha) }
        return Colour(
            red: mix(red, background.red), green: mix(green, background.green), blue: mix(blue, background.blue))
    }

    /// WCAG 2.1 relative luminance of the opaque colour.
    var luminance: Double {
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2.1 contrast ratio, from 1 to 21; `text` is painted over `background` first if it is translucent.
    static func contrast(_ text: Colour, on background: Colour) -> Double {
        let (a, b) = (text.over(background).luminance, background.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    var description: String {
        let hex = [red, green, blue].map { String(format: "%02X", Int($0.rounded())) }.joined()
        return alpha < 1 ? "#\(hex) at \(alpha)" : "#\(hex)"
    }
}

/// WCAG 2.1 AA: 4.5:1 for text, 3:1 for large text (at least 24px, or 18.66px bold).
func requiredContrast(fontPixels: Double?, bold: Bool) -> Double {
    guard let px = fontPixels else { return 4.5 }
    return px >= 24 || (bold && px >= 18.66) ? 3 : 4.5
}

/// The rules of the `<style>` blocks of some templates, outside any @-rule (@media print and the narrow-screen
/// layout change no colour a screen shows): each selector's declarations, later ones overriding earlier ones, with
/// `var(--name)` resolved from `:root`.
struct Stylesheet {
    /// Each rule's selectors, as written, with its declarations.
    private(set) var rules: [(selectors: [String], declarations: [String: String])] = []
    private(set) var variables: [String: String] = [:]

    init(templates texts: [String]) {
        for text in texts {
            var rest = Substring(text)
            while let open = rest.range(of: "<style>"),
                let close = rest.range(of: "</style>", range: open.upperBound..<rest.endIndex)
            {
                parse(Self.withoutComments(String(rest[open.upperBound..<close.lowerBound])))
                rest = rest[close.upperBound...]
            }
        }
    }

    private static func withoutComments(_ css: String) -> String {
        var out = ""
        var rest = Substring(css)
        while let start = rest.range(of: "/*") {
            out += rest[..<start.lowerBound]
            guard let end = rest.range(of: "*/", range: start.upperBound..<rest.endIndex) else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    private mutating func parse(_ css: String) {
        var chars = Substring(css)
        while let open = chars.firstIndex(of: "{") {
            let prelude = chars[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
            var depth = 0
            var end = open
            for i in chars[open...].indices {
                if chars[i] == "{" { depth += 1 }
                if chars[i] == "}" { depth -= 1 }
                if depth == 0 {
                    end = i
                    break
                }
            }
            let body = chars[chars.index(after: open)..<end]
            chars = chars[chars.index(after: end)...]
            if prelude.hasPrefix("@") { continue }
            var declarations: [String: String] = [:]
            for declaration in body.split(separator: ";") {
                guard let colon = declaration.firstIndex(of: ":") else { continue }
                let property = declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)
                let value = declaration[declaration.index(after: colon)...].replacingOccurrences(
                    of: "!important", with: "")
                declarations[property] = value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let selectors = prelude.split(separator: ",").map {
                $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            if selectors == [":root"] {
                for (name, value) in declarations where name.hasPrefix("--") { variables[name] = value }
            } else {
                rules.append((selectors, declarations))
            }
        }
    }

    /// The value of `property` for `selector`, from the last rule naming it, with variables resolved.
    func value(_ property: String, of selector: String) -> String? {
        guard
            let raw = rules.last(where: { $0.selectors.contains(selector) && $0.declarations[property] != nil })?
                .declarations[property]
        else { return nil }
        return resolve(raw)
    }

    func resolve(_ value: String) -> String {
        var result = value
        while let start = result.range(of: "var("),
            let end = result.range(of: ")", range: start.upperBound..<result.endIndex)
        {
            let name = result[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            result.replaceSubrange(start.lowerBound..<end.upperBound, with: variables[name] ?? "unknown-\(name)")
        }
        return result
    }

    /// The text colour a rule sets.
    func color(_ selector: String) -> Colour? { value("color", of: selector).flatMap { Colour(css: $0) } }

    /// The background colour a rule paints (`background` or `background-color`); nil when it paints none.
    func background(_ selector: String) -> Colour? {
        guard let value = value("background-color", of: selector) ?? value("background", of: selector) else {
            return nil
        }
        // The first colour of a `background` shorthand; `none` and images paint no colour.
        if let rgba = value.range(of: #"rgba?\([^)]*\)"#, options: .regularExpression) {
            return Colour(css: String(value[rgba]))
        }
        return value.split(separator: " ").lazy.compactMap { Colour(css: String($0)) }.first
    }

    /// The font size a rule sets, in CSS pixels (rem and em counted from 16px, as the templates' sizes are rem).
    func fontPixels(_ selector: String) -> Double? {
        guard let value = value("font-size", of: selector) else { return nil }
        for (unit, scale) in [("rem", 16.0), ("em", 16.0), ("px", 1.0)] where value.hasSuffix(unit) {
            return Double(value.dropLast(unit.count)).map { $0 * scale }
        }
        return nil
    }

    func bold(_ selector: String) -> Bool {
        value("font-weight", of: selector).map { ["bold", "700", "800", "900"].contains($0) } ?? false
    }

    /// Selectors of the rules that set a text colour, and of those that paint a background.
    var colouredRules: [[String]] { rules.filter { $0.declarations["color"] != nil }.map(\.selectors) }
    var paintedRules: [[String]] {
        rules.filter { rule in rule.selectors.contains { background($0) != nil } }.map(\.selectors)
    }
}
