// The search box in the header: Pagefind's index of the language, loaded when the reader first
// focuses the box. Progressive enhancement only: without this file the header links to the
// family index instead.
(function () {
  'use strict';

  // Letters a reader may type without their mark that Pagefind does not fold itself: it strips
  // combining marks (ộ → o, ư → u) but đ is a letter of its own. A query is also searched with each
  // plain letter in its other form, and the answers merged.
  var PLAIN_LETTERS = { vi: { d: 'đ' } };
  var MAX_VARIANTS = 8;
  var PAGE_SIZE = 10;

  function queryVariants(query, lang) {
    var letters = PLAIN_LETTERS[lang.split('-')[0]];
    var variants = [query.toLocaleLowerCase(lang)];
    if (!letters) return variants;
    for (var i = 0; i < variants[0].length && variants.length < MAX_VARIANTS; i++) {
      var other = letters[variants[0][i]];
      if (!other) continue;
      variants = variants.concat(variants.map(function (v) { return v.slice(0, i) + other + v.slice(i + 1); })).slice(0, MAX_VARIANTS);
    }
    return variants;
  }

  // Pagefind's excerpts are escaped text with <mark> around the words found: rebuilt here as text
  // nodes and <mark> elements, so nothing in them is ever parsed as markup.
  function excerptNodes(excerpt) {
    var decoder = document.createElement('textarea');
    var fragment = document.createDocumentFragment();
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === '<mark>') return true;
      if (part === '</mark>') return false;
      decoder.innerHTML = part;
      var text = document.createTextNode(decoder.value);
      if (marked) {
        var mark = document.createElement('mark');
        mark.appendChild(text);
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(text);
      }
      return marked;
    }, false);
    return fragment;
  }

  function setUpSearch() {
    var box = document.querySelector('.search');
    if (!box) return;
    // Pagefind fetches its index, which browsers refuse to pages opened from disk: the link stays.
    if (location.protocol === 'file:') {
      box.classList.add('offline');
      return;
    }
    var field = box.querySelector('.search-form');
    var input = box.querySelector('#search-input');
    var panel = box.querySelector('.search-results');
    var list = panel.querySelector('.search-list');
    var count = panel.querySelector('.search-count');
    var status = box.querySelector('.search-status');
    var more = panel.querySelector('.search-more');
    var forms = JSON.parse(box.getAttribute('data-forms') || '{}');
    var lang = document.documentElement.lang;
    var rules = new Intl.PluralRules(lang);
    var root = new URL(box.getAttribute('data-root') || '/', location.href);
    var engine;
    var asked = 0;
    var found = [];
    var timer;
    box.querySelector('.search-fallback').hidden = true;
    field.hidden = false;

    function load() {
      if (!engine) {
        engine = import(root.href + 'pagefind/pagefind.js').then(function (pagefind) {
          return Promise.resolve(pagefind.options({ baseUrl: root.pathname })).then(function () { return pagefind; });
        });
        engine.catch(function () { engine = undefined; });
      }
      return engine;
    }

    function say(text) {
      count.textContent = text;
      status.textContent = text;
    }

    // Each form comes cut at its count: joined with the number.
    function message(n) {
      var parts = n === 0 && forms.zero ? forms.zero : forms[rules.select(n)] || forms.other || [];
      return parts.join(new Intl.NumberFormat(lang).format(n));
    }

    function open() {
      panel.hidden = false;
    }

    function close() {
      panel.hidden = true;
    }

    // Every variant of the query is searched; a page found by several keeps its best score.
    function search(pagefind, query) {
      return Promise.all(queryVariants(query, lang).map(function (q) { return pagefind.search(q); })).then(function (answers) {
        var best = {};
        answers.forEach(function (answer) {
          answer.results.forEach(function (result) {
            if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
          });
        });
        return Object.keys(best).map(function (id) { return best[id]; }).sort(function (a, b) { return b.score - a.score; });
      });
    }

    // The next page of results; the first one replaces those of the query before, once it is ready.
    function showMore(first) {
      var start = first ? 0 : list.children.length;
      var next = found.slice(start, start + PAGE_SIZE);
      var ticket = asked;
      return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
        if (ticket !== asked) return;
        if (first) list.textContent = '';
        pages.forEach(function (page) {
          var item = document.createElement('li');
          var link = document.createElement('a');
          var title = document.createElement('span');
          var excerpt = document.createElement('span');
          link.href = page.url;
          title.className = 'search-title';
          title.textContent = (page.meta && page.meta.title) || page.url;
          excerpt.className = 'search-excerpt';
          excerpt.appendChild(excerptNodes(page.excerpt || ''));
          link.appendChild(title);
          link.appendChild(excerpt);
          item.appendChild(link);
          list.appendChild(item);
        });
        more.hidden = list.children.length >= found.length;
      });
    }

    function run() {
      var query = input.value.trim();
      var ticket = ++asked;
      if (!query) {
        found = [];
        list.textContent = '';
        say('');
        close();
        return;
      }
      load().then(function (pagefind) { return search(pagefind, query); }).then(function (results) {
        if (ticket !== asked) return;
        found = results;
        // The count and the first results appear together.
        return showMore(true).then(function () {
          if (ticket !== asked) return;
          say(message(results.length));
          open();
        });
      }, function () {
        if (ticket !== asked) return;
        list.textContent = '';
        more.hidden = true;
        say(box.getAttribute('data-unavailable') || '');
        open();
      });
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll('a'));
    }

    input.addEventListener('focus', function () {
      load();
      if (input.value.trim() && list.children.length) open();
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      var first = links()[0];
      if (first) first.click();
    });
    more.addEventListener('click', function () {
      var before = links().length;
      showMore(false).then(function () {
        var next = links()[before];
        if (next) next.focus();
      });
    });
    // Arrow keys move between the input and the results; Escape closes them and goes back to the input.
    box.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === 'Escape' && !panel.hidden) {
        event.stopPropagation();
        close();
        input.focus();
      } else if (event.key === 'ArrowDown' && all.length && (at >= 0 || document.activeElement === input)) {
        event.preventDefault();
        open();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        if (at === 0) input.focus();
        else all[at - 1].focus();
      }
    });
    document.addEventListener('click', function (event) {
      if (!box.contains(event.target)) close();
    });
    box.addEventListener('focusout', function (event) {
      if (event.relatedTarget && !box.contains(event.relatedTarget)) close();
    });
  }

  setUpSearch();
})();
