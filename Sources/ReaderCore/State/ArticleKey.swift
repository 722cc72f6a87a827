/// How state finds an article: by a fingerprint of its content, with its id as a hint.
///
/// The fingerprint survives a move or rename inside the library; the id finds the article
/// again after a small edit changed its fingerprint (see `StateFile.key(for:)`).
public struct ArticleKey: Equatable, Hashable, Sendable {
    public var fingerprint: String
    public var id: String

    public init(fingerprint: String, id: String) {
        self.fingerprint = fingerprint
        self.id = id
    }
}
