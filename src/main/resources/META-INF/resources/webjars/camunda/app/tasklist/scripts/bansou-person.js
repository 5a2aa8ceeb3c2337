// The 本人の情報 tab of a task in Tasklist: the person behind the task's case, for those who may
// see them (the server decides and logs every look), and for the responsible coordinator who
// looked and a button to restrict the case. Every value is put in as text, never as HTML.
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

function showReads(box, reads) {
  const table = el('table', undefined, 'bansou-person-reads');
  const head = el('tr');
  ['いつ', 'だれが', 'どこから'].forEach((h) => head.appendChild(el('th', h)));
  table.appendChild(head);
  for (const read of reads) {
    const row = el('tr');
    row.appendChild(el('td', new Date(read.readAt).toLocaleString('ja-JP')));
    row.appendChild(el('td', read.reader));
    row.appendChild(el('td', read.via));
    table.appendChild(row);
  }
  box.replaceChildren(table);
}

async function coordinatorTools(node, caseNumber, restricted) {
  const reads = await fetch('/api/cases/' + encodeURIComponent(caseNumber) + '/reads', {
    credentials: 'same-origin'
  });
  if (!reads.ok) return; // only the coordinators responsible for the case
  const tools = el('div', undefined, 'bansou-person-tools');
  const readsBox = el('div');
  const showButton = el('button', 'この人の情報を見た記録', 'btn btn-default');
  showButton.type = 'button';
  showButton.addEventListener('click', async () => showReads(readsBox, await json(reads)));
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
      node.replaceChildren(el('p', body.message || 'この人の情報は見られません。', 'bansou-person-refused'));
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
    coordinatorTools(node, body.caseNumber, body.restricted);
  },
  properties: {
    label: '本人の情報'
  }
};
