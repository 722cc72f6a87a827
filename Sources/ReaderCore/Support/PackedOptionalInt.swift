/// An optional whole number held in 32 bits (nil as `Int32.min`, values clamped to the rest):
/// `Int?` takes 9 bytes and pads the next field to 8, in structs held once per article.
struct PackedOptionalInt: Equatable, Sendable {
    private var raw: Int32

    init(_ value: Int?) {
        raw = value.map { Int32(clamping: max($0, Int(Int32.min) + 1)) } ?? .min
    }

    var value: Int? { raw == .min ? nil : Int(raw) }
}
