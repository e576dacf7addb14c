import Foundation
import Testing
@testable import KizunaCore

/// The JSON Schemas in `schemas/` (editor support) against the loaders, so that neither drifts from the other.
///
/// At every mapping a loader reads, the schema must list exactly the keys the loader allows, and refuse others
/// (`additionalProperties: false`). The loader's keys are read from its own `schema-unknown-key` note
/// ("allowed keys: …") on a probe file that holds an unknown key in every mapping, named `x.PATH` after where that
/// mapping's keys are in the schema (`x` at the top, `x.sections.items` in a section, …).
/// `scripts/check-schemas.py` checks the schemas against the content itself.
@Suite struct SchemaTests {
    static let schemaNames = [
        "manuscript", "edition", "insert", "support", "kizuna", "reviewers", "style", "terms", "national-schedule",
        "translation-manuscript", "translation-insert",
    ]

    /// The `approval:` and `approvals:` every signed text's probe holds, at the top of its file.
    static let approvalProbe = """
        approval:
          by: [a]
          date: 2026-04-01
          sha256: 0000000000000000000000000000000000000000000000000000000000000000
          x.approval: 1
        approvals:
          - by: a
            date: 2026-04-01
            sha256: 0000000000000000000000000000000000000000000000000000000000000000
            x.approvals.items: 1
        """

    /// Probe files by schema, by path in a content folder.
    static let probes: [String: [String: String]] = [
        "translation-manuscript": [
            "translations/en/manuscripts/childcare/0045.yaml": """
            language: en
            source_sha256: t
            title: t
            sections:
              - heading: h
                text: t
                x.sections.items: 1
            \(Self.approvalProbe)
            x: 1
            """
        ],
        "translation-insert": [
            "translations/en/inserts/i.yaml": """
            language: en
            source_sha256: t
            title: t
            text: t
            \(Self.approvalProbe)
            x: 1
            """
        ],
        "manuscript": [
            "manuscripts/childcare/0045.yaml": """
            series: childcare
            day: 45
            title: t
            sections:
              - heading: h
                text: t
                x.sections.items: 1
            supervisors: [a]
            review: draft
            sources:
              - title: t
                x.sources.items: 1
            \(Self.approvalProbe)
            x: 1
            """
        ],
        "edition": [
            "editions/e.yaml": """
            id: e
            name: n
            municipality: m
            series: [childcare]
            channels: [line]
            contacts:
              - id: d
                name: n
                phone: 000-123-4567
                x.contacts.items: 1
            unsubscribe_url: https://example.jp/
            survey:
              url: https://example.jp/
              days: []
              x.survey: 1
            registration:
              line_url: https://lin.ee/a
              x.registration: 1
            card:
              contact: d
              x.card: 1
            footer:
              x.footer: 1
            \(Self.approvalProbe)
            x: 1
            """
        ],
        // A window holds one kind, so one file per kind.
        "insert": Dictionary(
            uniqueKeysWithValues: ["weeks", "days", "months"].map { kind in
                (
                    "inserts/\(kind).yaml",
                    """
                    id: \(kind)
                    title: t
                    text: t
                    window:
                      \(kind):
                        from: 4
                        to: 5
                        x.window.\(kind): 1
                      x.window: 1
                    \(Self.approvalProbe)
                    x: 1
                    """
                )
            }),
        "support": [
            "support/s.yaml": """
            id: s
            title: t
            text: t
            contacts: [d]
            \(Self.approvalProbe)
            x: 1
            """
        ],
        "kizuna": [
            "kizuna.yaml": """
            disclaimer: d
            footer:
              unsubscribe_label: u
              publisher: p
              x.footer: 1
            card:
              greeting: g
              x.card: 1
            approvals:
              - by: a
                date: 2026-04-01
                sha256: 0000000000000000000000000000000000000000000000000000000000000000
                x.approvals.items: 1
            x: 1
            """
        ],
        "reviewers": [
            "reviewers.yaml": """
            reviewers:
              - id: a
                name: n
                role: r
                specialty: s
                affiliation: a
                keys:
                  - key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOHE7d7NrOmY0nMu8ASev6CPZLfhVxUSo5GAZ7h5kap5
                    x.reviewers.items.keys.items: 1
                x.reviewers.items: 1
            x: 1
            """
        ],
        "style": [
            "style.yaml": "rules:\n  x.rules: 1\n"
                + StyleConfiguration.options.keys.map { "  \($0.rawValue):\n    x.rules.\($0.rawValue): 1\n" }.joined()
                + "x: 1\n"
        ],
        "national-schedule": [
            "reference/national-schedule.yaml": """
            checked: 2026-12-07
            sources:
              - title: t
                x.sources.items: 1
            entries:
              - id: e
                kind: checkup
                name: n
                months:
                  from: 1
                  to: 2
                  x.entries.items.months: 1
                period: p
                x.entries.items: 1
            x: 1
            """
        ],
        "terms": [
            "terms.yaml": """
            terms:
              - expected: e
                patterns: [p]
                tests:
                  ok: [e]
                  x.terms.items.tests: 1
                x.terms.items: 1
            x: 1
            """
        ],
    ]

