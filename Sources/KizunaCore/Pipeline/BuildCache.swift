import Crypto

/// What an edition's files on disk were built from, so that a rebuild renders and writes only the days whose
/// inputs changed. Kept beside the editions in `OUTPUT/.kizuna-cache/EDITION`, keyed by content hashes:
/// - the edition key hashes everything every day of the edition depends on (the Kizuna binary, the templates,
///   kizuna.yaml, reviewers.yaml, the edition file, its inserts' files, and the edition's list of days);
/// - a day's key hashes the edition key and its manuscript file.
/// A day is reused only when its key is unchanged, so a cache can make a build skip work, never serve old bytes.
/// The cache is removed before an edition is swapped in and written after, so a killed build leaves none (and the
/// next build rebuilds that edition whole).
public struct EditionCache: Sendable, Equatable {
    static let header = "kizuna-edition-cache 3"

    public struct Day: Sendable, Equatable {
        /// Hex SHA-256 of the day's inputs.
        var key: String
        var lineMessages: Int
        /// By channel (`line`, `email`, `preview`): path inside the edition folder and hex SHA-256 of the bytes.
        var files: [String: Manifest.File]
    }

    var editionKey: String
    /// Hex SHA-256 of what the edition's index page shows (see `BuildKeys.indexKey`); empty: no index.
    var indexKey: String
    /// By manuscript path.
    var days: [String: Day]

    /// One line per day, tab-separated: a text format read in microseconds, with nothing to escape as long as no
    /// path holds a tab or a line break (such a path is never cached).
    var bytes: [UInt8] {
        // Appended as bytes: string interpolation was a twentieth of a one-manuscript rebuild.
        var out: [UInt8] = []
        out.reserveCapacity(256 + days.count * 300)
        func add(_ s: String, then separator: UInt8) {
            out.append(contentsOf: s.utf8)
            out.append(separator)
        }
        add(Self.header, then: 0x0A)
        add(editionKey, then: 0x0A)
        add(indexKey, then: 0x0A)
        for (path, day) in days.sorted(by: { $0.key < $1.key }) {
            add(path, then: 0x09)
            add(day.key, then: 0x09)
            out.append(contentsOf: String(day.lineMessages).utf8)
            for (channel, file) in day.files.sorted(by: { $0.key < $1.key }) {
                out.append(0x09)
                add(channel, then: 0x09)
                add(file.path, then: 0x09)
                out.append(contentsOf: file.sha256.utf8)
            }
            out.append(0x0A)
        }
        return out
    }

    init(editionKey: String, indexKey: String = "", days: [String: Day]) {
        self.editionKey = editionKey
        self.indexKey = indexKey
        self.days = days
    }

    /// Nil for anything that is not a complete cache file of this format. Fields are cut from the bytes directly:
    /// a rebuild reads one cache per edition before it knows what changed.
    init?(bytes: [UInt8]) {
        guard bytes.last == 0x0A else { return nil }
        var lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        guard lines.count >= 3, String(decoding: lines.removeFirst(), as: UTF8.self) == Self.header else { return nil }
        editionKey = String(decoding: lines.removeFirst(), as: UTF8.self)
        indexKey = String(decoding: lines.removeFirst(), as: UTF8.self)
        days = Dictionary(minimumCapacity: lines.count)
        for line in lines {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count >= 3, (fields.count - 3) % 3 == 0,
                  let count = Int(String(decoding: fields[2], as: UTF8.self)) else { return nil }
            var files: [String: Manifest.File] = [:]
            for i in stride(from: 3, to: fields.count, by: 3) {
                files[String(decoding: fields[i], as: UTF8.self)] = Manifest.File(path: String(decoding: fields[i + 1], as: UTF8.self),
                                                                                 sha256: String(decoding: fields[i + 2], as: UTF8.self))
            }
            days[String(decoding: fields[0], as: UTF8.self)] = Day(key: String(decoding: fields[1], as: UTF8.self),
                                                                   lineMessages: count, files: files)
        }
    }

    static func cacheable(_ path: String) -> Bool { !path.utf8.contains(0x09) && !path.utf8.contains(0x0A) }
}

/// Hashes of the content files, and the keys derived from them.
public struct BuildKeys: Sendable {
    /// What built the output: changes with the Kizuna binary and the templates.
    let generator: [UInt8]
    let fileHashes: [String: [UInt8]]
    /// `fileHashes` in hex, the day keys.
    let fileHexes: [String: String]
    let shared: [UInt8]

