// Logs in through the Camunda webapps' own login, so the dashboard shares their session.
document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('message');
  message.textContent = '';
  try {
    // Camunda's CSRF filter hands out its token on request
    const probe = await fetch('/camunda/api/admin/auth/user/default', {
      headers: { 'X-XSRF-TOKEN': 'Fetch' }, credentials: 'same-origin'
    });
    const token = probe.headers.get('X-XSRF-TOKEN');
    const body = new URLSearchParams({ username: form.username.value, password: form.password.value });
    // the lessons register is for companions too, who log in to Tasklist (not Cockpit)
    const toLessons = new URLSearchParams(window.location.search).get('next') === 'lessons';
    const app = toLessons ? 'tasklist' : 'cockpit';
    const login = await fetch('/camunda/api/admin/auth/user/default/login/' + app, {
      method: 'POST', body, credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': token || '', 'Content-Type': 'application/x-www-form-urlencoded' }
    });
    if (login.ok) {
      window.location.assign(toLessons ? '/lessons/' : '/dashboard');
    } else if (login.status === 429) {
      // too many failures: the server says how long to wait
      const answer = await login.json().catch(() => ({}));
      message.textContent = answer.message || 'ログインの失敗が続いたので、しばらく待ってからもう一度試してください。';
    } else {
      message.textContent = 'ユーザー名かパスワードが違います（何度も間違えると、しばらくログインできません）。';
    }
  } catch (e) {
    message.textContent = 'サーバーにつながりません。しばらくしてから、もう一度お試しください。';
  }
});
