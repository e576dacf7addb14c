/// Prints an おめでとうカード's page to PDF: headless Chromium in the command-line tool, where it is installed. A
/// build without one writes the card's page alone.
public protocol CardPrinter: Sendable {
    /// The PDF of `page` (the card's HTML, which loads nothing), or an error saying why there is none.
    func pdf(ofPage page: [UInt8], editionID: String) throws -> [UInt8]
}

/// The dates a PDF writer stamps into its document information, set to one fixed date so that two builds write the
/// same bytes. Only dates of the full `D:YYYYMMDDHHmmSSOHH'mm'` form are replaced, by one of the same length, so
/// that the cross-reference offsets stay true.
public enum PDFDates {
    static let fixed = Array("D:20000101000000+00'00'".utf8)

    public static func normalized(_ pdf: [UInt8]) -> [UInt8] {
        var out = pdf
        for key in ["/CreationDate", "/ModDate"].map({ Array($0.utf8) }) {
            var i = 0
            while let start = out.firstOffset(of: key, from: i) {
                i = start + key.count
                // `/CreationDate (D:…)`, with or without a space before the string.
                var open = i
                while open < out.count, out[open] == UInt8(ascii: " ") { open += 1 }
                guard open < out.count, out[open] == UInt8(ascii: "(") else { continue }
                let body = open + 1
                guard body + fixed.count < out.count, out[body + fixed.count] == UInt8(ascii: ")"),
                    out[body] == UInt8(ascii: "D"), out[body + 1] == UInt8(ascii: ":")
                else { continue }
                out.replaceSubrange(body..<(body + fixed.count), with: fixed)
                i = body + fixed.count
            }
        }
        return out
    }
}
