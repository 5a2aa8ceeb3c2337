// bansou: Tasklist for companions, interpreters and coordinators, many of them on a phone, many
// of them seventy: dates the Japanese way that cannot silently change, form messages in Japanese
// next to their field, the most pressing work first. Loaded by config.js (customScripts) before
// Tasklist starts; it only adds behaviour, it changes no data.

// --- Dates: yyyy/mm/dd, a Japanese calendar, and nothing read that was not meant ----------------
// Camunda Forms' date field (form-js 1.8.7 with flatpickr 4.6.13) takes its format from the
// browser's default locale (m/d/Y in most browsers) and reads typed text leniently: 1999/05/14
// became 7/9/2027. Every date picker is set to Y/m/d with a Japanese calendar and a strict reader;
// what it cannot read is emptied (and the field's own "required" or our server says so). The
// submitted value stays YYYY-MM-DD.
const JA = {
  weekdays: {
    shorthand: ['日', '月', '火', '水', '木', '金', '土'],
    longhand: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
  },
  firstDayOfWeek: 0,
  rangeSeparator: ' から ',
  time_24hr: true,
  monthAriaLabel: '月',
  yearAriaLabel: '年',
  hourAriaLabel: '時',
  minuteAriaLabel: '分',
  amPM: ['午前', '午後']
};

