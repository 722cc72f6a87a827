extension UnsafeBufferPointer<UInt8> {
    /// The scalar value whose UTF-8 sequence starts at `index`, and `index` moved past it; the bytes must be
    /// valid UTF-8, as a `String`'s are.
    @inline(__always)
    func scalarValue(at index: inout Int) -> UInt32 {
        let lead = UInt32(self[index])
        func next(_ k: Int) -> UInt32 { UInt32(self[index + k] & 0x3F) }
        defer { index += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
        if lead < 0x80 { return lead }
        if lead < 0xE0 { return (lead & 0x1F) << 6 | next(1) }
        if lead < 0xF0 { return (lead & 0x0F) << 12 | next(1) << 6 | next(2) }
        return (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
    }
}
