// The lessons register: fills the choices, searches /api/lessons, writes text only (never HTML).
const form = document.getElementById('search');
const fields = ['problemField', 'officeType', 'statusCategory', 'prefecture'];
let filled = false;

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) { e.textContent = text; }
  if (className) { e.className = className; }
  return e;
}

function fill(choices) {
  if (filled) { return; }
  for (const field of fields) {
    const select = document.getElementById(field);
    for (const choice of choices[field] || []) {
      const option = element('option', choice.label);
      option.value = choice.value;
      select.appendChild(option);
    }
  }
  filled = true;
}

function show(lessons) {
  const results = document.getElementById('results');
  results.replaceChildren();
  document.getElementById('count').textContent =
    lessons.length === 0 ? '見つかりませんでした。条件を減らしてみてください。' : lessons.length + '件の記録があります';
  for (const l of lessons) {
    const article = element('article', undefined, 'lesson');
    article.appendChild(element('h3', l.officeType + (l.visitPurpose ? '（' + l.visitPurpose + '）' : '')));
    article.appendChild(element('div',
      [l.problemField, l.statusCategory, l.prefecture, l.publishedMonth].filter(Boolean).join('・'), 'tags'));
    const list = element('dl');
    const add = (label, text) => {
      if (!text) { return; }
      list.appendChild(element('dt', label));
      list.appendChild(element('dd', text));
    };
    add('窓口で言われたこと', l.whatWasSaid);
    add('うまくいったこと・いかなかったこと', l.whatWorked);
    add('役に立った書類', (l.documents || []).join('、'));
    article.appendChild(list);
    results.appendChild(article);
  }
}

async function search() {
  const params = new URLSearchParams();
  for (const field of fields) {
    const value = document.getElementById(field).value;
    if (value) { params.set(field, value); }
  }
  const message = document.getElementById('message');
  message.textContent = '';
  try {
    const answer = await fetch('/api/lessons?' + params, { credentials: 'same-origin' });
    if (!answer.ok) {
      message.textContent = answer.status === 401 || answer.status === 403
        ? 'タスクリストにログインしてから開いてください。' : 'うまく読めませんでした。もう一度お試しください。';
      return;
    }
    const body = await answer.json();
    fill(body.choices);
    show(body.lessons);
  } catch (e) {
    message.textContent = 'サーバーにつながりません。しばらくしてから、もう一度お試しください。';
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); search(); });
search();
