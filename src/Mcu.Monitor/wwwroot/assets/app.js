// Shared helpers of the console's pages. Data never goes through innerHTML: every value becomes a text node.
'use strict';
const Mcu = (() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
  const role = document.body.dataset.role;
  const canChange = role === 'Officer';
  const canAccept = role === 'Officer' || role === 'Head';

  async function api(path, options = {}) {
    const init = { method: options.method ?? 'GET', credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (init.method !== 'GET') {
      init.headers['X-CSRF-TOKEN'] = csrf;
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body ?? {});
    }
    const response = await fetch(path, init);
    if (response.status === 401) { location.href = '/login?returnUrl=' + encodeURIComponent(location.pathname + location.search); throw new Error('401'); }
    if (response.status === 403) { throw new Error('Недостаточно прав для этого действия'); }
    const data = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    if (!response.ok && response.status !== 409) { throw new Error(data?.message ?? data?.error ?? data?.title ?? ('Ошибка ' + response.status)); }
    return data;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs ?? {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const when = value => value ? dateFormat.format(new Date(value)) : '—';

  function message(text, isError = false) {
    const box = document.getElementById('message');
    box.textContent = text ?? '';
    box.classList.toggle('error', isError);
  }

  let dictionaries;
  async function dicts() {
    dictionaries ??= await api('/api/dictionaries');
    return dictionaries;
  }
  const name = (list, id) => id === null || id === undefined || id === '' ? '—' : (dictionaries?.[list]?.find(c => c.id === id)?.name ?? id);

  // Fills every <select data-dict="…"> with the dictionary's choices (and an "any" option when data-any is set).
  async function fillSelects(root = document) {
    const d = await dicts();
    for (const select of root.querySelectorAll('select[data-dict]')) {
      if (select.options.length > 0) continue;
      if (select.dataset.any) select.append(el('option', { value: '' }, select.dataset.any));
      for (const choice of d[select.dataset.dict]) select.append(el('option', { value: choice.id }, choice.name));
    }
  }

  function select(list, selected, attrs = {}) {
    const node = el('select', attrs);
    for (const choice of dictionaries[list]) node.append(el('option', { value: choice.id, selected: choice.id === selected }, choice.name));
    return node;
  }

  // Only web addresses become links (a post's URL comes from the network's data).
  const safeUrl = url => typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  const link = (url, text, attrs = {}) => safeUrl(url) ? el('a', { href: safeUrl(url), target: '_blank', rel: 'noopener noreferrer', ...attrs }, text) : text;

  const riskBadge = level => el('span', { class: 'badge risk-' + level }, name('riskLevels', level));
  const priorities = { Critical: 'критический', High: 'высокий', Normal: 'обычный' };
  const priority = value => priorities[value] ?? value;

  // Hides what the account may not use (the server refuses it anyway).
  function applyRole(root = document) {
    for (const node of root.querySelectorAll('[data-needs]')) {
      const allowed = node.dataset.needs === 'change' ? canChange : canAccept;
      node.classList.toggle('hidden', !allowed);
    }
  }

  function pager(state, total, load) {
    const page = Math.floor(state.offset / state.limit) + 1;
    const pages = Math.max(1, Math.ceil(total / state.limit));
    document.getElementById('page').textContent = `стр. ${page} из ${pages}`;
    const prev = document.getElementById('prev');
    const next = document.getElementById('next');
    prev.disabled = state.offset === 0;
    next.disabled = state.offset + state.limit >= total;
    prev.onclick = () => { state.offset = Math.max(0, state.offset - state.limit); load(); };
    next.onclick = () => { state.offset += state.limit; load(); };
  }

  function formQuery(form) {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value !== '') params.set(key, value);
    return params;
  }

  return { api, el, link, when, message, dicts, name, fillSelects, select, riskBadge, priority, applyRole, pager, formQuery, canChange, canAccept };
})();