function halfWidth(text) {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// 1999/05/14, 1999-5-14, 1999.5.14, 19990514, 1999年5月14日, full-width digits; nothing else
export function parseJapaneseDate(text) {
  const s = halfWidth(String(text)).trim();
  const m = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*$/.exec(s) || /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) {
    return undefined;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : undefined;
}

function patchDatePicker(input) {
  const picker = input && input._flatpickr;
  if (!picker || picker.bansou) {
    return;
  }
  picker.bansou = true;
  picker.config.parseDate = parseJapaneseDate;
  picker.set({ locale: JA, dateFormat: 'Y/m/d', allowInput: true });
  input.placeholder = '例 2026/12/03';
  input.setAttribute('inputmode', 'numeric');
  // what was typed and could not be read is not kept as some other date
  input.addEventListener('blur', () => {
    if (input.value.trim() && !parseJapaneseDate(input.value) && !picker.selectedDates.length) {
      picker.clear();
    }
  });
}

// --- Esc closes the calendar, never the form around it --------------------------------------------
// The start form is a dialog that Esc closes, losing everything typed.
document.addEventListener(
  'keydown',
  (event) => {
    if (event.key !== 'Escape') {
      return;
    }
    const target = event.target instanceof Element ? event.target : null;
    const picker = target && target.closest('.fjs-datepicker, .flatpickr-calendar');
    if (picker) {
      event.stopPropagation();
      event.preventDefault();
      document.querySelectorAll('.fjs-datepicker input').forEach((input) => {
        if (input._flatpickr) {
          input._flatpickr.close();
        }
      });
    }
  },
  true
);

// --- Form messages in Japanese ---------------------------------------------------------------
// form-js writes its validation messages in English, with no way to translate them. Each is
// translated where it stands: the text node is changed in place, because the form keeps writing
// into that very node.
const MESSAGES = [
  [/^Field is required\.$/, () => '入力してください（必須）。'],
  [/^Field must match pattern (.*)\.$/, () => '入力の形がちがいます。例にならって入れてください。'],
  [/^Field must have minimum value of (.*)\.$/, (m) => `${m[1]} 以上の数を入れてください。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `${m[1]} 以下の数を入れてください。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `${m[1]} 文字以上で入れてください。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `${m[1]} 文字までです。短くしてください。`],
  [/^Field must be a valid email\.$/, () => 'メールアドレスの形（例：name@example.jp）で入れてください。'],
  [/^Field must be a valid {1,2}international phone number\./, () => '電話番号の形で入れてください。'],
  [/^Value is not a number\.$/, () => '数字で入れてください。'],
  [/^Value is expected to be an integer\.$/, () => '整数で入れてください。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `小数点以下は ${m[1]} けたまでです。`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/, (m) => `${m[1]} か ${m[2]} を選んでください。`],
  [/^Date and time must both be entered\.$/, () => '日付と時刻の両方を入れてください。']
];

export function japaneseMessage(text) {
  for (const [pattern, say] of MESSAGES) {
    const m = pattern.exec(text);
    if (m) {
      return say(m);
    }
  }
  return null;
}

// the few words of the form's own controls
const WORDS = {
  'Skip to search': '検索へ移動',
  'Select': '選んでください',
  'Search': '検索',
  'No results': '見つかりません',
  'All values selected': 'すべて選びました',
  'Increment': '増やす',
  'Decrement': '減らす'
};

function translateWords(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const japanese = WORDS[node.data.trim()];
    if (japanese) {
      node.data = japanese;
    }
  }
  root.querySelectorAll('[placeholder], [aria-label]').forEach((element) => {
    for (const attribute of ['placeholder', 'aria-label']) {
      const japanese = WORDS[element.getAttribute(attribute)];
      if (japanese) {
        element.setAttribute(attribute, japanese);
      }
    }
  });
}

function translateMessage(item) {
  const node = item.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE) {
    const japanese = japaneseMessage(node.data);
    if (japanese) {
      node.data = japanese;
    }
  }
}

// --- A refusal from the server, next to the field it is about ---------------------------------
// Our server checks every submission against its form and answers a refusal as
// {"message": "…", "field": "<key>", "component": "<id>"}. Tasklist shows the message at the top
// of the page; it is also put under the field, which is scrolled into view.
function showNextToField(answer) {
  if (!answer || !answer.component || !answer.message) {
    return;
  }
  const container = document.querySelector('.fjs-container');
  if (!container) {
    return;
  }
  const escaped = CSS.escape(answer.component);
  // form-js names a control fjs-form-<form>-<component id>, a date's fjs-form-<form>-<id>-date
  const control = container.querySelector(
    `[id$="-${escaped}"], [id*="-${escaped}-"], [id="${escaped}"]`
  );
  const field = control && control.closest('.fjs-form-field');
  if (!field) {
    return;
  }
  field.querySelectorAll('.bansou-server-error').forEach((old) => old.remove());
  const error = document.createElement('div');
  error.className = 'fjs-form-field-error bansou-server-error';
  error.setAttribute('role', 'alert');
  error.textContent = answer.message;
  field.appendChild(error);
  field.classList.add('fjs-has-errors');
  field.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const forget = () => {
    error.remove();
    field.removeEventListener('input', forget);
    field.removeEventListener('change', forget);
  };
  field.addEventListener('input', forget);
  field.addEventListener('change', forget);
}

const send = XMLHttpRequest.prototype.send;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.bansouSubmit = method === 'POST' && /\/submit-form$/.test(String(url).split('?')[0]);
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  if (this.bansouSubmit) {
    this.addEventListener('load', () => {
      if (this.status === 400) {
        try {
          showNextToField(JSON.parse(this.responseText));
        } catch (notJson) {
          // Tasklist shows what it got at the top, as always
        }
      }
    });
  }
  return send.apply(this, args);
};

// --- A task's history names people, not account ids -------------------------------------------
// Tasklist shows who did each change by account id (「companion2」), which a companion cannot read
// as a person and may not look up; /api/tasks/{id}/people answers the names of those in the
// task's own history (jp.bansou.tasklist.TaskPeopleController). The id stays in the tooltip.
const PERSON_CELLS =
  '.history-pane .operation-user, .history-pane .new-value span, .history-pane .original-value span';
const namesOfTask = new Map();
const askedAgain = new Set();

function namesFor(taskId, again) {
  if (again || !namesOfTask.has(taskId)) {
    namesOfTask.set(
      taskId,
      fetch('/api/tasks/' + encodeURIComponent(taskId) + '/people', { credentials: 'same-origin' })
        .then((answer) => (answer.ok ? answer.json() : {}))
        .then((body) => body.names || {})
        .catch(() => ({}))
    );
  }
  return namesOfTask.get(taskId);
}

function openTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function nameThePerson(element) {
  const id = element.textContent.trim();
  const taskId = openTaskId();
  if (!id || id.indexOf('{{') >= 0 || element.dataset.bansouNamed === id || !taskId) {
    return;
  }
  let names = await namesFor(taskId, false);
  if (!(id in names) && !askedAgain.has(taskId + ' ' + id)) {
    askedAgain.add(taskId + ' ' + id); // someone new since the names were asked for
    names = await namesFor(taskId, true);
  }
  if (names[id] && element.textContent.trim() === id) {
    element.dataset.bansouNamed = names[id];
    element.textContent = names[id];
  }
}

// --- Watch the page for date pickers and messages ---------------------------------------------
function scan(root) {
  const scope = root && root.querySelectorAll ? root : document;
  scope.querySelectorAll(PERSON_CELLS).forEach(nameThePerson);
  scope.querySelectorAll('.fjs-datepicker input').forEach(patchDatePicker);
  scope.querySelectorAll('.fjs-form-field-error li').forEach(translateMessage);
  if (scope.closest && scope.closest('.fjs-container')) {
    translateWords(scope);
  } else {
    scope.querySelectorAll('.fjs-container').forEach(translateWords);
  }
}

new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === 'characterData') {
      const item = record.target.parentElement;
      if (item && item.matches('.fjs-form-field-error li')) {
        translateMessage(item);
      } else if (item && item.matches(PERSON_CELLS)) {
        nameThePerson(item);
      }
    } else {
      record.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) {
          scan(node.parentNode || node);
        }
      });
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// --- The list: most pressing first, relative times in Japanese ----------------------------------
if (window.angular) {
  window.angular.module('cam.tasklist').run([
    '$rootScope',
    '$location',
    '$translate',
    'moment',
    'amMoment',
    function ($rootScope, $location, $translate, moment, amMoment) {
      // a list opened without a chosen order shows what is due first, then the newest
      $rootScope.$on('$locationChangeStart', () => {
        if ($location.path() === '/' && !$location.search().sorting) {
          $location
            .search(
              'sorting',
              JSON.stringify([
                { sortBy: 'dueDate', sortOrder: 'asc' },
                { sortBy: 'created', sortOrder: 'desc' }
              ])
            )
            .replace();
        }
      });
      // Tasklist loads en.json as a fallback next to ja.json, and whichever arrives last set
      // moment's locale: 「3日後」 came out as "in 3 days"
      function keepMomentInTheUiLanguage() {
        const language = $translate.use();
        if (language && moment.locales().indexOf(language) > -1 && moment.locale() !== language) {
          amMoment.changeLocale(language);
        }
      }
      // on a phone, an open task fills the screen, with a way back to the list
      const back = document.createElement('button');
      back.type = 'button';
      back.className = 'bansou-back';
      back.textContent = '← 一覧にもどる';
      back.addEventListener('click', () => {
        $rootScope.$apply(() => $location.search('task', null));
      });
      document.body.appendChild(back);
      $rootScope.$on('$locationChangeSuccess', () => {
        document.body.classList.toggle('bansou-task-open', Boolean($location.search().task));
      });
      // Tasklist keeps a form's saved draft (and the classic forms' values) in the browser's
      // storage until it is sent: on a phone lent to a companion or a volunteer's shared
      // computer, the next person must not find a name or a phone there. Signing out, or a
      // session that ended, forgets every draft.
      function forgetDrafts() {
        for (let i = localStorage.length - 1; i >= 0; i--) {
          const key = localStorage.key(i);
          if (key && (key.indexOf('camunda-form:') === 0 || key.indexOf('camForm:') === 0)) {
            localStorage.removeItem(key);
          }
        }
      }
      $rootScope.$on('authentication.changed', (event, authentication) => {
        if (!authentication) {
          forgetDrafts();
        }
      });
      $rootScope.$on('$locationChangeSuccess', () => {
        if ($location.path() === '/login') {
          forgetDrafts();
        }
      });
      $rootScope.$on('$translateLoadingEnd', keepMomentInTheUiLanguage);
      $rootScope.$on('$translateChangeEnd', keepMomentInTheUiLanguage);
    }
  ]);
}
