/// How state finds an article: by a fingerprint of its content, with its id as a hint.
///
/// The fingerprint survives a move or rename inside the library; the id finds the article
/// again after an edit changed its fingerprint (see `StateFile.key(for:)`). The legacy
/// fingerprint finds what a state written before whole files were hashed holds for it.
public struct ArticleKey: Equatable, Hashable, Sendable {
    public var fingerprint: String
    public var id: String
    public var legacyFingerprint: String?

    public init(fingerprint: String, id: String, legacyFingerprint: String? = nil) {
        self.fingerprint = fingerprint
        self.id = id
        self.legacyFingerprint = legacyFingerprint
    }
}
