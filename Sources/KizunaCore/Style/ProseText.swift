/// The visible characters of a manuscript text (markup tags removed, entities decoded), each with its offset in the
/// raw YAML value, so that style rules report at the character in the file.
struct ProseText {
    let source: LocatedText
    let characters: [Unicode.Scalar]
    /// Scalar offset in `source.raw` of each visible character.
    let offsets: [Int]
    /// Split once: five rules walk the sentences of every text.
    let sentences: [Sentence]

    init(_ text: LocatedText) {
        source = text
        let raw = Array(text.raw.unicodeScalars)
        var characters: [Unicode.Scalar] = [], offsets: [Int] = []
        var i = 0
        let entities: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        while i < raw.count {
            if raw[i] == "<", let close = raw[i...].firstIndex(of: ">") {
                i = close + 1
                continue
            }
            if raw[i] == "&", let semi = raw[i...].prefix(8).firstIndex(of: ";"),
                let decoded = entities[String(String.UnicodeScalarView(raw[(i + 1)..<semi]))]
            {
                characters.append(decoded)
                offsets.append(i)
                i = semi + 1
                continue
            }
            characters.append(raw[i])
            offsets.append(i)
            i += 1
        }
        self.characters = characters
        self.offsets = offsets
        sentences = Self.sentences(of: characters)
    }

    func location(at index: Int) -> SourceLocation {
        source.location(ofScalarOffset: index < offsets.count ? offsets[index] : (offsets.last.map { $0 + 1 } ?? 0))
    }

    /// A sentence: visible characters from `start` up to and including its end mark (or the line's end).
    struct Sentence {
        let range: Range<Int>
        /// Ends with 。！？ (possibly followed by closing brackets).
        let terminated: Bool
    }

    static let enders: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?"]
    static let closers: Set<Unicode.Scalar> = ["」", "』", "）", ")", "】"]
    static let continuations: Set<Unicode.Scalar> = ["、", "，", ",", "「", "『", "（", "("]

    /// Sentences split after 。！？ (and any closing brackets after them) and at line breaks.
    private static func sentences(of characters: [Unicode.Scalar]) -> [Sentence] {
        var result: [Sentence] = []
        var start = 0
        var i = 0
        func emit(_ end: Int, terminated: Bool) {
            var s = start
            while s < end, characters[s] == " " || characters[s] == "　" || characters[s] == "\t" { s += 1 }
            if s < end { result.append(Sentence(range: s..<end, terminated: terminated)) }
            start = end
        }
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                // A line broken after 、 or an opening bracket goes on; any other line break ends the sentence.
                if i > start, continuations.contains(characters[i - 1]) {
                    i += 1
                    continue
                }
                emit(i, terminated: false)
                start = i + 1
            } else if enders.contains(c) {
                var j = i + 1
                while j < characters.count, closers.contains(characters[j]) || enders.contains(characters[j]) { j += 1 }
                emit(j, terminated: true)
                i = j
                continue
            }
            i += 1
        }
        emit(characters.count, terminated: false)
        return result
    }

    /// A fix-it replacing the visible characters `range`; it can be applied by `kizuna fix` when they were written
    /// as they are on one line of the file (no tags, entities or escapes among them).
    func fixIt(_ range: Range<Int>, replacement: String, message: LocalizedText) -> FixIt {
        let start = location(at: range.lowerBound)
        let contiguous =
            range.upperBound <= offsets.count
            && offsets[range.upperBound - 1] - offsets[range.lowerBound] == range.count - 1
            && Array(source.raw.unicodeScalars.dropFirst(offsets[range.lowerBound]).prefix(range.count))
                == Array(characters[range])
        if contiguous,
            let span = source.sourceSpan(
                ofScalars: offsets[range.lowerBound]..<(offsets[range.lowerBound] + range.count))
        {
            return FixIt(message, start: start, end: source.location(after: span), replacement: replacement, span: span)
        }
        let end = SourceLocation(file: start.file, line: start.line, column: start.column + string(range).count)
        return FixIt(message, start: start, end: end, replacement: replacement)
    }

    func string(_ range: Range<Int>) -> String {
        // Encoded to UTF-8 first and appended as bytes: this runs for every sentence of every text.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        for c in characters[range] { UTF8.encode(c) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}
