// Pasok's only script of its own (the CSP forbids inline scripts). htmx does not swap
// 4xx/5xx answers (except 422 form re-renders), so without this a refused or failed
// request would look like nothing happened. Show every such answer, and network
// failures, in the page's alert region (#htmx-alert), as plain text.
(() => {
  const region = () => document.getElementById('htmx-alert');

  function show(text) {
    const el = region();
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
    el.scrollIntoView?.({ block: 'nearest' });
  }

  function hide() {
    const el = region();
    if (el && !el.hidden) {
      el.hidden = true;
      el.textContent = '';
    }
  }

  function fallback(status) {
    const key = status >= 500 ? 'server' : 'generic';
    const template = region()?.getAttribute(`data-${key}`) || 'Error {status}';
    return template.replace('{status}', String(status));
  }

  // The server's error fragment (views/errors/ErrorPage) carries the translated message
  // in its first paragraph, a JSON error its message; anything else (a proxy's 502 page)
  // gets the generic text. Only text is copied, never markup.
  function messageOf(xhr) {
    const type = xhr.getResponseHeader('Content-Type') || '';
    let text = '';
    try {
      if (type.includes('json')) {
        text = JSON.parse(xhr.responseText)?.error?.message;
      } else if (type.includes('html')) {
        const doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        text = doc.querySelector('#error > p')?.textContent;
      }
    } catch {
      text = '';
    }
    text = (text || '').trim();
    return text || fallback(xhr.status);
  }

  const offline = () => show(region()?.getAttribute('data-offline') || 'Offline');

  document.addEventListener('htmx:beforeRequest', hide);
  document.addEventListener('htmx:responseError', (evt) => {
    const xhr = evt.detail?.xhr;
    if (xhr) show(messageOf(xhr));
  });
  document.addEventListener('htmx:sendError', offline);
  document.addEventListener('htmx:timeout', offline);
})();
