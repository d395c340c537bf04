// Chỉ số embeds for other sites' pages. Each <div data-chiso="…#/embed/…"> becomes an iframe of
// that chart, sized from the height messages the chart posts. No inline code and no
// dependencies, so it runs under a portal's strict Content-Security-Policy; loading it twice
// changes nothing.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || typeof URL !== "function") return;
  var base = script.src;
  // Messages are believed only from this origin: where this script, and so the app, is served.
  var origin = new URL(base).origin;
  var SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads";
  var TITLE = "Biểu đồ Chỉ số";
  var state = window.__chisoEmbed;
  if (!state) {
    state = window.__chisoEmbed = { frames: [], count: 0 };
    window.addEventListener("message", onMessage);
  }

  // The embed address with our own `id=` in its hash query, replacing any it had.
  function withId(url, id) {
    var at = url.indexOf("#");
    if (at < 0) return url + "#/embed?id=" + encodeURIComponent(id);
    var hash = url.slice(at + 1);
    var q = hash.indexOf("?");
    var kept = [];
    var pairs = q < 0 ? [] : hash.slice(q + 1).split("&");
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i] && pairs[i].split("=")[0] !== "id") kept.push(pairs[i]);
    }
    kept.push("id=" + encodeURIComponent(id));
    return url.slice(0, at + 1) + (q < 0 ? hash : hash.slice(0, q)) + "?" + kept.join("&");
  }

  // The height in a message of either form, or null: Datawrapper's keyed by our id, or AMP's.
  function heightOf(data, id) {
    if (!data || typeof data !== "object") return null;
    var h;
    var dw = data["datawrapper-height"];
    if (dw && typeof dw === "object") h = dw[id];
    else if (data.sentinel === "amp" && data.type === "embed-size") h = data.height;
    return typeof h === "number" && isFinite(h) && h >= 0 && h < 100000 ? Math.ceil(h) : null;
  }

  function onMessage(event) {
    for (var i = 0; i < state.frames.length; i++) {
      var f = state.frames[i];
      // Our frame's own window and our origin, both: another frame or window could send the
      // same words.
      if (event.source !== f.iframe.contentWindow || event.origin !== f.origin) continue;
      var h = heightOf(event.data, f.id);
      if (h !== null) f.iframe.style.height = h + "px";
      return;
    }
  }

  function make(div) {
    var url;
    try {
      url = new URL(div.getAttribute("data-chiso"), base);
    } catch (e) {
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return;
    var id = "chiso-embed-" + ++state.count;
    var iframe = document.createElement("iframe");
    iframe.src = withId(url.href, id);
    iframe.title = div.getAttribute("data-chiso-title") || TITLE;
    iframe.setAttribute("loading", "lazy");
    iframe.setAttribute("sandbox", SANDBOX);
    iframe.setAttribute("width", "100%");
    // Through the CSSOM, which a portal's strict style-src allows, unlike a style attribute.
    iframe.style.width = "100%";
    iframe.style.height = "480px";
    iframe.style.border = "0";
    iframe.style.display = "block";
    state.frames.push({ iframe: iframe, id: id, origin: origin });
    div.appendChild(iframe);
  }

  function scan() {
    var divs = document.querySelectorAll("div[data-chiso]");
    for (var i = 0; i < divs.length; i++) {
      if (divs[i].hasAttribute("data-chiso-ready")) continue;
      divs[i].setAttribute("data-chiso-ready", "");
      make(divs[i]);
    }
  }

  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
