// The phone's pairing page (pair.html), before the phone has a token: sends
// the code from the computer and a name to POST /api/pair, which sets the
// phone's cookie, then opens the app. Plain ES2020, no build step; the same
// problem shapes as src/api.ts (RFC 9457). Tested by tests/devices.test.ts.
'use strict';

(() => {
  const form = document.getElementById('pair-form');
  const codeInput = document.getElementById('pair-code');
  const nameInput = document.getElementById('pair-name');
  const submit = document.getElementById('pair-submit');
  const problemBox = document.getElementById('pair-problem');
  const statusBox = document.getElementById('pair-status');
  const inputs = { code: codeInput, name: nameInput };
  const labels = { code: 'Pairing code', name: 'Name this device' };

  // The code arrives in the fragment (the QR code's link), never sent to the
  // server by the browser; it leaves the address bar and the history at once.
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('code');
  if (fromLink) codeInput.value = fromLink;
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);

  const agent = navigator.userAgent || '';
  nameInput.value = /Android/i.test(agent) ? 'Android phone' : /iPhone/i.test(agent) ? 'iPhone' : 'Phone';

  // "k7qm 2xhd" or "K7QM2XHD" as the computer shows it: "K7QM-2XHD".
  function normalCode(text) {
    const code = text.replace(/\s+/g, '').toUpperCase();
    return /^[A-Z0-9]{8}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
  }

  // The problem beside the form, naming the field it is about; that field is
  // marked invalid, described by the problem, and focused.
  function showProblem(field, text) {
    for (const [key, input] of Object.entries(inputs)) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `pair-${key}-hint`);
    }
    problemBox.textContent = field ? `${labels[field]}: ${text}` : text;
    if (field) {
      inputs[field].setAttribute('aria-invalid', 'true');
      inputs[field].setAttribute('aria-describedby', `pair-${field}-hint pair-problem`);
      inputs[field].focus();
    }
  }

  // Which field a problem is about, and what to say.
  function problemOf(status, problem) {
    const detail = typeof problem.detail === 'string' && problem.detail !== '' ? sentence(problem.detail) : '';
    // A wrong, expired, used or voided code: the server's sentence says what to do next.
    const said = {
      403: 'That code is not right. Please check it on the computer.',
      410: 'This code has expired or was already used. Please make a new one on the computer.',
      429: 'Too many tries. Please make a new code on the computer.',
    };
    if (said[status]) return { field: 'code', text: detail || said[status] };
    const first = Array.isArray(problem.errors) ? problem.errors[0] : undefined;
    if (first && (first.field === 'code' || first.field === 'name')) {
      if (first.value === '') return { field: first.field, text: `Needed: ${first.allowed}.` };
      return { field: first.field, text: `Please use ${first.allowed}.` };
    }
    return { field: null, text: detail || sentence(problem.title || `daybreak answered with an error (${status})`) };
  }

  // "wrong code; 4 tries left" -> "Wrong code; 4 tries left." ("daybreak" keeps its small d)
  function sentence(text) {
    const t = text.startsWith('daybreak') ? text : text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(t) ? t : `${t}.`;
  }

  async function pair(code, name) {
    const options = {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name }),
      credentials: 'same-origin',
    };
    if (typeof AbortSignal !== 'undefined' && AbortSignal.timeout) options.signal = AbortSignal.timeout(10000);
    let response;
    try {
      response = await fetch('/api/pair', options);
    } catch {
      const text = 'daybreak cannot be reached. Check that this phone is on the same Wi-Fi as the computer';
      return { field: null, text: `${text}, and that daybreak is running there.` };
    }
    if (response.ok) return null; // 201, the cookie set
    let problem = {};
    try {
      problem = JSON.parse(await response.text()) || {};
    } catch {
      problem = {};
    }
    return problemOf(response.status, problem);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = normalCode(codeInput.value);
    const name = nameInput.value.trim();
    codeInput.value = code;
    if (code === '') return showProblem('code', 'Please type the code the computer shows.');
    if (name === '') return showProblem('name', 'Please give this device a name.');
    showProblem(null, '');
    submit.disabled = true;
    submit.textContent = 'Pairing…';
    const failed = await pair(code, name);
    if (!failed) {
      statusBox.textContent = 'Paired. Opening daybreak…';
      setTimeout(() => location.replace('/'), 800);
      return;
    }
    submit.disabled = false;
    submit.textContent = 'Pair';
    showProblem(failed.field, failed.text);
  });
})();
