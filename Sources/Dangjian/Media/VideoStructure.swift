import Foundation

/// Whether a video file ends where its own structure says it does: an MP4's top-level boxes must
/// cover the file exactly, a WebM's segment (when its size is written) must fit in it. A copy cut
/// short (a download or a USB copy that stopped) fails this even where ffprobe still reads the
/// header. Reads a few bytes per box with `pread`: never the whole file.
enum VideoStructure {
    /// Nil when the file is whole; otherwise the number of bytes its structure says it should have.
    static func missingEnd(of descriptor: Int32, size: Int64, format: VideoFormat) -> Int64? {
        switch format {
        case .mp4: return mp4End(descriptor, size: size)
        case .webm: return webmEnd(descriptor, size: size)
        }
    }

    private static func mp4End(_ descriptor: Int32, size: Int64) -> Int64? {
        var offset: Int64 = 0
        var boxes = 0
        while offset < size {
            guard let header = bytes(descriptor, at: offset, count: 16), header.count >= 8 else { return offset + 8 }
            var length = Int64(bigEndian(header[0..<4]))
            if length == 1 {
                guard header.count >= 16 else { return offset + 16 }
                length = Int64(bitPattern: bigEndian(header[8..<16]))
            } else if length == 0 {
                length = size - offset
            }
            guard length >= 8 else { return nil } // not a box at all: ffprobe will say the file is damaged
            offset += length
            boxes += 1
            if boxes > 100_000 { return nil }
        }
        return offset > size ? offset : nil
    }

    private static func webmEnd(_ descriptor: Int32, size: Int64) -> Int64? {
        guard let head = bytes(descriptor, at: 0, count: 64), let (headerSize, headerLength) = vint(head, at: 4) else { return nil }
        let segment = 4 + headerLength + Int(headerSize)
        guard segment + 4 < head.count, Array(head[segment..<segment + 4]) == [0x18, 0x53, 0x80, 0x67],
              let (segmentSize, sizeLength) = vint(head, at: segment + 4) else { return nil }
        let unknown = segmentSize == (UInt64(1) << (7 * UInt64(sizeLength))) - 1
        let end = Int64(segment + 4 + sizeLength) + Int64(clamping: segmentSize)
        return !unknown && end > size ? end : nil
    }

    /// An EBML variable-length number: its value and its length in bytes.
    private static func vint(_ bytes: [UInt8], at offset: Int) -> (UInt64, Int)? {
        guard offset < bytes.count, bytes[offset] != 0 else { return nil }
        let length = bytes[offset].leadingZeroBitCount + 1
        guard offset + length <= bytes.count else { return nil }
        var value = UInt64(bytes[offset] & (0xFF >> length))
        for byte in bytes[(offset + 1)..<(offset + length)] { value = value << 8 | UInt64(byte) }
        return (value, length)
    }

    private static func bigEndian(_ slice: ArraySlice<UInt8>) -> UInt64 { slice.reduce(0) { $0 << 8 | UInt64($1) } }

    static func bytes(_ descriptor: Int32, at offset: Int64, count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        let read = pread(descriptor, &buffer, count, off_t(offset))
        guard read >= 0 else { return nil }
        return Array(buffer[0..<read])
    }
}
