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
    const listId = 'candidates-' + item.postKey.replace(/\W/g, '_');
    const merge = el('input', { name: 'merge', placeholder: '№ или слова', size: 14, list: listId, 'aria-label': 'Объединить с инцидентом' });
    const candidates = el('datalist', { id: listId });
    // Candidates follow what the officer types: an incident number or words of its main post.
    let typing;
    merge.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(async () => {
        if (merge.value.trim().length < 2 || /^\d+$/.test(merge.value.trim())) return;
        const found = await api('/api/incidents/search?q=' + encodeURIComponent(merge.value.trim()));
        candidates.replaceChildren(...found.map(i => el('option', { value: i.id }, `#${i.id} ${name('sectors', i.sector)}: ${i.excerpt}`)));
      }, 300);
    });
    const node = el('article', { class: 'card', dataset: { key: item.postKey } });
    async function decide(verdict) {
      const body = { postKey: item.postKey, verdict, sector: sector.value, riskLevel: risk.value };
      // The recipient goes along only when the officer changed it: on a merge it would reassign the target incident.
      if (recipient.value !== (item.recipientId ?? '')) body.recipientId = recipient.value;
      if (verdict === 'Merge') body.mergeIntoIncidentId = Number(merge.value.replace(/\D/g, ''));
      try {
        const result = await api('/api/queue/triage', { method: 'POST', body });
        message(result.message, !result.applied);
        // The decided card leaves the queue: reload the same page so the next appeals move up instead of being skipped.
        if (result.applied) { node.remove(); load(); }
      } catch (e) { message(e.message, true); }
    }
    node.append(
      el('div', { class: 'meta' }, when(item.publishedAt), ' · ', name('networks', item.network), ' · ', item.authorName ?? item.sourceId, ' · ',
        name('localities', item.localityId), ' · ', riskBadge(item.riskLevel),
        item.incidentId ? [' · ', el('a', { href: '/incidents/' + item.incidentId }, `инцидент #${item.incidentId}`), ` (${name('incidentStatuses', item.incidentStatus)})`] : ' · без инцидента'),
      el('div', { class: 'text' }, item.text),
      Mcu.link(item.url, 'открыть в сети', { class: 'small' }),
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
