import Mustache

// The review sheets' views name their members for Mustache directly, as the preview views do and for the same reason
// (`Mirror` reflects the whole view at every lookup): every stored property under its own name, optionals unwrapped.

extension FilterLinks: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "reviewers": reviewers
        case "series": series
        default: nil
        }
    }
}

extension FilterLinks.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        default: nil
        }
    }
}

extension SheetView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "kindName": kindName
        case "label": label
        case "title": title
        case "series": series
        case "seriesName": seriesName
        case "path": path
        case "href": href
        case "home": home
        case "state": state
        case "stateName": stateName
        case "summary": summary.isEmpty ? nil : summary
        case "awaiting": awaiting
        case "entitledName": entitledName
        case "reviewers": reviewers
        case "reviewerIDs": reviewerIDs
        case "approvedOn": approvedOn
        case "isManuscript": isManuscript
        case "sources": sources
        case "textHTML": textHTML
        case "diffHTML": diffHTML
        case "snapshotMissing": snapshotMissing
        default: nil
        }
    }
}

extension SheetView.ReviewerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "detail": detail
        case "standing": standing
        case "standingName": standingName
        default: nil
        }
    }
}

extension SheetView.Source: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}

extension IndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "rows": rows
        case "root": root
        case "filters": filters
        case "total": total
        case "count": count
        case "hasRows": hasRows
        default: nil
        }
    }
}

extension SheetPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sheet": sheet
        default: nil
        }
    }
}

extension PrintView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sheets": sheets
        default: nil
        }
    }
}
