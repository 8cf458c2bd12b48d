/** Event day: batched change notices, location on a phone, public event pages. */
export const eventdayId = {
  'events.changes.title': 'Perubahan agenda {event}',
  'events.changes.body':
    'Jadwal {name} di {event} berubah ({count} perubahan sejak pemberitahuan terakhir):\n{changes}\n\nAgenda terbaru terlampir sebagai kalender (.ics).',
  'events.changes.added': '+ Pertemuan baru dengan {counterpart}: {new}',
  'events.changes.moved': '↻ Pertemuan dengan {counterpart} dipindah: {old} → {new}',
  'events.changes.cancelled': '× Pertemuan dengan {counterpart} dibatalkan: {old}',
} as const;
