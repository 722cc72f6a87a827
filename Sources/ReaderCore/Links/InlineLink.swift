/// A link written inline with a label, such as Markdown's `[label](url)`: the label stays in
/// the text, and the citation marker (`[3]`) goes right after it.
public struct InlineLink: Equatable, Sendable {
    public var url: String
    public var label: String
    /// The UTF-16 offset in the block's text just after the label.
    public var markerOffset: Int

    public init(url: String, label: String, markerOffset: Int) {
        self.url = url
        self.label = label
        self.markerOffset = markerOffset
    }
}
