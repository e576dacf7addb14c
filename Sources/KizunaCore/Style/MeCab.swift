import CMeCab
import Foundation

/// Whether the style rules that read words may use MeCab. Kizuna builds without MeCab and loads it at run time
/// where it is installed; without it those rules are skipped, which is not a finding (see `MeCab.skippedRules`).
public enum MeCabSetting: String, Sendable, CaseIterable {
    /// MeCab where it is installed.
    case automatic
    /// As if MeCab were not installed: `KIZUNA_MECAB=off`, so that the path without it can be tried anywhere.
    case off

    /// `KIZUNA_MECAB`: `off` (or `0`, `no`, `false`) turns MeCab off; unset or anything else uses it where installed.
    public init(environment: [String: String]) {
        let value = environment["KIZUNA_MECAB"]?.lowercased() ?? ""
        self = ["off", "0", "no", "false"].contains(value) ? .off : .automatic
    }
}

/// MeCab on this machine: its library, found with dlopen, and its IPA dictionary.
public enum MeCab {
    /// What the rules that read words can use.
    public enum Status: Sendable, Equatable {
        /// MeCab and its IPA dictionary, with what identifies the words they give (`stamp`).
        case available(version: String, dictionary: String)
        case absent(Absence)

        public var isAvailable: Bool {
            if case .available = self { true } else { false }
        }
    }

    /// Why the rules that read words cannot run.
    public enum Absence: Sendable, Equatable {
        /// `KIZUNA_MECAB=off`.
        case turnedOff
        /// No library, no dictionary, or a dictionary MeCab cannot open: why, in English (MeCab's own words).
        case missing(reason: String)
    }

    /// The rules that need MeCab's words (`RuleDescription.needsMeCab`), in the catalog's order.
    public static let rules: [RuleID] = RuleCatalog.all.filter(\.needsMeCab).map(\.id)

    /// Where dlopen looks: the soname Debian and source installs give, then macOS's Homebrew and MacPorts.
    static let libraryNames = [
        "libmecab.so.2", "libmecab.so",
        "libmecab.2.dylib", "/opt/homebrew/lib/libmecab.2.dylib", "/usr/local/lib/libmecab.2.dylib",
        "/opt/local/lib/libmecab.2.dylib", "libmecab.dylib",
    ]

    /// Where Debian, Homebrew and a source install put the UTF-8 IPA dictionary.
    static let dictionaryCandidates = [
        "/var/lib/mecab/dic/ipadic-utf8",
        "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
        "/usr/lib/aarch64-linux-gnu/mecab/dic/ipadic-utf8",
        "/opt/homebrew/lib/mecab/dic/ipadic",
        "/usr/local/lib/mecab/dic/ipadic",
    ]

