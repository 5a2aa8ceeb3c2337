// The 本人の情報 tab of a task in Tasklist: the person behind the task's case, for those who may
// see them (the server decides and logs every look), and for the responsible coordinator who
// looked, a warning when someone who may not see the person wrote their identifiers, and a button
// to restrict the case. Every value is put in as text, never as HTML.
'use strict';

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function json(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

const READS_BUTTON = '本人の情報を見た人の記録';

// 「11月27日 17:16」 in Japan's time, with the year when it is not this year's
function when(iso) {
  const date = new Date(iso);
  const year = (d) => new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(d);
  const options = { timeZone: 'Asia/Tokyo', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (year(date) !== year(new Date())) options.year = 'numeric';
  return new Intl.DateTimeFormat('ja-JP', options).format(date);
}

// the server's lines: warnings (someone who may not see the person wrote their name, phone …)
// first, then the looks, newest first, repeated looks as one line with a count
function showReads(box, lines) {
  if (!lines.length) {
    box.replaceChildren(el('p', 'まだ記録はありません。'));
    return;
  }
  const table = el('table', undefined, 'bansou-person-reads');
  const head = el('tr');
  ['いつ', 'だれが', '何をしたか'].forEach((h) => head.appendChild(el('th', h)));
  table.appendChild(el('thead')).appendChild(head);
  const body = table.appendChild(el('tbody'));
  for (const line of lines) {
    const warning = line.kind === 'written';
    const row = el('tr', undefined, warning ? 'bansou-read-warning' : undefined);
    row.appendChild(el('td', when(line.readAt), 'bansou-read-when'));
    // the account's name, which its owner may change, with the login that they cannot: a warning
    // must say truly who wrote, not whom they have named themselves after
    const who = row.appendChild(el('td', undefined, 'bansou-read-who'));
    who.appendChild(el('span', line.readerName || line.reader));
    if (line.readerName && line.readerName !== line.reader) {
      who.appendChild(el('span', '（ログイン名 ' + line.reader + '）', 'bansou-read-login'));
    }
    const what = el('td', undefined, 'bansou-read-what');
    if (warning) what.appendChild(el('span', '注意', 'bansou-read-label'));
    what.appendChild(el('span', line.what));
    if (line.count > 1) what.appendChild(el('span', line.count + '回', 'bansou-read-count'));
    row.appendChild(what);
    body.appendChild(row);
  }
  box.replaceChildren(table);
}

function readsOf(caseNumber) {
  return fetch('/api/cases/' + encodeURIComponent(caseNumber) + '/reads', { credentials: 'same-origin' });
}

async function coordinatorTools(node, box, caseNumber, restricted) {
  const first = await readsOf(caseNumber);
  if (!first.ok) return; // only the coordinators responsible for the case
  const lines = await json(first);
  const attempts = Array.isArray(lines)
    ? lines.filter((line) => line.kind === 'written').reduce((sum, line) => sum + (line.count || 1), 0)
    : 0;
  if (attempts) {
    // at the top, whatever task the coordinator opened the case from
    box.prepend(el('p', '注意：本人の情報を見せていない人が、本人の名前などを書こうとしました（' + attempts +
      '回）。本人を知っている可能性があります。下の「' + READS_BUTTON + '」で、だれか確かめてください。', 'bansou-person-alert'));
  }
  const tools = el('div', undefined, 'bansou-person-tools');
  const readsBox = el('div', undefined, 'bansou-person-readsbox');
  const showButton = el('button', READS_BUTTON, 'btn btn-default');
  showButton.type = 'button';
  showButton.addEventListener('click', async () => {
    // read again on every click: the log may have grown since the tab was opened
    const answer = await readsOf(caseNumber);
    const lines = await json(answer);
    if (!answer.ok || !Array.isArray(lines)) {
      readsBox.replaceChildren(el('p', lines.message || '記録を読み込めませんでした。もう一度押してください。', 'bansou-person-refused'));
      return;
    }
    showReads(readsBox, lines);
  });
  tools.appendChild(showButton);
  if (!restricted) {
    const restrict = el('button', 'このケースの閲覧を自分と伴走者だけに制限する（DV など）', 'btn btn-warning');
    restrict.type = 'button';
    restrict.addEventListener('click', async () => {
      if (!window.confirm('このケースは、あなたと担当の伴走者だけが見られるようになります。よろしいですか？')) return;
      const answer = await fetch('/api/cases/' + encodeURIComponent(caseNumber) + '/restriction', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: '{}'
      });
      restrict.replaceWith(el('p', answer.ok ? '制限しました。' : (await json(answer)).message || '制限できませんでした。'));
    });
    tools.appendChild(restrict);
  }
  tools.appendChild(readsBox);
  node.appendChild(tools);
}

export default {
  id: 'bansou.person',
  pluginPoint: 'tasklist.task.detail',
  priority: -10,
  render: async (node, { taskId }) => {
    node.replaceChildren(el('p', '読み込んでいます…'));
    const response = await fetch('/api/tasks/' + encodeURIComponent(taskId) + '/person', {
      credentials: 'same-origin'
    });
    const body = await json(response);
    if (!response.ok) {
      node.replaceChildren(el('p', body.message || '本人の情報は見られません。', 'bansou-person-refused'));
      return;
    }
    const box = el('div', undefined, 'bansou-person');
    box.appendChild(el('p', 'ケース ' + body.caseNumber + ' の本人の情報です。見たことは記録されます。ほかの人に伝えないでください。', 'bansou-person-note'));
    if (body.restricted) {
      box.appendChild(el('p', '閲覧が制限されたケースです（住所は表示しません）。', 'bansou-person-restricted'));
    }
    const list = el('dl');
    for (const field of body.fields) {
      list.appendChild(el('dt', field.label));
      list.appendChild(el('dd', field.value));
    }
    box.appendChild(list);
    node.replaceChildren(box);
    coordinatorTools(node, box, body.caseNumber, body.restricted);
  },
  properties: {
    label: '本人の情報'
  }
};
