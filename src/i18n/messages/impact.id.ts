/** Surveys by link, the follow-up pipeline, targets and report polish (Bahasa Indonesia). */
export const impactId = {
  'errors.gone': 'Tautan ini sudah tidak berlaku.',
  'nav.pipeline': 'Tindak lanjut',
  'nav.targets': 'Target',

  'impact.survey.title_3m': 'Survei 3 bulan setelah temu usaha',
  'impact.survey.title_6m': 'Survei 6 bulan setelah temu usaha',
  'impact.survey.about': 'Pertemuan Anda dengan {counterpart} di {event} ({date}). Bagaimana kelanjutannya?',
  'impact.survey.stage': 'Sampai tahap mana kerja samanya?',
  'impact.survey.value': 'Nilai transaksi yang sudah terealisasi (Rp)',
  'impact.survey.volume': 'Volume (mis. 20 ton/bulan)',
  'impact.survey.repeat_orders': 'Berapa kali pesanan ulang?',
  'impact.survey.obstacles': 'Kendala yang dihadapi',
  'impact.survey.help': 'Bantuan yang Anda harapkan dari dinas',
  'impact.survey.help_note': 'Keterangan bantuan',
  'impact.survey.submit': 'Kirim jawaban',
  'impact.survey.once': 'Tautan ini hanya bisa dipakai sekali dan tidak perlu login.',
  'impact.survey.wa_share': 'Bagikan lewat WhatsApp',
  'impact.survey.wa_text':
    'Halo, mohon isi survei singkat Pasok tentang kelanjutan pertemuan dengan {counterpart} (2 menit, tanpa login): {url}',
  'impact.survey.mail_intro':
    'Bagaimana kelanjutan pertemuan Anda di {event}? Jawab survei singkat lewat tautan di bawah, satu per pertemuan, tanpa login. Tautan berlaku {days} hari dan hanya sekali pakai.',
  'impact.survey.thanks_title': 'Terima kasih',
  'impact.survey.thanks': 'Jawaban Anda sudah tercatat sebagai laporan hasil pertemuan.',
  'impact.survey.used': 'Survei ini sudah dijawab. Terima kasih!',
  'impact.survey.expired':
    'Tautan survei ini sudah kedaluwarsa. Silakan login untuk melaporkan hasil pertemuan.',

  'impact.stage.new': 'Belum dihubungi',
  'impact.stage.contacted': 'Sudah dihubungi',
  'impact.stage.sample': 'Sampel atau penawaran',
  'impact.stage.trial': 'Pesanan percobaan',
  'impact.stage.contract': 'Kontrak atau PO',
  'impact.stage.repeat': 'Pesanan ulang',
  'impact.stage.dropped': 'Batal',

  'impact.help.financing': 'Pembiayaan',
  'impact.help.certification': 'Sertifikasi (SNI, halal, TKDN)',
  'impact.help.training': 'Pelatihan',
  'impact.help.equipment': 'Mesin atau peralatan',
  'impact.help.logistics': 'Logistik',
  'impact.help.introductions': 'Dipertemukan dengan pembeli lain',

  'impact.side.buyer': 'pembeli',
  'impact.side.supplier': 'pemasok',
  'impact.side.official': 'fasilitator',

  'impact.pipeline.title': 'Papan tindak lanjut',
  'impact.pipeline.item_title': 'Tindak lanjut pertemuan',
  'impact.pipeline.by_office': 'Per dinas',
  'impact.pipeline.by_event': 'Per acara',
  'impact.pipeline.move_to': 'Pindahkan ke',
  'impact.pipeline.move': 'Pindahkan',
  'impact.pipeline.since': 'sejak {date}',
  'impact.pipeline.overdue': 'Terlambat',
  'impact.pipeline.overdue_rule':
    'Ditandai terlambat bila tidak ada pergerakan: {contacted} hari (belum dihubungi atau sudah dihubungi), {sample} hari (sampel), {trial} hari (percobaan), {contract} hari (kontrak).',
  'impact.pipeline.limited':
    'Hanya 500 kartu pertama yang ditampilkan; pilih per acara untuk melihat semuanya.',
  'impact.pipeline.stage_now': 'Tahap saat ini',
  'impact.pipeline.history': 'Riwayat',
  'impact.pipeline.no_moves': 'Belum ada pergerakan.',
  'impact.pipeline.to_outcome': 'Ke hasil pertemuan',
  'impact.pipeline.stale': 'Kartu ini baru saja dipindahkan orang lain. Muat ulang dan coba lagi.',
  'impact.pipeline.link': 'Papan tindak lanjut',
} as const;
