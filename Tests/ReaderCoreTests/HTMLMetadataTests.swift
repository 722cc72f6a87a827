import Foundation
import Testing
@testable import ReaderCore

/// What a page says about itself, each field with its fallbacks.
@Suite struct HTMLMetadataTests {
    static func metadata(_ html: String, location: String? = nil) -> HTMLMetadata {
        HTMLMetadata.read(HTMLParser.parse(html), head: Substring(html), location: location)
    }

    @Test func theTitleLosesTheSiteName() {
        #expect(HTMLMetadata.articleTitle("A long enough article title | The Site", headings: []) == "A long enough article title")
        #expect(HTMLMetadata.articleTitle("A long enough article title – The Site", headings: []) == "A long enough article title")
        #expect(HTMLMetadata.articleTitle("苹果发布新款笔记本电脑_科技_某某网", headings: []) == "苹果发布新款笔记本电脑")
        #expect(HTMLMetadata.articleTitle("Short | Site", headings: []) == "Short | Site")
    }

    @Test func jsonLDComesFirstThenMetaTagsThenTheTitle() {
        let html = """
        <html lang="fr"><head><title>Titre de la page - Site</title>
        <meta property="og:title" content="Le titre OG"><meta property="og:site_name" content="Le Site">
        <meta name="author" content="Meta Auteur"><meta property="article:published_time" content="2024-03-05T08:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Le titre JSON",
        "author":[{"@type":"Person","name":"Ana"},{"@type":"Person","name":"Ben"}],"datePublished":"2024-03-04"}</script>
        </head><body><p>x</p></body></html>
        """
        let meta = Self.metadata(html)
        #expect(meta.title == "Le titre JSON")
        #expect(meta.byline == "Ana, Ben")
        #expect(meta.date == "2024-03-04")
        #expect(meta.siteName == "Le Site")
        #expect(meta.lang == "fr")
    }

    @Test func metaTagsStandInWithoutJSONLD() {
        let meta = Self.metadata("""
        <head><meta property="og:title" content="Quiet Harbour &amp;amp; Sea - Coast News"><meta property="og:site_name" content="Coast News">
        <meta name="dc.creator" content="Jo Park"><link rel="canonical" href="https://coast.example/a"></head><body><time datetime="2023-11-30">x</time></body>
        """)
        #expect(meta.title == "Quiet Harbour & Sea")
        #expect(meta.byline == "Jo Park")
        #expect(meta.date == "2023-11-30")
        #expect(meta.source == "https://coast.example/a")
    }

    @Test func theSavingToolsCommentNamesTheSource() {
        let singleFile = "<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://a.example/x \n saved date: Sat Oct 05 2024 10:11:12 GMT+0000\n--><head><link rel=canonical href=https://other.example/></head></html>"
        #expect(Self.metadata(singleFile).source == "https://a.example/x")
        let chrome = "<!-- saved from url=(0021)https://b.example/y/ -->\n<html><body></body></html>"
        #expect(Self.metadata(chrome).source == "https://b.example/y/")
        let monolith = "<!-- Saved from https://c.example/z at 2024-10-05T10:11:12Z using monolith v2.8.1 --><html></html>"
        #expect(Self.metadata(monolith).source == "https://c.example/z")
        #expect(Self.metadata("<html><head><meta property=og:url content=https://d.example/></head></html>", location: "https://e.example/")
            .source == "https://e.example/")
    }

    @Test func theHeadingThatMatchesTheTitleIsTheTitle() {
        let meta = Self.metadata("<head><title>Docs Site: Setting up the mirror</title></head><body><h1>Setting up the mirror</h1></body>")
        #expect(meta.title == "Setting up the mirror")
    }

    @Test func relativeLinksResolveAgainstBaseAndSource() {
        let resolver = URLResolver(source: "https://site.example/news/2024/item.html", baseHref: "/static/")
        #expect(resolver.resolve("img/a.png") == "https://site.example/static/img/a.png")
        #expect(resolver.resolve("/about?x=1") == "https://site.example/about?x=1")
        #expect(resolver.resolve("//cdn.example/lib.js") == "https://cdn.example/lib.js")
        #expect(resolver.resolve("/a/../b") == "https://site.example/b")
        #expect(resolver.resolve("mailto:someone@example.com") == "mailto:someone@example.com")
        #expect(resolver.resolve("#section") == nil)
        #expect(URLResolver(source: nil, baseHref: nil).resolve("rel/x.html") == "rel/x.html")
    }
}
