import ArgumentParser
import Foundation
import KizunaCore

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Record a reviewer's approval of texts (manuscripts, inserts, support messages, editions, kizuna.yaml).",
        discussion: """
            Each reviewer gets one entry in the file's approvals: block, with the date, the SHA-256 of the text as it \
            stands and, with --key or --signature, an SSH signature over the approval statement (namespace \
            kizuna-approval). Other reviewers' entries are kept; only the approvals block and a manuscript's review \
            field change. Once the text is approved as kizuna.yaml's policy requires, the file as approved is kept \
            under CONTENT/approved/, and a release ships that version until the next approval.
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "Files to approve: manuscripts, inserts, loss support messages, editions or kizuna.yaml.")
    var paths: [String]

    @Option(name: .customLong("reviewer"), help: "Reviewer id from reviewers.yaml (repeatable without --key).")
    var reviewers: [String] = []

    @Option(help: "The approval date, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Sign with this OpenSSH private key, through ssh-keygen -Y sign (ssh-agent and security keys work).")
    var key: String?

    @Option(help: "Record this signature, made with ssh-keygen -Y sign over `kizuna review --statement` (one file).")
    var signature: String?

    func validate() throws {
        if key != nil || signature != nil, reviewers.count != 1 {
            throw ValidationError("--key and --signature sign for one reviewer: name exactly one --reviewer")
        }
        if key != nil, signature != nil { throw ValidationError("use either --key or --signature, not both") }
        if signature != nil, paths.count != 1 { throw ValidationError("--signature records one file's approval") }
    }

    func run() throws {
        let day = try parseDate(date, option: "--date")
        var files = try options.read()
        var failed = false
        let given = try signature.map { path -> String in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                printError("cannot read the signature file '\(path)'")
                throw ExitStatus.failure
            }
            return text
        }
        // Validated once, then carried on from each approval's own read-back.
        var report = Validator().validate(files, checkingPayloads: false)
        for path in paths {
            guard let file = files.file(at: path),
                let text = ApprovalRecorder.text(at: file.path, in: report.loadedContent)
            else {
                printError(ApprovalRecorder.Failure.notApprovable(path).message[options.language])
                failed = true
                continue
            }
            let errors = report.diagnostics.filter {
                $0.location.file == file.path && $0.severity == .error && !Self.approvalRules.contains($0.rule)
            }
            guard errors.isEmpty else {
                var stderr = StandardError()
                print(DiagnosticFormatter.text(errors, language: options.language), terminator: "", to: &stderr)
                printError("\(path) has errors; fix them before approving")
                failed = true
                continue
            }
            do {
                var signings = reviewers.map { ApprovalRecorder.Signing(reviewer: $0, signature: given) }
                if let key, let reviewer = reviewers.first,
                    report.loadedContent.reviewers.contains(where: { $0.id.value == reviewer })
                {
                    let statement = ApprovalRecorder.statement(for: text, reviewer: reviewer, date: day)
                    signings = [
                        ApprovalRecorder.Signing(reviewer: reviewer, signature: try SSHKeygen.sign(statement, key: key))
                    ]
                }
                let result = try ApprovalRecorder.record(
                    path: file.path, in: files, content: report.loadedContent, signings: signings, date: day)
                try ContentDirectory.replace(file.path, with: result.bytes)
                if let copy = result.approvedCopy {
                    try ContentDirectory.replace(files.root + "/" + copy.path, with: copy.bytes)
                }
                files.files = files.files.map {
                    $0.path == file.path ? SourceFile(path: $0.path, bytes: result.bytes) : $0
                }
                report = result.report
                let signed = signings.contains { $0.signature != nil } ? ", signed" : ""
                print(
                    "kizuna: approved \(path) (\(reviewers.joined(separator: ", ")), \(day)\(signed)): "
                        + "\(result.text.state.rawValue)"
                        + (result.text.signOff.reviewers.isEmpty ? "" : " — \(result.text.signOff.summary)"))
            } catch let error as ApprovalRecorder.Failure {
                printError("\(path): \(error.message[options.language])")
                failed = true
            } catch let error as SSHKeygen.Failure {
                printError("\(path): \(error.description)")
                failed = true
            } catch {
                printError("\(path): \(error)")
                throw ExitStatus.failure
            }
        }
        if failed { throw ExitStatus.contentErrors }
    }

    /// Findings about the approvals themselves, which approving again is how to mend.
    static let approvalRules: Set<RuleID> = [
        .approvalStale, .approvalNotEntitled, .approvalUnsigned, .approvalSignatureMalformed, .approvalKeyUnknown,
        .approvalKeyExpired, .approvalSignatureMismatch, .approvalSignatureCopied, .approvalDateAltered,
    ]
}

/// Signing through OpenSSH's own `ssh-keygen -Y sign`, so passphrases, ssh-agent and security keys all work.
enum SSHKeygen {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func sign(_ statement: ApprovalStatement, key: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kizuna-sign-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = folder.appendingPathComponent("statement.txt")
        try Data(statement.bytes).write(to: message)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "ssh-keygen", "-q", "-Y", "sign", "-f", key, "-n", SSHAllowedSigner.approvalNamespace, message.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run ssh-keygen (install OpenSSH's client): \(error)")
        }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let signature = try? String(contentsOf: message.appendingPathExtension("sig"), encoding: .utf8)
        else {
            let why = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(
                description: "ssh-keygen could not sign with '\(key)'"
                    + (why.isEmpty ? " (exit \(process.terminationStatus))" : ": \(why)"))
        }
        return signature
    }
}
