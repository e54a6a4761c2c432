'use strict';
(async () => {
  const { api, el, when, name, riskBadge, message } = Mcu;
  const form = document.getElementById('filters');
  const body = document.querySelector('#posts tbody');
  const state = { offset: 0, limit: 100 };
  await Mcu.fillSelects();

  function correction(post, row) {
    const sector = Mcu.select('sectors', post.sector);
    const risk = Mcu.select('riskLevels', post.riskLevel);
    const appeal = el('select', {}, el('option', { value: 'true', selected: post.appeal }, 'обращение'), el('option', { value: 'false', selected: !post.appeal }, 'не обращение'));
    // the tone is only marked for the tone model's training (the product keeps no tone label to show)
    const tone = el('select', { 'aria-label': 'Тон' }, el('option', { value: '' }, 'тон не отмечен'),
      el('option', { value: 'true' }, 'негативный тон'), el('option', { value: 'false' }, 'не негативный тон'));
    const save = el('button', { type: 'button', onclick: async () => {
      try {
        const negative = tone.value === '' ? null : tone.value === 'true';
        const result = await api('/api/posts/correction', { method: 'POST', body: { postKey: post.id, sector: sector.value, riskLevel: risk.value, appeal: appeal.value === 'true', negative } });
        message(result.message, !result.applied);
        if (result.applied) load();
      } catch (e) { message(e.message, true); }
    } }, 'Сохранить');
    row.after(el('tr', { class: 'edit' }, el('td', { colspan: 9 }, el('div', { class: 'row' }, sector, risk, appeal, tone, save))));
  }

  async function load() {
    const params = Mcu.formQuery(form);
    params.set('offset', state.offset);
    params.set('limit', state.limit);
    try {
      const result = await api('/api/posts?' + params);
      document.getElementById('total').textContent = `Найдено: ${result.total.toLocaleString('ru-RU')}${result.totalIsLowerBound ? '+' : ''}`;
      body.replaceChildren(...result.posts.map(post => {
        const row = el('tr', { dataset: { key: post.id } },
          el('td', {}, when(post.publishedAt)),
          el('td', {}, name('networks', post.network), el('br'), el('span', { class: 'muted small' }, post.authorName ?? post.sourceId ?? '')),
          el('td', {}, Mcu.link(post.url, post.excerpt)),
          el('td', {}, name('sectors', post.sector)),
          el('td', {}, riskBadge(post.riskLevel)),
          el('td', {}, name('localities', post.localityId)),
          el('td', {}, post.appeal ? 'да' : 'нет'),
          el('td', {}, post.incidentId ? el('a', { href: '/incidents/' + post.incidentId }, '#' + post.incidentId) : '—'),
          el('td', {}, Mcu.canChange ? el('button', { type: 'button', class: 'secondary', onclick: e => { e.target.disabled = true; correction(post, row); } }, 'Исправить') : ''));
        return row;
      }));
      Mcu.pager(state, result.total, load);
    } catch (e) { message(e.message, true); }
  }

  form.addEventListener('submit', e => { e.preventDefault(); state.offset = 0; load(); });
  load();
})();
