@testable import Dangjian
import Testing

@Suite("Support: did-you-mean")
struct SuggestionTests {
    @Test("a letter added, dropped, changed or two swapped is a likely typo; a different word is not")
    func typos() {
        #expect(Suggestion.closest(to: "bild", among: ["build", "check"]) == "build")
        #expect(Suggestion.closest(to: "jsno", among: ["text", "json"]) == "json")
        #expect(Suggestion.closest(to: "tlak", among: ["talk", "salon"]) == "talk")
        #expect(Suggestion.closest(to: "--quite", among: ["--quiet", "--output"]) == "--quiet")
        #expect(Suggestion.closest(to: "xml", among: ["text", "json"]) == nil)
        #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
        #expect(Suggestion.editDistance(Array("abc"), Array("ca")) == 3)
    }
}
