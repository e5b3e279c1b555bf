/* global document, location, HTMLScriptElement */
// A classic script, not a module: it runs where the module cannot. Opened from file://, the
// browser refuses to load plugin.js (ES modules and fetch need HTTP), and the page would stay
// blank; this shows how to serve it instead. Served, it says so when plugin.js or backplan.js
// does not load (a 404, a build not made), rather than leaving the page loading forever.
"use strict";

function showNotice(id) {
  document.getElementById(id).hidden = false;
  document.getElementById("form").hidden = true;
  document.getElementById("result").hidden = true;
}

if (location.protocol === "file:") {
  document.body.dataset.state = "file";
  showNotice("file-notice");
} else {
  // A module script that cannot be fetched (or whose imports cannot) fires `error` at its element.
  document.addEventListener(
    "error",
    (event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement && target.type === "module") {
        document.body.dataset.state = "failed";
        showNotice("load-notice");
      }
    },
    true,
  );
}
