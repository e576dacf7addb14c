import Foundation

/// An `InputStream` over another one that passes valid UTF-8 through unchanged and replaces every ill-formed
/// sequence with U+FFFD (EF BF BD), so that a CSV reader sees every row of a file that is partly not UTF-8 (a
/// Shift_JIS nickname typed into a UTF-8 export, say) and the row can be reported rather than ending the read.
///
/// A UTF-16 or UTF-32 byte order mark at the start is refused: `read` returns -1 and `encodingProblem` says why.
/// The UTF-8 byte order mark is passed on (the CSV reader skips it). Reads ahead one chunk, so that
/// `hasBytesAvailable` is exact: false only at the end of the input.
final class UTF8CheckedInputStream: InputStream {
    enum EncodingProblem: Sendable, Equatable {
        case utf16
        case utf32
    }

    private let source: InputStream
    private var status: Stream.Status = .notOpen
    private var error: Error?
    private(set) var encodingProblem: EncodingProblem?
    /// Checked bytes not yet handed out.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// The start of a sequence cut by a chunk boundary, checked with the next chunk.
    private var carry: [UInt8] = []
    private var sourceEnded = false
    private var started = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    /// How many ill-formed sequences were replaced.
    private(set) var replacements = 0

    init(_ source: InputStream) {
        self.source = source
        super.init(data: Data())
    }

    override func open() {
        if source.streamStatus == .notOpen { source.open() }
        if source.streamStatus == .error {
            status = .error
            error = source.streamError
        } else {
            status = .open
        }
    }

    override func close() {
        source.close()
        status = .closed
    }

    override var streamStatus: Stream.Status { status }
    override var streamError: Error? { error }

    override var hasBytesAvailable: Bool {
        fill()
        return pendingStart < pending.count
    }

    override func getBuffer(
        _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>
    ) -> Bool {
        false
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        fill()
        if status == .error { return -1 }
        let n = min(len, pending.count - pendingStart)
        guard n > 0 else { return 0 }
        pending.withUnsafeBufferPointer { p in
            buffer.update(from: p.baseAddress! + pendingStart, count: n)
        }
        pendingStart += n
        return n
    }

    /// Reads and checks chunks until some bytes are pending, the input ends, or reading fails.
    private func fill() {
        while pendingStart >= pending.count && !sourceEnded && status == .open {
            let count = chunk.withUnsafeMutableBufferPointer { source.read($0.baseAddress!, maxLength: $0.count) }
            if count < 0 {
                status = .error
                error = source.streamError
                return
            }
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            var input = carry
            carry.removeAll(keepingCapacity: true)
            input.append(contentsOf: chunk[0..<count])
            if count == 0 { sourceEnded = true }
            if !started && (input.count >= 4 || sourceEnded) {
                started = true
                if input.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || input.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
                    encodingProblem = .utf32
                } else if input.starts(with: [0xFE, 0xFF]) || input.starts(with: [0xFF, 0xFE]) {
                    encodingProblem = .utf16
                }
                if encodingProblem != nil {
                    status = .error
                    return
                }
            } else if !started {
                carry = input  // fewer than 4 bytes so far: wait for more before looking for a byte order mark
                continue
            }
            let used = Self.check(input, final: sourceEnded, into: &pending, replacements: &replacements)
            carry.append(contentsOf: input[used...])
        }
    }

    /// Appends `input`'s valid UTF-8 to `out`, each ill-formed sequence (its maximal subpart, as Unicode advises)
    /// replaced by U+FFFD. Returns how many bytes were used: a sequence cut off at the end is left for the next chunk
    /// unless `final`.
    static func check(_ input: [UInt8], final: Bool, into out: inout [UInt8], replacements: inout Int) -> Int {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        out.reserveCapacity(out.count + input.count)
        return input.withUnsafeBufferPointer { p -> Int in
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    // ASCII run.
                    var j = i + 1
                    while j < n && p[j] < 0x80 { j += 1 }
                    out.append(contentsOf: p[i..<j])
                    i = j
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default:
                    out.append(contentsOf: replacement)
                    replacements += 1
                    i += 1
                    continue
                }
                var k = 1
                while k < length && i + k < n {
                    let c = p[i + k]
                    let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                    guard c >= lo && c <= hi else { break }
                    k += 1
                }
                if k == length {
                    out.append(contentsOf: p[i..<(i + length)])
                    i += length
                } else if i + k == n && !final {
                    return i  // cut by the chunk's end: finish with the next chunk
                } else {
                    out.append(contentsOf: replacement)
                    replacements += 1
                    i += k
                }
            }
            return n
        }
    }
}
