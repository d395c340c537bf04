// Runs in the page's head, before the first paint and long before the wasm: fits the static
// shell of index.html to the address (an embed shows no dashboard chrome; the view in the hash
// is the one marked in the navigation) and, for the default data, starts fetching the manifest
// and the files it lists, so the data is in flight while the code downloads and compiles.
// The app's own fetches of the same addresses are answered by these preloads (same URL, mode
// cors, credentials same-origin). scripts/postbuild.mjs fills PRELOAD with the bundled data.

const PRELOAD = []; // filled by postbuild

(() => {
  const root = document.documentElement;
  // The hash as the app's router reads it: `#/embed/<view>…` or `#/<view>…`.
  const path = location.hash.replace(/^#\/*/, "").split("?")[0].split("/").filter(Boolean);
  if (path[0] === "embed") {
    root.setAttribute("data-embed", "");
    path.shift();
  }
  root.setAttribute("data-shell-view", path[0] || "overview");
  // Another data set (`?data=…`) needs none of the default files.
  if (new URLSearchParams(location.search).get("data")) return;
  for (const href of PRELOAD) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.appendChild(link);
  }
})();
