extension RuleID {
    public static let phoneFormat = RuleID("phone-format")
}

/// `phone-format`: a desk's phone number is digits and hyphens, 10 or 11 digits (a Japanese number), so its tel: button
/// dials.
struct PhoneRule: ContentRule {
    static let description = RuleDescription(
        .phoneFormat, .error, en: "A desk phone number that is not 10–11 half-width digits",
        ja: "半角数字10〜11桁になっていない窓口の電話番号")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for e in content.editions {
            for desk in e.contacts {
                let phone = desk.phone.value
                // A placeholder `kizuna new` wrote is reported once, as `scaffold-placeholder`.
                if ScaffoldText.placeholderOffset(in: phone) != nil { continue }
                let digits = phone.filter { $0.isASCII && $0.isNumber }
                let allowed = phone.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
                if !allowed || !(10...11).contains(digits.count) || !phone.hasPrefix("0") {
                    diagnostics.append(
                        Diagnostic(
                            .phoneFormat, at: desk.phone.location,
                            LocalizedText(
                                en:
                                    "phone number '\(phone)' must be 10 or 11 half-width digits "
                                    + "starting with 0, with optional hyphens (e.g. 000-123-4567)",
                                ja: "電話番号 \(Japanese.quote(phone)) は、0で始まる半角数字10桁か11桁で書いてください（ハイフンは任意。例: 000-123-4567）"
                            ).tidied))
                }
            }
        }
    }
}
