@testable import Dangjian
import Foundation
import Testing

/// A page is kept from the previous build when the fingerprint of its values is the same: equal
/// values must give equal fingerprints, and any change a template could show must change it.
@Suite("Fingerprints of template values")
struct ValuesFingerprintTests {
    static func talk(_ extra: [String: TemplateValue] = [:]) -> TemplateMap {
        var values: [String: TemplateValue] = ["title": .text("晨学三分钟开讲"), "number": .number(2203), "hasTags": .flag(true),
                                               "tags": .list([.text("理想信念"), .text("读书学习")]),
                                               "branch": .map(TemplateMap(["name": .text("机关第一党支部")])), "cover": .absent]
        values.merge(extra) { _, new in new }
        return TemplateMap(values)
    }

    @Test("the same values give the same fingerprint, whatever order they were put in")
    func sameValues() {
        var reversed = TemplateMap()
        for (name, value) in Self.talk().values.sorted(by: { $0.key > $1.key }) { reversed[name] = value }
        #expect(reversed.digest == Self.talk().digest)
        #expect(Self.talk().fingerprinted().digest == Self.talk().digest, "made ahead or now, the same fingerprint")
    }

    @Test("any change a template could show changes the fingerprint")
    func everyChangeCounts() {
        let original = Self.talk().digest
        let changes: [(String, TemplateValue)] = [
            ("title", .text("晨学三分钟开讲 ")), ("number", .number(2204)), ("hasTags", .flag(false)),
            ("tags", .list([.text("读书学习"), .text("理想信念")])), ("tags", .list([.text("理想信念读书学习")])),
            ("branch", .map(TemplateMap(["name": .text("机关第二党支部")]))), ("cover", .text("")), ("number", .text("2203")),
            ("extra", .absent),
        ]
        for (name, value) in changes {
            #expect(Self.talk([name: value]).digest != original, "\(name) → \(value)")
        }
        #expect(TemplateMap.closed(Self.talk().values).digest != original, "a closed map answers differently for missing names")
        #expect(TemplateMap(["a": .text("bc")]).digest != TemplateMap(["ab": .text("c")]).digest, "names and texts do not run together")
    }

    @Test("a map changed after its fingerprint was made ahead is fingerprinted again")
    func changedAfterwards() {
        var card = Self.talk().fingerprinted()
        card["body"] = .text("<p>正文</p>")
        #expect(card.digest == Self.talk(["body": .text("<p>正文</p>")]).digest)
        #expect(card.digest != Self.talk().digest)
    }

    @Test("deferred text is fingerprinted by its key, made only when shown, and made once")
    func deferredText() {
        final class Counter: @unchecked Sendable { var count = 0 }
        let counter = Counter()
        let text = DeferredText(key: "QRCode\thttp://dangjian.example/talks/\t晨学") {
            counter.count += 1
            return "<svg/>"
        }
        let map = TemplateMap(["qrSVG": .deferred(text)])
        #expect(map.digest == TemplateMap(["qrSVG": .deferred(DeferredText(key: text.key) { "其他" })]).digest)
        #expect(map.digest != TemplateMap(["qrSVG": .deferred(DeferredText(key: text.key + "/") { "<svg/>" })]).digest)
        #expect(counter.count == 0, "fingerprinting does not make the text")
        #expect(text.text == "<svg/>" && text.text == "<svg/>")
        #expect(counter.count == 1)
    }
}
