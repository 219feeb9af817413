// The search page of `ldn serve`: plain ES2020, no build step, no dependency. The server sends it with
// a Content-Security-Policy that forbids inline scripts and styles and eval, so everything here is
// built with DOM calls, looks come from classes in app.css, and every string that comes from a record
// goes in as text (textContent, createTextNode), never as markup. The only URLs made from data are
// the http(s) ones of an article's "links" object.
//
// Elements the tests drive (keep in step with the page tests):
//   #search-form       the form; submitting it (Enter in #query) searches
//   #query             the query; #query-error shows a bad query's message, its position in a <mark>
//   #condition #design #since-year #until-year #sort   the filters (a change searches at once);
//                      #clear-filters empties them
//   #status            the status line (role=status, aria-live=polite): "Searching…", "Citation copied…",
//                      errors (with class is-error)
//   #tab-results #tab-summary   tabs for #results-section and #summary-section
//   #total-line        "Showing 1–20 of N records" ("of about N" when the total is an estimate)
//   #suggestion        "Did you mean …?": its button.suggestion-button searches for the correction
//   #facets            .facet-group[data-facet=year|design|condition] of button.facet[data-facet]
//                      [data-value][aria-pressed]: a click filters, a second click unfilters
//   #results           the page of results: li.result[data-pmid] with a.result-title-link (opens the
//                      record), .design-badge[data-design], .result-n, .result-dose, .result-conditions,
//                      .result-year, .result-journal, .result-authors, .retracted-warning and
//                      .corrected-note when they apply, details.abstract (.abstract-section,
//                      .abstract-label), button.cite-button[data-pmid], and .citation-fallback (a
//                      read-only textarea holding the selected citation) when the clipboard refused
//   #prev-page #next-page   paging, 20 a page
//   #cite-style        ama | vancouver | apa, for every .cite-button
//   #export-ris #export-bibtex #export-csv   links to /api/export with the query, filters and sort
//   #summary-section   the evidence summary (/api/summary) in #summary-content: .summary-part[data-part]
//                      sections and svg.chart[data-chart=timeline|designs|conditions|doses]
//   #record-view       one record (/api/article/PMID): #record-title, .retracted-warning,
//                      .record-links a, .cite-button, ...; #record-back returns to the results
//   #health            the record count from /healthz
// The state is in the URL fragment, as parameters: q, condition, design, since, until (years), sort,
// offset, view=summary, record=PMID; so searches can be bookmarked and Back works. A first visit to
// /?q=… is read the same way.
'use strict';

