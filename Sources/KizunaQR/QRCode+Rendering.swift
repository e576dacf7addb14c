extension QRCode {
    /// An inline SVG of the symbol: a white square and one path of the dark modules, one unit per module, with a light
    /// quiet zone of `quietZone` modules (section 6.3.8 asks for 4). No width or height: the page sizes it.
    /// `title` names the image for screen readers.
    public func svg(quietZone: Int = 4, title: String = "QR code") -> String {
        let side = size + 2 * quietZone
        let label = Self.escapeXML(title)
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard self[row: row, column: column] else {
                    column += 1
                    continue
                }
                // One subpath per horizontal run of dark modules.
                var end = column + 1
                while end < size && self[row: row, column: end] { end += 1 }
                let run = end - column
                path += "M\(column + quietZone) \(row + quietZone)h\(run)v1h-\(run)z"
                column = end
            }
        }
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\""
            + " role=\"img\" aria-label=\"\(label)\"><title>\(label)</title>"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    /// The symbol as text, one line per row and two characters per module ("##" dark, "  " light) so that it looks
    /// square in a terminal, as `qrencode -t ASCII` writes it; with a light quiet zone of `quietZone` modules.
    public func text(quietZone: Int = 4) -> String {
        let side = size + 2 * quietZone
        var lines: [String] = []
        for row in -quietZone..<(size + quietZone) {
            var line = ""
            line.reserveCapacity(2 * side)
            for column in -quietZone..<(size + quietZone) {
                let inside = (0..<size).contains(row) && (0..<size).contains(column)
                line += inside && self[row: row, column: column] ? "##" : "  "
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escapeXML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
