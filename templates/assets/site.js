// Progressive enhancement only: every page reads fully without this file.
(function () {
  'use strict';

  function setUpFilter() {
    var input = document.getElementById('filter');
    if (!input) return;
    var box = input.closest('.filter');
    var status = box.querySelector('.filter-status');
    var forms = JSON.parse(input.getAttribute('data-forms') || '{}');
    var lang = document.documentElement.lang;
    var rules = new Intl.PluralRules(lang);
    var items = Array.prototype.slice.call(document.querySelectorAll('[data-search]'));
    var groups = Array.prototype.slice.call(document.querySelectorAll('.class-group'));
    box.hidden = false;

    function message(count) {
      var form = count === 0 && forms.zero ? forms.zero : forms[rules.select(count)] || forms.other || '';
      return form.replace(/\{\{\s*count\s*\}\}/g, new Intl.NumberFormat(lang).format(count));
    }

    function apply() {
      var words = input.value.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = item.getAttribute('data-search');
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        item.hidden = !match;
        if (match) shown++;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector('[data-search]:not([hidden])');
      });
      status.textContent = words.length ? message(shown) : '';
    }

    input.addEventListener('input', apply);
    if (input.value) apply();
  }

  function setUpCopyButtons() {
    if (!navigator.clipboard) return;
    document.querySelectorAll('.transcript').forEach(function (figure) {
      var button = figure.querySelector('button.copy');
      var code = figure.querySelector('code');
      if (!button || !code) return;
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          button.textContent = button.getAttribute('data-copied');
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }

  function setUpLanguageMenu() {
    var menu = document.querySelector('.languages details');
    if (!menu) return;
    var summary = menu.querySelector('summary');
    function close(returnFocus) {
      if (!menu.open) return;
      menu.open = false;
      if (returnFocus) summary.focus();
    }
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') close(true);
    });
    document.addEventListener('click', function (event) {
      if (!menu.contains(event.target)) close(false);
    });
  }

  // The comparison finder: two lists of the family's codes, and a button that opens their comparison.
  function setUpPairFinders() {
    document.querySelectorAll('form.pair-finder').forEach(function (form) {
      var lists = form.querySelectorAll('select');
      var status = form.querySelector('.finder-status');
      var href = form.getAttribute('data-pair-href');
      if (lists.length !== 2 || !href) return;
      form.hidden = false;

      function say(message, list) {
        status.textContent = message || '';
        if (list) list.focus();
      }

      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var first = lists[0];
        var second = lists[1];
        if (!first.value) return say(form.getAttribute('data-missing'), first);
        if (!second.value) return say(form.getAttribute('data-missing'), second);
        if (first.value === second.value) return say(form.getAttribute('data-same'), second);
        // Both lists hold the family's codes in the order comparison URLs use (lower code first),
        // so the code that comes first in the list is the pair's first: 5.1.2 before 5.1.10.
        var lower = first.selectedIndex < second.selectedIndex ? first.value : second.value;
        var higher = lower === first.value ? second.value : first.value;
        say('');
        var target = href.replace('{a}', encodeURIComponent(lower)).replace('{b}', encodeURIComponent(higher));
        window.location.assign(new URL(target, window.location.href).href);
      });
      lists.forEach(function (list) {
        list.addEventListener('change', function () { say(''); });
      });
    });
  }

  setUpFilter();
  setUpPairFinders();
  setUpCopyButtons();
  setUpLanguageMenu();
})();
