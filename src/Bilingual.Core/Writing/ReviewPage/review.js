(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var storageKey = 'bilingual-review:' + data.name + ':' + data.digest;
  var rowsById = {};
  data.rows.forEach(function (r) { rowsById[r.id] = r; });
  var trs = Array.prototype.slice.call(document.querySelectorAll('tr.row'));
  var statusLabels = { 'accepted': 'Accepted', 'needs-review': 'Needs review', 'corrected': 'Corrected' };
  var state = load();
  var current = null;

  document.body.classList.remove('nojs');
  document.body.classList.add('js');
  var toolbar = document.getElementById('toolbar');
  toolbar.hidden = false;
  // The table header sticks just below the toolbar, whose height depends on how its controls wrap.
  function stickHeader() { document.body.style.setProperty('--toolbar-height', toolbar.offsetHeight + 'px'); }
  stickHeader();
  window.addEventListener('resize', stickHeader);

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || 'null');
      if (saved && typeof saved.rows === 'object') { return saved; }
    } catch (e) { /* storage unavailable or corrupt: start afresh */ }
    return { reviewer: '', rows: {} };
  }

  function save() {
    try { window.localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode: state lives until reload */ }
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function rowState(id) { return state.rows[id] || null; }

  function touch(id, change) {
    var s = state.rows[id] || {};
    Object.keys(change).forEach(function (k) { s[k] = change[k]; });
    s.changedAt = new Date().toISOString();
    state.rows[id] = s;
    if (!s.status && !s.comment && s.target == null) { delete state.rows[id]; }
    save();
    render(id);
    refreshCounts();
  }

  // The status a row shows: the reviewer's in this browser, else the one stored with the document.
  function effective(id) {
    var s = rowState(id), r = rowsById[id];
    var status = s && s.status ? s.status : (r.review ? r.review.status : '');
    if (s && s.target != null && status !== 'needs-review') { status = 'corrected'; }
    var comment = s && s.comment != null ? s.comment : (r.review ? r.review.comment || '' : '');
    // A comment without a decision asks for another look, as a CAT tool's comment flag does.
    if (!status && comment) { status = 'needs-review'; }
    return {
      status: status,
      comment: comment,
      target: s && s.target != null ? s.target : null,
      reviewer: s && s.status ? state.reviewer : (r.review ? r.review.reviewer : ''),
      changedAt: s ? s.changedAt : (r.review ? r.review.changedAt : null)
    };
  }

  function render(id) {
    var tr = document.getElementById('row-' + id);
    var e = effective(id);
    tr.dataset.status = e.status;
    var cell = tr.querySelector('td.review');
    cell.textContent = '';
    if (e.status) {
      cell.appendChild(el('span', 'status st-' + e.status, statusLabels[e.status] || e.status));
      var who = [e.reviewer, e.changedAt ? String(e.changedAt).slice(0, 10) : ''].filter(Boolean).join(', ');
      cell.appendChild(el('span', 'who', who));
    }
    if (e.comment) { cell.appendChild(el('p', 'comment', e.comment)); }
    var actions = el('div', 'actions');
    [['accept', '✓ Accept', 'accepted', 'Accept', 'a'], ['query', '? Query', 'needs-review', 'Mark as needing review', 'r']].forEach(function (a) {
      var b = el('button', e.status === a[2] ? 'on' : '', a[1]);
      b.type = 'button'; b.dataset.act = a[0]; b.title = a[3] + ' (' + a[4] + ')';
      b.setAttribute('aria-pressed', e.status === a[2] ? 'true' : 'false');
      actions.appendChild(b);
    });
    [['edit', '✎ Edit', 'Edit the target', 'e'], ['comment', 'Comment', 'Comment on this row', 'c']].forEach(function (a) {
      var b = el('button', '', a[1]);
      b.type = 'button'; b.dataset.act = a[0]; b.title = a[2] + ' (' + a[3] + ')';
      actions.appendChild(b);
    });
    cell.appendChild(actions);

    var tgt = tr.querySelector('td.tgt');
    if (e.target != null) {
      if (!tgt.dataset.original) { tgt.dataset.original = '1'; tgt.originalNodes = Array.prototype.slice.call(tgt.childNodes); }
      tgt.textContent = '';
      tgt.appendChild(el('span', 's', e.target));
      tgt.appendChild(el('span', 'edited-note', 'edited · was: ' + rowsById[id].target));
      tgt.classList.add('edited');
    } else if (tgt.originalNodes) {
      tgt.textContent = '';
      tgt.originalNodes.forEach(function (n) { tgt.appendChild(n); });
      tgt.classList.remove('edited');
      delete tgt.dataset.original;
      tgt.originalNodes = null;
    }
  }

  function currentTarget(id) {
    var e = effective(id);
    return e.target != null ? e.target : rowsById[id].target;
  }

  function setStatus(id, status) {
    var e = effective(id);
    touch(id, { status: e.status === status ? '' : status });
  }

  function openEditor(tr, kind) {
    var id = tr.dataset.id;
    var cell = tr.querySelector(kind === 'edit' ? 'td.tgt' : 'td.review');
    if (cell.querySelector('textarea')) { cell.querySelector('textarea').focus(); return; }
    var area = el('textarea', kind === 'edit' ? 'edit-target' : 'edit-comment');
    area.value = kind === 'edit' ? currentTarget(id) : effective(id).comment;
    area.setAttribute('aria-label', kind === 'edit' ? 'Corrected target text' : 'Comment');
    var buttons = el('div', 'editor-buttons');
    var ok = el('button', 'primary', 'Save'); ok.type = 'button'; ok.title = 'Save (Ctrl+Enter)';
    var cancel = el('button', '', 'Cancel'); cancel.type = 'button'; cancel.title = 'Cancel (Esc)';
    buttons.appendChild(ok); buttons.appendChild(cancel);
    var box = el('div', 'editor');
    box.appendChild(area); box.appendChild(buttons);
    cell.appendChild(box);
    function close() { box.remove(); render(id); tr.focus(); }
    function commit() {
      var value = area.value;
      box.remove();
      if (kind === 'edit') {
        var original = rowsById[id].target;
        touch(id, value === original ? { target: null } : { target: value, status: 'corrected' });
      } else {
        touch(id, { comment: value.trim() ? value : '' });
      }
      tr.focus();
    }
    ok.addEventListener('click', commit);
    cancel.addEventListener('click', close);
    area.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); commit(); }
      if (ev.key === 'Escape') { ev.preventDefault(); close(); }
    });
    area.focus();
  }

  // Filters and search.
  var search = document.getElementById('search');
  var filterFlag = document.getElementById('filter-flag');
  var filterStatus = document.getElementById('filter-status');
  var filterConfidence = document.getElementById('filter-confidence');

  function matches(tr) {
    var id = tr.dataset.id, flags = tr.dataset.flags ? tr.dataset.flags.split(' ') : [];
    var f = filterFlag.value;
    if (f === 'any' && flags.length === 0) { return false; }
    if (f === 'none' && flags.length > 0) { return false; }
    if (f && f !== 'any' && f !== 'none' && flags.indexOf(f) < 0) { return false; }
    var st = filterStatus.value, status = tr.dataset.status || '';
    if (st === 'unreviewed' && status) { return false; }
    if (st && st !== 'unreviewed' && status !== st) { return false; }
    if (filterConfidence.value && tr.dataset.band !== filterConfidence.value) { return false; }
    var q = search.value.trim().toLowerCase();
    if (q) {
      var r = rowsById[id];
      var text = (r.source + '\n' + currentTarget(id) + '\n' + r.target).toLowerCase();
      if (text.indexOf(q) < 0) { return false; }
    }
    return true;
  }

  function applyFilters() {
    var visible = 0;
    trs.forEach(function (tr) {
      var show = matches(tr);
      tr.hidden = !show;
      if (show) { visible++; }
    });
    Array.prototype.forEach.call(document.querySelectorAll('tbody.para'), function (body) {
      body.hidden = !body.querySelector('tr.row:not([hidden])');
    });
    document.getElementById('visible-count').textContent = visible + ' of ' + trs.length + ' rows';
  }

  function refreshCounts() {
    var reviewed = trs.filter(function (tr) { return !!tr.dataset.status; }).length;
    document.getElementById('sum-reviewed').textContent = String(reviewed);
    applyFilters();
  }

  [search, filterFlag, filterStatus, filterConfidence].forEach(function (c) {
    c.addEventListener('input', applyFilters);
    c.addEventListener('change', applyFilters);
  });

  var reviewer = document.getElementById('reviewer');
  reviewer.value = state.reviewer || '';
  reviewer.addEventListener('input', function () { state.reviewer = reviewer.value; save(); });
  reviewer.addEventListener('change', function () { Object.keys(state.rows).forEach(render); });

  // Navigation.
  function visibleRows() { return trs.filter(function (tr) { return !tr.hidden; }); }

  function select(tr) {
    if (!tr) { return; }
    if (current) { current.classList.remove('current'); current.removeAttribute('aria-current'); }
    current = tr;
    tr.classList.add('current');
    tr.setAttribute('aria-current', 'true');
    tr.focus({ preventScroll: true });
    tr.scrollIntoView({ block: 'nearest' });
  }

  function step(delta, onlyFlagged) {
    var list = visibleRows().filter(function (tr) { return !onlyFlagged || tr.dataset.flags; });
    if (list.length === 0) { return; }
    var all = visibleRows();
    var at = current ? all.indexOf(current) : -1;
    var next = null;
    if (delta > 0) {
      next = list.filter(function (tr) { return all.indexOf(tr) > at; })[0] || (at < 0 ? list[0] : null);
    } else {
      var before = list.filter(function (tr) { return at < 0 || all.indexOf(tr) < at; });
      next = before[before.length - 1] || null;
    }
    if (next) { select(next); }
  }

  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) {
      if (ev.key === 'Escape' && t.tagName !== 'TEXTAREA') { t.blur(); }
      return;
    }
    var handled = true;
    switch (ev.key) {
      case 'j': step(1, false); break;
      case 'k': step(-1, false); break;
      case 'n': step(1, true); break;
      case 'N': case 'p': step(-1, true); break;
      case 'a': if (current) { setStatus(current.dataset.id, 'accepted'); } break;
      case 'r': if (current) { setStatus(current.dataset.id, 'needs-review'); } break;
      case 'e': if (current) { openEditor(current, 'edit'); } break;
      case 'c': if (current) { openEditor(current, 'comment'); } break;
      case '/': search.focus(); break;
      default: handled = false;
    }
    if (handled) { ev.preventDefault(); }
  });

  document.getElementById('rows').addEventListener('click', function (ev) {
    var tr = ev.target.closest('tr.row');
    if (!tr) { return; }
    var button = ev.target.closest('button[data-act]');
    if (!button && ev.target.closest('textarea, .editor, a')) { return; }
    select(tr);
    if (!button) { return; }
    var id = tr.dataset.id;
    switch (button.dataset.act) {
      case 'accept': setStatus(id, 'accepted'); break;
      case 'query': setStatus(id, 'needs-review'); break;
      case 'edit': openEditor(tr, 'edit'); break;
      case 'comment': openEditor(tr, 'comment'); break;
    }
  });

  // Export.
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function changes() {
    return data.rows.filter(function (r) { return !!state.rows[r.id]; }).map(function (r) {
      var e = effective(r.id);
      return {
        id: r.id, row: r.n, source: r.source, originalTarget: r.target,
        target: e.target != null ? e.target : r.target,
        status: e.status || null, comment: e.comment || null,
        reviewer: state.reviewer || null, changedAt: e.changedAt
      };
    });
  }

  document.getElementById('export-json').addEventListener('click', function () {
    var file = {
      format: 'bilingual-review-changes', version: 1, document: data.name, digest: data.digest,
      sourceLanguage: data.sourceLanguage, targetLanguage: data.targetLanguage,
      reviewer: state.reviewer || null, exportedAt: new Date().toISOString(), changes: changes()
    };
    download(data.name + '.review.json', 'application/json', JSON.stringify(file, null, 2) + '\n');
  });

  // XML 1.0 §2.2: characters outside Char cannot appear in a document at all, even escaped.
  function xml(text) {
    return String(text)
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // TMX 1.4b §3.3: dates are YYYYMMDDThhmmssZ in UTC.
  function tmxDate(iso) {
    return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  }

  function tmx() {
    var created = tmxDate(data.createdAt);
    var out = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">',
      '  <header creationtool="Bilingual" creationtoolversion="1.0" segtype="sentence" o-tmf="Bilingual"' +
      ' adminlang="en" srclang="' + xml(data.sourceLanguage) + '" datatype="plaintext" creationdate="' + created + '">',
      '    <prop type="x-document">' + xml(data.name) + '</prop>',
      '    <prop type="x-backend">' + xml(data.backend + ' ' + data.backendVersion) + '</prop>',
      '  </header>', '  <body>'];
    data.rows.forEach(function (r) {
      var e = effective(r.id);
      var target = e.target != null ? e.target : r.target;
      if (!r.source.trim() || !target.trim()) { return; }
      var attrs = ' tuid="' + xml(r.id) + '" creationdate="' + created + '"';
      if (e.status) {
        attrs += ' changeid="' + xml(e.reviewer || state.reviewer || 'anonymous') + '" changedate="' + tmxDate(e.changedAt || new Date().toISOString()) + '"';
      }
      out.push('    <tu' + attrs + '>');
      out.push('      <prop type="x-bead">' + xml(r.kind) + '</prop>');
      out.push('      <prop type="x-confidence">' + r.confidence.toFixed(2) + '</prop>');
      if (e.status) { out.push('      <prop type="x-status">' + xml(e.status) + '</prop>'); }
      if (e.comment) { out.push('      <note>' + xml(e.comment) + '</note>'); }
      out.push('      <tuv xml:lang="' + xml(data.sourceLanguage) + '"><seg>' + xml(r.source) + '</seg></tuv>');
      out.push('      <tuv xml:lang="' + xml(data.targetLanguage) + '"><seg>' + xml(target) + '</seg></tuv>');
      out.push('    </tu>');
    });
    out.push('  </body>', '</tmx>', '');
    return out.join('\n');
  }

  document.getElementById('export-tmx').addEventListener('click', function () {
    download(data.name + '.reviewed.tmx', 'application/x-tmx+xml', tmx());
  });

  trs.forEach(function (tr) { render(tr.dataset.id); });
  refreshCounts();
}());
