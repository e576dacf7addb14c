import Foundation
import Testing
@testable import KizunaCore

@Suite struct TextDiffTests {
    @Test func marksExactlyTheChangedCharacters() {
        let diff = TextDiff(from: "たくさん話しかけてあげましょう。", to: "たくさん声をかけて、目を合わせてあげましょう。")
        #expect(
            diff.runs == [
                .same("たくさん"), .deleted("話し"), .inserted("声を"), .same("かけ"), .inserted("て、目を合わせ"),
                .same("てあげましょう。"),
            ])
        #expect(diff.html == "たくさん<del>話し</del><ins>声を</ins>かけ<ins>て、目を合わせ</ins>てあげましょう。")
        #expect(!TextDiff(from: "同じ", to: "同じ").hasChanges)
    }

    @Test func escapesWhatItShows() {
        let diff = TextDiff(from: "a", to: "a<script>x</script>")
        #expect(diff.html == "a<ins>&lt;script&gt;x&lt;/script&gt;</ins>")
    }
}
