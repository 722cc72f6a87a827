#!/usr/bin/env python3
"""Turn a gen-corpus text library into a library of saved web pages, for bench/run.sh.

  make-html-corpus.py --text DIR --out DIR [--seed S] [--news-kb K] [--singlefile-mb M]

Writes, deterministically (the same input and arguments give the same bytes):
  OUT/library/YYYY/MM/article-NNNNNN.html   one page per gen-corpus article (.txt or .md;
                                            big-article.txt is left out), same folders;
  OUT/pages/news.html        one long news article with a lot of chrome, about K KiB (200);
  OUT/pages/singlefile.html  a page as SingleFile saves it, about M MiB (5): everything
                             inlined, a base64 font and 4-8 base64 PNGs of 0.5-1 MiB each.
The two big pages are outside the library, so the library holds only the converted articles.

Each page is shaped like one saved from a news site: doctype, a <head> with charset, a
`Title - Site` <title>, og:title, og:site_name, article:published_time, a JSON-LD
NewsArticle, a canonical link, a <style> block and a couple of <script>s; then a site
header with 10-20 nav links, breadcrumbs, a share bar, the article in <article> (<h1>,
byline, <time datetime>, <p> paragraphs with a few <a href> links, a figure, sometimes a
list), a sidebar with 10 related links, comments, a footer with links and a cookie banner.
Class names vary a little from page to page (prefixes, synonyms), as between sites.

The words come from the gen-corpus article: its title, date, section, paragraphs,
references and related headlines.  gen-corpus writes two formats (read from its files):
  .txt  `Site > Section > 正文`, blank, title, blank, `YYYY-MM-DD HH:MM:SS  Section`, blank,
        paragraphs separated by blank lines, then `References:` (or its translation) and
        URLs, a notice line, a `Related` label and per headline: title, title, section, date;
  .md   front matter (title, source, saved), `# title`, paragraphs, `## References` and
        `1. <url>` items.

Prints one line: the number of files and bytes written.
"""
import argparse
import base64
import html
import json
import os
import random
import struct
import sys
import zlib
from urllib.parse import quote

# --- what gen-corpus writes: the markers that end an article's body ---------
REFS_LABELS = {"References:", "参考内容:", "参考文献:", "참고 자료:"}
NOTICE_PREFIXES = ("Notice:", "特别声明", "ご注意", "알림:")
RELATED_LABELS = {"Related", "相关推荐", "関連記事", "관련 기사"}


def parse_text_article(text):
    """A gen-corpus .txt article: dict with title, date, section, paragraphs, refs, related."""
    blocks = [b.strip("\n") for b in text.split("\n\n")]
    crumbs = blocks[0].split(" > ")
    title = blocks[1]
    date, _, section = blocks[2].partition("  ")
    art = {"title": title, "date": date.strip(), "section": section.strip() or crumbs[1],
           "paragraphs": [], "refs": [], "related": [], "source": None}
    i = 3
    while i < len(blocks) and blocks[i] not in REFS_LABELS and not blocks[i].startswith(NOTICE_PREFIXES):
        art["paragraphs"].append(blocks[i])
        i += 1
    for b in blocks[i:]:
        if b.startswith("https://"):
            art["refs"].append(b)
    # The related headlines: after the label line, six lines each (title, blank, title, blank,
    # section, date).
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line in RELATED_LABELS:
            rest = lines[k + 1:]
            for j in range(0, len(rest) - 5, 6):
                if rest[j]:
                    art["related"].append(rest[j])
            break
    return art


def parse_md_article(text):
    """A gen-corpus .md article (front matter, `# title`, paragraphs, `## References`)."""
    head, _, body = text.partition("\n---\n")
    meta = {}
    for line in head.split("\n")[1:]:
        key, _, value = line.partition(": ")
        meta[key] = value.strip().strip('"')
    art = {"title": meta.get("title", ""), "date": meta.get("saved", ""), "section": None,
           "paragraphs": [], "refs": [], "related": [], "source": meta.get("source")}
    in_refs = False
    for b in body.split("\n\n"):
        b = b.strip("\n")
        if not b or b.startswith("# "):
            continue
        if b.startswith("## "):
            in_refs = True
            continue
        if in_refs:
            art["refs"] += [line.split("<", 1)[1].rstrip(">") for line in b.split("\n") if "<" in line]
        else:
            art["paragraphs"].append(b)
    return art


