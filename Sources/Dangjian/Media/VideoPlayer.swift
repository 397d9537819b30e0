import Foundation

/// The HTML of a video player: the browser's own `<video controls>` playing the site's copy of the
/// file, addressed relatively (through the root marker), so it plays from file://, a shared drive
/// or any sub-path, with nothing loaded from outside.
enum VideoPlayer {
    /// The poster of a video placed at `video`: beside it, named after it (`第一讲.mp4.poster.jpg`).
    static func posterPlacement(for video: AssetPlacement) -> AssetPlacement {
        AssetPlacement(source: video.source, destination: video.destination + ".poster.jpg")
    }

    /// `url` and `poster` are addresses as pages write them (root marker or `../` included), not yet encoded.
    static func element(_ video: VideoFile, url: String, poster: String?) -> String {
        var attributes = #"controls preload="metadata""#
        if let poster { attributes += #" poster="\#(encoded(poster))""# }
        if let width = video.info?.width, let height = video.info?.height { attributes += #" width="\#(width)" height="\#(height)""# }
        return #"<video class="video-player" \#(attributes)><source src="\#(encoded(url))" type="\#(video.format.mediaType)">"#
            + #"<a href="\#(encoded(url))">下载视频</a></video>"#
    }

    /// The player in a figure, with the image's description and the duration as its caption.
    static func figure(_ video: VideoFile, at url: String, poster: String?, caption: String) -> String {
        var parts: [String] = []
        if !caption.isEmpty { parts.append(XMLText.escape(caption)) }
        if let duration = video.info?.durationText { parts.append(#"<span class="video-duration">\#(duration)</span>"#) }
        let figcaption = parts.isEmpty ? "" : "<figcaption>" + parts.joined(separator: " ") + "</figcaption>"
        return #"<figure class="video-figure">"# + element(video, url: url, poster: poster) + figcaption + "</figure>\n"
    }

    /// Spaces, Chinese and other characters percent-encoded as in any link; then safe in an attribute.
    static func encoded(_ address: String) -> String { XMLText.escape(percentEncoded(address)) }

    static func percentEncoded(_ address: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#&'\"")
        return address.addingPercentEncoding(withAllowedCharacters: allowed) ?? address
    }
}
