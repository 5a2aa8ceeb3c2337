// Renders /api/dashboard. Every value goes in as text, never as HTML.
'use strict';

// a count of fewer than three people is not shown (null in the JSON)
const FEW = '3人未満';

// a case number opens its task in Tasklist (for those allowed to see it)
function taskLink(text, taskId) {
  const a = document.createElement('a');
  a.href = '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);
  a.textContent = text;
  return a;
}

function cell(row, value, numeric) {
  const td = document.createElement('td');
  if (value instanceof Node) td.appendChild(value);
  else td.textContent = value === null ? FEW : value;
  if (numeric) td.className = 'n';
  row.appendChild(td);
}

function fill(tbodyId, rows, columns, rowClass) {
  const tbody = document.getElementById(tbodyId);
  tbody.replaceChildren();
  for (const item of rows) {
    const tr = document.createElement('tr');
    if (rowClass) tr.className = rowClass(item);
    for (const [key, numeric] of columns) cell(tr, item[key], numeric);
    tbody.appendChild(tr);
  }
}

// counts are whole numbers: axes step by one, and each bar carries its number
const WHOLE = { beginAtZero: true, grace: '12%', ticks: { precision: 0 } };

function chart(id, type, labels, datasets, options) {
  const bars = type === 'bar';
  return new Chart(document.getElementById(id), {
    type, data: { labels, datasets },
    plugins: [ChartDataLabels],
    options: Object.assign({
      responsive: true,
      scales: bars ? { x: WHOLE, y: WHOLE } : {},
      plugins: {
        legend: { display: datasets.length > 1 || type === 'doughnut' },
        datalabels: {
          display: (ctx) => (ctx.dataset.data[ctx.dataIndex] || 0) > 0,
          anchor: bars ? 'end' : 'center', align: bars ? 'end' : 'center', clamp: true,
          color: bars ? '#222' : '#fff', font: { weight: 'bold' }
        }
      }
    }, options || {})
  });
}

function labelled(counts, labels) {
  const keys = Object.keys(counts);
  return {
    labels: keys.map((k) => (labels[k] || k) + (counts[k] === null ? '（' + FEW + '）' : '')),
    values: keys.map((k) => counts[k])
  };
}

