import Crypto

/// What an edition's files on disk were built from, so that a rebuild renders and writes only the days whose
/// inputs changed. Kept beside the editions in `OUTPUT/.kizuna-cache/EDITION`, keyed by content hashes:
/// - the edition key hashes everything every day of the edition depends on (the Kizuna binary, the templates,
///   kizuna.yaml, reviewers.yaml, the edition file, its inserts' files, its loss support file, and the edition's
///   list of days);
/// - a day's key is its manuscript file's hash.
/// A day is reused only when its key is unchanged, so a cache can make a build skip work, never serve old bytes.
/// The cache is removed before an edition is swapped in and written after, so a killed build leaves none (and the
/// next build rebuilds that edition whole).
public struct EditionCache: Sendable, Equatable {
    static let header = "kizuna-edition-cache 4"
    /// A day's record: key, line messages, whether an e-mail was written, then the line, preview and e-mail hashes.
    static let recordSize = FileHash.byteCount * 4 + 2

    public struct Day: Sendable, Equatable {
        /// The manuscript file's hash.
        var key: FileHash
        var files: Manifest.DayFiles
    }

    var editionKey: String
    /// Hex SHA-256 of what the edition's index page shows (see `BuildKeys.indexKey`); empty: no index.
    var indexKey: String
    /// In the edition's order of days: the edition key covers its list of days, so a cache reused under the same key
    /// lists the same days in the same order.
    var days: [Day]

    /// Three text lines, the day count, then one fixed-size binary record per day: a rebuild reads one cache per
    /// edition before it knows what changed, and a record is read in place, with nothing to parse or allocate.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + days.count * Self.recordSize)
        for line in [Self.header, editionKey, indexKey, String(days.count)] {
            out.append(contentsOf: line.utf8)
            out.append(0x0A)
        }
        for day in days {
            day.key.append(into: &out)
            out.append(UInt8(truncatingIfNeeded: day.files.lineMessages))
            out.append(day.files.email == nil ? 0 : 1)
            day.files.line.append(into: &out)
            day.files.preview.append(into: &out)
            (day.files.email ?? .zero).append(into: &out)
        }
        return out
    }

    init(editionKey: String, indexKey: String = "", days: [Day]) {
        self.editionKey = editionKey
        self.indexKey = indexKey
        self.days = days
    }

    /// Nil for anything that is not a complete cache file of this format.
    init?(bytes: [UInt8]) {
        var lines: [String] = []
        var start = 0
        while lines.count < 4 {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        guard lines[0] == Self.header, let count = Int(lines[3]), count >= 0,
            bytes.count - start == count * Self.recordSize
        else { return nil }
        editionKey = lines[1]
        indexKey = lines[2]
        let size = FileHash.byteCount
        var days: [Day] = []
        days.reserveCapacity(count)
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            for i in 0..<count {
                let record = UnsafeRawBufferPointer(
                    rebasing: raw[(start + i * Self.recordSize)...].prefix(Self.recordSize))
                func hash(_ offset: Int) -> FileHash {
                    FileHash(raw: UnsafeRawBufferPointer(rebasing: record[offset..<(offset + size)]))!
                }
                let lineMessages = Int(record[size]), hasEmail = record[size + 1]
                guard (1...FlexRenderer.maxMessagesPerRequest).contains(lineMessages), hasEmail <= 1 else {
                    return false
                }
                days.append(
                    Day(
                        key: hash(0),
                        files: Manifest.DayFiles(
                            lineMessages: lineMessages, line: hash(size + 2),
                            preview: hash(2 * size + 2),
                            email: hasEmail == 1 ? hash(3 * size + 2) : nil)))
            }
            return true
        }
        guard ok else { return nil }
        self.days = days
    }
}

/// Hashes of the content files, and the keys derived from them.
public struct BuildKeys: Sendable {
    /// What built the output: changes with the Kizuna binary and the templates.
    let generator: [UInt8]
    /// Each content file's SHA-256, by path; a manuscript's is its days' key.
    private(set) var fileHashes: [String: FileHash]
    let shared: [UInt8]

