extension UInt64 {
    /// `0x…` in upper-case hex, as seeds are written.
    var hex: String { "0x" + String(self, radix: 16, uppercase: true) }
}
