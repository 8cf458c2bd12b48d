// Location on a phone (progressive enhancement; the CSP forbids inline scripts).
// 1. "Use my location" fills latitude and longitude from the browser's geolocation.
// 2. Choosing a province narrows the regency list in place, so the no-JS "Pilih" step is not needed.
(() => {
  function geolocate(button) {
    const form = button.form;
    const status = form?.querySelector('[data-geolocate-status]');
    const lat = form?.querySelector('input[name="lat"]');
    const lon = form?.querySelector('input[name="lon"]');
    if (!form || !lat || !lon || !('geolocation' in navigator)) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      if (status) status.textContent = button.dataset.busy || '';
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          lat.value = pos.coords.latitude.toFixed(5);
          lon.value = pos.coords.longitude.toFixed(5);
          if (status) status.textContent = '';
        },
        () => {
          if (status) status.textContent = button.dataset.failed || '';
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
      );
    });
  }

  function cascade(provinceSelect) {
    const form = provinceSelect.form;
    const regency = form?.querySelector('[data-regency-select]');
    const reload = form?.querySelector('[data-province-reload]');
    if (!form || !regency) return;
    // Keep every option (the server may have narrowed the list already: then a reload is needed).
    const all = Array.from(regency.querySelectorAll('option[data-province]')).map((o) => ({
      option: o,
      group: o.parentElement,
    }));
    const complete = all.length > 0 && new Set(all.map((x) => x.option.dataset.province)).size > 1;
    if (reload && complete) reload.hidden = true;
    const apply = () => {
      const p = provinceSelect.value;
      for (const { option } of all) {
        const show = !p || option.dataset.province === p;
        option.hidden = !show;
        option.disabled = !show;
        if (!show && option.selected) regency.value = '';
      }
      for (const group of regency.querySelectorAll('optgroup'))
        group.hidden = !Array.from(group.querySelectorAll('option')).some((o) => !o.hidden);
    };
    provinceSelect.addEventListener('change', () => {
      if (complete) apply();
      else reload?.click();
    });
  }

  function init() {
    for (const b of document.querySelectorAll('[data-geolocate]')) geolocate(b);
    for (const s of document.querySelectorAll('[data-province-select]')) cascade(s);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
