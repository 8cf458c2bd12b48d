// The facilitator's QR scanner, on the scan page only. BarcodeDetector when the browser has it,
// else jsQR, fetched only now. A decoded badge URL of this event opens its confirmation page;
// without JavaScript or a camera, the typed-code form above does the same.
(() => {
  const box = document.getElementById('camera');
  if (!box || !navigator.mediaDevices?.getUserMedia) return;
  box.hidden = false;
  const video = document.getElementById('camera-video');
  const status = document.getElementById('camera-status');
  const prefix = `${location.origin}/events/${box.dataset.event}/check-in/t/`;
  let decode;

  function loadJsQr() {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = box.dataset.jsqr;
      s.onload = () => resolve(window.jsQR);
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  async function decoder() {
    if ('BarcodeDetector' in window) {
      const d = new window.BarcodeDetector({ formats: ['qr_code'] });
      return async (source) => (await d.detect(source))[0]?.rawValue ?? null;
    }
    const jsQR = await loadJsQr();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    return async (source) => {
      canvas.width = source.videoWidth;
      canvas.height = source.videoHeight;
      ctx.drawImage(source, 0, 0);
      const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return jsQR(img.data, img.width, img.height)?.data ?? null;
    };
  }

  async function tick() {
    if (video.readyState >= 2) {
      const text = await decode(video).catch(() => null);
      if (text?.startsWith(prefix)) {
        location.assign(text);
        return;
      }
    }
    setTimeout(tick, 250);
  }

  document.getElementById('camera-start').addEventListener('click', async () => {
    try {
      decode = await decoder();
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      await video.play();
      tick();
    } catch (err) {
      status.textContent = String(err?.message ?? err);
    }
  });
})();
