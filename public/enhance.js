// Progressive enhancement only: every page works without this file.
// 1. Move focus to an error summary or a status notice so screen-reader and keyboard users hear it.
// 2. Ask for confirmation before destructive actions (buttons with data-confirm).
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }
  ready(function () {
    var target = document.querySelector('[data-autofocus]');
    if (target && typeof target.focus === 'function') target.focus();
    document.addEventListener('submit', function (e) {
      var btn = e.submitter;
      var msg = btn && btn.getAttribute('data-confirm');
      if (msg && !window.confirm(msg)) e.preventDefault();
    });
  });
})();
