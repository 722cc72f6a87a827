import Foundation
import Testing
@testable import ReaderCore

/// What must hold for any input, whatever its bytes: the article's title, links and every laid-out
/// line carry no C0 or C1 control (ESC, CSI, BEL, NUL, DEL…), no bidi override or isolate, and no
/// code point without a width; no line is wider than the layout; line offsets stay within the
/// document and never go back; only http(s) links are openable.
enum PipelineInvariants {
    struct Violation: CustomStringConvertible {
        var rule: String
        var context: String
        var detail: String
        /// The format the input was read as, when one was.
        var format: ArticleFormat?
        /// The layout's width, and the kind of block the line is of, for a line's violation.
        var width: Int?
        var kind: Block.Kind?
        /// The index of the offending line.
        var line: Int?
        var description: String { "\(rule) [\(context)\(kind.map { ", \($0) block" } ?? "")]: \(detail)" }
    }

    static let formats: [ArticleFormat] = [.html, .mhtml, .markdown, .text]

    static let widths = [1, 7, 33, 80]

    /// True for what no output text may hold: C0 controls (TAB and LF too: lines are split and tabs
    /// expanded before this), DEL, C1 controls, bidi embeddings, overrides and isolates.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Every violation for `bytes` read as each format and laid out at each width.
    static func check(_ bytes: [UInt8], renderer: ArticleRenderer, formats: [ArticleFormat] = formats) -> [Violation] {
        var layouts = 0
        return check(bytes, renderer: renderer, formats: formats, layouts: &layouts)
    }

    static func check(_ bytes: [UInt8], renderer: ArticleRenderer, formats: [ArticleFormat] = formats, widths: [Int] = widths,
                      layouts: inout Int, timings: ((ArticleFormat, Duration, Duration) -> Void)? = nil) -> [Violation] {
        var violations: [Violation] = []
        let clock = ContinuousClock()
        for format in formats {
            let started = clock.now
            let article = ArticleParser.parse(bytes: bytes, format: format, fallbackTitle: "fallback title")
            let parsed = clock.now
            defer { timings?(format, parsed - started, clock.now - parsed) }
            var found = check(article, context: format.rawValue)
            for full in [false, true] {
                for width in widths {
                    let layout = renderer.layout(article, width: width, full: full)
                    layouts += 1
                    found += check(layout, requested: width, context: "\(format.rawValue), width \(width)\(full ? ", full page" : "")")
                    if found.count > 20 { break }
                }
            }
            violations += found.map { var violation = $0; violation.format = format; return violation }
            if violations.count > 20 { return violations }
        }
        return violations
    }

    /// The article's title, metadata line and links.
    static func check(_ article: Article, context: String) -> [Violation] {
        var violations: [Violation] = []
        clean(article.title, "title", context, &violations)
        clean(article.metadata.line, "metadata line", context, &violations)
        for link in article.links {
            clean(link.url, "link \(link.n) URL", context, &violations)
            if let label = link.label { clean(label, "link \(link.n) label", context, &violations) }
            let lower = link.url.lowercased()
            let web = lower.hasPrefix("http://") || lower.hasPrefix("https://")
            if link.openable != Link.isOpenable(link.url) {
                violations.append(.init(rule: "link openable flag disagrees with isOpenable", context: context,
                                        detail: "link \(link.n) \(quoted(link.url))"))
            }
            if Link.isOpenable(link.url) && !web {
                violations.append(.init(rule: "non-http(s) link openable", context: context,
                                        detail: "link \(link.n) \(quoted(link.url))"))
            }
        }
        return violations
    }

    /// One layout: widths, text and offsets of its lines.
    static func check(_ layout: ArticleLayout, requested: Int, context: String) -> [Violation] {
        var violations: [Violation] = []
        // The renderer lays out at 2 columns at least (a wide character needs 2); 1 means 2.
        let limit = max(requested, 2)
        if layout.width != limit {
            violations.append(.init(rule: "layout width", context: context, detail: "asked \(requested), got \(layout.width)"))
        }
        var previous = 0
        for (index, line) in layout.lines.enumerated() {
            let before = violations.count
            defer {
                // Which line, and the kind of block it lays out.
                let pieces = layout.document.pieces
                let kind = pieces.isEmpty ? nil : pieces[layout.document.pieceIndex(forOffset: line.offset)].kind
                for k in before..<violations.count { violations[k].line = index; violations[k].kind = kind }
            }
            let measured = DisplayWidth.of(line.text)
            if measured > limit {
                violations.append(.init(rule: "line wider than the layout", context: context,
                                        detail: "line \(index) is \(measured) columns: \(quoted(line.text))"))
            }
            if measured != line.width {
                violations.append(.init(rule: "line width field disagrees with DisplayWidth", context: context,
                                        detail: "line \(index) says \(line.width), measures \(measured): \(quoted(line.text))"))
            }
            clean(line.text, "line \(index)", context, &violations)
            if line.offset < 0 || line.offset > layout.length {
                violations.append(.init(rule: "line offset outside the document", context: context,
                                        detail: "line \(index) at \(line.offset), document length \(layout.length)"))
            }
            if line.offset < previous {
                violations.append(.init(rule: "line offsets go back", context: context,
                                        detail: "line \(index) at \(line.offset) after \(previous): \(quoted(line.text))"))
            }
            previous = line.offset
            let units = line.text.utf16.count
            if line.textStart < 0 || line.textStart > units {
                violations.append(.init(rule: "textStart outside the line", context: context,
                                        detail: "line \(index) textStart \(line.textStart) of \(units)"))
            }
            for span in line.highlights where span.lowerBound < 0 || span.upperBound > units {
                violations.append(.init(rule: "highlight outside the line", context: context,
                                        detail: "line \(index) span \(span) of \(units): \(quoted(line.text))"))
            }
            if violations.count > 20 { break }
        }
        for k in violations.indices { violations[k].width = layout.width }
        return violations
    }

    /// Adds a violation if `text` holds a forbidden scalar, a line break, or a code point with no width.
    static func clean(_ text: String, _ what: String, _ context: String, _ violations: inout [Violation]) {
        for scalar in text.unicodeScalars where isForbidden(scalar) || DisplayWidth.of(scalar) < 0 {
            let rule = isForbidden(scalar) ? "control or bidi character in output" : "code point without a width in output"
            violations.append(.init(rule: rule, context: context,
                                    detail: "\(what) holds U+\(String(scalar.value, radix: 16, uppercase: true)): \(quoted(text))"))
            return
        }
    }

    /// `text` escaped and cut short, for a message.
    static func quoted(_ text: String) -> String {
        let short = text.unicodeScalars.count > 160 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(160))) + "…" : text
        return short.debugDescription
    }
}

// MARK: - Running
