/* dangjian: a gallery's photos open large on the page itself. Without this script every thumbnail is a
   plain link to its large picture. Keys: ← → move, Esc closes; on a touch screen, swipe left or right.
   Written for old intranet browsers (no arrow functions, no classes). */
(function () {
  "use strict";
  var galleries = document.querySelectorAll("[data-gallery]");
  if (!galleries.length || !document.addEventListener) return;
  var box, picture, caption, counter, links = [], current = -1, opener = null, startX = null;

  function make(tag, className, parent) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (parent) parent.appendChild(element);
    return element;
  }

  function button(className, label, text, action) {
    var element = make("button", className, box);
    element.type = "button";
    element.setAttribute("aria-label", label);
    element.appendChild(document.createTextNode(text));
    element.addEventListener("click", function (event) { event.stopPropagation(); action(); });
    return element;
  }

  function build() {
    box = make("div", "lightbox", document.body);
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", "照片");
    box.hidden = true;
    var frame = make("figure", "lightbox-frame", box);
    picture = make("img", "lightbox-picture", frame);
    caption = make("figcaption", "lightbox-caption", frame);
    counter = make("p", "lightbox-counter", box);
    button("lightbox-prev", "上一张", "‹", function () { show(current - 1); });
    button("lightbox-next", "下一张", "›", function () { show(current + 1); });
    box.closeButton = button("lightbox-close", "关闭", "×", close);
    box.addEventListener("click", function (event) { if (event.target === box) close(); });
    box.addEventListener("touchstart", function (event) { startX = event.touches[0].clientX; }, { passive: true });
    box.addEventListener("touchend", function (event) {
      if (startX === null) return;
      var moved = event.changedTouches[0].clientX - startX;
      startX = null;
      if (moved > 40) show(current - 1);
      else if (moved < -40) show(current + 1);
    });
  }

  function show(index) {
    if (index < 0) index = links.length - 1;
    if (index >= links.length) index = 0;
    current = index;
    var link = links[index];
    picture.src = link.getAttribute("href");
    picture.width = +link.getAttribute("data-width");
    picture.height = +link.getAttribute("data-height");
    var text = link.getAttribute("data-caption") || "";
    picture.alt = text || link.querySelector("img").alt;
    caption.textContent = text;
    caption.hidden = !text;
    counter.textContent = (index + 1) + " / " + links.length;
    box.setAttribute("data-current", String(index + 1));
  }

  function open(gallery, index) {
    if (!box) build();
    links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery-link"));
    opener = links[index];
    show(index);
    box.hidden = false;
    document.documentElement.className += " lightbox-open";
    box.closeButton.focus();
  }

  function close() {
    box.hidden = true;
    picture.removeAttribute("src");
    document.documentElement.className = document.documentElement.className.replace(/ ?lightbox-open/g, "");
    if (opener) opener.focus();
    current = -1;
  }

  document.addEventListener("keydown", function (event) {
    if (!box || box.hidden) return;
    var key = event.key || event.keyCode;
    if (key === "ArrowLeft" || key === "Left" || key === 37) { show(current - 1); event.preventDefault(); }
    else if (key === "ArrowRight" || key === "Right" || key === 39) { show(current + 1); event.preventDefault(); }
    else if (key === "Escape" || key === "Esc" || key === 27) { close(); event.preventDefault(); }
  });

  Array.prototype.forEach.call(galleries, function (gallery) {
    var own = gallery.querySelectorAll(".gallery-link");
    Array.prototype.forEach.call(own, function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
        event.preventDefault();
        open(gallery, index);
      });
    });
  });
})();
