import Foundation

/// Reads a content folder from disk into memory.
public enum ContentDirectory {
    /// Every regular file under `root`, with paths printed as `root/relative`. Hidden files and folders are skipped.
    /// With `readingEditionFilesWhenUsed`, edition, insert and loss support files are listed and read when their
    /// edition is loaded (a build then holds one edition's files per core instead of every municipality's).
    public static func read(_ root: String, readingEditionFilesWhenUsed: Bool = false) throws(IOFailure)
        -> ContentFiles
    {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOFailure("content folder '\(root)' does not exist")
        }
        guard let enumerator = manager.enumerator(atPath: root) else { throw IOFailure("cannot list '\(root)'") }
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        var files: [SourceFile] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = display + "/" + relative
            var dir: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue else { continue }
            // YAML content, and the approved-text snapshots that review sheets compare against.
            let isSnapshot = relative.hasPrefix("approved/") && relative.hasSuffix(".txt")
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") || isSnapshot else { continue }
            if readingEditionFilesWhenUsed,
                [.edition, .insert, .lossSupport].contains(ContentRole(relativePath: relative))
            {
                files.append(SourceFile(readingWhenUsed: full))
                continue
            }
            do throws(IOFailure) {
                files.append(SourceFile(path: full, bytes: try SourceFile.read(full)))
            } catch {
                throw IOFailure("cannot read '\(full)': \(error.message)")
            }
        }
        files.sort { $0.path < $1.path }
        return ContentFiles(root: display, files: files)
    }

    /// Replaces a file's bytes atomically (a temporary file beside it, then rename), making its folder if needed.
    /// Content files are replaced only by commands that change content on the user's request (approve, fix); the
    /// build replaces its own style memo with it.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(IOFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create '\(folder)': \(error.localizedDescription)")
        }
        let temporary = path + ".kizuna-tmp"
        try OutputWriter.writeFile(bytes, to: temporary)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw IOFailure("cannot replace '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    /// The `.mustache` files of a templates folder, by name.
    public static func readTemplates(_ root: String) throws(IOFailure) -> [String: String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else {
            throw IOFailure("templates folder '\(root)' does not exist")
        }
        var templates: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: root + "/" + name) else {
                throw IOFailure("cannot read '\(root)/\(name)'")
            }
            templates[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return templates
    }
}

/// A problem with the file system, not with the content: exit code 2.
public struct IOFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
