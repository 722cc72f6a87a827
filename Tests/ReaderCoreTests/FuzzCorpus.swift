import Foundation
import Testing
@testable import ReaderCore

/// The pages mutation starts from: HTML in English, Chinese and Japanese (UTF-8, GBK and Shift_JIS),
/// an MHTML archive, and a Markdown clipping with front matter, a table and footnotes.
enum FuzzCorpus {
    static let boundary = "----MultipartBoundary--fUzZ0123456789abcdef----"

    static let seeds: [(name: String, bytes: [UInt8])] = [
        ("english.html", Array(english.utf8)),
        ("chinese.html", Array(chinese.utf8)),
        ("japanese.html", Array(japanese.utf8)),
        ("chinese-gbk.html", chineseGBK),
        ("japanese-shift-jis.html", japaneseShiftJIS),
        ("archive.mhtml", Array(archive.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ("clipping.md", Array(markdown.utf8)),
    ]

    static let english = """
        <!DOCTYPE html>
        <!-- saved from url=(0044)https://news.example.com/2024/05/harbour-mast -->
        <html lang="en"><head><meta charset="utf-8">
        <title>Harbour radio gets a new mast | Example News</title>
        <meta name="author" content="Ada Quill">
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2024-05-04T09:00:00Z">
        <link rel="canonical" href="https://news.example.com/2024/05/harbour-mast">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour radio gets a new mast","author":{"name":"Ada Quill"}}</script>
        <script>document.write("tracking")</script><style>p { color: red }</style>
        </head><body>
        <nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>
        <article class="post-content">
        <h1>Harbour radio gets a new mast</h1>
        <p class="byline">By <a rel="author" href="/people/ada">Ada Quill</a></p>
        <p>The volunteers of the harbour radio station raised a new mast on Saturday, after three years of fundraising, bake sales and a very long planning application.</p>
        <p>“It was worth every cake,” said the chair, Jo Marsh, who climbed it herself. The old mast, put up in 1987, will be taken down <a href="https://news.example.com/2024/05/old-mast">next month</a>.</p>
        <h2>What changes</h2>
        <ul><li>Range grows from 12 to 30 km.</li><li>Two new <mark>night shows</mark>.</li><li><input type="checkbox" checked> Licence renewed.</li></ul>
        <ol start="3"><li>Third</li><li value="9">Ninth</li></ol>
        <blockquote><p>Radio is the sound of a town talking to itself.</p></blockquote>
        <pre><code>freq = 104.6 MHz\n\tpower = 50 W</code></pre>
        <figure><img src="mast.jpg" alt="The new mast at dusk"><figcaption>The new mast at dusk.</figcaption></figure>
        <table><caption>Schedule</caption><thead><tr><th>Day</th><th>Show</th></tr></thead>
        <tbody><tr><td>Mon</td><td>Tide tables</td></tr><tr><td colspan="2">Weekend: <a href="/weekend">specials</a></td></tr></tbody></table>
        <p>Read <a href="javascript:void(0)">more</a>, mail <a href="mailto:radio@example.com">us</a> or see <a href="#top">top</a>.</p>
        <img src="pixel.gif" width="1" height="1"><p hidden>hidden text</p><div style="display:none">none</div>
        </article>
        <aside class="sidebar related"><h3>Related</h3><a href="/a">A</a></aside>
        <footer class="footer">© Example News · <a href="/privacy">Privacy</a></footer>
        </body></html>
        """

    static let chinese = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
        <title>春茶采摘：茶园的清晨_茶乡日报</title><meta name="description" content="茶园春茶采摘">
        </head><body><div id="header" class="header">首页 | 新闻 | 专题</div>
        <div class="article-content" id="content">
        <h1>春茶采摘：茶园的清晨</h1><p class="author">作者：苏青禾 <time datetime="2024-04-12">2024年4月12日</time></p>
        <p>清晨五点，山上的雾还没有散去，采茶的人们已经背着竹篓上了山。今年春天雨水充足，茶叶长得特别好，一芽一叶，嫩绿发亮。</p>
        <p>老茶农王师傅说：“明前茶最金贵，要赶在清明之前采完。”他一边说，一边熟练地掐下芽尖，放进篓里。</p>
        <p>茶园里有<a href="https://tea.example.cn/zhong">三个品种</a>，分别是龙井四十三、<ruby>鸠坑<rt>jiūkēng</rt></ruby>和白叶一号。<br>每个品种的口感都不一样。</p>
        <table><tr><td>品种</td><td>采摘期</td><td>价格</td></tr><tr><td>龙井43</td><td>3月</td><td>高</td></tr><tr><td>白叶一号</td><td>4月</td><td>中</td></tr></table>
        </div><div class="comment">评论（3）</div></body></html>
        """

    static let japanese = """
        <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>山小屋の週末 - 山歩きブログ</title>
        <meta property="og:title" content="山小屋の週末"></head><body><main><article>
        <h1>山小屋の週末</h1><p class="byline">文・写真：山田花子</p>
        <p>先週末、友人と二人で北アルプスの山小屋に泊まりました。<ruby>槍ヶ岳<rp>(</rp><rt>やりがたけ</rt><rp>)</rp></ruby>の肩にある小屋で、夕焼けがとてもきれいでした。</p>
        <p>朝は四時に起きて、ご来光を見ました。気温は零度近くまで下がり、手がかじかみました。温かいコーヒーが本当においしかったです。</p>
        <p><ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>のふりがなと、全角ｶﾀｶﾅ、半角カナが混じる文章。句読点、「かぎかっこ」。</p>
        <dl><dt>標高</dt><dd>3,180 m</dd></dl>
        <p>詳しくは<a href="https://yama.example.jp/hut">山小屋のサイト</a>をご覧ください。</p>
        </article></main></body></html>
        """

    /// A Chinese page labelled GBK (python3: the text's `.encode("gbk")`, between ASCII markup).
    static let chineseGBK: [UInt8] = Array("<html><head><meta charset=\"gbk\"><title>茶</title></head><body><p>".utf8)
        + [178, 232, 212, 176, 180, 186, 178, 232, 178, 201, 213, 170, 163, 172, 204, 236, 198, 248, 186, 220, 186, 195, 161, 163]
        + Array("</p><p>".utf8)
        + [178, 232, 212, 176, 180, 186, 178, 232, 178, 201, 213, 170, 163, 172, 204, 236, 198, 248, 186, 220, 186, 195, 161, 163]
        + Array("</p></body></html>".utf8)

    /// A Japanese page in Shift_JIS with no label, ruby markup inside (python3: `.encode("cp932")` of
    /// `山小屋の週末。<ruby>漢字<rt>かんじ</rt></ruby>を読む、天気は良かった。`).
    static let japaneseShiftJIS: [UInt8] = Array("<html><body><p>".utf8)
        + [142, 82, 143, 172, 137, 174, 130, 204, 143, 84, 150, 150, 129, 66, 60, 114, 117, 98, 121, 62, 138, 191, 142, 154,
           60, 114, 116, 62, 130, 169, 130, 241, 130, 182, 60, 47, 114, 116, 62, 60, 47, 114, 117, 98, 121, 62, 130, 240, 147,
           199, 130, 222, 129, 65, 147, 86, 139, 67, 130, 205, 151, 199, 130, 169, 130, 193, 130, 189, 129, 66]
        + Array("</p></body></html>".utf8)

    /// A Chrome-style archive: quoted-printable HTML (charset in the part's Content-Type), an encoded-word
    /// Subject, and a base64 image part. Written with LF; the seed has CRLF.
    static let archive = """
        From: <Saved by Blink>
        Snapshot-Content-Location: https://news.example.com/2024/10/zhongwen
        Subject: =?utf-8?B?5Lit5paH5paw6Ze7?= and more
        Date: Sat, 5 Oct 2024 10:11:12 -0000
        MIME-Version: 1.0
        Content-Type: multipart/related;
        \ttype="text/html";
        \tboundary="\(boundary)"


        --\(boundary)
        Content-Type: text/html; charset=utf-8
        Content-ID: <frame-5D0C1E2A@mhtml.blink>
        Content-Transfer-Encoding: quoted-printable
        Content-Location: https://news.example.com/2024/10/zhongwen

        <!DOCTYPE html><html><head><meta charset=3D"utf-8"><title>=E4=B8=AD=E6=96=87=
        =E6=96=B0=E9=97=BB</title></head><body><article><p class=3D"lead">=E4=B8=
        =AD=e6=96=87 and English, 50=25 off. The long paragraph continues with enough =
        words to be an article, commas, clauses, and a <a href=3D"/2024/10/next">link</a>.</p>
        <p>Second paragraph, with an image <img src=3D"cid:img1" alt=3D"=E5=9B=BE">.</p></article></body></html>
        --\(boundary)
        Content-Type: image/png
        Content-Transfer-Encoding: base64
        Content-Location: cid:img1

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
        --\(boundary)--

        """

    static let markdown = """
        ---
        title: "茶馆的下午"
        source: https://example.cn/teahouse
        saved: 2024-06-01T10:00:00Z
        author: 苏青禾
        tags: [茶, travel, 日本語]
        ---
        # 茶馆的下午

        A clipping with **bold**, *em*, `code`, a [link](https://example.cn/a "title") and a footnote[^1].
        午后的茶馆里，人们慢慢地喝茶、聊天。窓の外は雨でした。

        | 茶 | 价格 | 備考 |
        |----|-----:|:----:|
        | 龙井 | 30 | 新茶 |
        | 煎茶 | 25 | [site](https://example.jp/sencha) |

        - item one
          - nested item
        1. first
        2. second

        > A quote
        > over two lines.

        ```swift
        let x = "\\u{1B}[31m"
        ```

        ==highlighted== and ~~struck~~ text, <https://example.com/bare> and https://example.org/plain.

        [^1]: The footnote, with a [reference](https://example.net/ref).

        References
        1. https://example.com/one — One
        """
}
