import Foundation

/// libFuzzer's entry point. The first byte says what the rest is (see `FuzzInput`); the rest goes
/// through the stages a content file goes through in `check` and `build`, in memory.
/// A Swift trap, a hang past `-timeout` or memory past `-rss_limit_mb` is a finding; a problem
/// reported as a diagnostic is the expected answer to bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = FuzzInput(selector: data[0], bytes: Data(bytes: data + 1, count: size - 1))
    let accepted = switch input.role {
    case .siteConfig: SitePass.run(input)
    case .entry: EntryPass.run(input)
    }
    return accepted ? 0 : -1  // -1: a skipped input is not added to the corpus
}

/// What one run feeds in: an entry file of one kind's folder, or site.yml.
struct FuzzInput {
    enum Role { case entry, siteConfig }

    /// Bit 7 set: the bytes are site.yml (read with sample entries); otherwise an entry file.
    let role: Role
    /// Bits 0–2: which kind's folder the entry file is in (`KindCatalog.standard`'s order, wrapping).
    let kindIndex: Int
    /// Bit 3: `unsafe_html: true`, so raw HTML goes through libcmark's other path.
    let unsafeHTML: Bool
    /// Bit 4: the sample's entries (one of each kind) beside the fuzzed one, so references, numbers
    /// and addresses meet others' (ten times slower, so not the default).
    let withNeighbours: Bool
    let bytes: Data

    init(selector: UInt8, bytes: Data) {
        role = selector & 0x80 != 0 ? .siteConfig : .entry
        kindIndex = Int(selector & 0x07)
        unsafeHTML = selector & 0x08 != 0
        withNeighbours = selector & 0x10 != 0
        self.bytes = bytes
    }
}
