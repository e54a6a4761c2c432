'use strict';
(async () => {
  const { api, el, message } = Mcu;
  const form = document.getElementById('week-form');

  function show(figure) {
    const format = v => v === null || v === undefined ? '—'
      : figure.kind === 'Share' ? Math.round(v * 100) + ' %' : v.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
    const delta = figure.delta === null || figure.delta === undefined ? ''
      : (figure.delta > 0 ? '+' : '') + (figure.kind === 'Share' ? Math.round(figure.delta * 100) + ' п.п.' : figure.delta.toLocaleString('ru-RU', { maximumFractionDigits: 1 }));
    return el('div', { class: 'figure' }, el('div', { class: 'muted small' }, figure.label), el('div', { class: 'value' }, format(figure.current)),
      el('div', { class: 'delta' }, `неделей ранее: ${format(figure.previous)} ${delta ? '(' + delta + ')' : ''}`));
  }

  async function load() {
    try {
      const week = document.getElementById('week').value.trim();
      const summary = await api('/api/summary' + (week ? '?week=' + encodeURIComponent(week) : ''));
      document.getElementById('week').value = summary.week;
      document.getElementById('period').textContent = summary.label;
      document.getElementById('figures').replaceChildren(...summary.figures.map(show));
      document.getElementById('charts').replaceChildren(...summary.charts.map(c => el('figure', {}, el('img', { src: c.url, alt: c.title }))));
    } catch (e) { message(e.message, true); }
  }
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
})();
