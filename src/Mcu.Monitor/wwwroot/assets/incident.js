'use strict';
(async () => {
  const { api, el, when, name, riskBadge, message } = Mcu;
  const id = Number(location.pathname.split('/').pop());
  await Mcu.fillSelects();
  Mcu.applyRole();

  const eventNames = {
    opened: 'открыт', assigned: 'получатель подтверждён', taken: 'взят в работу', answered: 'ответ дан', closed: 'закрыт',
    reassigned: 'переназначен', rejected: 'не наша компетенция', reopened: 'открыт повторно', corrected: 'исправлена классификация',
    dismissed: 'не обращение', merged: 'присоединено сообщение', merged_into: 'объединён с другим', post_removed: 'сообщение отделено',
    joined: 'присоединено сообщение', reminder: 'напоминание', escalated: 'эскалация',
  };

  function fact(label, value) { return [el('dt', {}, label), el('dd', {}, value ?? '—')]; }

  async function load() {
    let detail;
    try { detail = await api('/api/incidents/' + id); } catch (e) { message(e.message, true); return; }
    const i = detail.incident;
    document.getElementById('summary').replaceChildren(
      el('dl', { class: 'facts' },
        fact('Статус', [name('incidentStatuses', i.status), i.overdue ? [' ', el('span', { class: 'badge overdue' }, 'просрочен')] : null]),
        fact('Получатель', name('recipients', i.recipientId)),
        fact('Приоритет', Mcu.priority(i.priority)), fact('Риск', riskBadge(i.riskLevel)),
        fact('Сектор', name('sectors', i.sector)), fact('Населённый пункт', name('localities', i.localityId)),
        fact('Открыт', when(i.openedAt)), fact('Срок реакции', when(i.reactionDueAt)), fact('Срок ответа', when(i.answerDueAt)),
        fact('Первая реакция', when(detail.firstReactionAt)), fact('Цикл', detail.cycle),
        fact('Маршрутизация', detail.routingReason), detail.rejectReason ? fact('Причина отказа', detail.rejectReason) : null));
    document.getElementById('answer').replaceChildren(detail.answeredAt
      ? el('div', {}, el('p', {}, when(detail.answeredAt), detail.answerScore !== null ? ` · полнота ${detail.answerScore} из 100` : ''),
          el('p', { class: 'text' }, detail.answerText ?? detail.answerPostKey ?? ''),
          detail.answerDetails ? el('p', { class: 'reasons' }, detail.answerDetails) : null)
      : el('p', { class: 'muted' }, 'Ответа пока нет.'));
    document.getElementById('posts').replaceChildren(...detail.posts.map(p => el('div', { class: 'card' },
      el('div', { class: 'meta' }, when(p.publishedAt), ' · ', name('networks', p.network), ' · ', p.authorName ?? '', p.isMain ? ' · основное' : ''),
      el('div', { class: 'text' }, p.text),
      Mcu.link(p.url, 'открыть в сети', { class: 'small' }))));
    document.querySelector('#timeline tbody').replaceChildren(...detail.timeline.map(e => el('tr', {},
      el('td', {}, when(e.at)), el('td', {}, eventNames[e.type] ?? e.type), el('td', {}, e.actor), el('td', {}, e.details ?? ''))));
    document.getElementById('reassign-recipient').value = i.recipientId;
  }

  async function move(route, body) {
    try {
      const result = await api(`/api/incidents/${id}/${route}`, { method: 'POST', body });
      message(result.message, !result.applied);
      await load();
    } catch (e) { message(e.message, true); }
  }

  for (const button of document.querySelectorAll('[data-move]')) button.addEventListener('click', () => move(button.dataset.move, {}));
  const formMove = (formId, route) => document.getElementById(formId).addEventListener('submit', e => {
    e.preventDefault();
    move(route, Object.fromEntries(new FormData(e.target)));
  });
  formMove('reassign-form', 'reassign');
  formMove('answer-form', 'answer');
  formMove('reject-form', 'reject');
  load();
})();
