import ArgumentParser
import Foundation
import KizunaCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every rule id with its default severity and what it checks.")

    @Option(name: .long, help: "Language: en or ja (default: from the locale).")
    var lang: Language?

    func run() {
        let language = lang ?? Language(environment: ProcessInfo.processInfo.environment)
        let width = RuleID.allCases.map(\.rawValue.count).max() ?? 0
        for rule in RuleID.allCases {
            let id = rule.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            print("\(id)  \(severity)  \(rule.summary[language])")
        }
    }
}
