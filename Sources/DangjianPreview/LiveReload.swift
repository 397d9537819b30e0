import Dangjian
/// The script the preview server adds to every HTML page it serves (never to the files of `site/`):
/// it waits for the next build and reloads the page, or shows the build's problems over the page.
enum LiveReload {
    static let statusPath = "/__dangjian/status"

    static func inject(into html: String, generation: Int) -> String {
        let script = self.script.replacingOccurrences(of: "GENERATION", with: "\(generation)")
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script)
    }

    static let script = """
    <script id="dangjian-live-reload">
    (function () {
      var generation = GENERATION;
      function show(problems) {
        var box = document.getElementById('dangjian-overlay');
        if (!problems.length) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement('div');
          box.id = 'dangjian-overlay';
          box.setAttribute('role', 'alert');
          box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(30,10,10,.94);color:#fff;' +
            'font:15px/1.7 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;padding:32px';
          document.body.appendChild(box);
        }
        box.innerHTML = '<h2 style="margin:0 0 12px;color:#ffb4b4">内容有错误，网站未更新（显示的是上一次成功生成的页面）</h2>';
        problems.forEach(function (line) {
          var p = document.createElement('pre');
          p.style.cssText = 'white-space:pre-wrap;margin:0 0 8px;font:inherit';
          p.textContent = line;
          box.appendChild(p);
        });
        var hint = document.createElement('p');
        hint.textContent = '改正后保存文件，页面会自动刷新。';
        box.appendChild(hint);
      }
      function poll(first) {
        var request = new XMLHttpRequest();
        request.open('GET', '/__dangjian/status?after=' + (first ? -1 : generation));
        request.onload = function () {
          try {
            var status = JSON.parse(request.responseText);
            if (status.errors.length) { show(status.errors); generation = status.generation; }
            else if (status.generation > generation) { location.reload(); return; }
            else { show([]); }
          } catch (e) {}
          setTimeout(poll, 50);
        };
        request.onerror = function () { setTimeout(poll, 1000); };
        request.send();
      }
      poll(true);
    })();
    </script>

    """
}
