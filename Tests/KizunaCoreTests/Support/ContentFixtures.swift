import Foundation
@testable import KizunaCore

enum ContentFixtures {
    /// Reads a content folder and gives paths as `content/…`, so diagnostics look as they do for users.
    static func read(_ folder: URL, as root: String = "content") throws -> ContentFiles {
        let files = try ContentDirectory.read(folder.path)
        return ContentFiles(
            root: root,
            files: files.files.map {
                SourceFile(path: root + "/" + files.relativePath(of: $0), bytes: $0.bytes)
            }, mecab: MeCabPresence.setting)
    }

    /// Replaces (or adds) a file's text in a content set.
    static func replacing(_ relative: String, in files: ContentFiles, with text: String) -> ContentFiles {
        var copy = files
        let path = files.root + "/" + relative
        copy.files.removeAll { $0.path == path }
        copy.files.append(SourceFile(path: path, text: text))
        return copy
    }

    static func text(_ relative: String, in files: ContentFiles) -> String {
        let path = files.root + "/" + relative
        return String(decoding: files.files.first { $0.path == path }!.bytes, as: UTF8.self)
    }

    /// The title a marked golden set gives day 45: it holds the splicing's marker characters (U+E000, U+E001).
    static let markedTitle = "じっと\u{E000}0\u{E001}見つめる目"

    /// The golden content, validated without payload checks, with day 45's title holding marker characters.
    static func goldenWithMarkedTitle() throws -> ValidatedContent? {
        var files = try read(Paths.fixtures.appendingPathComponent("golden"))
        let path = "manuscripts/childcare/0045.yaml"
        files = replacing(
            path, in: files,
            with: text(path, in: files)
                .replacingOccurrences(of: "title: じっと見つめる目", with: "title: \(markedTitle)"))
        return Validator().validate(files, checkingPayloads: false).content
    }
}
