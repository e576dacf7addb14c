import Mustache

/// An edition's coverage page (`preview/coverage.html`, and `kizuna coverage --format html`): the cadence of each series
/// as a calendar (a row per gestational week or per month of age, a cell per day, each marked in words), and the
/// national checkups and vaccinations with their periods and the inserts that announce them.
struct CoveragePage {
    struct Cell { let label: String; let state: String; let stateClass: String }
    struct Row { let label: String; let range: String; let cells: [Cell]; let entries: [String] }
    struct SeriesView {
        let name: String; let summary: String; let cadence: String; let rows: [Row]; let isChildcare: Bool
    }
    struct EntryView {
        let kind: String; let name: String; let window: String; let period: String; let basis: String?
        let state: String; let stateClass: String; let inserts: String
    }
    struct SourceView { let title: String; let url: String? }

    let editionName: String
    let series: [SeriesView]
    let entries: [EntryView]
    let hasEntries: Bool
    let checked: String?
    let sources: [SourceView]
    let sendsChildcare: Bool

    /// The page of one edition's report (`report.editions` holds that edition alone).
    init(_ report: CoverageReport, editionName: String) {
        self.editionName = editionName
        let edition = report.editions.first
        series = report.series.map { s in
            let written = s.days(.covered).count
            let summary =
                "配信日 \(s.cadenceCount) 日のうち \(written) 日に原稿あり・原稿のない配信日 \(s.days(.missing).count) 日・"
                + "配信日外の原稿 \(s.days(.offCadence).count) 本"
                + (s.days(.birthday).isEmpty ? "" : "・誕生日の原稿 \(s.days(.birthday).count) 本")
            let cadence = Cadence.stretches(of: s.series).map { st in
                st.from == st.to ? st.from.label : "\(st.from.label)〜\(st.to.label)は\(st.name.ja)"
            }.joined(separator: "、")
            return SeriesView(
                name: s.series.displayName, summary: summary, cadence: cadence,
                rows: Self.rows(s, entries: edition?.entries ?? []), isChildcare: s.series == .childcare)
        }
        entries = (edition?.entries ?? []).map { c in
            EntryView(
                kind: c.entry.kind.value.displayName, name: c.entry.name.value, window: c.entry.windowDescription,
                period: c.entry.period.value, basis: c.entry.basis?.value,
                state: CoverageReport.stateLabel(c.state).ja, stateClass: c.state.rawValue,
                inserts: c.inserts.isEmpty ? "なし" : c.inserts.joined(separator: "、"))
        }
        hasEntries = !entries.isEmpty
        sendsChildcare = edition?.series.contains(.childcare) ?? false
        checked = report.reference?.checked.value.description
        sources = (report.reference?.sources ?? []).map { SourceView(title: $0.title.value, url: $0.url?.value) }
    }

    /// A row per gestational week, or per month of age: the days on which the youngest possible reader is that many
    /// months old (a month age is not a fixed day count; `MonthAge.possible`).
    private static func rows(_ s: CoverageReport.SeriesCoverage, entries: [CoverageReport.EntryCoverage]) -> [Row] {
        var groups: [(key: Int, days: [CoverageReport.Day])] = []
        for day in s.days {
            let key: Int
            switch day.day {
            case .gestation(let weeks, _): key = weeks
            case .dayCount(let n): key = MonthAge.possible(onDayCount: n).lowerBound
            }
            if groups.last?.key == key {
                groups[groups.count - 1].days.append(day)
            } else {
                groups.append((key, [day]))
            }
        }
        return groups.map { key, days in
            let cells = days.map { d in
                let label: String
                switch d.day {
                case .gestation(let weeks, let days): label = "\(weeks)週\(days)日"
                case .dayCount(let n): label = "\(n)日目"
                }
                return Cell(label: label, state: cellLabel(d.state), stateClass: d.state.rawValue)
            }
            switch s.series {
            case .maternity:
                return Row(label: "妊娠\(key)週", range: "", cells: cells, entries: [])
            case .childcare:
                let range = "生まれて\(days.first!.day.ordinal)〜\(days.last!.day.ordinal)日目"
                let here = entries.filter { $0.entry.months.value.contains(key) }.map {
                    "\($0.entry.name.value)（\(CoverageReport.stateLabel($0.state).ja)）"
                }
                return Row(label: "生後\(key)か月", range: range, cells: cells, entries: here)
            }
        }
    }

    /// A cell's word: the calendar is read without colour.
    static func cellLabel(_ state: CoverageReport.DayState) -> String {
        switch state {
        case .covered: "あり"
        case .missing: "なし"
        case .offCadence: "枠外"
        case .birthday: "誕生日"
        }
    }
}

extension PreviewRenderer {
    /// An edition's coverage page, as the UTF-8 bytes written to disk.
    public func coveragePageBytes(_ report: CoverageReport, editionName: String) -> [UInt8] {
        Array(templates.render(CoveragePage(report, editionName: editionName), template: "coverage").utf8)
    }
}

extension CoveragePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "editionName": editionName
        case "series": series
        case "entries": entries
        case "hasEntries": hasEntries
        case "checked": checked
        case "sources": sources
        case "sendsChildcare": sendsChildcare
        default: nil
        }
    }
}

extension CoveragePage.SeriesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "summary": summary
        case "cadence": cadence
        case "rows": rows
        case "isChildcare": isChildcare
        default: nil
        }
    }
}

extension CoveragePage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "range": range.isEmpty ? nil : range
        case "cells": cells
        case "entries": entries
        case "hasEntries": !entries.isEmpty
        default: nil
        }
    }
}

extension CoveragePage.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "state": state
        case "stateClass": stateClass
        default: nil
        }
    }
}

extension CoveragePage.EntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "name": self.name
        case "window": window
        case "period": period
        case "basis": basis
        case "state": state
        case "stateClass": stateClass
        case "inserts": inserts
        default: nil
        }
    }
}

extension CoveragePage.SourceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}
