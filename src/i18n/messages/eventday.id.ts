/** Event day: batched change notices, location on a phone, public event pages. */
export const eventdayId = {
  'events.changes.title': 'Perubahan agenda {event}',
  'events.changes.body':
    'Jadwal {name} di {event} berubah ({count} perubahan sejak pemberitahuan terakhir):\n{changes}\n\nAgenda terbaru terlampir sebagai kalender (.ics).',
  'events.changes.added': '+ Pertemuan baru dengan {counterpart}: {new}',
  'events.changes.moved': '↻ Pertemuan dengan {counterpart} dipindah: {old} → {new}',
  'events.changes.cancelled': '× Pertemuan dengan {counterpart} dibatalkan: {old}',
  'events.public.venue': 'Tempat',
  'events.public.organizer': 'Penyelenggara',
  'events.public.dates': 'Tanggal dan waktu',
  'events.public.add_to_calendar': 'Tambahkan ke kalender (.ics)',
  'events.public.orgs_title': 'IKM terverifikasi yang ikut',
  'events.public.orgs_empty': 'Belum ada IKM terverifikasi yang terdaftar.',
  'events.public.register_title': 'Daftar sebagai peserta',
  'events.public.register_lead':
    'Buat akun dan daftarkan organisasi Anda. Fasilitator akan meninjau pendaftaran sebelum Anda dapat mengajukan pertemuan.',
  'events.public.register_submit': 'Buat akun dan daftar',
  'events.public.registered':
    'Terima kasih. Pendaftaran Anda menunggu persetujuan fasilitator; cek email Anda, lalu masuk untuk melihat statusnya.',
  'events.public.registration_closed': 'Pendaftaran untuk acara ini sedang tidak dibuka.',
  'events.public.ics_description': 'Temu usaha {event}',
  'events.public.settings_title': 'Halaman publik {event}',
  'events.public.slug': 'Alamat halaman (/e/…)',
  'events.public.slug_hint': 'Huruf kecil, angka dan tanda hubung, misalnya temu-usaha-sumbawa-2027.',
  'events.public.open': 'Tampilkan halaman publik dan buka pendaftaran mandiri',
  'events.public.back': 'Kembali ke acara',
  'v.events.slug': 'Gunakan huruf kecil, angka dan tanda hubung (tidak di awal atau akhir).',
  'v.events.slug_taken': 'Alamat ini sudah dipakai acara lain.',
} as const;
