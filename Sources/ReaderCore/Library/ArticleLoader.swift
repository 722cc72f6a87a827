/// Reads an article file: bytes, binary check, decoding (by format), parsing.
public struct ArticleLoader {
    public init() {}

    /// The article in the file at `path`; `fallbackTitle` names it if the page has no title.
    public func load(path: String, format: ArticleFormat, fallbackTitle: String) throws(ArticleLoadError) -> Article {
        let bytes = try FileReader.read(path)
        if TextDecoder.looksBinary(bytes) { throw .binary(path) }
        return ArticleParser.parse(bytes: bytes, format: format, fallbackTitle: fallbackTitle)
    }
}
