import Mustache

// The preview views name their members for Mustache directly, not through `Mirror`, which reflects the whole view
// at every lookup, and every value of every page is looked up. Each `child(named:)` lists every stored property
// under its own name and returns optionals unwrapped (nil: not here, look further up the context stack), exactly as
// the `Mirror` lookup did.

extension DayPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "editionName": editionName
        case "label": label
        case "dayLabel": dayLabel
        case "seriesName": seriesName
        case "title": title
        case "greetingHTML": greetingHTML
        case "sections": sections
        case "inserts": inserts
        case "surveyURL": surveyURL
        case "disclaimer": disclaimer
        case "unsubscribeLabel": unsubscribeLabel
        case "unsubscribeURL": unsubscribeURL
        case "publisher": publisher
        case "deskName": deskName
        case "deskPhone": deskPhone
        case "tel": tel
        case "manuscriptPath": manuscriptPath
        case "review": review
        case "reviewClass": reviewClass
        case "unapproved": unapproved
        case "approval": approval
        case "supervisors": supervisors
        case "sources": sources
        case "previous": previous
        case "next": next
        case "sheetHref": sheetHref
        case "altText": altText
        case "payload": payload
        case "variants": variants
        case "hasVariants": !variants.isEmpty
        default: nil
        }
    }
}

extension DayPage.VariantView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "inserts": inserts
        case "current": current
        default: nil
        }
    }
}

extension DayPage.SectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "html": html
        default: nil
        }
    }
}

extension DayPage.InsertView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "html": html
        case "link": link
        case "window": window
        case "deskName": deskName
        case "deskPhone": deskPhone
        case "tel": tel
        case "source": source
        case "review": review
        case "reviewClass": reviewClass
        default: nil
        }
    }
}

extension DayPage.NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        default: nil
        }
    }
}

extension DayPage.SourceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}

extension DayPage.ApprovalView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "by": by
        case "date": date
        default: nil
        }
    }
}

extension DayPage.PayloadView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "jsonHTML": jsonHTML
        case "messages": messages
        default: nil
        }
    }
}

extension SupervisorView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "detail": detail
        case "known": known
        default: nil
        }
    }
}

extension IndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "editionName": editionName
        case "editionID": editionID
        case "total": total
        // Mustache shows a section for any number, 0 included: none unapproved is no mark.
        case "unapprovedCount": unapprovedCount > 0 ? unapprovedCount : nil
        case "sampleDue": sampleDue
        case "series": series
        case "lossSupport": lossSupport
        case "card": card
        default: nil
        }
    }
}

extension IndexPage.LossSupportLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        case "review": review
        case "reviewClass": reviewClass
        case "unapproved": unapproved
        default: nil
        }
    }
}

extension IndexPage.SeriesGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "count": count
        case "days": days
        default: nil
        }
    }
}

extension IndexPage.DayRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "title": title
        case "inserts": inserts
        case "supervisors": supervisors
        case "review": review
        case "reviewClass": reviewClass
        case "unapproved": unapproved
        case "survey": survey
        case "sampleDate": sampleDate
        default: nil
        }
    }
}

extension IndexPage.CardLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "pdfHref": pdfHref
        case "url": url
        case "unapproved": unapproved
        default: nil
        }
    }
}
