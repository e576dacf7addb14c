import Foundation
@testable import KizunaCore

/// Folders of the repository, found from this file so tests run from any working directory.
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let snapshots = testsFolder.appendingPathComponent("Snapshots")
    static let content = repository.appendingPathComponent("content")
    static let templates = repository.appendingPathComponent("templates")
}

extension PreviewTemplates {
    /// The repository's templates.
    static func repository() throws -> PreviewTemplates {
        try PreviewTemplates(sources: ContentDirectory.readTemplates(Paths.templates.path))
    }
}