def language(paragraphs):
    """The article's language, from its letters: kana -> ja, hangul -> ko, han -> zh, else en."""
    text = "".join(paragraphs[:3])
    kana = sum(1 for c in text if "\u3040" <= c <= "\u30ff")
    hangul = sum(1 for c in text if "\uac00" <= c <= "\ud7a3")
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if kana > len(text) // 20:
        return "ja"
    if hangul > len(text) // 10:
        return "ko"
    if han > len(text) // 10:
        return "zh"
    return "en"


# --- the sites' words, by language -------------------------------------------
SITES = {
    "zh": [("华东日报", "news.huadong-daily.example.cn"), ("南方科技报", "tech.nanfang.example.cn"),
           ("北京晚讯", "www.bjwanxun.example.cn")],
    "ja": [("東都新聞", "www.toto-shimbun.example.jp"), ("テックウォッチ", "techwatch.example.jp")],
    "ko": [("한빛일보", "www.hanbit-ilbo.example.kr"), ("디지털타임즈", "www.digitaltimes.example.kr")],
    "en": [("Millbrook Gazette", "www.millbrookgazette.example.com"), ("The Daily Ledger", "www.dailyledger.example.com"),
           ("Tech Brief", "techbrief.example.org")],
}
LANG_TAG = {"zh": "zh-CN", "ja": "ja", "ko": "ko", "en": "en"}
TZ = {"zh": "+08:00", "ja": "+09:00", "ko": "+09:00", "en": "+00:00"}
WORDS = {
    "zh": dict(home="首页", sections="要闻 国内 国际 财经 科技 体育 娱乐 汽车 房产 教育 健康 旅游 文化 军事 视频 图片 评论 专题 直播 数码".split(),
               share="分享到", share_to="微信 微博 QQ空间 复制链接".split(), by="记者", related="相关推荐",
               comments="网友评论", comment_cta="发表评论", send="发布", login="登录", cookie="本网站使用Cookie以改善您的浏览体验。继续浏览即表示您同意我们使用Cookie。",
               accept="同意", settings="设置", footer="关于我们 联系我们 广告服务 招聘信息 隐私政策 用户协议 网站地图 违法和不良信息举报 意见反馈 帮助中心".split(),
               refs="参考资料", caption="资料图", popular="热门排行", newsletter="订阅早报", subscribe="订阅",
               names="张伟 王芳 李娜 刘洋 陈静 杨帆 赵磊 黄敏 周杰 吴昊".split(), copy="版权所有", points="要点"),
    "ja": dict(home="トップ", sections="ニュース 国内 国際 経済 テクノロジー スポーツ エンタメ ライフ 科学 地域 社説 オピニオン 動画 写真 特集 天気 速報 ランキング 連載 English".split(),
               share="シェア", share_to="X Facebook LINE はてブ".split(), by="記者", related="関連記事",
               comments="コメント", comment_cta="コメントを書く", send="送信", login="ログイン", cookie="当サイトはCookieを使用しています。引き続きご利用いただくことで、Cookieの使用に同意したものとみなされます。",
               accept="同意する", settings="設定", footer="会社概要 お問い合わせ 広告掲載 採用情報 プライバシーポリシー 利用規約 サイトマップ ヘルプ よくある質問 著作権".split(),
               refs="参考文献", caption="写真", popular="アクセスランキング", newsletter="ニュースレター", subscribe="登録",
               names="佐藤健 鈴木花子 高橋翔 田中美咲 伊藤大輔 渡辺結衣 山本蓮 中村陽菜 小林悠 加藤さくら".split(), copy="無断転載を禁じます", points="ポイント"),
    "ko": dict(home="홈", sections="뉴스 정치 경제 사회 국제 IT 과학 스포츠 연예 문화 생활 오피니언 사설 포토 영상 지역 교육 건강 여행 날씨".split(),
               share="공유하기", share_to="카카오톡 페이스북 X 링크복사".split(), by="기자", related="관련 기사",
               comments="댓글", comment_cta="댓글 쓰기", send="등록", login="로그인", cookie="이 사이트는 더 나은 서비스를 위해 쿠키를 사용합니다. 계속 이용하시면 쿠키 사용에 동의하는 것으로 간주됩니다.",
               accept="동의", settings="설정", footer="회사소개 고객센터 광고안내 채용 개인정보처리방침 이용약관 청소년보호정책 사이트맵 제휴문의 저작권".split(),
               refs="참고 자료", caption="사진", popular="많이 본 뉴스", newsletter="뉴스레터", subscribe="구독",
               names="김민준 이서연 박도윤 최지우 정하준 강서윤 조시우 윤하은 장주원 임지민".split(), copy="무단 전재 및 재배포 금지", points="핵심 요약"),
    "en": dict(home="Home", sections="News World Business Technology Science Health Sport Culture Opinion Travel Climate Politics Video Podcasts Local Weather Education Money Style Obituaries".split(),
               share="Share", share_to="Facebook X LinkedIn Email".split(), by="By", related="Related",
               comments="Comments", comment_cta="Join the conversation", send="Post", login="Sign in", cookie="We use cookies to keep you signed in and to understand how our site is read. By continuing you agree to our use of cookies.",
               accept="Accept", settings="Cookie settings", footer="About Contact Advertise Careers Privacy Terms Sitemap Help Corrections Newsletters".split(),
               refs="References", caption="Photo", popular="Most read", newsletter="The morning briefing", subscribe="Subscribe",
               names="Amara Quinlan|Jonah Whitfield|Priya Raman|Tomasz Nowak|Elena Ruiz|Samuel Osei|Hannah Becker|Liam O'Connor|Mei Tan|Grace Holloway".split("|"),
               copy="All rights reserved", points="Key points"),
}

