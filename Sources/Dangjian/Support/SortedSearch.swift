extension RandomAccessCollection {
    /// In a collection sorted by `areInIncreasingOrder`: the first position whose element does not
    /// come before `value`, where `value` is or would be inserted (binary search).
    func insertionPoint(of value: Element, by areInIncreasingOrder: (Element, Element) -> Bool) -> Index {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if areInIncreasingOrder(self[middle], value) { low = index(after: middle) } else { high = middle }
        }
        return low
    }
}
