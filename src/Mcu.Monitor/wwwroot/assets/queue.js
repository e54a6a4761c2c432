'use strict';
(async () => {
  const { api, el, when, name, riskBadge, message } = Mcu;
  const list = document.getElementById('queue');
  const state = { offset: 0, limit: 20 };
  await Mcu.dicts();

  function reasons(text) {
    try {
      const parsed = JSON.parse(text);
      const items = Array.isArray(parsed) ? parsed : Object.values(parsed).flat();
      return items.map(r => typeof r === 'string' ? r : (r.term ?? r.reason ?? JSON.stringify(r))).slice(0, 8).join(', ');
    } catch { return text ?? ''; }
  }

  function card(item) {
    const sector = Mcu.select('sectors', item.sector, { name: 'sector', 'aria-label': 'Сектор' });
    const risk = Mcu.select('riskLevels', item.riskLevel, { name: 'riskLevel', 'aria-label': 'Риск' });
    const recipient = Mcu.select('recipients', item.recipientId, { name: 'recipientId', 'aria-label': 'Получатель' });
    const merge = el('input', { name: 'merge', placeholder: '№ инцидента', size: 10, list: 'candidates-' + item.postKey.replace(/\W/g, '_'), 'aria-label': 'Объединить с инцидентом' });
    const candidates = el('datalist', { id: 'candidates-' + item.postKey.replace(/\W/g, '_') });
    merge.addEventListener('focus', async () => {
      if (candidates.options.length > 0) return;
      const found = await api('/api/incidents/search?q=' + encodeURIComponent(item.text.slice(0, 60)));
      candidates.replaceChildren(...found.map(i => el('option', { value: i.id }, `#${i.id} ${name('sectors', i.sector)}: ${i.excerpt}`)));
    });
    const node = el('article', { class: 'card', dataset: { key: item.postKey } });
    async function decide(verdict) {
      const body = { postKey: item.postKey, verdict, sector: sector.value, riskLevel: risk.value, recipientId: recipient.value };
      if (verdict === 'Merge') body.mergeIntoIncidentId = Number(merge.value);
      try {
        const result = await api('/api/queue/triage', { method: 'POST', body });
        message(result.message, !result.applied);
        if (result.applied) { node.remove(); }
      } catch (e) { message(e.message, true); }
    }
    node.append(
      el('div', { class: 'meta' }, when(item.publishedAt), ' · ', name('networks', item.network), ' · ', item.authorName ?? item.sourceId, ' · ',
        name('localities', item.localityId), ' · ', riskBadge(item.riskLevel),
        item.incidentId ? [' · ', el('a', { href: '/incidents/' + item.incidentId }, `инцидент #${item.incidentId}`), ` (${name('incidentStatuses', item.incidentStatus)})`] : ' · без инцидента'),
      el('div', { class: 'text' }, item.text),
      item.url ? el('a', { href: item.url, target: '_blank', rel: 'noopener noreferrer', class: 'small' }, 'открыть в сети') : null,
      el('div', { class: 'reasons' }, 'Почему: ', reasons(item.reasons)),
      Mcu.canChange
        ? el('div', { class: 'row' },
            el('label', {}, 'Сектор', sector), el('label', {}, 'Риск', risk), el('label', {}, 'Получатель', recipient),
            el('button', { type: 'button', class: 'confirm', onclick: () => decide('Confirm') }, 'Подтвердить'),
            el('button', { type: 'button', class: 'danger not-appeal', onclick: () => decide('NotAppeal') }, 'Не обращение'),
            el('label', {}, 'Объединить с', merge), candidates,
            el('button', { type: 'button', class: 'secondary merge', onclick: () => decide('Merge') }, 'Объединить'))
        : null);
    return node;
  }

  async function load() {
    try {
      const page = await api(`/api/queue?offset=${state.offset}&limit=${state.limit}`);
      document.getElementById('total').textContent = `Ждут разбора: ${page.total}`;
      list.replaceChildren(...page.items.map(card));
      if (page.items.length === 0) list.append(el('p', { class: 'muted' }, 'Очередь пуста.'));
      Mcu.pager(state, page.total, load);
    } catch (e) { message(e.message, true); }
  }

  load();
})();