    /// `generator` identifies the program (the CLI passes its executable's size and modification time), so that a
    /// new Kizuna never reuses an old one's output.
    public init(files: ContentFiles, templates: [String: String], generator: String) {
        var hashes: [String: FileHash] = [:]
        // A file read when used is hashed when its edition reads it (`EditionJob.fileHashes`), from the same bytes.
        for file in files.files where !file.isReadWhenUsed { hashes[file.path] = FileHash(of: file.bytes) }
        fileHashes = hashes
        var h = SHA256()
        h.update(data: Array(generator.utf8))
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            h.update(data: Array("\u{0}template\u{0}\(name)\u{0}".utf8))
            h.update(data: Array(SHA256.hash(data: Array(text.utf8))))
        }
        self.generator = Array(h.finalize())
        var s = SHA256()
        s.update(data: self.generator)
        // kizuna.yaml and reviewers.yaml reach every page (footer, supervisor names); the national schedule, every
        // edition's coverage page.
        for file in files.files
        where file.path.hasSuffix("/kizuna.yaml") || file.path.hasSuffix("/reviewers.yaml")
            || files.relativePath(of: file) == NationalSchedule.relativePath
        {
            s.update(data: Array("\u{0}\(files.relativePath(of: file))\u{0}".utf8))
            hashes[file.path]!.withUnsafeBytes { s.update(bufferPointer: $0) }
        }
        shared = Array(s.finalize())
    }

    /// These keys with the hashes of files read when used.
    func adding(_ hashes: [String: FileHash]) -> BuildKeys {
        guard !hashes.isEmpty else { return self }
        var keys = self
        keys.fileHashes.merge(hashes) { _, read in read }
        return keys
    }

    func editionKey(_ edition: Edition, inserts: [Insert], lossSupport: LossSupport? = nil, days: [Manuscript])
        -> String
    {
        var h = SHA256()
        h.update(data: shared)
        fileHashes[edition.path]?.withUnsafeBytes { h.update(bufferPointer: $0) }
        for insert in inserts {
            h.update(data: Array("\u{0}insert\u{0}\(insert.path)\u{0}".utf8))
            fileHashes[insert.path]?.withUnsafeBytes { h.update(bufferPointer: $0) }
        }
        if let lossSupport {
            h.update(data: Array("\u{0}loss-support\u{0}\(lossSupport.path)\u{0}".utf8))
            fileHashes[lossSupport.path]?.withUnsafeBytes { h.update(bufferPointer: $0) }
        }
        // The list of days: a preview links its neighbours, the index lists them all; a birthday message's label (in
        // its neighbours' links and the index) and the coverage page's birthdays follow from `anniversary:`.
        for manuscript in days {
            let anniversary = manuscript.anniversary.map { "\u{0}\($0.value)" } ?? ""
            h.update(
                data: Array(
                    "\u{0}day\u{0}\(manuscript.path)\u{0}\(manuscript.day.value.description)\(anniversary)".utf8))
        }
        return h.finalize().hexString
    }

    /// The index page lists every day with its title, supervisors and review state; the rest of it (labels, inserts,
    /// dates, names) follows from the edition key. A body edit leaves this key, and so the index, unchanged.
    func indexKey(editionKey: String, days: [Manuscript]) -> String {
        var h = SHA256()
        // Fed from each string's own bytes, with no string built per day: the key is made for every edition.
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
    /// cache's days are reused only under the edition key they were built with. Nil (never reused) for a manuscript
    /// read from no file.
    func dayKey(path manuscriptPath: String) -> FileHash? {
        fileHashes[manuscriptPath]
    }

    /// What the style rules read besides a message's texts (see `StyleMemo`): the program, the settings files
    /// (kizuna.yaml, reviewers.yaml, style.yaml, terms.yaml) and MeCab's dictionary, or that there is no analyser.
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
            fileHashes[file.path]!.withUnsafeBytes { h.update(bufferPointer: $0) }
        }
        h.update(data: Array("\u{0}mecab\u{0}\(MeCab.stamp(files.mecab))".utf8))
        return Array(h.finalize())
    }

    /// The review sheets depend on every manuscript, the approved texts, the reviewers and the templates, and on the
    /// edition and insert texts read with the editions (`texts`, by what their sheets show).
    func reviewKey(_ files: ContentFiles, texts: [ApprovableText] = []) -> String {
        var h = SHA256()
        h.update(data: shared)
        for text in texts {
            var fields = [text.subject.description, text.path, text.title, text.reader.sha256, text.state.rawValue]
            fields += text.entitled.map(\.value)
            fields += text.signOff.reviewers.map { "\($0.id)=\($0.standing.rawValue)" }
            fields += (text.approval?.entries ?? []).map { "\($0.by.value)@\($0.date.value)#\($0.sha256.value)" }
            h.update(data: Array("\u{0}text\u{0}\(fields.joined(separator: "\u{1}"))".utf8))
        }
        for file in files.files {
            let relative = files.relativePath(of: file)
            guard relative.hasPrefix("manuscripts/") || relative.hasPrefix("approved/") else { continue }
            h.update(data: Array("\u{0}\(relative)\u{0}".utf8))
            fileHashes[file.path]!.withUnsafeBytes { h.update(bufferPointer: $0) }
        }
        return h.finalize().hexString
    }
}
