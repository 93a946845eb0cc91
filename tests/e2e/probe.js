// The end-to-end suite's page probe. The suite's server inserts it, inline, as the first
// thing in the <head> of every HTML page, so it runs before any script of the page. It
// records what a browser console would show as an error, in the same way in every
// engine, and the suite reads `window.__e2eProbe.errors` over WebDriver:
//   - uncaught exceptions, including WebAssembly traps (a Rust panic ends in one), and
//     errors while parsing or starting a script: `error` events on window;
//   - elements that failed to load (<script>, <link>, <img>, ...): `error` events seen
//     in the capture phase (they do not bubble);
//   - unhandled promise rejections (a failed `await init()` of the module script);
//   - console.error calls (still passed on to the real console);
//   - Content-Security-Policy violations: `securitypolicyviolation` events, which every
//     engine fires at the element or document concerned and which bubble to the
//     document. The probe itself is an inline script, but it runs before the page's
//     <meta http-equiv="Content-Security-Policy">, which applies only from there on.
(function () {
  "use strict";
  var errors = [];
  var describe = function (value) {
    try {
      if (value instanceof Error) {
        return String(value) + (value.stack ? "\n" + value.stack : "");
      }
      return typeof value === "string" ? value : JSON.stringify(value);
    } catch (e) {
      return String(value);
    }
  };
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target instanceof Element) {
        var url = target.src || target.href || target.getAttribute("src") || "";
        errors.push("failed to load: <" + target.localName + "> " + url);
      } else {
        errors.push(
          "uncaught: " + (event.message || describe(event.error)) +
            " (" + (event.filename || "?") + ":" + (event.lineno || 0) + ")"
        );
      }
    },
    true
  );
  window.addEventListener("unhandledrejection", function (event) {
    errors.push("unhandled rejection: " + describe(event.reason));
  });
  document.addEventListener(
    "securitypolicyviolation",
    function (event) {
      errors.push(
        "CSP violation: " + (event.effectiveDirective || event.violatedDirective) +
          " blocked " + (event.blockedURI || "?") +
          (event.sample ? " (" + event.sample + ")" : "") +
          " at " + (event.sourceFile || "?") + ":" + (event.lineNumber || 0)
      );
    },
    true
  );
  var consoleError = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.map.call(arguments, describe).join(" "));
    return consoleError.apply(this, arguments);
  };
  window.__e2eProbe = { errors: errors };
})();
