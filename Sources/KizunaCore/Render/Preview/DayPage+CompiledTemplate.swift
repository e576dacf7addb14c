extension PreviewRenderer {
    /// The day page of `message` with `edition`'s values, or nil when it must be rendered whole.
    ///
    /// A day's page differs from one edition to the next only in the edition's own values (its name, inserts,
    /// survey, disclaimer, footer and the payload), so the day template is compiled once per manuscript and shape
    /// (which of those values are present) and every edition's page is that template with its values written in:
    /// Mustache's work does not grow with the number of editions. The whole `DayPage` is made only to compile.
    /// Pages are byte-identical to rendering them whole (`DayPageTests`).
    func splicedDayPage(
        _ edition: DayPage.EditionPart, of message: DayMessage, previous: DayMessage?, next: DayMessage?
    ) -> [UInt8]? {
        var values = MarkedValues()
        let marked = edition.marked(into: &values)
        guard !values.holdMarker else { return nil }
        // Keys of bytes: a String key is hashed through Unicode normalization, and the titles are Japanese.
        let key = DayPage.TemplateKey(
            manuscriptPath: Array(message.manuscript.path.utf8), previous: previous?.day, next: next?.day,
            months: [message.readerMonths, previous?.readerMonths, next?.readerMonths], shape: edition.shape)
        let template = dayTemplates.template(for: key) {
            CompiledTemplate(
                wholeDayPage(message, previous: previous, next: next, edition: marked), slots: values.count)
        }
        guard let template else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        template.write(values, into: &out)
        return out
    }
}

extension DayPage {
    /// Everything on a page besides the edition's values follows from the manuscript (hence its day) and its
    /// neighbours' days; with which edition values are present (each marker's slot stands for one), that is the shape.
    struct TemplateKey: Hashable {
        let manuscriptPath: [UInt8]
        let previous: DayKey?
        let next: DayKey?
        /// The month-age variants (`DayMessage.readerMonths`) of the day and its neighbours: in the label and links.
        let months: [Int?]
        let shape: [UInt8]
    }
}

extension DayPage.EditionPart {
    /// The part with each value replaced by its marker, the values taken into `values` in the order they are marked.
    func marked(into values: inout MarkedValues) -> DayPage.EditionPart {
        var marked = self
        func mark(_ value: String, raw: Bool = false) -> String { values.mark(value, raw: raw) }
        func mark(_ value: String?, raw: Bool = false) -> String? { value.map { values.mark($0, raw: raw) } }
        marked.editionName = mark(editionName)
        marked.surveyURL = mark(surveyURL)
        marked.disclaimer = mark(disclaimer)
        marked.unsubscribeLabel = mark(unsubscribeLabel)
        marked.unsubscribeURL = mark(unsubscribeURL)
        marked.publisher = mark(publisher)
        marked.deskName = mark(deskName)
        marked.deskPhone = mark(deskPhone)
        marked.tel = mark(tel)
        for i in marked.inserts.indices {
            marked.inserts[i].title = mark(inserts[i].title)
            marked.inserts[i].html = mark(inserts[i].html, raw: true)
            marked.inserts[i].link = mark(inserts[i].link)
            marked.inserts[i].window = mark(inserts[i].window)
            marked.inserts[i].deskName = mark(inserts[i].deskName)
            marked.inserts[i].deskPhone = mark(inserts[i].deskPhone)
            marked.inserts[i].tel = mark(inserts[i].tel)
            marked.inserts[i].source = mark(inserts[i].source)
            marked.inserts[i].review = mark(inserts[i].review)
            marked.inserts[i].reviewClass = mark(inserts[i].reviewClass)
        }
        if let payload {
            marked.payload = DayPage.PayloadView(
                jsonHTMLBytes: Array(values.mark(html: payload.jsonHTMLBytes).utf8),
                messages: mark(payload.messages))
        }
        return marked
    }

    /// Which values are present: the survey, desk and payload, and each insert's optional parts.
    var shape: [UInt8] {
        var s: [UInt8] = [
            surveyURL == nil ? 0 : 1, deskName == nil ? 0 : 1, deskPhone == nil ? 0 : 1, tel == nil ? 0 : 1,
            payload == nil ? 0 : 1, UInt8(truncatingIfNeeded: inserts.count),
            UInt8(truncatingIfNeeded: inserts.count >> 8),
        ]
        for insert in inserts {
            s.append(
                UInt8(insert.link == nil ? 0 : 1) | (insert.deskName == nil ? 0 : 2) | (insert.deskPhone == nil ? 0 : 4)
                    | (insert.tel == nil ? 0 : 8))
        }
        return s
    }
}