# Class names: each part of a page has a few synonyms, and a page may use a prefix, so no two
# sites look alike to reader mode (none of the article's own names says chrome).
CLASSES = {
    "header": ["site-header", "masthead", "top-bar", "global-header"],
    "nav": ["main-nav", "nav", "primary-menu", "navbar"],
    "crumbs": ["breadcrumbs", "breadcrumb", "crumbs"],
    "share": ["share-bar", "share-tools", "social-share"],
    "article": ["story", "article", "post", "news-article"],
    "body": ["story-body", "article-body", "entry-content", "post-content", "article-text"],
    "byline": ["byline", "author-line", "article-byline"],
    "figure": ["article-figure", "inline-image", "photo", "figure"],
    "sidebar": ["sidebar", "rail", "aside-col", "side-column"],
    "related": ["related", "related-news", "more-stories"],
    "comments": ["comments", "comment-list", "discussion"],
    "footer": ["site-footer", "footer", "page-footer"],
    "cookie": ["cookie-banner", "cookie-consent", "gdpr-notice"],
}


def class_names(rng):
    prefix = rng.choice(["", "", "c-", "np-", "site-"])
    return {part: prefix + rng.choice(names) for part, names in CLASSES.items()}


def esc(text):
    return html.escape(text, quote=False)


def attr(text):
    return html.escape(text, quote=True)


def slug(rng):
    return "-".join("".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(3, 8)))
                    for _ in range(rng.randint(2, 5)))


def linked(rng, para, lang, host):
    """A paragraph's HTML, with one or two <a href> links around a few of its words."""
    if len(para) < 40 or rng.random() < 0.6:
        return esc(para)
    out, at = [], 0
    for _ in range(rng.randint(1, 2)):
        if lang in ("en", "ko"):
            # Start and end a link at spaces, so it holds whole words.
            start = para.find(" ", rng.randint(at, max(at, len(para) - 30))) + 1
            end = para.find(" ", start + rng.randint(4, 20))
        else:
            start = rng.randint(at, max(at, len(para) - 12))
            end = start + rng.randint(2, 8)
            # Not inside a Latin word or a number of the CJK text.
            while 0 < start < len(para) and para[start - 1].isascii() and para[start - 1].isalnum() and para[start].isascii():
                start -= 1
            while 0 < end < len(para) and para[end - 1].isascii() and para[end - 1].isalnum() and para[end].isascii():
                end += 1
        if start <= at or end <= start or end > len(para):
            break
        href = "https://%s/%s/%s.html" % (host if rng.random() < 0.7 else "www.example.org", rng.randint(2018, 2026), slug(rng))
        out += [esc(para[at:start]), '<a href="%s">%s</a>' % (attr(href), esc(para[start:end]))]
        at = end
    out.append(esc(para[at:]))
    return "".join(out)


