@testable import Dangjian
import Foundation
import Testing

/// What a build keeps in memory while it renders: pages in batches of about the same bytes, card
/// fragments without the values they were made from, bodies without their plain text once the
/// search index is made.
@Suite("Memory held while rendering")
struct RenderMemoryTests {
    @Test("large pages come a few at a time, small ones hundreds; each family starts small and at most doubles")
    func batchSizes() {
        var sizer = BatchSizer(largest: 256)
        var sizes = [sizer.size]
        for _ in 0..<8 {
            sizer.learn(pages: sizer.size, bytes: sizer.size * 15_000)      // talk pages, 15 KB
            sizes.append(sizer.size)
        }
        #expect(sizes == [8, 16, 32, 64, 128, 256, 256, 256, 256])
        sizer.startFamily()
        #expect(sizer.size == BatchSizer.smallest)
        sizer.learn(pages: 8, bytes: 8 * 600_000)                          // bulletins, 0.6 MB
        #expect(sizer.size == 13, "about 8 MB of bulletins at once")
        #expect(sizer.size * 600_000 <= BatchSizer.budget)
        sizer.learn(pages: 13, bytes: 13 * 40_000_000)                     // pages larger than the budget: a few still
        #expect(sizer.size == BatchSizer.smallest)
        sizer.learn(pages: 0, bytes: 0)
        #expect(sizer.size == BatchSizer.smallest, "an empty batch teaches nothing")
    }

    @Test("a deferred text lets go of what it was made from once it is made, and is made once")
    func deferredTextReleases() {
        final class Captured: Sendable { let text = "机关第一党支部" }
        weak var watched: Captured?
        let made = Counter()
        let deferred: DeferredText = {
            let captured = Captured()
            watched = captured
            return DeferredText(key: "partials/row") { made.add(); return captured.text }
        }()
        #expect(watched != nil, "held until the text is made")
        #expect(deferred.text == "机关第一党支部")
        #expect(watched == nil, "let go once made")
        #expect(deferred.text == "机关第一党支部")
        #expect(made.value == 1)
    }

    @Test("a body's character count stays when its plain text is let go")
    func countSurvivesRelease() {
        let body = EntryBody(markedHTML: "<p>学习 Swift 6.0 语言</p>", plainText: "学习 Swift 6.0 语言", references: [], assets: [])
        #expect(body.characterCount == 7)
        body.releasePlainText()
        #expect(body.plainText.isEmpty)
        #expect(body.characterCount == 7)
        #expect(body.markedHTML == "<p>学习 Swift 6.0 语言</p>")
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
