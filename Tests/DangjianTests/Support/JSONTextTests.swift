@testable import Dangjian
import Foundation
import Testing

@Suite("JSON string literals")
struct JSONTextTests {
    @Test("any text survives as a JSON string, with nothing that could end a script or a line")
    func roundTrip() throws {
        let text = "家风“传承”\\ \"引号\" </script> \n\r\t\u{1}\u{1F}\u{2028}\u{2029} é 😀 end"
        let literal = JSONText.string(text)
        #expect(!literal.contains("</script>") && !literal.contains("\u{2028}") && !literal.contains("\n"))
        #expect(literal.contains("\\u0001") && literal.contains("\\u001f") && literal.contains("\\u2028"))
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
        #expect(decoded == [text])
    }
}