def sentences(paragraphs, lang):
    """Short pieces of the article's text, for headlines, captions and comments."""
    out = []
    for p in paragraphs:
        for s in p.replace("！", "。").replace("？", "。").replace("!", ".").replace("?", ".").split("。" if lang in ("zh", "ja") else ". "):
            s = s.strip()
            if len(s) >= 6:
                out.append(s[:48 if lang in ("en", "ko") else 24])
    return out or ["…"]


def iso_date(date, lang):
    day, _, time = date.partition(" ")
    return "%sT%s%s" % (day, time or "08:00:00", TZ[lang])


def shown_date(date, lang):
    y, m, d = (int(x) for x in date[:10].split("-"))
    hm = date[11:16]
    return {"zh": "%d年%d月%d日 %s" % (y, m, d, hm), "ja": "%d年%d月%d日 %s" % (y, m, d, hm),
            "ko": "%d.%02d.%02d %s" % (y, m, d, hm)}.get(lang, "%d %s %d, %s" % (d, "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[m - 1], y, hm))


STYLE_RULES = ["margin:0 auto;max-width:1200px", "display:flex;gap:16px;align-items:center", "font-size:14px;color:#555",
               "list-style:none;padding:0;margin:0", "font:18px/1.7 Georgia,serif;color:#222", "color:#777;font-size:13px",
               "width:100%;height:auto", "width:300px;flex:none", "border-top:1px solid #ddd;padding:24px 0",
               "position:fixed;bottom:0;left:0;right:0;background:#111;color:#fff;padding:12px;z-index:99"]


def style_block(cls, rng, extra=""):
    """A site's stylesheet, inlined: a rule per class and a few more."""
    rules = ["*{box-sizing:border-box}", "body{margin:0;font-family:-apple-system,'Helvetica Neue',Arial,sans-serif}",
             "a{color:#0645ad;text-decoration:none}", "a:hover{text-decoration:underline}", "h1{font-size:32px;line-height:1.25}"]
    for name in cls.values():
        rules.append(".%s{%s}" % (name, rng.choice(STYLE_RULES)))
        rules.append(".%s a,.%s li{%s}" % (name, name, rng.choice(STYLE_RULES)))
    rules.append("@media (max-width:768px){.%s{display:none}.%s{font-size:16px}}" % (cls["sidebar"], cls["body"]))
    return "<style>\n%s%s\n</style>" % ("\n".join(rules), extra)


def page(art, lang, rng, number, chrome=1, extra_style="", images=None, saved_comment=None, scripts=True):
    """The HTML of one saved page for `art`.  `chrome` multiplies the page's chrome (nav menus,
    comments, related and popular lists); `images` replaces the figures' URLs (data: URLs);
    `saved_comment` is written first in <html>, as SingleFile does; `scripts` off drops them."""
    w = WORDS[lang]
    site, host = rng.choice(SITES[lang])
    cls = class_names(rng)
    title = art["title"]
    section = art["section"] or rng.choice(w["sections"])
    date = art["date"] or "2024-01-01 08:00:00"
    iso = iso_date(date, lang)
    canonical = art["source"] or "https://%s/%s/%s/%s-%06d.html" % (host, rng.choice(["news", "tech", "a", "article"]),
                                                                        date[:10].replace("-", "/"), slug(rng), number)
    author = rng.choice(w["names"])
    bits = sentences(art["paragraphs"], lang)
    image = "https://img.%s/%s/%s.jpg" % (host.split(".", 1)[1], date[:7].replace("-", "/"), slug(rng))
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": iso,
          "dateModified": iso, "author": {"@type": "Person", "name": author},
          "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": "https://%s/logo.png" % host}},
          "mainEntityOfPage": canonical, "image": [image], "articleSection": section}
    o = ['<!DOCTYPE html>', '<html lang="%s">' % LANG_TAG[lang] + (saved_comment or ""), "<head>",
         '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
         "<title>%s - %s</title>" % (esc(title), esc(site)),
         '<meta name="description" content="%s">' % attr(bits[0]),
         '<meta property="og:type" content="article">', '<meta property="og:title" content="%s">' % attr(title),
         '<meta property="og:site_name" content="%s">' % attr(site), '<meta property="og:url" content="%s">' % attr(canonical),
         '<meta property="og:image" content="%s">' % attr(image),
         '<meta property="article:published_time" content="%s">' % iso, '<meta name="author" content="%s">' % attr(author),
         '<link rel="canonical" href="%s">' % attr(canonical),
         '<script type="application/ld+json">%s</script>' % json.dumps(ld, ensure_ascii=False).replace("</", "<\\/"),
         style_block(cls, rng, extra_style)]
    if scripts:
        o += ["<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
              "gtag('js',new Date());gtag('config','G-%08X',{page_path:location.pathname,section:%s});</script>"
              % (rng.getrandbits(32), json.dumps(section, ensure_ascii=False)),
              '<script async src="https://ads.example.net/tag/%s.js"></script>' % slug(rng)]
    o += ["</head>", "<body>"]

    # The site's header: logo, nav links (10-20; more with more chrome), login.
    def nav_links(n):
        picks = [rng.choice(w["sections"]) for _ in range(n)]
        return " ".join('<a href="https://%s/%s/">%s</a>' % (host, slug(rng), esc(s)) for s in picks)
    o.append('<header class="%s"><a class="logo" href="https://%s/">%s</a>' % (cls["header"], host, esc(site)))
    o.append('<nav class="%s">%s</nav>' % (cls["nav"], nav_links(rng.randint(10, 20))))
    for _ in range(chrome - 1):   # a mega menu: a group of links per section
        o.append('<div class="menu-group"><h3>%s</h3>%s</div>' % (esc(rng.choice(w["sections"])), nav_links(15)))
    o.append('<a class="login" href="https://%s/login">%s</a></header>' % (host, esc(w["login"])))
    o.append('<nav class="%s" aria-label="Breadcrumb"><a href="https://%s/">%s</a> › <a href="https://%s/%s/">%s</a></nav>'
             % (cls["crumbs"], host, esc(w["home"]), host, slug(rng), esc(section)))

    # The article: headline, byline and date, a share bar, paragraphs with a figure and a list.
    o.append('<main><article class="%s">' % cls["article"])
    o.append("<h1>%s</h1>" % esc(title))
    o.append('<p class="%s">%s <a rel="author" href="https://%s/author/%s">%s</a> · <time datetime="%s">%s</time></p>'
             % (cls["byline"], esc(w["by"]), host, slug(rng), esc(author), iso, esc(shown_date(date, lang))))
    share = " ".join('<a href="https://share.example.net/s%d?u=%s">%s</a>' % (k, attr(quote(canonical, safe="")), esc(s))
                     for k, s in enumerate(w["share_to"]))
    o.append('<div class="%s"><span>%s</span> %s</div>' % (cls["share"], esc(w["share"]), share))
    o.append('<div class="%s">' % cls["body"])
    figures = list(images or [image])
    paragraphs = art["paragraphs"]
    figure_at = {min(2, len(paragraphs) - 1)} if images is None else \
        {len(paragraphs) * (k + 1) // (len(figures) + 1) for k in range(len(figures))}
    for k, para in enumerate(paragraphs):
        o.append("<p>%s</p>" % linked(rng, para, lang, host))
        if k in figure_at and figures:
            src = figures.pop(0)
            o.append('<figure class="%s"><img src="%s" alt="%s" width="1200" height="675"><figcaption>%s: %s</figcaption></figure>'
                     % (cls["figure"], src, attr(rng.choice(bits)), esc(w["caption"]), esc(rng.choice(bits))))
        if k == 4 and rng.random() < 0.35:
            o.append("<h2>%s</h2><ul>%s</ul>" % (esc(w["points"]), "".join("<li>%s</li>" % esc(rng.choice(bits)) for _ in range(3))))
    if art["refs"]:
        o.append("<h2>%s</h2><ol>%s</ol>" % (esc(w["refs"]), "".join('<li><a href="%s">%s</a></li>' % (attr(u), esc(u)) for u in art["refs"])))
    o.append("</div></article>")

    # The sidebar: related links (10 per chrome level) and what is popular.
    def link_list(titles):
        return "".join('<li><a href="https://%s/%s/%s.html">%s</a></li>' % (host, rng.randint(2018, 2026), slug(rng), esc(t)) for t in titles)
    related = (art["related"] + [rng.choice(bits) for _ in range(10 * chrome)])[:10 * chrome]
    o.append('<aside class="%s"><section class="%s"><h2>%s</h2><ul>%s</ul></section>' % (cls["sidebar"], cls["related"], esc(w["related"]), link_list(related)))
    if chrome > 1:
        o.append('<section class="popular"><h2>%s</h2><ol>%s</ol></section>' % (esc(w["popular"]), link_list([rng.choice(bits) for _ in range(10 * chrome)])))
        o.append('<form class="newsletter" action="https://%s/subscribe"><h3>%s</h3><input type="email" name="email"><button>%s</button></form>'
                 % (host, esc(w["newsletter"]), esc(w["subscribe"])))
    o.append("</aside></main>")

    # Comments: a few readers' lines (more with more chrome), and the form.
    n = rng.randint(2, 6) * chrome
    items = "".join('<li class="comment"><span class="comment-author">%s</span> <time datetime="%s">%s</time><p>%s</p></li>'
                    % (esc(rng.choice(w["names"])), iso, esc(shown_date(date, lang)), esc(" ".join(rng.choice(bits) for _ in range(rng.randint(1, 3)))))
                    for _ in range(n))
    o.append('<section class="%s" id="comments"><h2>%s (%d)</h2><ol>%s</ol><form><textarea name="c" placeholder="%s"></textarea><button>%s</button></form></section>'
             % (cls["comments"], esc(w["comments"]), n, items, attr(w["comment_cta"]), esc(w["send"])))

    # The footer and the cookie banner.
    foot = " ".join('<a href="https://%s/%s">%s</a>' % (host, slug(rng), esc(s)) for s in w["footer"] * chrome)
    o.append('<footer class="%s"><nav>%s</nav><p>© %s %s. %s</p></footer>' % (cls["footer"], foot, date[:4], esc(site), esc(w["copy"])))
    o.append('<div class="%s" role="dialog">%s <button>%s</button> <button>%s</button></div>'
             % (cls["cookie"], esc(w["cookie"]), esc(w["accept"]), esc(w["settings"])))
    if scripts:
        o.append('<script>(function(){var b=document.querySelector(".%s");if(localStorage.getItem("consent"))b.remove();'
                 'b.querySelector("button").onclick=function(){localStorage.setItem("consent",1);b.remove()}})();</script>' % cls["cookie"])
    o += ["</body>", "</html>", ""]
    return "\n".join(o)


# --- the two big pages -------------------------------------------------------
def png(rng, width, height):
    """A valid PNG of `width`x`height` RGB noise (stored, not compressed: noise would not shrink)."""
    raw = b"".join(b"\x00" + rng.randbytes(3 * width) for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def png_data_url(rng, size):
    """A data: URL of a PNG about `size` bytes long once in base64."""
    width = 512
    height = max(1, (size * 3 // 4) // (1 + 3 * width))
    return "data:image/png;base64," + base64.b64encode(png(rng, width, height)).decode()


def news_page(articles, target, rng):
    """A long article (paragraphs of several articles in the same language) in a page with a lot
    of chrome (a mega menu, 120 related and 120 popular links, 20-70 comments, a long footer, a big
    inline app-state script), about `target` bytes, about half of it the article."""
    first = articles[0]
    lang = language(first["paragraphs"])
    pool = [p for a in articles if language(a["paragraphs"]) == lang for p in a["paragraphs"]]
    art = dict(first, paragraphs=[])
    state = {"page": {"type": "article", "section": first["section"],
                      "ads": [{"slot": "div-gpt-ad-%d" % k, "sizes": [[300, 250], [728, 90]], "targeting": {"pos": k, "kw": slug(rng)}}
                              for k in range(60)]},
             "user": {"loggedIn": False}, "experiments": {slug(rng): rng.random() < 0.5 for _ in range(300)}}
    script = "<script>window.__APP_STATE__=%s;</script>" % json.dumps(state)
    seed = rng.random()

    def build(n):   # the page with the first n paragraphs of the pool
        art["paragraphs"] = pool[:n]
        return page(art, lang, random.Random(seed), 0, chrome=12).replace("</body>", script + "\n</body>")
    # The fewest paragraphs that make the page `target` bytes, by bisection.
    low, high = 1, len(pool)
    while low < high:
        middle = (low + high) // 2
        if len(build(middle).encode()) >= target:
            high = middle
        else:
            low = middle + 1
    return build(low)


def singlefile_page(art, target, rng):
    """A page as SingleFile saves it: its comment first in <html>, no scripts, the stylesheet
    inlined with a base64 font and background images, and 4-8 images of 0.5-1 MiB of base64
    each in <img src> (two of them as CSS backgrounds instead), about `target` bytes in all."""
    lang = language(art["paragraphs"])
    comment = ("<!--\n Page saved with SingleFile \n url: https://www.example.com/%s/%s.html \n"
               " saved date: Sat Oct 05 2024 10:11:12 GMT+0000 (Coordinated Universal Time)\n-->" % (art["date"][:10].replace("-", "/"), slug(rng)))
    # 200 KiB of random bytes stand for the font: only their length matters to the reader.
    font = "data:font/woff2;base64," + base64.b64encode(rng.randbytes(200 << 10)).decode()
    css = '\n@font-face{font-family:"Site Serif";src:url(%s) format("woff2");font-display:swap}\n' % font
    base = len(page(art, lang, random.Random(1), 0, extra_style=css, images=[], saved_comment=comment, scripts=False).encode())
    left = max(target - base, 4 << 19)
    count = min(8, max(4, round(left / (768 << 10))))
    # Sizes from 0.8 to 1.2 times the mean, so the images differ but add up to what is left.
    weights = [0.8 + 0.4 * k / (count - 1) for k in range(count)]
    sizes = [int(left * w / sum(weights)) for w in weights]
    urls = [png_data_url(rng, size) for size in sizes]
    css += ".hero{background:url(%s) center/cover}\n.site-logo{background-image:url(%s)}\n" % (urls[0], urls[1])
    return page(art, lang, random.Random(1), 0, extra_style=css, images=urls[2:], saved_comment=comment, scripts=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", required=True, help="a library gen-corpus wrote")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--news-kb", type=int, default=200)
    ap.add_argument("--singlefile-mb", type=float, default=5)
    a = ap.parse_args()
    files = total = 0
    sources = []
    for folder, dirs, names in os.walk(a.text):
        dirs.sort()
        for name in sorted(names):
            if name.startswith("article-") and name.endswith((".txt", ".md")):
                sources.append(os.path.join(folder, name))
    if not sources:
        sys.exit("make-html-corpus.py: no gen-corpus articles in %s" % a.text)
    firsts = []   # the first 400 articles: the two big pages are made from them
    for path in sources:
        rel = os.path.relpath(path, a.text)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        art = parse_md_article(text) if path.endswith(".md") else parse_text_article(text)
        if len(firsts) < 400:
            firsts.append(art)
        rng = random.Random("%d:%s" % (a.seed, rel))   # a string seed is hashed the same way every run
        number = int(os.path.basename(rel).split("-")[1].split(".")[0])
        out = os.path.join(a.out, "library", os.path.splitext(rel)[0] + ".html")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        data = page(art, language(art["paragraphs"]), rng, number).encode()
        with open(out, "wb") as f:
            f.write(data)
        files += 1
        total += len(data)
    os.makedirs(os.path.join(a.out, "pages"), exist_ok=True)
    rng = random.Random(a.seed + 1)
    # The news page is in the library's most common language; the SingleFile page holds the
    # first article of 20 paragraphs or more.
    langs = [language(art["paragraphs"]) for art in firsts]
    main_lang = max(set(langs), key=langs.count)
    longest = max((art for art, lang in zip(firsts, langs) if lang == main_lang), key=lambda art: len(art["paragraphs"]))
    normal = next((art for art in firsts if len(art["paragraphs"]) >= 20), longest)
    for name, data in (("news.html", news_page([longest] + firsts, a.news_kb << 10, rng)),
                       ("singlefile.html", singlefile_page(normal, int(a.singlefile_mb * (1 << 20)), rng))):
        data = data.encode()
        with open(os.path.join(a.out, "pages", name), "wb") as f:
            f.write(data)
        files += 1
        total += len(data)
    print("%d files, %d bytes" % (files, total))


if __name__ == "__main__":
    main()
