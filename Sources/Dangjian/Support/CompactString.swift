extension String {
    /// The same text in storage of its own size: a string grown by appending keeps room for up to
    /// as many bytes again, which strings held for the whole build (every body's) should not.
    var compacted: String {
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
