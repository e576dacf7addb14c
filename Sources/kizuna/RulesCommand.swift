import ArgumentParser
import Foundation
import KizunaCore

/// What `kizuna rules` prints: the table for the terminal, or docs/rules.md.
enum RulesFormat: String, ExpressibleByArgument {
    case text
    case markdown
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List every rule id with its default severity, whether it can run on this machine, and what it checks.",
        discussion:
            "Rules that read words need MeCab; where it is absent (or KIZUNA_MECAB=off) they show `no` and are skipped."
            + " --format markdown writes docs/rules.md (both languages, nothing that depends on the machine)."
    )

    @Option(name: .long, help: "Language: en or ja (default: from the locale).")
    var lang: Language?

    @Option(help: "Output format: text, or markdown (the page docs/rules.md).")
    var format: RulesFormat = .text

    func run() {
        if format == .markdown {
            print(RuleCatalog.markdown, terminator: "")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let language = lang ?? Language(environment: environment)
        let mecab = MeCab.status(MeCabSetting(environment: environment))
        let width = RuleID.allCases.map(\.rawValue.count).max() ?? 0
        let here = language == .ja ? "実行" : "runs"
        print(
            "\("rule".padding(toLength: width, withPad: " ", startingAt: 0))  severity  \(here)  "
                + "\(language == .ja ? "検査する内容" : "checks")"
        )
        for rule in RuleID.allCases {
            let id = rule.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let runs = (!rule.needsMeCab || mecab.isAvailable ? "yes" : "no").padding(
                toLength: 4, withPad: " ", startingAt: 0)
            print("\(id)  \(severity)  \(runs)  \(rule.summary[language])")
        }
        switch mecab {
        case .available(let version, let dictionary):
            print(
                language == .ja
                    ? "\nMeCab \(version)（辞書 \(dictionary)）: 単語を読む規則も実行します"
                    : "\nMeCab \(version) with \(dictionary): the rules that read words run")
        case .absent(let why):
            print("\n" + why.cannotRun(MeCab.rules)[language])
        }
    }
}