    @Test(arguments: schemaNames)
    func schemaHasTheLoadersKeys(_ name: String) throws {
        let data = try Data(contentsOf: Paths.repository.appendingPathComponent("schemas/\(name).schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objects = Self.objects(in: schema)
        let allowed = Self.allowedKeys(probing: try #require(Self.probes[name]))
        #expect(
            Set(objects.keys) == Set(allowed.keys), "\(name): the schema's objects vs the mappings the loader reads")
        for (path, object) in objects.sorted(by: { $0.key < $1.key }) {
            let properties = Set((object["properties"] as? [String: Any] ?? [:]).keys)
            #expect(properties == allowed[path], "\(name) at '\(path)': schema properties vs loader keys")
            #expect(
                object["additionalProperties"] as? Bool == false,
                "\(name) at '\(path)': the loader refuses unknown keys")
        }
    }

    /// Every object schema with properties, by path: "" at the top, then property names and `items` joined by dots.
    static func objects(in schema: [String: Any], at path: String = "") -> [String: [String: Any]] {
        func join(_ name: String) -> String { path.isEmpty ? name : path + "." + name }
        var found: [String: [String: Any]] = [:]
        if let properties = schema["properties"] as? [String: [String: Any]] {
            found[path] = schema
            for (name, property) in properties { found.merge(objects(in: property, at: join(name))) { a, _ in a } }
        }
        if let items = schema["items"] as? [String: Any] {
            found.merge(objects(in: items, at: join("items"))) { a, _ in a }
        }
        return found
    }

    /// The keys the loader allows in each mapping of the probe files, by the path the probe key names.
    static func allowedKeys(probing files: [String: String]) -> [String: Set<String>] {
        let content = ContentFiles(
            root: "content", files: files.map { SourceFile(path: "content/" + $0.key, text: $0.value) })
        var diagnostics: [Diagnostic] = []
        _ = ContentLoader().load(content, into: &diagnostics)
        var allowed: [String: Set<String>] = [:]
        for d in diagnostics where d.rule == .schemaUnknownKey {
            guard let text = files[String(d.location.file.dropFirst("content/".count))] else { continue }
            let line = text.split(separator: "\n", omittingEmptySubsequences: false)[d.location.line - 1]
            let key = line.dropFirst(d.location.column - 1).prefix { $0 != ":" }  // `x.sections.items`
            let note = d.notes.first?.message.en ?? ""  // `allowed keys: heading, text`
            let keys = note.drop(while: { $0 != ":" }).dropFirst().split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            allowed[String(key.dropFirst(2)), default: []].formUnion(keys)
        }
        return allowed
    }

    // The examples `scripts/check-schemas.py` checks the schemas with are right for Kizuna too: each invalid one,
    // put into the minimal content set, is an error in its file, and the valid style.yaml is not.

    static let examples = Paths.fixtures.appendingPathComponent("schemas")
    static let invalidExamples =
        ((try? FileManager.default.contentsOfDirectory(
            atPath: examples.appendingPathComponent("invalid").path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()

    @Test(arguments: invalidExamples)
    func invalidExampleIsAnError(_ name: String) throws {
        let folder = Self.examples.appendingPathComponent("invalid/\(name)")
        let relative = try #require(FileManager.default.subpaths(atPath: folder.path)?.first { $0.hasSuffix(".yaml") })
        #expect(try Self.diagnostics(adding: relative, from: folder).contains { $0.severity == .error }, "\(name)")
    }

    @Test func validStyleExampleIsClean() throws {
        #expect(try Self.diagnostics(adding: "style.yaml", from: Self.examples.appendingPathComponent("valid")).isEmpty)
    }

    /// The diagnostics in one file of `folder` when it is put into the minimal content set.
    static func diagnostics(adding relative: String, from folder: URL) throws -> [Diagnostic] {
        let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        let minimal = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("minimal"))
        let files = ContentFixtures.replacing(relative, in: minimal, with: text)
        return Validator().validate(files, checkingPayloads: false).diagnostics.filter {
            $0.location.file == "content/" + relative
        }
    }
}
