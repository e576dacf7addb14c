import Foundation
import Testing
@testable import KizunaCore

/// The red 「未承認 N通」 mark at the top of an edition's timeline: shown when some day is not approved, never as
/// 「未承認 0通」 (a Mustache section shows for any number, 0 included).
@Suite struct PreviewIndexMarkTests {
    @Test func theMarkCountsUnapprovedDaysAndIsAbsentWhenThereAreNone() throws {
        let (_, plain) = try CardTests.build(try CardTests.sample())
        let index = try CardTests.text(plain, "sakuragaoka/preview/index.html")
        #expect(index.contains("<span class=\"unapproved-mark\">未承認 5通</span>"))
        // A release holds the five back: every day it lists is approved.
        let (_, release) = try CardTests.build(try CardTests.sample(), release: true)
        let shipped = try CardTests.text(release, "sakuragaoka/preview/index.html")
        #expect(!shipped.contains("未承認 0通"))
        #expect(!shipped.contains("<span class=\"unapproved-mark\">未承認"))
    }
}
