import Testing
@testable import KizunaQR

@Suite("SVG and text")
struct RenderingTests {
    @Test("the SVG is one path whose runs cover exactly the dark modules")
    func svgPath() throws {
        let code = try QRCode(encoding: "https://line.me/R/ti/p/@sakuragaoka-city")
        let svg = code.svg()
        let side = code.size + 8
        #expect(
            svg.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\""
            ))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"))
        #expect(!svg.contains("width=\"\(side)mm\""))
        #expect(svg == code.svg())

        let d = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var dark = Set<[Int]>()
        for subpath in d.split(separator: "z") {
            // M x y h n v1 h-n
            let numbers = subpath.split { "Mhv ".contains($0) }.compactMap { Int($0) }
            try #require(numbers.count == 5 && numbers[3] == 1 && numbers[4] == -numbers[2], "\(subpath)")
            for column in numbers[0]..<(numbers[0] + numbers[2]) { dark.insert([numbers[1] - 4, column - 4]) }
        }
        var expected = Set<[Int]>()
        for row in 0..<code.size {
            for column in 0..<code.size where code[row: row, column: column] { expected.insert([row, column]) }
        }
        #expect(dark == expected)
        // Runs are merged: no subpath starts where the previous one ends on the same row.
        #expect(d.split(separator: "z").count < expected.count)
    }

    @Test("the title is escaped")
    func svgTitle() throws {
        let svg = try QRCode(encoding: "x").svg(quietZone: 2, title: "友だち追加 <\"&'>")
        #expect(svg.contains("aria-label=\"友だち追加 &lt;&quot;&amp;&apos;&gt;\""))
        #expect(svg.contains("<title>友だち追加 &lt;&quot;&amp;&apos;&gt;</title>"))
        #expect(svg.contains("viewBox=\"0 0 25 25\""))
    }

    @Test("text has two characters a module and a light quiet zone")
    func text() throws {
        let code = try QRCode(encoding: "https://lin.ee/AbCdEfG")
        let lines = code.text(quietZone: 1).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == code.size + 2)
        #expect(lines.allSatisfy { $0.count == 2 * (code.size + 2) })
        #expect(lines.first!.allSatisfy { $0 == " " })
        #expect(lines[1].hasPrefix("  ##############  "))
    }
}