    /// The library's functions, resolved once per process; the library stays loaded.
    static let library: Result<kizuna_mecab_api, MissingError> = {
        var error = [CChar](repeating: 0, count: 1024)
        let size = error.count
        // strdup'd copies live until the call returns (Swift's String-to-pointer bridges last one call each).
        let names = libraryNames.map { UnsafePointer(strdup($0)!) }
        defer { names.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        let opened = kizuna_mecab_open(names, names.count, &error, size)
        guard let opened else {
            return .failure(
                MissingError(
                    reason: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
        }
        return .success(opened.pointee)
    }()

    struct MissingError: Error, Sendable {
        let reason: String
    }

    /// The first candidate folder that holds a `sys.dic`: the dictionary the analyser opens.
    static var dictionary: String? {
        dictionaryCandidates.first { FileManager.default.fileExists(atPath: $0 + "/sys.dic") }
    }

    static let noDictionary = Absence.missing(
        reason: "no IPA dictionary in " + dictionaryCandidates.joined(separator: ", "))

    /// MeCab as the setting allows it on this machine. `.available` means the library loaded and a dictionary is
    /// there; one MeCab cannot open shows when the analyser is made (`MorphologicalAnalyzer.current`).
    public static func status(_ setting: MeCabSetting) -> Status {
        if setting == .off { return .absent(.turnedOff) }
        switch library {
        case .failure(let error): return .absent(.missing(reason: error.reason))
        case .success(let api):
            guard let dictionary else { return .absent(noDictionary) }
            return .available(version: String(cString: api.version()), dictionary: dictionary)
        }
    }

    /// What identifies the words the rules see under `setting`, for `StyleMemo`'s salt: the library's version and
    /// the dictionary's `sys.dic` with its size and modification time, or why there is no analyser. A memo made
    /// without MeCab thus never hides a finding once MeCab is installed.
    public static func stamp(_ setting: MeCabSetting) -> String {
        switch status(setting) {
        case .absent(.turnedOff): return "no analyser: off"
        case .absent(.missing): return "no analyser: missing"
        case .available(let version, let dictionary):
            var info = stat()
            guard stat(dictionary + "/sys.dic", &info) == 0 else { return "no analyser: missing" }
            #if canImport(Darwin)
                let modified = info.st_mtimespec
            #else
                let modified = info.st_mtim
            #endif
            return "mecab \(version) \(dictionary) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
        }
    }

    /// The rules a check of `files` leaves out on this machine, and why: those that need MeCab and that
    /// `style.yaml` does not turn off, when MeCab cannot be used, a dictionary MeCab cannot open included (the
    /// analyser is made to find out). Nil when nothing is skipped.
    public static func skippedRules(_ files: ContentFiles) -> Skipped? {
        let why: Absence
        switch status(files.mecab) {
        case .absent(let absence): why = absence
        case .available:
            guard case .failure(let error) = MorphologicalAnalyzer.current(files.mecab) else { return nil }
            why = error.why
        }
        var ignored: [Diagnostic] = []
        let settings = files.files.filter { ContentRole(relativePath: files.relativePath(of: $0)) == .style }
        let style = ContentLoader().load(ContentFiles(root: files.root, files: settings), into: &ignored).style
        let skipped = rules.filter { style.severity($0) != nil }
        return skipped.isEmpty ? nil : Skipped(rules: skipped, why: why)
    }

    /// Rules a check did not run for want of MeCab. Not a finding: exit codes and reports stay as they are, and
    /// the command line says it in one note.
    public struct Skipped: Sendable, Equatable {
        public let rules: [RuleID]
        public let why: Absence

        /// One line for the terminal: which rules were not checked, why, and how to check them.
        public var note: LocalizedText {
            let ids = rules.map(\.rawValue).joined(separator: ", ")
            return LocalizedText(
                en: rules.count == 1
                    ? "kizuna: note: \(why.reason.en), so \(ids) was not checked; to check it, \(why.remedy.en)"
                    : "kizuna: note: \(why.reason.en), so \(ids) were not checked; to check them, \(why.remedy.en)",
                ja: "kizuna: note: \(why.reason.ja)ため、\(ids) は検査していません。検査するには、\(why.remedy.ja)。")
        }
    }
}

extension MeCab.Absence {
    /// For `kizuna rules`: which rules cannot run on this machine, why, and how to run them.
    public func cannotRun(_ rules: [RuleID]) -> LocalizedText {
        let ids = rules.map(\.rawValue).joined(separator: ", ")
        return LocalizedText(
            en:
                "\(reason.en): \(ids) cannot run on this machine; to run \(rules.count == 1 ? "it" : "them"), \(remedy.en)",
            ja: "\(reason.ja)ため、\(ids) はこの環境では実行できません。実行するには、\(remedy.ja)。")
    }

    /// Why, as the end of a clause ("…, so"; "…ため").
    public var reason: LocalizedText {
        switch self {
        case .turnedOff:
            LocalizedText(en: "MeCab is turned off (KIZUNA_MECAB=off)", ja: "MeCab を使わない設定（KIZUNA_MECAB=off）の")
        case .missing(let reason):
            LocalizedText(en: "MeCab is not available (\(reason))", ja: "MeCab が使えない（\(reason)）")
        }
    }

    /// What makes the rules run.
    public var remedy: LocalizedText {
        switch self {
        case .turnedOff:
            LocalizedText(en: "unset KIZUNA_MECAB", ja: "KIZUNA_MECAB を外してください")
        case .missing:
            LocalizedText(
                en:
                    "install MeCab: apt-get install libmecab2 mecab-ipadic-utf8 (Debian, Ubuntu) "
                    + "or brew install mecab mecab-ipadic (macOS)",
                ja:
                    "MeCab を入れてください: apt-get install libmecab2 mecab-ipadic-utf8（Debian・Ubuntu）、"
                    + "brew install mecab mecab-ipadic（macOS）"
            )
        }
    }
}
