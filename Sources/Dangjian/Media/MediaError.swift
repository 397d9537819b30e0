/// Problems with pictures: a gallery's `photos:` list, and pictures libvips cannot make web versions of.
public enum MediaError: DiagnosticConvertible, Equatable {
    case photosNotList(location: SourceLocation)
    case photoWithoutFile(location: SourceLocation)
    case unknownPhotoKey(location: SourceLocation, key: String)
    case photoOutside(location: SourceLocation, path: String)
    case photoMissing(location: SourceLocation, path: String)
    case photoRefused(location: SourceLocation, path: String, refusal: FileRefusal)
    case photoNotPicture(location: SourceLocation, path: String)
    case photoFolderEmpty(location: SourceLocation, path: String)
    case pictureUnreadable(location: SourceLocation, path: String)
    case notPicture(location: SourceLocation, path: String, looksLike: String)
    case pictureCorrupt(location: SourceLocation, path: String, reason: String)
    case pictureTooLarge(location: SourceLocation, path: String, width: Int, height: Int)
    case pictureHuge(location: SourceLocation, path: String, width: Int, height: Int)
    case heicConverted(location: SourceLocation, path: String)

    static let heicFix = "请在手机上把照片导出为 JPEG（苹果手机：设置 › 相机 › 格式 › 选「兼容性最佳」），或在电脑上用 vips copy 照片.heic 照片.jpg 转换"

    public var diagnostic: Diagnostic {
        switch self {
        case let .photosNotList(location):
            return Diagnostic(.error, code: "photos-not-list", at: location,
                              message: "photos（照片）应是照片的列表（每行“- 文件名”或“- file: 文件名”加“caption: 说明”），或一个照片文件夹的名字")
        case let .photoWithoutFile(location):
            return Diagnostic(.error, code: "photo-without-file", at: location,
                              message: "这张照片缺少 file（文件名）：请写成“- file: 照片/合影.jpg”")
        case let .unknownPhotoKey(location, key):
            return Diagnostic(.warning, code: "unknown-photo-key", at: location,
                              message: "照片的“\(key)”不认识，已忽略：每张照片只有 file（文件名）和 caption（说明）")
        case let .photoOutside(location, path):
            return Diagnostic(.error, code: "outside-content", at: location,
                              message: "照片“\(path)”指向 content/ 文件夹之外：照片请放在 content/ 之内，与本文件同一文件夹或其下")
        case let .photoMissing(location, path):
            return Diagnostic(.error, code: "missing-photo", at: location,
                              message: "找不到照片“\(path)”：请检查文件名和相对路径（相对于本文件所在文件夹）")
        case let .photoRefused(location, path, refusal):
            return Diagnostic(.error, code: "refused-file", at: location,
                              message: "照片“\(path)”\(refusal.explanation)：\(refusal.fix)")
        case let .photoNotPicture(location, path):
            return Diagnostic(.error, code: "photo-not-picture", at: location,
                              message: "“\(path)”不是照片：照片请用 .jpg、.png、.webp 或手机的 .heic 文件")
        case let .photoFolderEmpty(location, path):
            return Diagnostic(.error, code: "photo-folder-empty", at: location,
                              message: "文件夹“\(path)”里没有照片（.jpg、.png、.webp、.heic）：请检查文件夹名，或把照片放进去")
        case let .pictureUnreadable(location, path):
            return Diagnostic(.error, code: "picture-unreadable", at: location,
                              message: "图片“\(path)”读不出来：请检查文件是否还在、能否打开")
        case let .notPicture(location, path, looksLike):
            return Diagnostic(.error, code: "not-a-picture", at: location,
                              message: "“\(path)”不是图片（里面是\(looksLike)）：请换成真正的照片文件（.jpg、.png、.webp、.heic）")
        case let .pictureCorrupt(location, path, reason):
            return Diagnostic(.error, code: "picture-corrupt", at: location,
                              message: "图片“\(path)”已损坏或不完整，无法生成网页版本（\(reason.isEmpty ? "解码失败" : String(reason.prefix(120)))）：请重新从手机或相机导出这张照片")
        case let .pictureTooLarge(location, path, width, height):
            return Diagnostic(.error, code: "picture-too-large", at: location,
                              message: "图片“\(path)”有 \(width)×\(height) 像素（约 \(width * height / 1_000_000) 百万像素），太大无法处理：请先缩小到 6000 像素宽以内再放进来")
        case let .pictureHuge(location, path, width, height):
            return Diagnostic(.warning, code: "picture-huge", at: location,
                              message: "图片“\(path)”有 \(width)×\(height) 像素（约 \(width * height / 1_000_000) 百万像素）：网页上已用缩小的版本，但原图仍会复制到网站里（展板和打印用），建议缩小到 6000 像素宽以内")
        case let .heicConverted(location, path):
            return Diagnostic(.warning, code: "heic-converted", at: location,
                              message: "“\(path)”是手机的 HEIC 格式：网页上已转为 JPEG 显示，但简报、展板和打印用原图，浏览器显示不了 HEIC。\(Self.heicFix)")
        }
    }
}
