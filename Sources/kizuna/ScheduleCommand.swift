import ArgumentParser
import Foundation
import KizunaCore

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print each subscriber's message due on a date (LINE payload or e-mail), nickname filled in.",
        discussion: """
            The CSV has a header row naming the columns id, nickname, due_date, birth_date, channel (any order); \
            birth_date may be empty (the reader is then still pregnant, even past due_date: after 41w6d nothing is sent \
            until a birth_date is given; the due date never stands in for it), channel is line or email. Optional columns \
            status (active or ended; empty is active) and ended_on (YYYY-MM-DD, the day a miscarriage, a stillbirth \
            or a child's death is recorded): from ended_on nothing of either series is sent to that reader, and on \
            ended_on only the edition's loss support message, once. Each subscriber with a message on DATE gets \
            one JSON object (channel, date, day, id, label, series, and payload for LINE or eml for e-mail; for the \
            loss support message "message": "loss-support" instead of day, label and series) on stdout, or in \
            DIR/<id>.json with --output. A \
            malformed row is reported on stderr as FILE:LINE: error: MESSAGE and the other rows still go out. \
            A summary line ends stderr. Exit 0 when every row was fine, 1 when some row was malformed (or the \
            content has errors: then nothing goes out), 2 for usage or I/O problems.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The edition id.")
    var edition: String

    @Option(help: "The subscriber CSV file (UTF-8; '-' reads standard input).")
    var subscribers: String

    @Option(help: "The sending date, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Write DIR/<id>.json per subscriber instead of JSON lines on stdout; DIR must be new or empty.")
    var output: String?

    func run() throws {
        let day = try parseDate(date, option: "--date")
        let language = options.language
        let files = try options.read()
        let report = Validator().validate(files, checkingPayloads: false)
        guard let content = report.content else {
            var stderr = StandardError()
            print(DiagnosticFormatter.text(report.diagnostics, language: language), terminator: "", to: &stderr)
            throw ExitStatus.contentErrors
        }
        guard let target = content.edition(edition) else {
            printError("no edition '\(edition)'; editions: \(content.editions.map(\.id.value).joined(separator: ", "))")
            throw ExitStatus.failure
        }
        let csv: SubscriberCSV
        do {
            csv =
                subscribers == "-"
                ? try SubscriberCSV(stream: InputStream(fileAtPath: "/dev/stdin")!)
                : try SubscriberCSV(path: subscribers)
        } catch {
            printError((error.line.map { "\(subscribers):\($0): " } ?? "\(subscribers): ") + error.message[language])
            throw ExitStatus.failure
        }
        var sink: any DeliverySink = StandardOutputSink()
        if let output {
            do {
                sink = try FolderSink(path: output)
            } catch {
                printError(error.message[language])
                throw ExitStatus.failure
            }
        }

        let schedule = Schedule(content: content, edition: target, date: day)
        let start = DispatchTime.now()
        var errorLog = BufferedOutput(fileDescriptor: 2)
        var summary: ScheduleSummary
        var refused = 0, refusedByEmail = 0
        do {
            summary = try schedule.run(csv) { (event: ScheduleEvent) throws(SinkError) in
                switch event {
                case .delivered(let delivery):
                    do throws(SinkError) {
                        try sink.write(delivery)
                    } catch {
                        // An id that comes twice with --output is the row's error; anything else stops the run.
                        guard let rowError = error.row else { throw error }
                        refused += 1
                        if delivery.row.channel == .email { refusedByEmail += 1 }
                        errorLog.write("\(subscribers):\(rowError.line): error: \(rowError.message[language])\n")
                    }
                case .rejected(let error):
                    errorLog.write("\(subscribers):\(error.line): error: \(error.message[language])\n")
                }
            }
            try sink.finish()
            summary.delivered -= refused
            summary.byEmail -= refusedByEmail
            summary.errors += refused
        } catch {
            try? sink.finish()
            errorLog.flush()
            switch error {
            case let error as ScheduleFileError:
                printError(
                    (error.line.map { "\(subscribers):\($0): " } ?? "\(subscribers): ") + error.message[language])
            case let error as SinkError:
                printError(error.message[language])
            default:
                printError("\(error)")
            }
            throw ExitStatus.failure
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let rate = seconds > 0 ? Int((Double(summary.rows) / seconds).rounded()) : summary.rows
        errorLog.write(Self.summaryLine(summary, date: day, rowsPerSecond: rate, language: language) + "\n")
        errorLog.flush()
        if summary.errors > 0 { throw ExitStatus.contentErrors }
    }

    static func summaryLine(_ s: ScheduleSummary, date: CalendarDate, rowsPerSecond: Int, language: Language) -> String
    {
        switch language {
        case .en:
            let parts =
                (s.byEmail > 0 ? ["\(s.byEmail) by e-mail"] : [])
                + (s.lossSupport > 0 ? ["\(s.lossSupport) loss support"] : [])
            let of = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
            return "kizuna: schedule \(date): \(s.delivered) delivered\(of), \(s.noMessage) with no message today, "
                + "\(s.notStarted) not started, \(s.finished) finished, \(s.ended) ended, "
                + "\(English.count(s.errors, "error")) in \(English.count(s.rows, "row")) (\(rowsPerSecond) rows/s)"
        case .ja:
            let parts =
                (s.byEmail > 0 ? ["e-mail \(s.byEmail) 件"] : [])
                + (s.lossSupport > 0 ? ["喪失時のサポート \(s.lossSupport) 件"] : [])
            let of = parts.isEmpty ? "" : "（うち \(parts.joined(separator: "、"))）"
            return "kizuna: schedule \(date): 配信 \(s.delivered) 件\(of)、今日のメッセージなし \(s.noMessage) 件、"
                + "開始前 \(s.notStarted) 件、終了 \(s.finished) 件、配信停止（ended）\(s.ended) 件、エラー \(s.errors) 件"
                + "（全 \(s.rows) 行、\(rowsPerSecond) 行/秒）"
        }
    }
}

/// Where deliveries go.
protocol DeliverySink {
    mutating func write(_ delivery: Delivery) throws(SinkError)
    mutating func finish() throws(SinkError)
}

struct SinkError: Error {
    var message: LocalizedText
    /// Set when the problem is the row's own (its id came before), so the run goes on.
    var row: ScheduleError?

    init(message: LocalizedText, row: ScheduleError? = nil) {
        self.message = message
        self.row = row
    }
}

/// JSON lines on stdout, written in 64 KiB chunks.
struct StandardOutputSink: DeliverySink {
    var out = BufferedOutput(fileDescriptor: 1)

    mutating func write(_ delivery: Delivery) throws(SinkError) {
        out.write(delivery.json)
        out.write([0x0A])
        if let error = out.error {
            throw SinkError(message: LocalizedText(en: "cannot write to stdout: \(error)", ja: "標準出力に書けません: \(error)"))
        }
    }

    mutating func finish() throws(SinkError) {
        out.flush()
        if let error = out.error {
            throw SinkError(message: LocalizedText(en: "cannot write to stdout: \(error)", ja: "標準出力に書けません: \(error)"))
        }
    }
}

/// One file per subscriber, `DIR/<id>.json`, created exclusively: an id that comes twice is an error, not an overwrite.
struct FolderSink: DeliverySink {
    let folder: String

    init(path: String) throws(SinkError) {
        folder = path
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SinkError(
                    message: LocalizedText(
                        en: "--output '\(path)' is a file, not a folder",
                        ja: "--output '\(path)' はファイルです。フォルダを指定してください"))
            }
            let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            guard entries.isEmpty else {
                throw SinkError(
                    message: LocalizedText(
                        en:
                            "--output '\(path)' is not empty; give a new or empty folder, "
                            + "so that no earlier day's file is taken for today's",
                        ja: "--output '\(path)' が空ではありません。前の日のファイルと混ざらないよう、新しいか空のフォルダを指定してください"))
            }
        } else {
            do {
                try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw SinkError(
                    message: LocalizedText(
                        en: "cannot create '\(path)': \(error.localizedDescription)",
                        ja: "'\(path)' を作れません: \(error.localizedDescription)"))
            }
        }
    }

    func write(_ delivery: Delivery) throws(SinkError) {
        let path = folder + "/" + delivery.row.id + ".json"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == EEXIST {
                let problem = LocalizedText(
                    en:
                        "id '\(delivery.row.id)' came before in this file; "
                        + "'\(path)' is kept as the earlier row made it",
                    ja: "id '\(delivery.row.id)' はこのファイルですでに出てきました。'\(path)' は前の行の内容のままです")
                let row = delivery.row
                throw SinkError(
                    message: problem, row: ScheduleError(row: row.row, line: row.line, id: row.id, problems: [problem]))
            }
            throw SinkError(
                message: LocalizedText(en: "cannot write '\(path)': \(reason)", ja: "'\(path)' に書けません: \(reason)"))
        }
        defer { close(fd) }
        var bytes = delivery.json
        bytes.append(0x0A)
        if let reason = BufferedOutput.writeAll(fd, bytes) {
            throw SinkError(
                message: LocalizedText(en: "cannot write '\(path)': \(reason)", ja: "'\(path)' に書けません: \(reason)"))
        }
    }

    func finish() throws(SinkError) {}
}

/// Bytes to a file descriptor in 64 KiB chunks (print() per line is slow for 100,000 lines).
struct BufferedOutput {
    let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    /// The first write error, after which nothing more is written.
    private(set) var error: String?
    static let chunk = 64 * 1024

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.reserveCapacity(Self.chunk * 2)
    }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { flush() }
    }

    mutating func write(_ text: String) {
        write(Array(text.utf8))
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        if error == nil { error = Self.writeAll(fileDescriptor, buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte; the reason on failure.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { raw -> String? in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
    }
}
