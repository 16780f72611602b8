// The module loader of sites opened from disk (publicedu build --file-links). Chromium refuses
// module scripts and import() on file:// pages, so the generator rewrites each theme module as
// a classic script in this folder that calls define(); a dynamic import becomes load(), which
// adds a script element. Classic scripts, unlike modules, may be read from file://. Other builds
// use the modules themselves and do not ship this folder.
(() => {
  "use strict";
  const self = document.currentScript;
  // The page's ?v= version, so a changed script is not taken from the cache.
  const version = new URL(self.src).search;
  const modules = new Map();

  function entry(name) {
    let found = modules.get(name);
    if (!found) {
      found = { requested: false, defined: false };
      found.exports = new Promise((resolve, reject) => Object.assign(found, { resolve, reject }));
      modules.set(name, found);
    }
    return found;
  }

  /** A promise of the module's exports; its script is added to the page the first time it is asked for. */
  function load(name) {
    const found = entry(name);
    if (!found.requested) {
      found.requested = true;
      const script = document.createElement("script");
      script.src = new URL(name + version, self.src).href;
      script.addEventListener("error", () => found.reject(new Error(`无法加载脚本 ${script.src}`)));
      document.head.append(script);
    }
    return found.exports;
  }

  /** Runs the module once its imports have run, as a module would; a second copy of it is ignored. */
  function define(name, imports, factory) {
    const found = entry(name);
    if (found.defined) return;
    found.requested = found.defined = true;
    found.resolve(Promise.all(imports.map(load)).then((values) => factory(load, ...values)));
  }

  window.PublicEduModules = { define };
})();
