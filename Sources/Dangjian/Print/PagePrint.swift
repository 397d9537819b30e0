import Foundation

/// One page printed in one tab: laid out as it will print, checked, printed, and — when its
/// contents name the pages entries start on — printed again with those numbers filled in.
struct PagePrint {
    let target: PrintTarget
    let browser: DevToolsPipe
    let tab: DevToolsPipe.Tab

    /// What the page found out about itself, laid out at its printed width with print styles.
    struct Check {
        /// A board's fitting: whether its fixed parts still overflow at the smallest type.
        var boardOverflow = false
        /// Ids around each element wider than the page box (innermost first), with the start of its text,
        /// and whether the print cuts it (inside an entry's body, clipped at the column) or shrinks the page for it.
        var overflowing: [(ids: [String], text: String, clipped: Bool)] = []
        /// Pictures as shown: address, and size in CSS pixels.
        var pictures: [(url: String, width: Double, height: Double)] = []
        /// Destinations whose page numbers the page shows (`data-page-of`).
        var pageReferences: [String] = []
    }

    /// Lays the page out as it prints (print styles, the width of its page box from the theme's
    /// `--print-width`), lets a board fit itself (`window.dangjianFit`), then measures.
    func check() throws -> Check {
        _ = try browser.send("Emulation.setEmulatedMedia", ["media": "print"], session: tab.session)
        let width = try browser.evaluate(Self.printWidthScript, in: tab) as? Double ?? 0
        if width >= 1 {
            _ = try browser.send("Emulation.setDeviceMetricsOverride",
                                 ["width": Int(width.rounded(.down)), "height": 1200, "deviceScaleFactor": 1, "mobile": false],
                                 session: tab.session)
        }
        defer { _ = try? browser.send("Emulation.clearDeviceMetricsOverride", session: tab.session) }
        guard let found = try browser.evaluate(Self.checkScript, in: tab) as? [String: Any] else { return Check() }
        var check = Check()
        check.boardOverflow = (found["fit"] as? [String: Any])?["overflow"] as? Bool ?? false
        check.overflowing = (found["overflowing"] as? [[String: Any]] ?? []).map {
            ($0["ids"] as? [String] ?? [], $0["text"] as? String ?? "", $0["clipped"] as? Bool ?? false)
        }
        check.pictures = (found["pictures"] as? [[String: Any]] ?? []).map {
            ($0["url"] as? String ?? "", $0["width"] as? Double ?? 0, $0["height"] as? Double ?? 0)
        }
        check.pageReferences = found["references"] as? [String] ?? []
        return check
    }

    /// The page as a PDF; `measuring` leaves out pictures and backgrounds (which do not change the
    /// layout), for a print that is only read for its page numbers.
    func printPDF(measuring: Bool = false) throws -> Data {
        _ = try browser.evaluate("document.documentElement.classList.toggle('dangjian-measuring', \(measuring))", in: tab)
        let printed = try browser.send("Page.printToPDF", ["printBackground": !measuring, "preferCSSPageSize": true,
                                                          "displayHeaderFooter": false], session: tab.session, timeout: 300)
        guard let base64 = printed["data"] as? String, let pdf = Data(base64Encoded: base64) else {
            throw DevToolsPipe.Failure(description: "no PDF data")
        }
        return pdf
    }

    /// Prints the page with the page numbers of `references` filled into its contents: printed once
    /// without pictures or backgrounds, the numbers read from that PDF's destinations and set, then
    /// printed in full; the full print's destinations must give the same numbers, else they are set
    /// again (they sit in space kept for them, so filling them in moves nothing; three rounds at
    /// most). Not settled when the destinations could not be read or some reference has none.
    func printNumbered(_ references: [String]) throws -> (pdf: Data, settled: Bool) {
        _ = try browser.evaluate(Self.measuringStyle, in: tab)
        var pdf = try printPDF(measuring: true)
        var measuring = true
        for _ in 0..<3 {
            guard let pages = PDFDestinations.pages(in: pdf) else { return (measuring ? try printPDF() : pdf, false) }
            let numbers = Dictionary(uniqueKeysWithValues: references.compactMap { name in pages[name].map { (name, $0) } })
            let json = String(decoding: try JSONSerialization.data(withJSONObject: numbers, options: [.sortedKeys]), as: UTF8.self)
            let changed = try browser.evaluate(Self.fillScript(json), in: tab) as? Bool ?? false
            // The full print's own destinations confirm the numbers it shows.
            if !changed && !measuring { return (pdf, numbers.count == Set(references).count) }
            pdf = try printPDF()
            measuring = false
        }
        return (pdf, false)
    }

    /// While measuring, pictures keep their place but are not drawn.
    static let measuringStyle = """
    (() => {
      const style = document.createElement('style');
      style.textContent = '.dangjian-measuring img { visibility: hidden !important; }';
      document.head.appendChild(style);
    })()
    """

    /// The page box's width in CSS pixels, from the theme's `--print-width` (0 when it gives none).
    static let printWidthScript = """
    (() => {
      const value = getComputedStyle(document.body).getPropertyValue('--print-width').trim();
      if (!value) return 0;
      const probe = document.createElement('div');
      probe.style.cssText = 'position:absolute;visibility:hidden;height:0;width:' + value;
      document.body.appendChild(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    })()
    """

    /// Fits a board, then finds what is wider than the page box, the pictures and the page references.
    /// An entry's body (`.prose`) clips what is wider than its column, so the page is never shrunk for
    /// it, but the clipped part is lost on paper: its elements reaching past the column are found by
    /// their boxes (which clipping does not change); anything else by the document being wider than the page.
    static let checkScript = """
    (async () => {
      await document.fonts.ready;
      const fit = typeof window.dangjianFit === 'function' ? await window.dangjianFit() : null;
      const limit = document.documentElement.clientWidth;
      const overflowing = [];
      const note = (element, clipped) => {
        const ids = [];
        for (let node = element; node; node = node.parentElement) if (node.id) ids.push(node.id);
        overflowing.push({ids, clipped, text: (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 30)});
      };
      for (const prose of document.querySelectorAll('.print-main .prose')) {
        const column = prose.getBoundingClientRect();
        for (const element of prose.querySelectorAll('*')) {
          if (overflowing.length >= 40) break;
          const box = element.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          if (box.right > column.right + 1 || box.left < column.left - 1) note(element, true);
        }
      }
      if (document.documentElement.scrollWidth > limit + 1) {
        for (const element of document.body.querySelectorAll('*')) {
          if (overflowing.length >= 40) break;
          if (element.closest('.print-main .prose')) continue;
          const box = element.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          const wide = box.right > limit + 1 || (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1
            && getComputedStyle(element).overflowX === 'visible');
          if (wide) note(element, false);
        }
      }
      const pictures = Array.from(document.images).map((image) => {
        const box = image.getBoundingClientRect();
        return {url: image.currentSrc || image.src, width: box.width, height: box.height};
      });
      const references = Array.from(document.querySelectorAll('[data-page-of]'), (element) => element.getAttribute('data-page-of'));
      return {fit, overflowing, pictures, references};
    })()
    """

    /// Sets each `[data-page-of]` to its page number; true when any changed.
    static func fillScript(_ numbers: String) -> String {
        """
        (() => {
          const numbers = \(numbers);
          let changed = false;
          for (const element of document.querySelectorAll('[data-page-of]')) {
            const number = numbers[element.getAttribute('data-page-of')];
            const text = number === undefined ? '' : String(number);
            if (element.textContent !== text) { element.textContent = text; changed = true; }
          }
          return changed;
        })()
        """
    }
}
