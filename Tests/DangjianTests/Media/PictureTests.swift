@testable import Dangjian
import DangjianTestSupport
import Foundation
import Testing

@Suite("Web versions of pictures (libvips)")
struct PictureTests {
    @Test("a phone photo held sideways (EXIF 6) reads as portrait, and its versions are portrait")
    func orientation() throws {
        let photo = try TestPictures.jpeg(width: 1200, height: 900, orientation: 6)
        let header = try PictureLibrary.header(photo).get()
        #expect(header.format == "JPEG" && header.orientation == 6)
        #expect(header.width == 900 && header.height == 1200)
        let thumbnail = try PictureLibrary.jpeg(photo, width: 480, quality: 72).get()
        #expect(thumbnail.width == 480 && thumbnail.height == 640)
        let made = try #require(ImageHeader.parse(thumbnail.bytes))
        #expect(made.width == 480 && made.height == 640)
        for turned in [3, 8] {
            let other = try PictureLibrary.jpeg(TestPictures.jpeg(width: 1200, height: 900, orientation: turned), width: 480, quality: 72).get()
            #expect((other.width, other.height) == (turned == 3 ? (480, 360) : (480, 640)), "orientation \(turned)")
        }
    }

    @Test("versions are the widths asked for, never wider than the original, metadata stripped, the same bytes each time")
    func sizes() throws {
        let photo = try TestPictures.jpeg(width: 2000, height: 1500, orientation: 1)
        let page = try PictureLibrary.jpeg(photo, width: 800, quality: 80).get()
        #expect((page.width, page.height) == (800, 600))
        let small = try PictureLibrary.jpeg(TestPictures.jpeg(width: 300, height: 200), width: 800, quality: 80).get()
        #expect((small.width, small.height) == (300, 200), "a small picture is not enlarged")
        #expect(!page.bytes.contains(Data("Exif".utf8)), "EXIF stripped")
        let again = try PictureLibrary.jpeg(photo, width: 800, quality: 80).get()
        #expect(again.bytes == page.bytes)
        #expect(page.bytes.count < photo.count / 3)
    }

    @Test("a text file, an empty file and a truncated JPEG are told apart")
    func badPictures() throws {
        #expect(PictureLibrary.header(Data("这不是图片\n".utf8)) == .failure(.notPicture))
        #expect(PictureLibrary.header(Data()) == .failure(.notPicture))
        let photo = try TestPictures.jpeg(width: 1600, height: 1200)
        let truncated = photo.prefix(photo.count / 2)
        guard case .failure(.unreadable) = PictureLibrary.jpeg(Data(truncated), width: 480, quality: 72) else {
            Issue.record("a truncated JPEG must not give a version")
            return
        }
        #expect(ImageSniff.describe(Data("hello".utf8)) == "文字")
        #expect(ImageSniff.describe(Data("%PDF-1.4".utf8)) == "PDF 文档")
    }

    @Test("PNG and WebP are read; HEIC too when libvips has its module")
    func formats() throws {
        for format in ["png", "webp"] {
            let data = try TestPictures.picture(width: 640, height: 480, format: format)
            #expect(try PictureLibrary.header(data).get().format == format.uppercased().replacingOccurrences(of: "WEBP", with: "WebP"))
            #expect(try PictureLibrary.jpeg(data, width: 480, quality: 72).get().height == 360)
        }
        let heic = try TestPictures.picture(width: 640, height: 480, format: "heic")
        #expect(try PictureLibrary.header(heic).get().format == "HEIC")
    }

    @Test("the cache key is the content's SHA-256: the same bytes under two names share versions")
    func cacheKey() throws {
        #expect(PictureLibrary.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Addresses.pictureVersion(hash: PictureLibrary.sha256(Data("abc".utf8)), width: 800)
            == "pictures/ba7816bf8f01cfea414140de5dae2223-800.jpg")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let cache = PictureCache(besideOutput: output)
        #expect(cache.folder.path.hasPrefix(folder.appendingPathComponent(".site.dangjian-cache").path))
        #expect(cache.prepare())
        let version = PictureVersion(role: .thumbnail, width: 480, height: 360, path: "pictures/abc-480.jpg",
                                     content: .copy(cache.fileURL("abc-480.jpg")))
        #expect(cache.store(Data([1, 2, 3]), as: "abc-480.jpg"))
        #expect(cache.store(Data([4]), as: "stale-800.jpg"))
        let picture = ProcessedPicture(hash: "abc", header: PictureHeaderInfo(format: "JPEG", width: 4000, height: 3000, orientation: 1),
                                       versions: [version])
        let stamp = FileStamp(size: 10, modified: 20, changed: 40, inode: 30)
        cache.remember("talks/a.jpg", stamp: stamp, picture: picture)
        cache.finish(clean: true)
        #expect(!FileManager.default.fileExists(atPath: cache.fileURL("stale-800.jpg").path), "unused versions are removed")
        let reopened = PictureCache(besideOutput: output)
        #expect(reopened.reuse("talks/a.jpg", stamp: stamp) == picture)
        #expect(reopened.reuse("talks/a.jpg", stamp: FileStamp(size: 10, modified: 21, changed: 40, inode: 30)) == nil, "a changed file is made again")
    }

    @Test("a body picture on its entry page gets srcset, sizes, width and height; other images are left alone")
    func bodyHTML() {
        let marker = SitePath.rootMarker
        let versions = [
            PictureVersion(role: .thumbnail, width: 480, height: 640, path: "pictures/h-480.jpg", content: .data(Data())),
            PictureVersion(role: .page, width: 800, height: 1067, path: "pictures/h-800.jpg", content: .data(Data())),
            PictureVersion(role: .large, width: 1600, height: 2133, path: "pictures/h-1600.jpg", content: .data(Data())),
        ]
        let picture = ProcessedPicture(hash: "h", header: PictureHeaderInfo(format: "JPEG", width: 3000, height: 4000, orientation: 6),
                                       versions: versions)
        #expect(picture.srcset("../") == "../pictures/h-800.jpg 800w, ../pictures/h-1600.jpg 1600w")
        let tag = PictureHTML.tag(picture)
        #expect(tag.contains("src=\"\(marker)pictures/h-800.jpg\"") && tag.contains("width=\"800\" height=\"1067\""))
    }
}
