import CVips
import Foundation

/// libvips, through the `CVips` system target (this is the only file importing it): reads a
/// picture's header, makes its web versions, hashes its bytes. Pictures are handed over as bytes
/// already read through `SafeFile`, so libvips opens no file of its own.
enum PictureLibrary {
    /// Formats a phone, a camera or a drawing program writes; anything else (a text file named
    /// `.jpg`, a format only an untrusted loader reads) is not a picture to dangjian.
    static let loaders: [String: String] = [
        "jpegload_buffer": "JPEG", "pngload_buffer": "PNG", "webpload_buffer": "WebP",
        "gifload_buffer": "GIF", "heifload_buffer": "HEIC",
    ]

    private static let started: Bool = dj_vips_start() == 0

    /// The format's name and the upright pixel size (EXIF orientation 5–8 swap width and height).
    static func header(_ data: Data) -> Result<PictureHeader, PictureFailure> {
        guard started else { return .failure(.library(lastError())) }
        return data.withUnsafeBytes { bytes -> Result<PictureHeader, PictureFailure> in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return .failure(.notPicture) }
            guard let found = vips_foreign_find_load_buffer(base, bytes.count) else {
                vips_error_clear()
                return .failure(.notPicture)
            }
            let loader = nickname(of: String(cString: found))
            guard let format = loaders[loader] else { return .failure(.notPicture) }
            guard let image = dj_vips_header(base, bytes.count) else { return .failure(.unreadable(lastError())) }
            defer { g_object_unref(image) }
            let width = Int(vips_image_get_width(image)), height = Int(vips_image_get_height(image))
            let orientation = Int(dj_vips_orientation(image))
            let turned = (5...8).contains(orientation)
            return .success(PictureHeader(format: format, width: turned ? height : width, height: turned ? width : height,
                                          orientation: orientation))
        }
    }

    /// JPEGs at most each of `widths` pixels wide (with its quality), upright, metadata stripped,
    /// never wider than the original. A JPEG original is decoded once (shrunk as it is decoded when it
    /// is much wider than the widest version); other formats are read once per version.
    static func versions(_ data: Data, header: PictureHeader, widths: [(width: Int, quality: Int)]) -> Result<[EncodedPicture], PictureFailure> {
        guard started else { return .failure(.library(lastError())) }
        return data.withUnsafeBytes { bytes -> Result<[EncodedPicture], PictureFailure> in
            guard let base = bytes.baseAddress else { return .failure(.notPicture) }
            var decoded: UnsafeMutablePointer<VipsImage>?
            if header.format == "JPEG" {
                let widest = widths.map(\.width).max() ?? header.width
                var shrink: Int32 = 1
                while shrink < 8, header.width / Int(shrink * 2) >= widest { shrink *= 2 }
                guard dj_vips_load_jpeg(base, bytes.count, shrink, &decoded) == 0, decoded != nil else { return .failure(.unreadable(lastError())) }
            }
            defer { if let decoded { g_object_unref(decoded) } }
            var made: [EncodedPicture] = []
            for (width, quality) in widths {
                var resized: UnsafeMutablePointer<VipsImage>?
                let status = decoded.map { dj_vips_shrink($0, Int32(width), &resized) } ?? dj_vips_thumbnail(base, bytes.count, Int32(width), &resized)
                guard status == 0, let resized else { return .failure(.unreadable(lastError())) }
                defer { g_object_unref(resized) }
                switch encode(resized, quality: quality) {
                case let .success(picture): made.append(picture)
                case let .failure(failure): return .failure(failure)
                }
            }
            return .success(made)
        }
    }

    /// A single version (for tests and the header-only check).
    static func jpeg(_ data: Data, width: Int, quality: Int) -> Result<EncodedPicture, PictureFailure> {
        switch header(data) {
        case let .failure(failure): return .failure(failure)
        case let .success(header): return versions(data, header: header, widths: [(width, quality)]).map { $0[0] }
        }
    }

    private static func encode(_ image: UnsafeMutablePointer<VipsImage>, quality: Int) -> Result<EncodedPicture, PictureFailure> {
        var flat: UnsafeMutablePointer<VipsImage>?
        guard dj_vips_for_jpeg(image, &flat) == 0, let flat else { return .failure(.unreadable(lastError())) }
        defer { g_object_unref(flat) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard dj_vips_jpeg(flat, Int32(quality), &buffer, &length) == 0, let buffer else { return .failure(.unreadable(lastError())) }
        defer { g_free(buffer) }
        return .success(EncodedPicture(bytes: Data(bytes: buffer, count: length),
                                       width: Int(vips_image_get_width(flat)), height: Int(vips_image_get_height(flat))))
    }

    /// The SHA-256 of `data`, in lowercase hexadecimal.
    static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { bytes in
            guard let text = dj_sha256(bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, bytes.count) else { return "" }
            defer { g_free(text) }
            return String(cString: text)
        }
    }

    /// `VipsForeignLoadJpegBuffer` → `jpegload_buffer`, as libvips names its operations.
    private static func nickname(of typeName: String) -> String {
        let type = g_type_from_name(typeName)
        guard type != 0, let nick = vips_nickname_find(type) else { return typeName }
        return String(cString: nick)
    }

    /// libvips' message for the last failure on this thread, cleared once read.
    private static func lastError() -> String {
        let text = vips_error_buffer().map { String(cString: $0) } ?? ""
        vips_error_clear()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A picture's format and upright size.
struct PictureHeader: Sendable, Equatable {
    let format: String
    let width: Int
    let height: Int
    /// The EXIF orientation (1 when upright or absent).
    let orientation: Int
    var pixels: Int { width * height }
}

struct EncodedPicture: Sendable {
    let bytes: Data
    let width: Int
    let height: Int
}

enum PictureFailure: Error, Equatable, Sendable {
    /// Not a picture of a format dangjian takes (a text file, a document …).
    case notPicture
    /// A picture libvips could not decode (truncated, corrupt): libvips' own words.
    case unreadable(String)
    case library(String)
}