(() => {
  const PAGE_SIZE = 20;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);

  // The design ids of the evidence vocabulary, strongest evidence first, with the hatching that tells
  // them apart in charts without colour (as the HTML report does).
  const DESIGNS = [
    ['sr-ma', 'SR/MA', 'Systematic review or meta-analysis', 1, ''],
    ['rct', 'RCT', 'Randomized controlled trial', 2, 'M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6'],
    ['non-randomized-trial', 'Non-randomized', 'Non-randomized trial', 3, 'M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2'],
    ['observational', 'Observational', 'Observational (cohort, cross-sectional)', 3, 'M0,4 H8'],
    ['case-control', 'Case-control', 'Case-control', 3, 'M4,0 V8'],
    ['case-series', 'Case series', 'Case series', 4, 'M0,4 H8 M4,0 V8'],
    ['case-report', 'Case report', 'Case report', 4, 'M0,0 L8,8 M0,8 L8,0'],
    ['review', 'Review', 'Narrative review', 5, 'dot'],
    ['preclinical', 'Preclinical', 'Preclinical (animal or in vitro)', 5, 'M0,6 L2,2 L4,6 L6,2 L8,6'],
    ['other', 'Other', 'Other (editorial, letter, comment, protocol)', 5, 'ring'],
  ].map(([id, short, label, level, hatch]) => ({ id, short, label, level, hatch }));
  const DESIGN_BY_ID = new Map(DESIGNS.map((d) => [d.id, d]));
  const design = (id) => DESIGN_BY_ID.get(id) || { id, short: id, label: id, level: null, hatch: '', unknown: true };

  // Only the ids whose name is not the id itself, capitalised, with hyphens as spaces.
  const CONDITION_LABELS = {
    'sjogren': 'Sjögren’s syndrome',
    'crps': 'Complex regional pain syndrome',
    'chronic-pain': 'Other chronic pain',
    'none': 'No condition identified',
  };
  const conditionLabel = (id) =>
    CONDITION_LABELS[id] || (id ? id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ') : '');

  // ---- building elements

  function addChildren(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) addChildren(node, child);
      else node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function setProps(node, props) {
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.setAttribute('class', value);
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    return node;
  }

  const h = (tag, props, ...children) => addChildren(setProps(document.createElement(tag), props), children);
  const svg = (tag, props, ...children) => addChildren(setProps(document.createElementNS(SVG_NS, tag), props), children);

  // A link only to an http(s) address (never javascript:, data: …).
  function safeUrl(text) {
    if (typeof text !== 'string' || text === '') return null;
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  const formatCount = (n) => Number(n).toLocaleString('en-US');
  const plural = (n, one, many) => `${formatCount(n)} ${n === 1 ? one : many}`;
  const mg = (x) => `${Number(x.toFixed(2))} mg`;

  function doseText(doses) {
    const values = (Array.isArray(doses) ? doses : []).filter(Number.isFinite);
    if (values.length === 0) return '';
    const low = Math.min(...values);
    const high = Math.max(...values);
    return low === high ? mg(low) : `${Number(low.toFixed(2))}–${mg(high)}`;
  }

  function authorName(author) {
    if (!author) return '';
    if (author.collective) return author.collective;
    return [author.last, author.initials || author.fore, author.suffix].filter(Boolean).join(' ');
  }

  function authorsShort(authors) {
    const names = (authors || []).map(authorName).filter(Boolean);
    return names.length > 3 ? `${names.slice(0, 3).join(', ')}, et al.` : names.join(', ');
  }

  // ---- talking to the server

  // `column` counts code points from 1 (what ldn serve sends); `position` counts UTF-8 bytes from 0.
  class ApiError extends Error {
    constructor(status, message, { column = null, position = null } = {}) {
      super(message);
      this.status = status;
      this.column = Number.isInteger(column) ? column : null;
      this.position = Number.isInteger(position) ? position : null;
    }
  }

  async function getJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new ApiError(0, 'Could not reach the server. Is ldn serve still running?');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const error = body && body.error;
      throw new ApiError(response.status,
        error && error.message ? error.message : `The server answered ${response.status} ${response.statusText}`,
        error || {});
    }
    if (body === null) throw new ApiError(response.status, 'The server’s answer was not JSON.');
    return body;
  }

  // One request of each kind at a time: a newer one aborts the older, whose answer would be stale.
  const pending = {};
  function request(kind, url) {
    if (pending[kind]) pending[kind].abort();
    const controller = new AbortController();
    pending[kind] = controller;
    return getJson(url, controller.signal).finally(() => {
      if (pending[kind] === controller) delete pending[kind];
    });
  }
  const aborted = (error) => error && error.name === 'AbortError';

  // ---- status line

  let statusTimer = 0;
  function setStatus(text, isError = false) {
    const status = $('status');
    clearTimeout(statusTimer);
    status.classList.toggle('is-error', isError);
    if (status.textContent === text && text !== '') {
      // A live region announces changes only: blank it first so a repeated message is heard again.
      status.textContent = '';
      statusTimer = setTimeout(() => { status.textContent = text; }, 50);
    } else {
      status.textContent = text;
    }
  }

  // ---- state in the URL

  const SORTS = ['relevance', 'date', 'evidence'];
  const year = (value) => (/^\d{4}$/.test(value || '') ? value : '');

  function readState() {
    let params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (location.hash.length <= 1 && location.search) params = new URLSearchParams(location.search);
    const sort = params.get('sort');
    return {
      q: params.get('q') || '',
      condition: params.get('condition') || '',
      design: params.get('design') || '',
      since: year(params.get('since')),
      until: year(params.get('until')),
      sort: SORTS.includes(sort) ? sort : 'relevance',
      offset: Math.max(0, Number.parseInt(params.get('offset'), 10) || 0),
      view: params.get('view') === 'summary' ? 'summary' : 'results',
      record: /^\d+$/.test(params.get('record') || '') ? params.get('record') : '',
    };
  }

  function stateHash(state) {
    const params = new URLSearchParams();
    for (const key of ['q', 'condition', 'design', 'since', 'until']) if (state[key]) params.set(key, state[key]);
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    if (state.offset > 0) params.set('offset', String(state.offset));
    if (state.view === 'summary') params.set('view', 'summary');
    if (state.record) params.set('record', state.record);
    return `#${params.toString()}`;
  }

  // The API's filter parameters for a state (the years as whole calendar years).
  function filterParams(state, { design: withDesign = true, sort = true } = {}) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.condition) params.set('condition', state.condition);
    if (withDesign && state.design) params.set('design', state.design);
    if (state.since) params.set('since', `${state.since}-01-01`);
    if (state.until) params.set('until', `${state.until}-12-31`);
    if (sort && state.sort !== 'relevance') params.set('sort', state.sort);
    return params;
  }

  let current = readState();
  let recordOpenedFromPage = false;
  let focusAfterSearch = null;

  function go(state, { force = false } = {}) {
    const hash = stateHash(state);
    if (hash === (location.hash || '#')) render({ force });
    else location.hash = hash;  // hashchange renders
  }

  function formState() {
    return {
      q: $('query').value.trim(),
      condition: $('condition').value,
      design: $('design').value,
      since: $('since-year').value.trim(),
      until: $('until-year').value.trim(),
      sort: $('sort').value,
      offset: 0,
      view: current.view,
      record: '',
    };
  }

  function syncForm(state) {
    if (document.activeElement !== $('query') || $('query').value.trim() !== state.q) $('query').value = state.q;
    ensureOption($('condition'), state.condition, conditionLabel);
    ensureOption($('design'), state.design, (id) => design(id).label);
    $('condition').value = state.condition;
    $('design').value = state.design;
    $('since-year').value = state.since;
    $('until-year').value = state.until;
    $('sort').value = state.sort;
    for (const id of ['since-year', 'until-year']) $(id).removeAttribute('aria-invalid');
  }

  // ---- filter choices

  const known = { condition: new Set(), design: new Set() };

  function ensureOption(select, value, label) {
    if (!value || Array.from(select.options).some((option) => option.value === value)) return;
    select.appendChild(h('option', { value }, label(value)));
  }

  function learnValues(facets) {
    if (!facets) return;
    for (const kind of ['condition', 'design']) {
      for (const value of Object.keys(facets[kind] || {})) known[kind].add(value);
    }
    fillSelect($('condition'), Array.from(known.condition)
      .sort((a, b) => conditionLabel(a).localeCompare(conditionLabel(b))), conditionLabel, 'Any condition');
    fillSelect($('design'), orderDesigns(Array.from(known.design)), (id) => design(id).label, 'Any design');
  }

  function fillSelect(select, values, label, anyText) {
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, anyText), ...values.map((value) => h('option', { value }, label(value))));
    ensureOption(select, chosen, label);
    select.value = chosen;
  }

  function orderDesigns(ids) {
    const rank = (id) => (DESIGN_BY_ID.has(id) ? DESIGNS.indexOf(DESIGN_BY_ID.get(id)) : DESIGNS.length);
    return ids.slice().sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  // ---- panels and tabs

  function showPanel(which) {
    $('results-section').hidden = which !== 'results';
    $('summary-section').hidden = which !== 'summary';
    $('record-view').hidden = which !== 'record';
    document.querySelector('.tabs').hidden = which === 'record';
    for (const [tab, view] of [['tab-results', 'results'], ['tab-summary', 'summary']]) {
      const selected = which === view;
      $(tab).setAttribute('aria-selected', String(selected));
      $(tab).tabIndex = selected ? 0 : -1;
    }
  }

  async function render({ force = false } = {}) {
    current = readState();
    syncForm(current);
    if (current.record) {
      showPanel('record');
      await loadRecord(current.record);
      return;
    }
    showPanel(current.view);
    if (current.view === 'summary') await loadSummary(current, force);
    else await loadSearch(current, force);
  }

  // ---- searching

  let lastSearchKey = null;

  async function loadSearch(state, force) {
    const params = filterParams(state);
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(state.offset));
    params.set('facets', 'year,design,condition');
    const key = params.toString();
    if (!force && key === lastSearchKey) return;
    lastSearchKey = key;
    updateExports(state);
    setStatus('Searching…');
    $('results').setAttribute('aria-busy', 'true');
    try {
      const data = await request('search', `/api/search?${key}`);
      renderSearch(state, data);
    } catch (error) {
      if (aborted(error)) return;
      lastSearchKey = null;
      showSearchError(state, error);
    } finally {
      $('results').removeAttribute('aria-busy');
    }
  }

  function renderSearch(state, data) {
    clearQueryError();
    const results = Array.isArray(data.results) ? data.results : [];
    const total = Number(data.total) || 0;
    const about = data.total_is_exact === false ? 'about ' : '';
    const offset = Number(data.offset ?? state.offset) || 0;
    const line = $('total-line');
    if (total === 0) line.textContent = 'No records match.';
    else if (results.length === 0) line.textContent = `No more records: the search found ${about}${plural(total, 'record', 'records')}.`;
    else {
      const last = results.length > 1 ? `–${formatCount(offset + results.length)}` : '';
      line.textContent = `Showing ${formatCount(offset + 1)}${last} of ${about}${plural(total, 'record', 'records')}`;
    }

    const suggestion = $('suggestion');
    if (typeof data.suggestion === 'string' && data.suggestion !== '') {
      suggestion.replaceChildren('Did you mean ', h('button', {
        type: 'button',
        class: 'link-button suggestion-button',
        onclick: () => go({ ...state, q: data.suggestion, offset: 0, record: '' }),
      }, data.suggestion), '?');
      suggestion.hidden = false;
    } else {
      suggestion.replaceChildren();
      suggestion.hidden = true;
    }

    learnValues(data.facets);
    renderFacets(state, data.facets || {});
    $('results').replaceChildren(...results.map((record) => resultItem(record, state)));
    $('prev-page').disabled = offset === 0;
    $('next-page').disabled = offset + results.length >= total || results.length === 0;
    setStatus(total === 0 ? 'No records match this search.'
      : `${about ? 'About ' : ''}${plural(total, 'record', 'records')} found.`);
    if (focusAfterSearch) {
      const target = focusAfterSearch;
      focusAfterSearch = null;
      const node = typeof target === 'string' ? document.querySelector(target) : target;
      if (node) node.focus();
    }
  }

  function showSearchError(state, error) {
    $('results').replaceChildren();
    $('facets').replaceChildren();
    $('total-line').textContent = '';
    $('suggestion').hidden = true;
    $('prev-page').disabled = true;
    $('next-page').disabled = true;
    setStatus(`Error: ${error.message}`, true);
    if (error.status === 400) showQueryError(state.q, error);
  }

  // Where the error is, as an index into the query's UTF-16 units (what the input counts), or null.
  function errorIndex(query, error) {
    if (error.column !== null && error.column >= 1) {
      return Array.from(query).slice(0, error.column - 1).join('').length;
    }
    if (error.position !== null) {
      const bytes = new TextEncoder().encode(query);
      return new TextDecoder().decode(bytes.slice(0, Math.min(Math.max(error.position, 0), bytes.length))).length;
    }
    return null;
  }

  function showQueryError(query, error) {
    const box = $('query-error');
    const parts = [h('span', { class: 'query-error-message' }, error.message)];
    const at = query === '' ? null : errorIndex(query, error);
    if (at !== null) {
      const rest = query.slice(at);
      const marked = Array.from(rest)[0] || '';
      parts.push(' ', h('code', { class: 'query-echo' }, query.slice(0, at),
        h('mark', { class: 'query-error-position' }, marked || '\u00a0'), rest.slice(marked.length)));
      const input = $('query');
      if (input.value === query) {
        input.focus();
        input.setSelectionRange(at, at + marked.length);
      }
    }
    box.replaceChildren(...parts);
    box.hidden = false;
    $('query').setAttribute('aria-invalid', 'true');
  }

  function clearQueryError() {
    $('query-error').hidden = true;
    $('query-error').replaceChildren();
    $('query').removeAttribute('aria-invalid');
  }

  function updateExports(state) {
    for (const format of ['ris', 'bibtex', 'csv']) {
      const params = filterParams(state);
      params.set('format', format);
      $(`export-${format}`).href = `/api/export?${params.toString()}`;
    }
  }

  // ---- facets

  const FACETS = [['year', 'Year'], ['design', 'Study design'], ['condition', 'Condition']];

  function renderFacets(state, facets) {
    const groups = [];
    for (const [name, title] of FACETS) {
      const counts = facets[name] || {};
      let values = Object.keys(counts);
      if (values.length === 0) continue;
      if (name === 'year') values.sort((a, b) => b.localeCompare(a));
      else if (name === 'design') values = orderDesigns(values);
      else values.sort((a, b) => counts[b] - counts[a] || a.localeCompare(b));
      const label = name === 'design' ? (id) => design(id).label : name === 'condition' ? conditionLabel : String;
      const active = (value) => (name === 'year' ? state.since === value && state.until === value : state[name] === value);
      groups.push(h('div', { class: 'facet-group', 'data-facet': name },
        h('h2', { class: 'facet-heading', id: `facet-${name}` }, title),
        h('ul', { class: 'facet-list', 'aria-labelledby': `facet-${name}` }, values.map((value) => h('li', null,
          h('button', {
            type: 'button',
            class: 'facet',
            'data-facet': name,
            'data-value': value,
            'aria-pressed': String(active(value)),
            'aria-label': `${label(value)}: ${plural(counts[value], 'record', 'records')}`,
            onclick: () => toggleFacet(state, name, value, active(value)),
          }, h('span', { class: 'facet-label' }, label(value)), h('span', { class: 'count' }, formatCount(counts[value]))))))));
    }
    $('facets').replaceChildren(...groups);
  }

  function toggleFacet(state, name, value, active) {
    const next = { ...state, offset: 0, record: '' };
    if (name === 'year') {
      next.since = active ? '' : value;
      next.until = active ? '' : value;
    } else {
      next[name] = active ? '' : value;
    }
    focusAfterSearch = `.facet[data-facet="${name}"][data-value="${CSS.escape(value)}"]`;
    go(next);
  }

  // ---- one result

  function designBadge(id) {
    if (!id) return null;
    const info = design(id);
    return h('span', {
      class: `badge design-badge design-${info.unknown ? 'unknown' : id}`,
      'data-design': id,
      title: info.level ? `${info.label}, evidence level ${info.level}` : info.label,
    }, info.short);
  }

  const retractionWarning = () => h('p', { class: 'retracted-warning', role: 'note' },
    h('strong', null, 'Retracted. '), 'This paper was retracted: do not rely on it or cite it as evidence.');
  const correctedNote = () => h('p', { class: 'corrected-note', role: 'note' },
    'A correction to this paper was published: check it before citing.');

  function fact(name, value, cls) {
    if (value === '' || value === null || value === undefined) return null;
    return h('div', { class: `fact ${cls}` }, h('dt', null, name), h('dd', null, value));
  }

  function abstractSections(sections, headingTag) {
    return (sections || []).filter((section) => section && section.text).map((section) =>
      h('div', { class: 'abstract-section' },
        section.label ? h(headingTag, { class: 'abstract-label' }, section.label) : null,
        h('p', null, section.text)));
  }

  function recordHash(state, pmid) {
    return stateHash({ ...state, record: pmid });
  }

  function resultItem(record, state) {
    const notes = record.annotations || {};
    const pmid = String(record.pmid || '');
    const titleId = `title-${pmid}`;
    const conditions = (notes.conditions || []).map(conditionLabel).join(', ');
    const journal = record.journal || {};
    const yearText = record.year ? String(record.year) : (record.pubdate || '').slice(0, 4);
    const item = h('li', { class: record.retracted ? 'result is-retracted' : 'result', 'data-pmid': pmid },
      h('div', { class: 'result-head' },
        designBadge(notes.design),
        h('h3', { class: 'result-title', id: titleId },
          h('a', { class: 'result-title-link', href: recordHash(state, pmid) }, record.title || '(no title)'))),
      record.retracted ? retractionWarning() : null,
      record.corrected ? correctedNote() : null,
      h('p', { class: 'result-meta' },
        h('span', { class: 'result-authors' }, authorsShort(record.authors)),
        record.authors && record.authors.length ? ' · ' : null,
        h('cite', { class: 'result-journal' }, journal.iso_abbrev || journal.title || ''),
        ' · ',
        h('span', { class: 'result-year' }, yearText || 'year unknown')),
      h('dl', { class: 'facts' },
        fact('Design', notes.design ? design(notes.design).label : '', 'result-design'),
        fact('N', Number.isFinite(notes.sample_size) ? formatCount(notes.sample_size) : 'not reported', 'result-n'),
        fact('Dose', doseText(notes.doses_mg) || 'not reported', 'result-dose'),
        fact('Conditions', conditions || 'none identified', 'result-conditions'),
        fact('PMID', pmid, 'result-pmid')));
    const sections = abstractSections(record.abstract, 'h4');
    if (sections.length) {
      item.appendChild(h('details', { class: 'abstract' }, h('summary', null, 'Abstract'), sections));
    }
    item.appendChild(h('div', { class: 'result-actions' }, citeButton(pmid, titleId)));
    return item;
  }

  // ---- citations

  function citeButton(pmid, describedBy) {
    return h('button', {
      type: 'button',
      class: 'cite-button',
      'data-pmid': pmid,
      'aria-describedby': describedBy,
      onclick: (event) => copyCitation(event.currentTarget, pmid),
    }, 'Copy citation');
  }

  async function copyCitation(button, pmid) {
    const style = $('cite-style').value;
    const styleName = $('cite-style').selectedOptions[0].textContent;
    const holder = button.closest('.result, .record-view') || button.parentElement;
    let text;
    try {
      setStatus(`Getting the ${styleName} citation…`);
      const data = await getJson(`/api/cite?pmid=${encodeURIComponent(pmid)}&style=${encodeURIComponent(style)}`);
      text = (data.citations || []).map((citation) => citation.text).join('\n');
      if (!text) throw new ApiError(200, 'The server sent no citation for this record.');
    } catch (error) {
      setStatus(`Error: ${error.message}`, true);
      return;
    }
    try {
      if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
        throw new Error('no clipboard');
      }
      await navigator.clipboard.writeText(text);
      const old = holder.querySelector('.citation-fallback');
      if (old) old.remove();
      setStatus(`Citation copied (${styleName}).`);
    } catch (_) {
      showCitationFallback(holder, text, button);
      setStatus('Could not copy to the clipboard: the citation is selected in the box below the button; '
        + 'press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  }

  function showCitationFallback(holder, text, button) {
    let box = holder.querySelector('.citation-fallback');
    if (!box) {
      const id = `citation-${button.dataset.pmid}-${holder.classList.contains('result') ? 'list' : 'record'}`;
      box = h('div', { class: 'citation-fallback' },
        h('label', { for: id }, 'Citation (select and copy)'),
        h('textarea', { id, readonly: true, rows: 4 }));
      button.parentElement.after(box);
    }
    const area = box.querySelector('textarea');
    area.value = text;
    area.focus();
    area.select();
  }

  // ---- the evidence summary

  let lastSummaryKey = null;

  async function loadSummary(state, force) {
    const key = filterParams(state, { design: false, sort: false }).toString();
    if (!force && key === lastSummaryKey) return;
    lastSummaryKey = key;
    setStatus('Preparing the evidence summary…');
    const content = $('summary-content');
    content.setAttribute('aria-busy', 'true');
    try {
      const data = await request('summary', `/api/summary?${key}`);
      renderSummary(data);
      const included = data.scope && Number.isFinite(data.scope.included) ? data.scope.included : 0;
      setStatus(`Evidence summary ready: ${plural(included, 'record', 'records')} included.`);
    } catch (error) {
      if (aborted(error)) return;
      lastSummaryKey = null;
      content.replaceChildren(h('p', { class: 'error-box' }, `The summary could not be made: ${error.message}`));
      setStatus(`Error: ${error.message}`, true);
      if (error.status === 400) showQueryError(state.q, error);
    } finally {
      content.removeAttribute('aria-busy');
    }
  }

  const part = (name, title, ...children) => h('section', { class: 'summary-part', 'data-part': name },
    h('h2', null, title), children);
  const sum = (object) => Object.values(object || {}).reduce((total, n) => total + (Number(n) || 0), 0);

  function renderSummary(data) {
    ensurePatterns();
    const scope = data.scope || {};
    const timeline = data.timeline || {};
    const map = data.evidence_map || {};
    const designTotals = {};
    for (const counts of Object.values(timeline)) {
      for (const [id, n] of Object.entries(counts)) designTotals[id] = (designTotals[id] || 0) + n;
    }
    const designsPresent = orderDesigns(Object.keys(designTotals));
    const conditions = Object.keys(map);
    const parts = [
      scopePart(scope),
      part('timeline', 'Records per year', timelineChart(timeline, designsPresent, scope)),
      part('designs', 'Study designs', barChart('designs', 'Included records by study design',
        designsPresent.map((id) => ({ label: design(id).label, value: designTotals[id], design: id })))),
      part('evidence-map', 'Evidence map',
        barChart('conditions', 'Included records by condition (a record about several conditions counts under each)',
          conditions.map((id) => ({ label: conditionLabel(id), value: sum(map[id]) }))),
        evidenceMapTable(map, conditions)),
      dosePart(data.doses || {}),
      participantsPart(data.participants || {}),
      keyStudiesPart(data.conditions || []),
      flaggedPart(data.retracted || [], data.corrected || []),
      gapsPart(data.gaps || {}),
    ];
    $('summary-content').replaceChildren(...parts);
  }

  function scopePart(scope) {
    const excluded = Object.entries(scope.excluded || {}).filter(([, n]) => n > 0)
      .map(([reason, n]) => `${reason} ${formatCount(n)}`).join(', ');
    return part('scope', 'Scope',
      h('p', null, `${plural(scope.identified || 0, 'record', 'records')} identified, `
        + `${formatCount(scope.included || 0)} included, published from ${scope.since || '?'} to ${scope.until || '?'}.`
        + (excluded ? ` Excluded: ${excluded}.` : '')),
      h('p', null, `Query: ${scope.query ? scope.query : 'every record'}`
        + ((scope.conditions || []).length ? `; conditions: ${scope.conditions.map(conditionLabel).join(', ')}` : '')
        + `. Database: ${scope.database || 'PubMed'}. Last refresh: ${scope.last_refresh || 'never'}.`),
      scope.search_strategy ? h('details', null, h('summary', null, 'Search strategy'),
        h('pre', { class: 'strategy' }, scope.search_strategy)) : null);
  }

  // Gridlines on round numbers: steps of 1, 2 or 5 times a power of ten, at most five of them.
  function axisScale(largest) {
    if (!(largest > 0)) return { top: 1, step: 1 };
    for (let magnitude = 1; ; magnitude *= 10) {
      for (const factor of [1, 2, 5]) {
        const step = factor * magnitude;
        const steps = Math.ceil(largest / step);
        if (steps <= 5) return { top: steps * step, step };
      }
    }
  }

  function ensurePatterns() {
    if ($('chart-patterns')) return;
    const defs = svg('defs');
    for (const info of [...DESIGNS, design('unknown')]) {
      const hatch = info.hatch === 'dot' ? svg('circle', { cx: 4, cy: 4, r: 1.6, class: 'hatch-dot' })
        : info.hatch === 'ring' ? svg('circle', { cx: 4, cy: 4, r: 2.2, class: 'hatch' })
          : info.hatch ? svg('path', { d: info.hatch, class: 'hatch' }) : null;
      defs.appendChild(svg('pattern', { id: `pattern-${info.id}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
        svg('rect', { width: 8, height: 8, class: `fill-${info.id}` }), hatch));
    }
    document.body.appendChild(svg('svg', { id: 'chart-patterns', class: 'svg-defs', 'aria-hidden': 'true', focusable: 'false' }, defs));
  }

  const fillOf = (id) => `url(#pattern-${DESIGN_BY_ID.has(id) ? id : 'unknown'})`;

  function chartFrame(name, title, description, width, height, content, extra) {
    const titleId = `chart-${name}-title`;
    const descId = `chart-${name}-desc`;
    return h('figure', { class: 'chart-figure' },
      svg('svg', {
        class: 'chart', 'data-chart': name, role: 'img', viewBox: `0 0 ${width} ${height}`,
        'aria-labelledby': `${titleId} ${descId}`,
      }, svg('title', { id: titleId }, title), svg('desc', { id: descId }, description), content),
      h('figcaption', null, title), extra);
  }

  function timelineChart(timeline, designs, scope) {
    const years = Object.keys(timeline).map(Number).filter(Number.isFinite);
    const fromScope = [scope.since, scope.until].map((day) => Number.parseInt(String(day || '').slice(0, 4), 10))
      .filter(Number.isFinite);
    const all = [...years, ...fromScope];
    if (years.length === 0) return h('p', null, 'No included records.');
    const first = Math.min(...all);
    const last = Math.max(...all);
    const columns = [];
    for (let y = first; y <= last; y += 1) columns.push(String(y));  // empty years show as gaps
    const totals = columns.map((y) => sum(timeline[y]));
    const { top, step } = axisScale(Math.max(...totals));
    const W = 420; const H = 220; const left = 30; const right = 4; const topPad = 10; const bottom = 28;
    const plotW = W - left - right; const plotH = H - topPad - bottom;
    const band = plotW / columns.length;
    const barW = Math.max(4, band * 0.7);
    const yOf = (n) => topPad + plotH - (n / top) * plotH;
    const labelEvery = Math.ceil(columns.length / 11);
    const shapes = [];
    for (let tick = 0; tick <= top; tick += step) {
      shapes.push(svg('line', { x1: left, x2: W - right, y1: yOf(tick), y2: yOf(tick), class: tick ? 'grid' : 'axis' }),
        svg('text', { x: left - 6, y: yOf(tick) + 4, class: 'tick', 'text-anchor': 'end' }, String(tick)));
    }
    columns.forEach((y, index) => {
      const x = left + index * band + (band - barW) / 2;
      let base = 0;
      for (const id of designs) {
        const n = (timeline[y] || {})[id] || 0;
        if (!n) continue;
        shapes.push(svg('rect', { x, y: yOf(base + n), width: barW, height: yOf(base) - yOf(base + n), fill: fillOf(id), class: 'bar' },
          svg('title', null, `${y}, ${design(id).label}: ${n}`)));
        base += n;
      }
      if (index % labelEvery === 0) {
        shapes.push(svg('text', { x: x + barW / 2, y: H - bottom + 16, class: 'tick', 'text-anchor': 'middle' }, y));
      }
    });
    const busiest = columns[totals.indexOf(Math.max(...totals))];
    const description = `Stacked bars, one per year from ${first} to ${last}, of included records by study design; `
      + `the most in ${busiest} (${Math.max(...totals)}).`;
    const table = dataTable('Records per year and design', columns,
      designs.map((id) => design(id).label), (row, col) => (timeline[row] || {})[designs[col]] || 0);
    return chartFrame('timeline', 'Included records per publication year, stacked by study design', description, W, H,
      shapes, [legend(designs), h('details', { class: 'chart-data' }, h('summary', null, 'The numbers'), table)]);
  }

  function legend(designs) {
    return h('ul', { class: 'legend' }, designs.map((id) => h('li', null,
      svg('svg', { class: 'swatch', viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
        svg('rect', { width: 16, height: 16, fill: fillOf(id) })),
      design(id).label)));
  }

  // Horizontal bars, each label on its own line above its bar, so the chart stays readable when a
  // phone shrinks it.
  function barChart(name, title, bars) {
    if (bars.length === 0) return h('p', null, 'Nothing to show.');
    const W = 340; const row = 36; const labelW = 44;
    const H = bars.length * row + 4;
    const largest = Math.max(...bars.map((bar) => bar.value), 1);
    const shapes = bars.map((bar, index) => {
      const y = index * row;
      const length = Math.max(1, (bar.value / largest) * (W - labelW));
      return svg('g', { class: 'bar-row' },
        svg('text', { x: 0, y: y + 13, class: 'bar-label' }, bar.label),
        svg('rect', { x: 0, y: y + 18, width: length, height: 12, class: 'bar', fill: bar.design ? fillOf(bar.design) : null },
          svg('title', null, `${bar.label}: ${bar.value}`)),
        svg('text', { x: length + 6, y: y + 28, class: 'bar-value' }, String(bar.value)));
    });
    const description = `Horizontal bars: ${bars.map((bar) => `${bar.label} ${bar.value}`).join('; ')}.`;
    return chartFrame(name, title, description, W, H, shapes, null);
  }

  function dataTable(caption, rows, columns, cell, rowLabel = String) {
    return h('div', { class: 'table-scroll' }, h('table', null,
      h('caption', null, caption),
      h('thead', null, h('tr', null, h('td', null), columns.map((column) => h('th', { scope: 'col' }, column)))),
      h('tbody', null, rows.map((row) => h('tr', null, h('th', { scope: 'row' }, rowLabel(row)),
        columns.map((_, index) => {
          const value = cell(row, index);
          return h('td', { class: `number${value ? '' : ' zero'}` }, String(value));
        }))))));
  }

  function evidenceMapTable(map, conditions) {
    const designs = orderDesigns([...new Set(conditions.flatMap((id) => Object.keys(map[id])))]);
    if (designs.length === 0) return null;
    const table = dataTable('Included records by condition and study design', conditions,
      designs.map((id) => design(id).short), (row, col) => map[row][designs[col]] || 0, conditionLabel);
    table.querySelector('table').classList.add('evidence-map');
    return table;
  }

  function dosePart(doses) {
    const perDose = Array.isArray(doses.studies_per_dose) ? doses.studies_per_dose : [];
    if (!doses.studies_with_dose) return part('doses', 'Doses', h('p', null, 'No included record reports a dose.'));
    return part('doses', 'Doses',
      h('p', null, `${plural(doses.studies_with_dose, 'record reports', 'records report')} a naltrexone dose; `
        + `the most common is ${mg(doses.most_common)}, the median ${mg(doses.median)}, `
        + `from ${mg(doses.lowest)} to ${mg(doses.highest)}.`),
      barChart('doses', 'Records reporting each dose (a record may report several)',
        perDose.map((entry) => ({ label: mg(entry.dose_mg), value: entry.studies }))));
  }

  function participantsPart(participants) {
    const perCondition = Object.entries(participants.per_condition || {}).filter(([, n]) => n > 0);
    return part('participants', 'Participants',
      h('p', null, `${plural(participants.randomized || 0, 'participant', 'participants')} randomized in `
        + `${plural(participants.rcts || 0, 'randomized controlled trial', 'randomized controlled trials')}`
        + (participants.rcts_without_sample_size ? ` (${formatCount(participants.rcts_without_sample_size)} without a reported sample size)` : '')
        + '.'),
      perCondition.length ? h('ul', { class: 'plain-list' }, perCondition.map(([id, n]) =>
        h('li', null, `${conditionLabel(id)}: ${formatCount(n)}`))) : null);
  }

  function studyItem(study) {
    return h('li', { class: 'study' },
      h('p', { class: 'study-head' }, designBadge(study.design), ' ',
        h('a', { href: recordHash(current, String(study.pmid)) }, study.title || `PMID ${study.pmid}`)),
      study.retracted ? retractionWarning() : null,
      study.corrected ? correctedNote() : null,
      h('p', { class: 'study-facts' }, [
        study.year ? String(study.year) : null,
        Number.isFinite(study.sample_size) ? `N = ${formatCount(study.sample_size)}` : null,
        doseText(study.doses_mg) || null,
        Number.isFinite(study.duration_weeks) ? `${Number(study.duration_weeks.toFixed(1))} weeks` : null,
      ].filter(Boolean).join(' · ')),
      study.conclusion ? h('blockquote', null, study.conclusion) : null,
      study.reference ? h('p', { class: 'reference' }, study.reference) : null);
  }

  function keyStudiesPart(conditions) {
    return part('key-studies', 'Key studies by condition', conditions.length === 0 ? h('p', null, 'None.')
      : conditions.map((entry) => h('details', { class: 'condition-studies' },
        h('summary', null, `${conditionLabel(entry.condition)}: ${plural(sum(entry.designs), 'record', 'records')}`
          + (entry.randomized_participants ? `, ${formatCount(entry.randomized_participants)} randomized` : '')),
        (entry.key_studies || []).length
          ? h('ol', { class: 'studies' }, entry.key_studies.map(studyItem))
          : h('p', null, 'No trial or systematic review: the newest record is shown.'),
        !(entry.key_studies || []).length && entry.newest ? h('ol', { class: 'studies' }, studyItem(entry.newest)) : null)));
  }

  function flaggedPart(retracted, corrected) {
    return part('flagged', 'Retracted and corrected papers',
      h('p', null, 'Left out of every count above.'),
      retracted.length ? h('ul', { class: 'studies' }, retracted.map(studyItem)) : h('p', null, 'No retracted paper.'),
      corrected.length ? h('ul', { class: 'studies' }, corrected.map(studyItem)) : h('p', null, 'No corrected paper.'));
  }

  function gapsPart(gaps) {
    const without = gaps.conditions_without_rct || [];
    return part('gaps', 'Gaps', h('p', null, without.length
      ? `No randomized controlled trial for: ${without.map(conditionLabel).join(', ')}.`
      : 'Every condition has at least one randomized controlled trial.'));
  }

  // ---- one record

  async function loadRecord(pmid) {
    const content = $('record-content');
    content.replaceChildren(h('p', null, `Loading PMID ${pmid}…`));
    setStatus(`Opening PMID ${pmid}…`);
    try {
      const record = await request('record', `/api/article/${encodeURIComponent(pmid)}`);
      renderRecord(record);
      setStatus(`Showing PMID ${pmid}.`);
      $('record-title').focus();
    } catch (error) {
      if (aborted(error)) return;
      content.replaceChildren(h('h2', { id: 'record-title', tabindex: '-1' }, `PMID ${pmid}`),
        h('p', { class: 'error-box' }, error.status === 404 ? 'There is no such record in this collection.' : error.message));
      setStatus(`Error: ${error.message}`, true);
    }
  }

  function listOrNone(items) {
    return items.length ? h('ul', { class: 'plain-list' }, items.map((item) => h('li', null, item))) : h('p', null, 'None.');
  }

  function renderRecord(record) {
    const notes = record.annotations || {};
    const journal = record.journal || {};
    const links = record.links || {};
    const linkItems = [['pubmed', 'PubMed'], ['doi', 'DOI'], ['pmc', 'PubMed Central (free full text)']]
      .map(([key, name]) => [safeUrl(links[key]), name]).filter(([url]) => url)
      .map(([url, name]) => h('li', null, h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, name)));
    const issue = [journal.volume, journal.issue ? `(${journal.issue})` : ''].join('');
    const source = [journal.title || journal.iso_abbrev, [record.pubdate || record.year, issue].filter(Boolean).join(';')
      + (journal.pages ? `:${journal.pages}` : '')].filter(Boolean).join('. ');
    const info = notes.design ? design(notes.design) : null;
    const mesh = (record.mesh || []).map((heading) => `${heading.name}${heading.major ? ' *' : ''}`
      + (heading.qualifiers || []).map((q) => ` / ${q.name}${q.major ? ' *' : ''}`).join(''));
    const people = (record.authors || []).map((author) => {
      const affiliations = (author.affiliations || []).join(' ');
      return affiliations ? `${authorName(author)}: ${affiliations}` : authorName(author);
    });
    $('record-content').replaceChildren(h('article', { class: 'record', 'data-pmid': record.pmid },
      h('div', { class: 'result-head' }, designBadge(notes.design),
        h('h2', { id: 'record-title', tabindex: '-1' }, record.title || '(no title)')),
      record.vernacular_title ? h('p', { class: 'vernacular' }, record.vernacular_title) : null,
      record.retracted ? retractionWarning() : null,
      (record.retraction_of || []).length
        ? h('p', { class: 'corrected-note' }, `This is a retraction notice for PMID ${record.retraction_of.join(', ')}.`) : null,
      record.corrected ? correctedNote() : null,
      h('p', { class: 'record-authors' }, (record.authors || []).map(authorName).filter(Boolean).join(', ')),
      h('p', { class: 'record-source' }, source),
      linkItems.length ? h('ul', { class: 'record-links' }, linkItems) : null,
      h('div', { class: 'result-actions' }, citeButton(String(record.pmid), 'record-title')),
      h('h3', null, 'Abstract'),
      (record.abstract || []).some((section) => section.text) ? abstractSections(record.abstract, 'h4')
        : h('p', null, 'No abstract.'),
      h('h3', null, 'What ldn found'),
      h('dl', { class: 'facts wide' },
        fact('Design', info ? `${info.label}${info.level ? ` (evidence level ${info.level})` : ''}` : 'not identified', 'record-design'),
        fact('Conditions', (notes.conditions || []).map(conditionLabel).join(', ') || 'none identified', 'record-conditions'),
        fact('Participants (N)', Number.isFinite(notes.sample_size) ? formatCount(notes.sample_size) : 'not reported', 'record-n'),
        fact('Doses', (notes.doses_mg || []).length ? notes.doses_mg.map(mg).join(', ') : 'not reported', 'record-dose'),
        fact('Dose class', notes.dose_class || '', 'record-dose-class'),
        fact('Duration', Number.isFinite(notes.duration_weeks) ? `${Number(notes.duration_weeks.toFixed(1))} weeks` : '', 'record-duration'),
        fact('Humans', notes.human === true ? 'yes' : notes.human === false ? 'no' : '', 'record-human')),
      h('h3', null, 'Identifiers'),
      h('dl', { class: 'facts wide' },
        fact('PMID', String(record.pmid), 'record-pmid'),
        fact('DOI', record.doi || '', 'record-doi'),
        fact('PMCID', record.pmcid || '', 'record-pmcid'),
        fact('Published', record.pubdate || record.medline_date || '', 'record-date'),
        fact('Languages', (record.languages || []).join(', '), 'record-languages'),
        fact('Publication types', (record.publication_types || []).join(', '), 'record-types')),
      h('h3', null, 'MeSH terms'), h('p', { class: 'note' }, '* marks a major topic.'), listOrNone(mesh),
      h('h3', null, 'Keywords'), listOrNone(record.keywords || []),
      (record.chemicals || []).length ? [h('h3', null, 'Substances'), listOrNone(record.chemicals)] : null,
      people.length ? h('details', null, h('summary', null, 'Authors and affiliations'), listOrNone(people)) : null));
  }

  function leaveRecord() {
    if (recordOpenedFromPage) history.back();
    else go({ ...current, record: '' });
  }

  // ---- wiring

  function onHashChange() {
    const before = current;
    const after = readState();
    if (after.record && !before.record) recordOpenedFromPage = true;
    if (!after.record && before.record) {
      recordOpenedFromPage = false;
      focusAfterSearch = `.result[data-pmid="${before.record}"] .result-title-link`;
    }
    render().then(() => {
      // A return from a record finds the list already there (no search ran to move the focus), and
      // a search that failed has no list: either way the request is settled here.
      if (focusAfterSearch && !after.record) {
        const node = document.querySelector(focusAfterSearch);
        focusAfterSearch = null;
        if (node) node.focus();
      }
    });
  }

  function validYears() {
    let valid = true;
    for (const id of ['since-year', 'until-year']) {
      const value = $(id).value.trim();
      const ok = value === '' || /^\d{4}$/.test(value);
      if (ok) $(id).removeAttribute('aria-invalid');
      else $(id).setAttribute('aria-invalid', 'true');
      valid = valid && ok;
    }
    if (!valid) {
      setStatus('Write years with four digits, such as 2016.', true);
      return false;
    }
    const since = $('since-year').value.trim();
    const until = $('until-year').value.trim();
    if (since && until && since > until) {
      $('until-year').setAttribute('aria-invalid', 'true');
      setStatus('The “to” year comes before the “from” year.', true);
      return false;
    }
    return true;
  }

  function searchFromForm(force) {
    if (!validYears()) return;
    go(formState(), { force });
  }

  function init() {
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      searchFromForm(true);
    });
    for (const id of ['condition', 'design', 'sort', 'since-year', 'until-year']) {
      $(id).addEventListener('change', () => searchFromForm(false));
    }
    $('clear-filters').addEventListener('click', () => {
      for (const id of ['condition', 'design', 'since-year', 'until-year']) $(id).value = '';
      searchFromForm(false);
    });
    $('prev-page').addEventListener('click', () => {
      focusAfterSearch = '#total-line';
      go({ ...current, offset: Math.max(0, current.offset - PAGE_SIZE) });
    });
    $('next-page').addEventListener('click', () => {
      focusAfterSearch = '#total-line';
      go({ ...current, offset: current.offset + PAGE_SIZE });
    });
    const tabs = [$('tab-results'), $('tab-summary')];
    tabs.forEach((tab, index) => {
      tab.addEventListener('click', () => go({ ...current, view: index === 1 ? 'summary' : 'results', record: '' }));
      tab.addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        const other = tabs[1 - index];
        other.focus();
        other.click();
      });
    });
    $('record-back').addEventListener('click', leaveRecord);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !$('record-view').hidden) leaveRecord();
    });
    try {
      const saved = localStorage.getItem('ldn-cite-style');
      if (saved && Array.from($('cite-style').options).some((option) => option.value === saved)) $('cite-style').value = saved;
      $('cite-style').addEventListener('change', () => localStorage.setItem('ldn-cite-style', $('cite-style').value));
    } catch (_) { /* storage can be disabled; the choice then lasts for the page */ }
    window.addEventListener('hashchange', onHashChange);

    // A bookmark of /?q=… becomes the fragment form, so later changes keep one kind of URL.
    if (location.hash.length <= 1 && location.search) {
      history.replaceState(null, '', location.pathname + stateHash(readState()));
    }
    getJson('/api/search?limit=0&facets=design,condition').then((data) => learnValues(data.facets)).catch(() => {});
    getJson('/healthz').then((health) => {
      const refreshed = health.last_refresh ? `, last refreshed ${String(health.last_refresh).slice(0, 10)}` : '';
      $('health').textContent = `${plural(Number(health.records) || 0, 'record', 'records')}${refreshed}.`;
    }).catch(() => {});
    render();
  }

  init();
})();
