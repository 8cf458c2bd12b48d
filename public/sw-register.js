// Registers the offline-agenda service worker (only pages meant for offline use load this).
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
