import CFileSystem
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The output's second generation: where each edition's folder is kept once a partial rebuild swapped it out
/// (`.kizuna-previous/<edition>`), without the files that rebuild rewrote, so that what is left are hard links to live
/// files. The next partial rebuild of the edition is staged there with a few operations instead of one link per file,
/// and swapped in; the live folder becomes the kept one. Hidden, like the cache; never read by anything but the build.
struct PreviousGeneration: Sendable {
    /// The output folder.
    let root: String

    var folder: String { "\(root)/.kizuna-previous" }

    func path(of editionID: String) -> String { "\(folder)/\(editionID)" }

    /// Stages a partly changed edition in its kept folder: each entry that is not the live one (compared by inode, as
    /// `readdir` lists them) is linked anew from the live folder, entries the live folder lacks are removed, and then
    /// the files this build staged for the edition (in `staged`) are moved over it. The result is the whole new
    /// edition. False when the edition has no kept folder.
    func stage(_ editionID: String, staged: String) throws(IOFailure) -> Bool {
        let kept = path(of: editionID)
        var info = stat()
        guard lstat(kept, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        try FileTree.sync(from: "\(root)/\(editionID)", to: kept)
        try FileTree.moveFiles(from: staged, to: kept)
        return true
    }

    /// Keeps an edition's swapped-out folder as its previous generation (`keep`), or moves the one it had into
    /// `trash` (a folder removed with the staging folder): an edition rebuilt whole shares no files with it.
    func keepOrDrop(_ editionID: String, swappedOut: String?, keep: Bool, trash: String) throws(IOFailure) {
        let kept = path(of: editionID)
        if swappedOut == kept { return }
        if access(kept, F_OK) == 0 {
            guard rename(kept, "\(trash)/.previous-\(editionID)") == 0 else {
                throw IOFailure("cannot remove '\(kept)': \(String(cString: strerror(errno)))")
            }
        }
        guard keep, let swappedOut else { return }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST, rename(swappedOut, kept) == 0 else {
            throw IOFailure("cannot keep '\(editionID)' in '\(folder)': \(String(cString: strerror(errno)))")
        }
    }

    /// Removes these files (paths inside the output folder) from the kept folders, where they are the versions a
    /// partial rebuild replaced.
    func drop(_ paths: [String]) {
        for path in paths { unlink("\(folder)/\(path)") }
    }
}
