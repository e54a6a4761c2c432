'use strict';
(async () => {
  const { api, el, name, message } = Mcu;
  await Mcu.dicts();
  const percent = v => v === null || v === undefined ? '—' : Math.round(v * 100) + ' %';
  const number = v => v === null || v === undefined ? '—' : v.toLocaleString('ru-RU', { maximumFractionDigits: 1 });

  try {
    const registry = await api('/api/recipients');
    document.querySelector('#registry tbody').replaceChildren(...registry.map(r => el('tr', {},
      el('td', {}, r.id), el('td', {}, r.name), el('td', {}, r.escalatesTo ? name('recipients', r.escalatesTo) : '—'),
      el('td', {}, r.roundTheClock ? 'да' : 'нет'), el('td', {}, r.telegramChats), el('td', {}, r.emails),
      el('td', {}, r.openIncidents), el('td', { class: r.overdueIncidents > 0 ? 'overdue' : '' }, r.overdueIncidents))));
  } catch (e) { message(e.message, true); }

  const form = document.getElementById('period');
  async function rating() {
    try {
      const table = await api('/api/rating?' + Mcu.formQuery(form));
      document.getElementById('rating-period').textContent = table.period.label;
      document.querySelector('#rating tbody').replaceChildren(...table.rows.map(r => el('tr', {},
        el('td', {}, r.rank ?? '—'), el('td', {}, r.name), el('td', {}, number(r.score)), el('td', {}, r.received),
        el('td', {}, percent(r.shareAnswered)), el('td', {}, number(r.medianReactionHours)), el('td', {}, percent(r.shareWithinDeadline)),
        el('td', {}, number(r.meanCompleteness)), el('td', {}, percent(r.shareReopened)))));
    } catch (e) { message(e.message, true); }
  }
  form.addEventListener('submit', e => { e.preventDefault(); rating(); });
  rating();
})();