    /// `generator` identifies the program (the CLI passes its executable's size and modification time), so that a
    /// new Kizuna never reuses an old one's output.
    public init(files: ContentFiles, templates: [String: String], generator: String) {
        var hashes: [String: [UInt8]] = [:]
        for file in files.files { hashes[file.path] = Array(SHA256.hash(data: file.bytes)) }
        fileHashes = hashes
        fileHexes = hashes.mapValues(lowercaseHex)
        var h = SHA256()
        h.update(data: Array(generator.utf8))
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            h.update(data: Array("\u{0}template\u{0}\(name)\u{0}".utf8))
            h.update(data: Array(SHA256.hash(data: Array(text.utf8))))
        }
        self.generator = Array(h.finalize())
        var s = SHA256()
        s.update(data: self.generator)
        // kizuna.yaml and reviewers.yaml reach every page (footer, supervisor names).
        for file in files.files where file.path.hasSuffix("/kizuna.yaml") || file.path.hasSuffix("/reviewers.yaml") {
            s.update(data: Array("\u{0}\(files.relativePath(of: file))\u{0}".utf8))
            s.update(data: hashes[file.path]!)
        }
        shared = Array(s.finalize())
    }

    func editionKey(_ edition: Edition, inserts: [Insert], days: [Manuscript]) -> String {
        var h = SHA256()
        h.update(data: shared)
        h.update(data: fileHashes[edition.path] ?? [])
        for insert in inserts {
            h.update(data: Array("\u{0}insert\u{0}\(insert.path)\u{0}".utf8))
            h.update(data: fileHashes[insert.path] ?? [])
        }
        // The list of days: a preview links its neighbours, the index lists them all.
        for manuscript in days {
            h.update(data: Array("\u{0}day\u{0}\(manuscript.path)\u{0}\(manuscript.day.value.description)".utf8))
        }
        return h.finalize().hexString
    }

    /// The index page lists every day with its title, supervisors and review state; the rest of it (labels, inserts,
    /// dates, names) follows from the edition key. A body edit leaves this key, and so the index, unchanged.
    func indexKey(editionKey: String, days: [Manuscript]) -> String {
        var h = SHA256()
        // Fed from each string's own bytes: building a string per day was most of this key's cost.
        func add(_ separator: UInt8, _ text: String) {
            withUnsafeBytes(of: separator) { h.update(bufferPointer: $0) }
            var text = text
            text.withUTF8 { h.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        add(0, editionKey)
        for manuscript in days {
            add(1, manuscript.title.value)
            for (i, supervisor) in manuscript.supervisors.enumerated() { add(i == 0 ? 1 : 0, supervisor.value) }
            if manuscript.supervisors.isEmpty { add(1, "") }
            add(1, manuscript.state.rawValue)
        }
        return h.finalize().hexString
    }

    /// A day's key is its manuscript file's hash: everything else its files depend on is in the edition key, and a
    /// cache's days are reused only under the edition key they were built with.
    func dayKey(editionKey: String, _ manuscript: Manuscript) -> String {
        fileHexes[manuscript.path] ?? ""
    }

    /// What the style rules read besides a message's texts (see `StyleMemo`): the program, the settings files
    /// (kizuna.yaml, reviewers.yaml, style.yaml, terms.yaml) and MeCab's dictionary.
    func styleSalt(_ files: ContentFiles) -> [UInt8] {
        var h = SHA256()
        h.update(data: generator)
        for file in files.files {
            let relative = files.relativePath(of: file)
            switch ContentRole(relativePath: relative) {
            case .configuration?, .reviewers?, .style?, .terms?: break
            default: continue
            }
            h.update(data: Array("\u{0}\(relative)\u{0}".utf8))
            h.update(data: fileHashes[file.path]!)
        }
        h.update(data: Array("\u{0}mecab\u{0}\(MorphologicalAnalyzer.dictionaryStamp)".utf8))
        return Array(h.finalize())
    }

    /// The review sheets depend on every manuscript, the approved texts, the reviewers and the templates.
    func reviewKey(_ files: ContentFiles) -> String {
        var h = SHA256()
        h.update(data: shared)
        for file in files.files {
            let relative = files.relativePath(of: file)
            guard relative.hasPrefix("manuscripts/") || relative.hasPrefix("approved/") else { continue }
            h.update(data: Array("\u{0}\(relative)\u{0}".utf8))
            h.update(data: fileHashes[file.path]!)
        }
        return h.finalize().hexString
    }
}
