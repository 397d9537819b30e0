import Foundation

/// Script-injection attempts in the spirit of OWASP's XSS filter evasion cheat sheet, for text an
/// author types. Each calls `alert`, `confirm` or `prompt` with its own number when it runs, so a
/// browser hook that records the calls names the one that got through.
public enum XSSPayloads {
    /// For any text field: titles, tags, names, summaries, site.yml strings, and bodies.
    public static let text: [String] = [
        "<script>alert(1)</script>",
        "<ScRiPt>confirm(2)</sCrIpT>",
        "<img src=x onerror=alert(3)>",
        "<IMG SRC=\"javascript:alert(4);\">",
        "<IMG SRC=JaVaScRiPt:alert(5)>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#54;&#41;>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x37&#x29>",
        "<svg onload=alert(8)>",
        "<svg/onload=prompt(9)>",
        "\"><script>alert(10)</script>",
        "'><img src=x onerror=alert(11)>",
        "\" onmouseover=\"alert(12)\" autofocus onfocus=\"alert(12)\" x=\"",
        "' onfocus='alert(13)' autofocus x='",
        "javascript:alert(14)",
        "jav&#x09;ascript:alert(15)",
        "java\tscript:alert(16)",
        "<iframe srcdoc=\"<script>parent.alert(17)</script>\"></iframe>",
        "<iframe src=\"javascript:alert(18)\"></iframe>",
        "<body onload=alert(19)>",
        "<a href=\"javascript:alert(20)\">点我</a>",
        "<div style=\"background-image: url(javascript:alert(21))\">样式</div>",
        "<div style=\"width: expression(alert(22));\">样式</div>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgyMyk8L3NjcmlwdD4=\"></object>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgyNCk8L3NjcmlwdD4=",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(25)>",
        "</title><script>alert(26)</script>",
        "</textarea><script>alert(27)</script>",
        "</style><script>alert(28)</script>",
        "\";alert(29);//",
        "</script><script>alert(30)</script>",
        "\\u003cscript\\u003ealert(31)\\u003c/script\\u003e",
        "＜script＞alert(32)＜/script＞",
        "<details open ontoggle=alert(33)>",
        "<input autofocus onfocus=alert(34)>",
        "<video><source onerror=\"alert(35)\"></video>",
        "<base href=\"javascript:alert(36)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(37)\">",
        "<form action=\"javascript:alert(38)\"><button>提交</button></form>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(39)\">x</a>",
        "<svg><a xlink:href=\"javascript:alert(40)\"><text x=\"20\" y=\"20\">点</text></a></svg>",
        "<svg><animate onbegin=alert(41) attributeName=x dur=1s>",
        "<<SCRIPT>alert(42);//<</SCRIPT>",
        "<IMG \"\"\"><SCRIPT>alert(43)</SCRIPT>\">",
        "<!--<img src=\"--><img src=x onerror=alert(44)//\">",
        "{{{site.title}}}{{#page}}<script>alert(45)</script>{{/page}}",
        "%3Cscript%3Ealert(46)%3C%2Fscript%3E",
        "<scr<script>ipt>alert(47)</scr</script>ipt>",
        "<img src=`x` onerror=alert(48)>",
        "]]><script>alert(49)</script><![CDATA[",
        "&lt;script&gt;alert(50)&lt;/script&gt;",
        "<style>@import 'javascript:alert(51)';</style>",
        "<link rel=stylesheet href=\"javascript:alert(52)\">",
        "'-alert(53)-'",
        "'\u{2028}alert(54)//\u{2029}</script><script>alert(54)</script>",
        "<svg><script>alert&#40;55&#41;</script></svg>",
        "<a href=\"vbscript:msgbox(56)\" onclick=\"alert(56)\">v</a>",
    ]

    /// Lines for a Markdown body (with `unsafe_html` off): links, images and raw HTML that try to
    /// become script through Markdown's own syntax. Images point at `x.png`, which the test site has.
    public static let markdown: [String] = [
        "[链接](javascript:alert(101))",
        "[链接](JaVaScRiPt:alert(102))",
        "[链接](&#106;avascript:alert(103))",
        "[链接](javascript&colon;alert(104))",
        "[链接](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMDUpPC9zY3JpcHQ+)",
        "[链接](vbscript:msgbox(106))",
        "<javascript:alert(107)>",
        "[引用链接][j108]\n\n[j108]: javascript:alert(108)",
        "[标题](x.png \"\\\" onmouseover=\\\"alert(109)\")",
        "![图\" onerror=\"alert(110)](x.png)",
        "![图](x.png \"\\\"><img src=x onerror=alert(111)>\")",
        "<a href=\"javascript:alert(112)\">原始链接</a>",
        "<img src=x onerror=alert(113)>",
        "<p style=\"x:expression(alert(114))\">段落</p>",
        "```\n</code></pre><script>alert(115)</script>\n```",
        "`</code><script>alert(116)</script>`",
        "| 表头 |\n|---|\n| <img src=x onerror=alert(117)> |",
        "[^118]\n\n[^118]: <script>alert(118)</script>",
        "<https://example.invalid/\"onmouseover=\"alert(119)>",
        "**<svg onload=alert(120)>**",
        "## \"><img src=x onerror=alert(121)>标题",
        "## javascript:alert(122)",
        "[图](x.png#&quot;&gt;&lt;svg/onload=alert(123)&gt;)",
        "[图](x.png?a=&quot;onmouseover=alert(124))",
        "[附件](<x.png> \"'><svg onload=alert(125)>\")",
    ]

    /// `s` as a YAML double-quoted scalar: every quote, backslash and control character escaped.
    public static func yaml(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\x" + String(format: "%02x", scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
