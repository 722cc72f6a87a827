/// Reader mode for a plain-text page dump (`w3m -dump`, `lynx -dump`, a browser's "save as
/// text", copy-all from a page): the article is the best-scoring run of blocks (`ArticleRegion`),
/// its title a `Title:` line, else the line around the run's start that best names it (`DumpTitle`).
///
/// - Before the run: the title, metadata lines near it (bylines, dates, sources) and chrome.
///   When the title comes before the run, everything between them is article too: when unsure,
///   show more rather than less.
/// - In the run: body, except chrome lines (share bars, form fields), source lines (references)
///   and short lines that head the paragraph after them (headings).
/// - The run ends early at a references heading or tail marker when little of it follows.
/// - After the run: references under a references heading, the rest chrome.
/// - **No clear article** (no run stands out): the whole dump is the body, its title line too,
///   and `found` is false.
/// - **Too long to be a page:** a text of more than `maximumBlocks` blocks (a book, a log, a
///   hostile file) is not judged block by block; it is shown whole, as when no article stands
///   out, its title looked for in its first blocks.
enum DumpReaderMode {
    /// The most blocks a dump is judged in: page dumps have a few thousand at most.
    static let maximumBlocks = 50_000

    /// Assigns a role to every block; `found` says whether an article stood out. `headOnly`
    /// (for the library list) stops once the title and the lead's metadata are known, leaving
    /// the roles of the rest undecided.
    static func classify(_ blocks: inout [Block], headOnly: Bool = false) -> (result: ReaderMode.Result, found: Bool) {
        var result = ReaderMode.Result(title: nil, metadata: ArticleMetadata())
        if blocks.count > maximumBlocks {
            let head = Array(blocks.prefix(200))
            let likelihood = ArticleRegion.find(head).likelihood
            result.title = DumpTitle.index(in: head, likelihood: likelihood, region: 0..<head.count).map { blocks[$0].text }
            return (result, false)
        }
        let (best, likelihood, scores) = ArticleRegion.find(blocks)
        guard let found = best else {
            // The whole dump stays the body; its title line, if any, names it without leaving it.
            result.title = DumpTitle.index(in: blocks, likelihood: likelihood, region: 0..<blocks.count).map { blocks[$0].text }
            return (result, false)
        }
        let region = found.lowerBound..<tailStart(blocks, in: found, scores: scores)
        let labelled = DumpTitle.labelled(in: blocks)
        let title = labelled?.index ?? DumpTitle.index(in: blocks, likelihood: likelihood, region: region)
        var start = region.lowerBound
        if let title, title < start {
            start = title + 1
        } else {
            while start > 0, region.lowerBound - start < 3, likelihood[start - 1] > ArticleRegion.chrome { start -= 1 }
        }
        for index in 0..<start {
            let isNearTitle = title.map { index >= $0 - 3 } ?? (index >= start - 3)
            if isNearTitle && ReaderMode.isMetadataLine(blocks[index].text) {
                ReaderMode.mark(&blocks[index], into: &result.metadata)
            } else {
                blocks[index].role = .chrome
            }
        }
        if let title {
            blocks[title].role = .title
            result.title = labelled?.title ?? blocks[title].text
        }
        // Between the title and the run: a tagline or credit that is not prose is chrome.
        for index in start..<region.lowerBound where blocks[index].role == .body && likelihood[index] < 0.5
            && blocks[index].kind == .paragraph && !ReaderMode.isMetadataLine(blocks[index].text) {
            blocks[index].role = .chrome
        }
        body(&blocks, in: start..<region.upperBound, likelihood: likelihood, title: title, headOnly: headOnly,
             into: &result)
        // A bare name right under the title is its byline.
        if let title {
            let chrome = likelihood.map { $0 <= ArticleRegion.chrome }
            let end = max(region.lowerBound, title + 1)
            if result.metadata.author == nil,
               let byline = ReaderMode.bylineAfter(title, in: blocks, chrome: chrome, before: end) {
                result.metadata.author = Sanitizer.line(byline)
                if let index = (title + 1..<end).first(where: { blocks[$0].text == byline }) {
                    blocks[index].role = .metadata
                }
            }
        }
        if !headOnly { tail(&blocks, from: region.upperBound) }
        return (result, true)
    }

    /// Where the body ends: at a references heading, source line or tail marker (a related list,
    /// a disclaimer, a footer) inside the run when what follows it in the run weighs less than
    /// half of what comes before (a "Related:" line between two halves of an article does not).
    static func tailStart(_ blocks: [Block], in run: Range<Int>, scores: [Double]) -> Int {
        var after = scores[run].reduce(0, +), before = 0.0
        for index in run {
            if index > run.lowerBound && after < before / 2 && ReaderMode.startsTail(blocks[index]) { return index }
            before += scores[index]
            after -= scores[index]
        }
        return run.upperBound
    }

    /// The run's roles: lead metadata, chrome lines, source lines and headings.
    private static func body(_ blocks: inout [Block], in range: Range<Int>, likelihood: [Double], title: Int?,
                             headOnly: Bool, into result: inout ReaderMode.Result) {
        var inLead = true
        for index in range where index != title {
            let text = blocks[index].text
            if inLead && ReaderMode.isMetadataLine(text) && DisplayWidth.of(text) <= 80 {
                ReaderMode.mark(&blocks[index], into: &result.metadata)
                continue
            }
            if inLead && ReaderMode.isProse(blocks[index]) { inLead = false }
            if !inLead && headOnly { return }
            let kind = blocks[index].kind
            if likelihood[index] <= ArticleRegion.chrome && kind != .preformatted && kind != .table {
                blocks[index].role = .chrome
            } else if let source = MetadataScanner.source(in: text) {
                blocks[index].role = .references
                result.metadata.source = result.metadata.source ?? source
            } else if kind == .paragraph, ReaderMode.isHeadingLike(text), index + 1 < range.upperBound,
                      ReaderMode.isProse(blocks[index + 1]) {
                blocks[index].kind = .heading
            }
        }
    }

    /// After the run: a references heading or source line and the reference lines under it are
    /// references, the rest chrome.
    private static func tail(_ blocks: inout [Block], from end: Int) {
        var inReferences = false
        for index in end..<blocks.count {
            let text = blocks[index].text
            if PageChrome.isReferencesHeading(text) || MetadataScanner.source(in: text) != nil {
                blocks[index].role = .references
                inReferences = true
            } else if inReferences && ReaderMode.isReferenceLine(blocks[index]) {
                blocks[index].role = .references
            } else {
                inReferences = false
                blocks[index].role = .chrome
            }
        }
    }
}
