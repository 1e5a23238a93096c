/// The two files the preview adds under `/__haven/`. They are served as files (not inline) so they
/// work under the theme's Content-Security-Policy (`script-src 'self'; style-src 'self'`), and they
/// exist only on the preview server: `haven build` never writes them.
enum PreviewAssets {
    /// Where the preview's own endpoints live; no site page can be served under it.
    static let prefix = "/__haven/"
    static let scriptPath = "/__haven/reload.js"
    static let stylePath = "/__haven/overlay.css"
    static let eventsPath = "/__haven/events"

    /// Listens for build events over Server-Sent Events and reloads the page when the build it was
    /// served from is no longer the current one. Also hides the error overlay on request.
    static let reloadScript = """
        // Haven preview: reloads this page when the site is rebuilt. Served by `haven serve` only.
        (function () {
          "use strict";
          var script = document.currentScript;
          var shown = script ? script.getAttribute("data-haven-generation") : null;
          var dismiss = document.querySelector("[data-haven-dismiss]");
          if (dismiss) {
            dismiss.addEventListener("click", function () {
              var overlay = document.getElementById("haven-overlay");
              if (overlay) { overlay.hidden = true; }
            });
          }
          if (!window.EventSource) { return; }
          var source = new EventSource("\(eventsPath)");
          source.onmessage = function (event) {
            if (event.data && event.data !== shown) {
              source.close();
              window.location.reload();
            }
          };
        })();

        """

    /// The error overlay's look: a panel fixed to the bottom of the page, above everything.
    static let overlayStyle = """
        /* Haven preview: the build-error overlay. Served by `haven serve` only. */
        .haven-overlay {
          position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647;
          max-height: 50vh; overflow: auto; box-sizing: border-box;
          margin: 0; padding: 1rem 1.25rem;
          background: #1f1f1f; color: #f5f5f5; border-top: 4px solid #d93025;
          font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
          box-shadow: 0 -4px 16px rgba(0, 0, 0, 0.35);
        }
        .haven-overlay[hidden] { display: none; }
        .haven-overlay-head { display: flex; align-items: baseline; justify-content: space-between; gap: 1rem; }
        .haven-overlay h2 { margin: 0 0 0.5rem; font-size: 15px; color: #ff8a80; }
        .haven-overlay p { margin: 0 0 0.5rem; }
        .haven-overlay ol { margin: 0; padding-left: 1.5rem; }
        .haven-overlay li { margin: 0.25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        .haven-overlay button {
          font: inherit; color: inherit; background: #3a3a3a; border: 1px solid #777;
          border-radius: 4px; padding: 0.15rem 0.6rem; cursor: pointer;
        }
        .haven-page { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; }

        """
}
