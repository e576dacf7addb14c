import CFileSystem
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Folder trees handled with POSIX calls (readdir, link, rename): every file of an edition is listed, linked or moved,
/// and FileManager's enumerator costs more than the links.
enum FileTree {
    /// One folder's entries by name: inode and whether it is a folder.
    static func listing(_ folder: String) throws(IOFailure) -> [String: (inode: UInt64, isDirectory: Bool)] {
        guard let directory = opendir(folder) else {
            throw IOFailure("cannot list '\(folder)': \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var entries: [String: (inode: UInt64, isDirectory: Bool)] = [:]
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat("\(folder)/\(name)", &info) == 0 else {
                    throw IOFailure("cannot read '\(folder)/\(name)': \(String(cString: strerror(errno)))")
                }
                isDirectory = info.st_mode & S_IFMT == S_IFDIR
            }
            entries[name] = (UInt64(entry.pointee.d_ino), isDirectory)
        }
        return entries
    }

    /// Hard-links every file under `source` to the same place under `target`, except the paths in `except` (given
    /// with `prefix`, relative to the output folder).
    static func linkFiles(
        _ source: String, _ target: String, relative: String = "", except: Set<String>, prefix: String
    ) throws(IOFailure) {
        for (name, entry) in try listing(source + "/" + relative) {
            let path = relative + name
            let to = "\(target)/\(path)"
            if entry.isDirectory {
                guard mkdir(to, 0o755) == 0 || errno == EEXIST else {
                    throw IOFailure("cannot create '\(to)': \(String(cString: strerror(errno)))")
                }
                try linkFiles(source, target, relative: path + "/", except: except, prefix: prefix)
            } else if !except.contains(prefix + path), link("\(source)/\(path)", to) != 0 {
                throw IOFailure("cannot link '\(source)/\(path)': \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Makes `target` hold the same files as `source`, as hard links to them, touching only the entries that differ.
    static func sync(from source: String, to target: String) throws(IOFailure) {
        let want = try listing(source)
        var have = try listing(target)
        for (name, entry) in have where want[name] == nil || want[name]!.isDirectory != entry.isDirectory {
            let path = "\(target)/\(name)"
            guard (entry.isDirectory ? kizuna_remove_tree(path) : unlink(path)) == 0 else {
                throw IOFailure("cannot remove '\(path)': \(String(cString: strerror(errno)))")
            }
            have[name] = nil
        }
        for (name, entry) in want {
            let (from, to) = ("\(source)/\(name)", "\(target)/\(name)")
            if entry.isDirectory {
                guard have[name] != nil || mkdir(to, 0o755) == 0 else {
                    throw IOFailure("cannot create '\(to)': \(String(cString: strerror(errno)))")
                }
                try sync(from: from, to: to)
            } else if have[name]?.inode != entry.inode {
                guard have[name] == nil || unlink(to) == 0, link(from, to) == 0 else {
                    throw IOFailure("cannot link '\(from)': \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// Moves every file under `source` to the same place under `target`, replacing what is there.
    static func moveFiles(from source: String, to target: String) throws(IOFailure) {
        for (name, entry) in try listing(source) {
            let (from, to) = ("\(source)/\(name)", "\(target)/\(name)")
            if entry.isDirectory {
                guard mkdir(to, 0o755) == 0 || errno == EEXIST else {
                    throw IOFailure("cannot create '\(to)': \(String(cString: strerror(errno)))")
                }
                try moveFiles(from: from, to: to)
            } else if rename(from, to) != 0 {
                throw IOFailure("cannot move '\(from)' to '\(to)': \(String(cString: strerror(errno)))")
            }
        }
    }
}
