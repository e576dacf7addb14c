import Foundation

/// Reads a content folder from disk into memory.
public enum ContentDirectory {
    /// Every regular file under `root`, with paths printed as `root/relative`. Hidden files and folders are skipped.
    /// With `readingEditionFilesWhenUsed`, edition, insert and loss support files are listed and read when their
    /// edition is loaded (a build then holds one edition's files per core instead of every municipality's).
    public static func read(_ root: String, readingEditionFilesWhenUsed: Bool = false) throws(IOFailure)
        -> ContentFiles
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOFailure("content folder '\(root)' does not exist")
        }
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        var files: [SourceFile] = []
        for relative in try regularFiles(under: display) {
            let full = display + "/" + relative
            // YAML content, and the approved-text snapshots that review sheets compare against.
            let isSnapshot = relative.hasPrefix("approved/") && relative.hasSuffix(".txt")
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") || isSnapshot else { continue }
            let role = ContentRole(relativePath: relative)
            if readingEditionFilesWhenUsed,
                [.edition, .insert, .lossSupport].contains(role) || role?.isInsertTranslation == true
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

    /// The files under `root` (a symlink to a file counts; one to a folder is not followed), as relative paths,
    /// without hidden files and folders. Read with readdir's entry types: `serve` lists the folder at every save, and
    /// FileManager's enumerator (a stat and an NSString per entry) made reading the national corpus take twice as
    /// long (BENCHMARKS.md, live preview latency).
    static func regularFiles(under root: String) throws(IOFailure) -> [String] {
        var found: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            guard let directory = opendir(folder.isEmpty ? root : root + "/" + folder) else {
                if folder.isEmpty { throw IOFailure("cannot list '\(root)': \(String(cString: strerror(errno)))") }
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): folders.append(relative)
                case Int32(DT_REG): found.append(relative)
                default:
                    // A symlink, or a file system that gives no type: what the path leads to decides.
                    let path = root + "/" + relative
                    var link = stat(), target = stat()
                    guard lstat(path, &link) == 0, stat(path, &target) == 0 else { continue }
                    if (target.st_mode & S_IFMT) == S_IFREG {
                        found.append(relative)
                    } else if (target.st_mode & S_IFMT) == S_IFDIR, (link.st_mode & S_IFMT) != S_IFLNK {
                        folders.append(relative)
                    }
                }
            }
        }
        return found
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
