import Dangjian
import Foundation

extension Array where Element == OutputFile {
    /// Every file's bytes by its path in the site (a copied file read from its source), for
    /// comparing what two ways of building made.
    public var bytesByPath: [String: Data] {
        Dictionary(uniqueKeysWithValues: map { file in
            switch file.content {
            case let .text(text): return (file.path, Data(text.utf8))
            case let .data(data): return (file.path, data)
            case let .copy(url): return (file.path, (try? Data(contentsOf: url)) ?? Data())
            }
        })
    }
}
