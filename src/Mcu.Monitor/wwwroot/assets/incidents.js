'use strict';
(async () => {
  const { api, el, when, name, message } = Mcu;
  const form = document.getElementById('filters');
  const body = document.querySelector('#incidents tbody');
  const state = { offset: 0, limit: 50 };
  await Mcu.fillSelects();

  async function load() {
    const params = Mcu.formQuery(form);
    params.set('open', form.elements.open.checked ? 'true' : 'false');
    params.set('offset', state.offset);
    params.set('limit', state.limit);
    try {
      const page = await api('/api/incidents?' + params);
      document.getElementById('total').textContent = `Инцидентов: ${page.total}`;
      body.replaceChildren(...page.items.map(i => el('tr', { class: i.overdue ? 'overdue' : '', dataset: { id: i.id } },
        el('td', {}, el('a', { href: '/incidents/' + i.id }, '#' + i.id)),
        el('td', {}, name('incidentStatuses', i.status), i.overdue ? [' ', el('span', { class: 'badge overdue' }, 'просрочен')] : null),
        el('td', {}, Mcu.priority(i.priority)),
        el('td', {}, name('sectors', i.sector)),
        el('td', {}, name('localities', i.localityId)),
        el('td', {}, name('recipients', i.recipientId)),
        el('td', {}, when(i.openedAt)),
        el('td', {}, when(i.reactionDueAt)),
        el('td', {}, when(i.answerDueAt)),
        el('td', {}, i.postCount),
        el('td', {}, i.excerpt))));
      Mcu.pager(state, page.total, load);
    } catch (e) { message(e.message, true); }
  }

  form.addEventListener('submit', e => { e.preventDefault(); state.offset = 0; load(); });
  load();
})();
