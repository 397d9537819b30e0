import CQRencode

/// QR codes as SVG, made at build time with libqrencode. The only file that knows libqrencode exists.
public enum QRCode {
    /// An SVG drawing of `text` as a QR code (error correction M, four modules of quiet zone), or nil
    /// when the text cannot be encoded. Dark modules are one path, so the drawing stays small.
    public static func svg(for text: String, title: String) -> String? {
        guard let code = text.withCString({ QRcode_encodeString8bit($0, 0, QR_ECLEVEL_M) }) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let modules = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        // Built as bytes: string interpolation per run of modules cost more than encoding the code.
        var path: [UInt8] = []
        path.reserveCapacity(width * width)
        for row in 0..<width {
            var column = 0
            while column < width {
                guard modules[row * width + column] & 1 == 1 else { column += 1; continue }
                let start = column
                while column < width, modules[row * width + column] & 1 == 1 { column += 1 }
                // "M{x} {y}h{run}v1h-{run}z"
                path.append(UInt8(ascii: "M"))
                appendDecimal(start + 4, to: &path)
                path.append(UInt8(ascii: " "))
                appendDecimal(row + 4, to: &path)
                path.append(UInt8(ascii: "h"))
                appendDecimal(column - start, to: &path)
                path.append(contentsOf: [UInt8(ascii: "v"), UInt8(ascii: "1"), UInt8(ascii: "h"), UInt8(ascii: "-")])
                appendDecimal(column - start, to: &path)
                path.append(UInt8(ascii: "z"))
            }
        }
        let drawing = String(decoding: path, as: UTF8.self)
        let size = width + 8
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" shape-rendering="crispEdges" role="img" aria-label="\(XMLText.escape(title))">\
        <rect width="\(size)" height="\(size)" fill="#fff"/><path d="\(drawing)" fill="#000"/></svg>
        """
    }

    /// The decimal digits of `number` (not negative).
    private static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        if number >= 10 { appendDecimal(number / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}
