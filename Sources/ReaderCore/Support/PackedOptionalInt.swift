/// An optional whole number held in 32 bits (nil as `Int32.min`, values clamped to the rest):
/// `Int?` takes 9 bytes and pads the next field to 8, in structs held once per article.
@propertyWrapper
public struct PackedOptionalInt: Equatable, Sendable {
    private var raw: Int32

    public init(wrappedValue: Int?) {
        raw = wrappedValue.map { Int32(clamping: max($0, Int(Int32.min) + 1)) } ?? .min
    }

    public var wrappedValue: Int? {
        get { raw == .min ? nil : Int(raw) }
        set { self = PackedOptionalInt(wrappedValue: newValue) }
    }
}
