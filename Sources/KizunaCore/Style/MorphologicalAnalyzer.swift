import CMeCab
import Foundation

/// One word as MeCab's IPA dictionary reads it.
struct Morpheme: Sendable, Equatable {
    /// Unicode scalar offsets in the analysed string.
    let range: Range<Int>
    let surface: DictionaryText
    /// 品詞, 品詞細分類1 and 細分類2, 活用型, 活用形 and 原形: the dictionary features the rules read (of nine).
    let partOfSpeech: DictionaryText
    let subcategory: DictionaryText
    let subcategory2: DictionaryText
    /// 活用型, as 一段 or 五段・ラ行 ("*" for words that do not conjugate).
    var conjugationType: DictionaryText = "*"
    /// 活用形, as 未然形 or 基本形.
    var conjugationForm: DictionaryText = "*"
    let baseForm: DictionaryText
}

/// A word or feature as MeCab wrote it, compared by its UTF-8 bytes. MeCab's dictionary and the rules' literals
/// are NFC, so bytes decide equality; String's `==` and hashing pay for Unicode normalization on every non-ASCII
/// mismatch, and the rules compare every word.
struct DictionaryText: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let string: String

    init(_ string: String) { self.string = string }
    init(stringLiteral value: String) { string = value }

    var description: String { string }

    static func == (a: DictionaryText, b: DictionaryText) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    func hash(into hasher: inout Hasher) {
        for byte in string.utf8 { hasher.combine(byte) }
    }
}

/// MeCab with the IPA dictionary (the dictionary textlint's Japanese rules read through kuromoji).
/// One model and tagger shared by every thread, which MeCab allows when each parse has its own lattice; so the
/// dictionary is mapped once, and texts are analysed on every core.
final class MorphologicalAnalyzer: @unchecked Sendable {
    private let api: kizuna_mecab_api
    private let model: OpaquePointer
    private let tagger: OpaquePointer

    /// The analyser someone holds (see `Hold`), or a new one, which is unmapped again when its last user is done:
    /// an edition-by-edition validation checks thousands of small content sets with one analyser, and a build
    /// does not keep the dictionary mapped once validation is over. A failure says why there is none (`.turnedOff`
    /// or `.missing`), which is not a finding: the rules that need it are skipped.
    static func current(_ setting: MeCabSetting) -> Result<MorphologicalAnalyzer, LoadError> {
        if setting == .off { return .failure(LoadError(why: (.turnedOff))) }
        return Holder.lock.withLock {
            if let held = Holder.held { return .success(held) }
            return load()
        }
    }

    /// Keeps one analyser for every `current()` while it lives.
    final class Hold: Sendable {
        let analyzer: MorphologicalAnalyzer?

        init(_ setting: MeCabSetting) {
            guard setting != .off else {
                analyzer = nil
                return
            }
            analyzer = Holder.lock.withLock {
                if let held = Holder.held { return held }
                let loaded = try? load().get()
                Holder.held = loaded
                return loaded
            }
        }
    }

    /// The held analyser, weakly: it goes when its `Hold` does.
    private enum Holder {
        static let lock = NSLock()
        nonisolated(unsafe) static weak var held: MorphologicalAnalyzer?
    }

    /// The analyser, or why there is none: no MeCab library, no IPA dictionary, or MeCab's reason for not opening it.
    static func load() -> Result<MorphologicalAnalyzer, LoadError> {
        let api: kizuna_mecab_api
        switch MeCab.library {
        case .failure(let error): return .failure(LoadError(why: (.missing(reason: error.reason))))
        case .success(let loaded): api = loaded
        }
        guard let dictionary = MeCab.dictionary else {
            return .failure(LoadError(why: MeCab.noDictionary))
        }
        // An empty resource file, so that no user's mecabrc changes what the rules see.
        guard let model = api.model_new2("-r /dev/null -d \(dictionary)") else {
            return .failure(LoadError(why: (.missing(reason: String(cString: api.strerror(nil))))))
        }
        guard let tagger = api.model_new_tagger(model) else {
            api.model_destroy(model)
            return .failure(LoadError(why: (.missing(reason: String(cString: api.strerror(nil))))))
        }
        return .success(
            MorphologicalAnalyzer(
                api: api, model: model, tagger: tagger, dictionaryMappings: mappings(under: dictionary)))
    }

