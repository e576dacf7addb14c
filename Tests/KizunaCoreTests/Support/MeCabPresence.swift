import Foundation
import Testing
@testable import KizunaCore

/// MeCab in the tests. `KIZUNA_MECAB=off swift test` runs the suite as a machine without MeCab would: the content
/// helpers (`ContentFixtures.read`, `DiagnosticFixtures.contentFiles`) carry this setting, and the tests of the
/// rules that read words are skipped, with `reason`, where MeCab is not available.
enum MeCabPresence {
    /// As `kizuna` reads it.
    static let setting = MeCabSetting(environment: ProcessInfo.processInfo.environment)
    /// MeCab and its IPA dictionary are on this machine, whatever the setting.
    static let installed = MeCab.status(.automatic).isAvailable
    /// The tests may use MeCab.
    static let available = MeCab.status(setting).isAvailable
    static let reason: Comment =
        setting == .off
        ? "KIZUNA_MECAB=off: run as if MeCab were not installed"
        : "MeCab or its IPA dictionary is not installed here (apt-get install libmecab2 mecab-ipadic-utf8)"
}
