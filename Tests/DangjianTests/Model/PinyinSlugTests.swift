@testable import Dangjian
import Testing

@Suite("Model: slugs with corrected readings")
struct PinyinSlugTests {
    @Test("polyphonic words ICU reads wrong come from the word list", arguments: [
        ("银行", "yin-hang"), ("长城", "chang-cheng"), ("重复", "chong-fu"), ("厦门", "xia-men"),
        ("中国银行2024年报", "zhong-guo-yin-hang-2024-nian-bao"), ("长效机制", "chang-xiao-ji-zhi"), ("五、调节情绪", "wu-tiao-jie-qing-xu"),
    ])
    func corrections(_ example: (String, String)) {
        #expect(Slug.make(from: example.0) == example.1)
    }

    @Test("hyphens between syllables and at Han/Latin/digit boundaries; ASCII kept as it is")
    func boundaries() {
        #expect(Slug.make(from: "先锋沙龙") == "xian-feng-sha-long")
        #expect(Slug.make(from: "学习Swift6") == "xue-xi-swift6")
        #expect(Slug.make(from: "第3期") == "di-3-qi")
        #expect(Slug.make(from: "jia-feng") == "jia-feng")
        #expect(Slug.fromFileName("012-红色引擎.md") == "hong-se-yin-qing")
    }

    @Test("site.yml's words are added to the built-in ones and win over them")
    func siteWords() {
        let words = PinyinWords.builtIn.merging(PinyinWords(["朝阳": "zhao-yang", "银行": "yin-hang-x"]))
        #expect(Slug.make(from: "朝阳区", pinyin: words) == "zhao-yang-qu")
        #expect(Slug.make(from: "银行", pinyin: words) == "yin-hang-x")
        #expect(Slug.make(from: "长城", pinyin: words) == "chang-cheng")
    }
}