    /// The address ranges of this process's mappings of files in `folder` (MeCab maps its dictionary files once,
    /// for the life of the model). Empty where /proc is not there to read.
    private static func mappings(under folder: String) -> [Range<UInt>] {
        guard let resolved = realpath(folder, nil) else { return [] }
        let prefix = String(cString: resolved) + "/"
        free(resolved)
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return [] }
        return maps.split(separator: "\n").compactMap { line in
            // "start-end perms offset dev inode path"
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[5].trimmingCharacters(in: .whitespaces).hasPrefix(prefix) else {
                return nil
            }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16),
                start < end
            else { return nil }
            return start..<end
        }
    }

    struct LoadError: Error, Sendable {
        let why: MeCab.Absence
    }

    private init(
        api: kizuna_mecab_api, model: OpaquePointer, tagger: OpaquePointer, dictionaryMappings: [Range<UInt>]
    ) {
        self.api = api
        self.model = model
        self.tagger = tagger
        self.dictionaryMappings = dictionaryMappings
    }

    /// Where the dictionary's files are mapped (read-only, never written: their pages can always be read again).
    let dictionaryMappings: [Range<UInt>]

    /// Takes the dictionary's pages out of this process's resident set. They stay in the page cache, and a later
    /// parse maps the ones it needs again. Every word ever looked up otherwise stays resident: a build that checks
    /// editions between renders calls this after each edition, so that MeCab holds one edition's words at a time.
    func releaseResidentPages() {
        for range in dictionaryMappings {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: range.lowerBound), Int(range.count), MADV_DONTNEED)
        }
    }

    deinit {
        api.destroy(tagger)
        api.model_destroy(model)
    }

    /// The words of `text`, in order; whitespace between words is not a word.
    func words(in text: String) -> [Morpheme] {
        // The input ends with a NUL and holds no other, in case any MeCab path reads it as a C string (a NUL,
        // already a finding of its own, is read as a space so offsets stay the same).
        var bytes = text.utf8.map { $0 == 0 ? 0x20 : $0 }
        // The scalar index of every byte offset that starts a scalar: the count of scalars before it.
        var scalarIndex = [Int](repeating: 0, count: bytes.count + 1)
        var n = 0
        for (i, b) in bytes.enumerated() {
            scalarIndex[i] = n
            if b & 0xC0 != 0x80 { n += 1 }
        }
        scalarIndex[bytes.count] = n
        let length = bytes.count
        bytes.append(0)
        guard let lattice = api.model_new_lattice(model) else { return [] }
        defer { api.lattice_destroy(lattice) }
        return bytes.withUnsafeBufferPointer { buffer -> [Morpheme] in
            guard let base = buffer.baseAddress else { return [] }
            let start = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            var result: [Morpheme] = []
            api.lattice_set_sentence2(lattice, start, length)
            guard api.parse_lattice(tagger, lattice) != 0 else { return [] }
            var node = api.lattice_get_bos_node(lattice)
            while let current = node {
                let n = current.pointee
                if n.stat == KIZUNA_MECAB_NOR_NODE || n.stat == KIZUNA_MECAB_UNK_NODE, let surface = n.surface {
                    let from = surface - start
                    let to = from + Int(n.length)
                    guard from >= 0, to <= length else { break }
                    let word = String(decoding: buffer[from..<to], as: UTF8.self)
                    let fields = Self.features(n.feature)
                    result.append(
                        Morpheme(
                            range: scalarIndex[from]..<scalarIndex[to], surface: DictionaryText(word),
                            partOfSpeech: fields[0], subcategory: fields[1], subcategory2: fields[2],
                            conjugationType: fields[3], conjugationForm: fields[4], baseForm: fields[5]))
                }
                node = UnsafePointer(n.next)
            }
            return result
        }
    }

    /// Features 0, 1, 2, 4, 5 and 6 of MeCab's comma-separated list ("" where the list is shorter).
    private static func features(_ feature: UnsafePointer<CChar>?) -> [DictionaryText] {
        var fields: [DictionaryText] = ["", "", "", "", "", ""]
        guard let feature else { return fields }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(feature).assumingMemoryBound(to: UInt8.self), count: strlen(feature))
        var index = 0
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ",") {
            let slot = index < 3 ? index : (index >= 4 ? index - 1 : nil)
            if let slot { fields[slot] = DictionaryText(String(decoding: bytes[start..<i], as: UTF8.self)) }
            index += 1
            start = i + 1
            if index > 6 { break }
        }
        return fields
    }
}
