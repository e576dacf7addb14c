/// The character classes the Japanese style rules share.
extension Unicode.Scalar {
    /// A kanji: CJK unified ideographs (with extension A and the supplementary planes), compatibility ideographs,
    /// and the iteration mark 々, which repeats the kanji before it.
    var isKanji: Bool {
        switch value {
        case 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// Hiragana, katakana (with the prolonged sound mark ー) or kanji: a letter of Japanese text.
    var isJapaneseLetter: Bool {
        switch value {
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF: true
        default: isKanji
        }
    }

    /// A half-width (ASCII) letter or digit.
    var isHalfwidthAlphanumeric: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}

extension ProseText {
    /// The ranges of visible characters that are not prose though written in it: URLs (`https://…`, `www.…`, up to
    /// the first space or non-ASCII character), phone numbers (digits with hyphens, 000-210-0001), which LINE turns
    /// into links, and placeholders (`{nickname}`, or a brace left open). Rules about ASCII punctuation and spacing
    /// leave them alone.
    var nonProseRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        let c = characters
        func isDigitOrHyphen(_ s: Unicode.Scalar) -> Bool { s == "-" || (0x30...0x39).contains(s.value) }
        var i = 0
        while i < c.count {
            let rest = c[i...].prefix(8)
            let startsURL =
                rest.starts(with: "http://".unicodeScalars) || rest.starts(with: "https://".unicodeScalars)
                || rest.starts(with: "www.".unicodeScalars)
            let free = i == 0 || !c[i - 1].isHalfwidthAlphanumeric
            var end = i
            if startsURL, free {
                while end < c.count, c[end].isASCII, c[end] != " ", c[end] != "\n", c[end] != "\t" { end += 1 }
            } else if c[i] == "{" {
                end += 1
                while end < c.count, c[end].isHalfwidthAlphanumeric || c[end] == "_" { end += 1 }
                if end < c.count, c[end] == "}" { end += 1 }
            } else if (0x30...0x39).contains(c[i].value), free {
                while end < c.count, isDigitOrHyphen(c[end]) { end += 1 }
                if c[i..<end].filter({ $0 == "-" }).count < 2 { end = i }
            }
            if end > i {
                ranges.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }
}
