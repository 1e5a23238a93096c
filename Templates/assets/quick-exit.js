// Haven quick exit ("Exit this page", after the GOV.UK pattern), on pages whose content warning
// sets `quick_exit: true`. The button is a plain link that works without JavaScript; with it, the
// page is blanked at once and replaced (location.replace: Back does not return to it), also when
// Shift is pressed three times within five seconds. Nothing is requested from the other site
// before the reader leaves.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.getAttribute("href");
  var hint = document.querySelector(".quick-exit-hint");
  if (hint) hint.hidden = false;
  var leaving = false;

  function leave(event) {
    if (event) event.preventDefault();
    if (leaving) return;
    leaving = true;
    // Blank the screen before anything else: nothing of this page stays visible while the next loads.
    document.documentElement.className += " quick-exit-leaving";
    document.title = "";
    document.body.textContent = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
