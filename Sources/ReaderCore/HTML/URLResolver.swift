import Foundation

/// Resolves a page's link targets against its base: `<base href>`, itself resolved against the
/// page's source URL (RFC 3986, through Foundation's `URL`).
struct URLResolver: Sendable {
    /// The absolute URL relative links are resolved against, if the page has one.
    let base: URL?

    /// `scheme://authority` of the base, for the common `/path` and `//host/path` links, which
    /// are resolved without Foundation (its resolution is most of the cost of a link-heavy page).
    private let origin: (scheme: String, authority: String)?

    init(source: String?, baseHref: String?) {
        let sourceURL = source.flatMap { URL(string: $0) }.flatMap { $0.scheme == nil ? nil : $0 }
        if let baseHref, let resolved = URL(string: baseHref, relativeTo: sourceURL)?.absoluteURL, resolved.scheme != nil {
            base = resolved
        } else {
            base = sourceURL
        }
        origin = base.flatMap { url in
            let text = url.absoluteString
            guard let scheme = url.scheme, let range = text.range(of: "://") else { return nil }
            let authority = text[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return authority.isEmpty ? nil : (scheme, String(authority))
        }
    }

    /// The absolute form of `href`; nil for an empty one or one that only jumps within the page (`#…`).
    func resolve(_ href: String) -> String? {
        let scalars = href.unicodeScalars
        guard let first = scalars.firstIndex(where: { !HTMLText.isSpace($0) }),
              let last = scalars.lastIndex(where: { !HTMLText.isSpace($0) }) else { return nil }
        let trimmed = String(scalars[first...last])
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
        // Absolute already (http:, mailto:, javascript:…): kept as written.
        if Self.scheme(of: trimmed) != nil { return trimmed }
        if let origin, trimmed.hasPrefix("/"), !trimmed.contains(where: { $0 == " " || $0 == "\\" }) {
            if trimmed.hasPrefix("//") { return origin.scheme + ":" + trimmed }
            if !trimmed.includes("/./") && !trimmed.includes("/../") && !trimmed.hasSuffix("/..") && !trimmed.hasSuffix("/.") {
                return origin.scheme + "://" + origin.authority + trimmed
            }
        }
        guard let base, let url = URL(string: trimmed, relativeTo: base)?.absoluteString else { return trimmed }
        return url
    }

    /// The scheme of an absolute URL (`letter *( letter / digit / "+" / "-" / "." ) ":"`).
    static func scheme(of url: String) -> Substring? {
        guard let colon = url.firstIndex(of: ":"), colon > url.startIndex else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme
    }
}
