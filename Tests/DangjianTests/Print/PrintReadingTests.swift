@testable import Dangjian
import Foundation
import Testing

@Suite("Print: picture headers and a PDF's destinations")
struct PrintReadingTests {
    func bytes(_ values: [UInt8], padTo count: Int = 0) -> Data {
        Data(values + [UInt8](repeating: 0, count: max(0, count - values.count)))
    }

    @Test("PNG, JPEG, GIF and WebP give their pixel size; SVG is a drawing; text is no picture")
    func headers() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                            0, 0, 0x09, 0x60, 0, 0, 0x05, 0xDC]
        #expect(ImageHeader.parse(bytes(png)) == ImageHeader(format: .png, width: 2400, height: 1500))
        // SOI, an APP0 segment of 16 bytes, then SOF2 (progressive): height 3000, width 4000.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 14)
            + [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x0B, 0xB8, 0x0F, 0xA0, 0x03]
        #expect(ImageHeader.parse(bytes(jpeg)) == ImageHeader(format: .jpeg, width: 4000, height: 3000))
        #expect(ImageHeader.parse(bytes(Array("GIF89a".utf8) + [0x20, 0x03, 0x58, 0x02])) == ImageHeader(format: .gif, width: 800, height: 600))
        let vp8x = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
            + [0x7F, 0x07, 0x00, 0xDB, 0x05, 0x00]
        #expect(ImageHeader.parse(bytes(vp8x)) == ImageHeader(format: .webp, width: 1920, height: 1500))
        #expect(ImageHeader.parse(Data("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))?.format == .svg)
        #expect(ImageHeader.parse(Data("这其实是一个文本文件".utf8)) == nil)
        #expect(ImageHeader.parse(Data("<html><svg></svg></html>".utf8)) == nil)
        #expect(ImageHeader.parse(bytes([0xFF, 0xD8, 0xFF, 0xDA, 0, 2])) == nil, "a JPEG without a frame header")
    }

    /// A PDF laid out as Chromium writes one: a page tree of two levels, named destinations in the catalog.
    func pdf() -> Data {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R /Dests 7 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 >>",
            "<< /Type /Pages /Kids [5 0 R 6 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R >>",
            "<< /Type /Page /Parent 3 0 R >>",
            "<< /Type /Page /Parent 3 0 R >>",
            "<< /entry-3 [6 0 R /XYZ 6 807 0] /brand-hong#2Dse [4 0 R /XYZ 6 610 0] /cover [5 0 R /XYZ 0 0 0] >>",
        ]
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }

    @Test("named destinations give the page they are on, pages counted through the page tree")
    func destinations() {
        // Page order: 5, 6 (under 3), then 4.
        #expect(PDFDestinations.pages(in: pdf()) == ["cover": 1, "entry-3": 2, "brand-hong-se": 3])
        #expect(PDFDestinations.pages(in: Data("not a PDF".utf8)) == nil)
    }
}