async function load() {
  const response = await fetch('/api/dashboard', { credentials: 'same-origin' });
  if (response.status === 401) { window.location.assign('/dashboard/login.html'); return; }
  if (!response.ok) { document.body.textContent = 'このページを見る権限がありません。'; return; }
  const d = await response.json();

  document.getElementById('generated').textContent = new Date(d.generatedAt).toLocaleString('ja-JP') + ' 時点';
  document.getElementById('open-total').textContent = d.openCases.total;
  document.getElementById('overdue-count').textContent = d.overdueTasks.count;
  document.getElementById('silent-count').textContent = d.silentCases.count;
  const silent = document.getElementById('silent-list');
  silent.replaceChildren();
  d.silentCases.tasks.forEach((t, i) => {
    if (i > 0) silent.append('、');
    silent.append(taskLink(t.caseNumber, t.taskId));
  });
  if (!d.silentCases.tasks.length) silent.textContent = 'なし';
  const gaps = d.prefectures.filter((p) => p.gap);
  document.getElementById('gap-count').textContent = gaps.length;

  const stage = labelled(d.openCases.byStage, d.openCases.stageLabels);
  chart('stage-chart', 'bar', stage.labels, [{ label: 'ケース数', data: stage.values, backgroundColor: '#1f4e79' }],
    { indexAxis: 'y' });
  const urgency = labelled(d.openCases.byUrgency, d.openCases.urgencyLabels);
  chart('urgency-chart', 'bar', urgency.labels, [{ label: 'ケース数', data: urgency.values,
    backgroundColor: ['#c62828', '#ef6c00', '#2e7d32', '#9e9e9e'] }]);
  chart('weekly-chart', 'bar', d.weekly.map((w) => w.from), [
    { label: '新しいケース', data: d.weekly.map((w) => w.opened), backgroundColor: '#1f4e79' },
    { label: '終結したケース', data: d.weekly.map((w) => w.closed), backgroundColor: '#7cb342' }]);
  const outcomes = labelled(d.outcomes.counts, d.outcomes.labels);
  chart('outcome-chart', 'doughnut', outcomes.labels, [{ data: outcomes.values,
    backgroundColor: ['#2e7d32', '#7cb342', '#1f4e79', '#9e9e9e', '#ef6c00', '#bdbdbd'] }]);
  const policy = labelled(d.policyIssuesByField.counts, d.policyIssuesByField.labels);
  chart('policy-chart', 'bar', policy.labels, [{ label: '未解決の課題', data: policy.values, backgroundColor: '#6a1b9a' }],
    { indexAxis: 'y' });

  fill('workload', d.companionWorkload, [['companion'], ['openCases', true], ['openTasks', true]]);
  fill('overdue', d.overdueTasks.tasks.map((t) => Object.assign({}, t, {
    caseNumber: t.caseNumber ? taskLink(t.caseNumber, t.taskId) : '',
    due: new Date(t.due).toLocaleDateString('ja-JP') })),
    [['task'], ['caseNumber'], ['due']]);
  // the count is every overdue task; the list the oldest, without restricted cases' tasks
  const overdue = d.overdueTasks;
  document.getElementById('overdue-note').textContent =
    overdue.count <= overdue.tasks.length ? ''
      : overdue.tasks.length
        ? '全 ' + overdue.count + ' 件のうち、期限の古いものから ' + overdue.tasks.length
          + ' 件です。閲覧が制限されたケースのタスクは、ここには出しません。'
        : '全 ' + overdue.count + ' 件とも閲覧が制限されたケースのタスクなので、ここには出しません。';
  const shown = d.prefectures.filter((p) => p.openCases !== 0 || p.companions > 0 || p.interpreters > 0)
    .sort((a, b) => (b.gap - a.gap) || ((b.openCases ?? 1) - (a.openCases ?? 1)));
  fill('prefectures', shown, [['name'], ['openCases', true], ['companions', true], ['remoteCompanions', true], ['interpreters', true]],
    (p) => (p.gap ? 'gap' : ''));

  // what other capabilities add (jp.bansou.dashboard.DashboardSection)
  const sections = d.sections || {};
  const eventStatus = { planned: '予定', held: '当日・報告前', reported: '報告済み' };
  if (sections.consultationEvents) {
    fill('events', sections.consultationEvents.events.map((e) => Object.assign({}, e, { status: eventStatus[e.status] || e.status })),
      [['date'], ['title'], ['prefectureName'], ['status'], ['peopleSeen', true], ['casesOpened', true], ['oneOffConsultations', true]]);
  }
  const yen = (n) => n.toLocaleString('ja-JP') + '円';
  if (sections.fundLedger) {
    fill('fund-ledger', sections.fundLedger.lines.map((l) => Object.assign({}, l, {
      budget: yen(l.budgetYen), committed: yen(l.committedYen), paid: yen(l.paidYen), remaining: yen(l.remainingYen) })),
    [['month'], ['regionName'], ['budget', true], ['committed', true], ['paid', true], ['remaining', true]]);
  }
  if (sections.formStatistics && sections.formStatistics.length) {
    const box = document.getElementById('form-statistics');
    box.replaceChildren();
    for (const q of sections.formStatistics) {
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      const question = document.createElement('th');
      question.textContent = q.label;
      const cases = document.createElement('th');
      cases.className = 'n';
      cases.textContent = 'ケース数';
      head.append(question, cases);
      const body = table.createTBody();
      for (const a of q.answers) {
        const tr = body.insertRow();
        cell(tr, a.label);
        cell(tr, a.cases, true);
      }
      box.appendChild(table);
    }
  }
  if (sections.continuity) {
    const c = sections.continuity;
    fill('continuity-months', c.caseloadByMonth.map((m, i) => Object.assign({}, m, {
      handOvers: c.handOversByMonth[i] ? c.handOversByMonth[i].count : null })),
    [['month'], ['openCases', true], ['companions', true], ['casesPerCompanion', true], ['handOvers', true]]);
    document.getElementById('paused-count').textContent = c.pausedCompanions === null ? FEW : c.pausedCompanions;
    document.getElementById('calls-count').textContent = c.openCallsForHelp === null ? FEW : c.openCallsForHelp;
    fill('calls-by-age', c.callsForHelpByAge, [['label'], ['count', true]]);
    fill('hand-over-reasons', c.handOverReasons, [['label'], ['count', true]]);
  }
}

load();
