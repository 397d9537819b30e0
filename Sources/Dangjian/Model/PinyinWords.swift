/// Words whose reading ICU's `Han-Latin` gets wrong, because it reads each character on its own
/// (银行 → yin-xing, 长城 → zhang-cheng). Built in are the polyphonic words common in Party-building
/// material; site.yml can add more (`pinyin: {长效: chang-xiao}`). Longest match wins.
public struct PinyinWords: Sendable, Equatable {
    /// Word → its syllables.
    private(set) var words: [String: [String]] = [:]
    private(set) var longest = 0

    public init(_ mapping: [String: String] = [:]) {
        for (word, reading) in mapping { add(word, reading: reading) }
    }

    public static let builtIn = PinyinWords([
        "银行": "yin hang", "行长": "hang zhang", "行业": "hang ye", "行列": "hang lie", "行情": "hang qing",
        "各行各业": "ge hang ge ye", "排行": "pai hang", "内行": "nei hang", "外行": "wai hang",
        "长城": "chang cheng", "长江": "chang jiang", "长征": "chang zheng", "长期": "chang qi", "长久": "chang jiu",
        "长效": "chang xiao", "长远": "chang yuan", "长度": "chang du", "长廊": "chang lang", "长沙": "chang sha",
        "长春": "chang chun", "长安": "chang an", "长治": "chang zhi", "长宁": "chang ning", "长白山": "chang bai shan",
        "延长": "yan chang", "特长": "te chang", "专长": "zhuan chang", "擅长": "shan chang", "漫长": "man chang",
        "重复": "chong fu", "重新": "chong xin", "重温": "chong wen", "重阳": "chong yang", "重申": "chong shen",
        "重建": "chong jian", "重组": "chong zu", "重叠": "chong die", "重返": "chong fan", "重整": "chong zheng",
        "重播": "chong bo", "重合": "chong he", "重读": "chong du", "厦门": "xia men", "音乐": "yin yue",
        "乐队": "yue dui", "乐器": "yue qi", "角色": "jue se", "首都": "shou du", "都市": "du shi", "大都": "da du",
        "都江堰": "du jiang yan", "会计": "kuai ji", "调整": "tiao zheng", "协调": "xie tiao", "调解": "tiao jie",
        "调控": "tiao kong", "空调": "kong tiao", "调节": "tiao jie", "调和": "tiao he", "调剂": "tiao ji",
        "调理": "tiao li", "调配": "tiao pei", "还款": "huan kuan", "归还": "gui huan", "还原": "huan yuan", "似的": "shi de", "西藏": "xi zang", "宝藏": "bao zang", "给予": "ji yu",
        "供给": "gong ji", "出差": "chu chai", "反省": "fan xing", "睡觉": "shui jiao", "模样": "mu yang",
        "率先": "shuai xian", "率领": "shuai ling", "地区": "di qu", "便宜": "pian yi", "了解": "liao jie",
        "了不起": "liao bu qi", "着重": "zhuo zhong", "着力": "zhuo li", "着眼": "zhuo yan", "着手": "zhuo shou",
        "薄弱": "bo ruo", "游说": "you shui", "参差": "cen ci", "人参": "ren shen", "传记": "zhuan ji",
        "暖和": "nuan huo", "蚌埠": "beng bu", "六安": "lu an", "丽水": "li shui", "番禺": "pan yu", "乐清": "yue qing",
    ])

    /// These words and `other`'s; `other` wins where both read a word.
    public func merging(_ other: PinyinWords) -> PinyinWords {
        var merged = self
        for (word, syllables) in other.words { merged.add(word, reading: syllables.joined(separator: " ")) }
        return merged
    }

    private mutating func add(_ word: String, reading: String) {
        let syllables = reading.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        guard word.count > 1, !syllables.isEmpty else { return }
        words[word] = syllables
        longest = max(longest, word.count)
    }

    /// The text with every listed word replaced by its syllables, spaced from its neighbours.
    func applied(to text: String) -> String {
        guard !words.isEmpty else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            if characters[index].unicodeScalars.first.map(CJKCharacters.isHan) == true, let (length, syllables) = match(in: characters, at: index) {
                result += " " + syllables.joined(separator: " ") + " "
                index += length
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

    private func match(in characters: [Character], at index: Int) -> (Int, [String])? {
        var length = min(longest, characters.count - index)
        while length > 1 {
            if let syllables = words[String(characters[index..<index + length])] { return (length, syllables) }
            length -= 1
        }
        return nil
    }
}
