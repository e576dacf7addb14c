import Crypto

/// `manifest.json`: what a sending system needs to know of an edition's files.
struct Manifest: JSONRepresentable {
    struct Entry {
        let message: DayMessage
        let sha256: String
    }
    let edition: Edition
    let nicknameMaxLength: Int
    let entries: [Entry]

    var json: JSONValue {
        .object([
            "edition": .string(edition.id.value),
            "name": .string(edition.name.value),
            "municipality": .string(edition.municipality.value),
            "series": .array(edition.series.map { .string($0.value.rawValue) }),
            "channels": .array(edition.channels.map { .string($0.value.rawValue) }),
            "placeholder": .string(Placeholder.nickname),
            "nicknameMaxLength": .int(nicknameMaxLength),
            "messageCount": .int(entries.count),
            "days": .array(entries.map { e in
                .object([
                    "series": .string(e.message.day.series.rawValue),
                    "day": .string(e.message.day.description),
                    "label": .string(e.message.day.label),
                    "line": .string(e.message.linePath),
                    "preview": .string(e.message.previewPath),
                    "sha256": .string(e.sha256),
                    "review": .string(e.message.manuscript.state.rawValue),
                    "approved": .bool(e.message.manuscript.state == .approved),
                    "inserts": .array(e.message.inserts.map { .string($0.insert.id.value) }),
                ])
            }),
        ])
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hexString
    }
}
