const LEGAL_FORMS = /\b(pt|cv|ud|pd|fa|tbk|koperasi|kop|persero|perseroan terbatas|usaha dagang)\b\.?/g;

/**
 * Normalises a company name for matching spreadsheet rows to existing suppliers:
 * "CV. Sinar Logam  Presisi" and "sinar logam presisi, cv" both become "sinar logam presisi".
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;:()"'`’/\\&+-]/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Indonesian mobile numbers to the international form wa.me expects: "0812-3456-789" → "628123456789". */
export function whatsappNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  if (digits.startsWith('8')) digits = `62${digits}`;
  return /^62[0-9]{8,13}$/.test(digits) ? digits : null;
}

/** A certificate counts as held until the end of its valid-until day; no date means no stated expiry. */
export function isCertificateValid(validUntil: string | null, today: string): boolean {
  return validUntil === null || validUntil >= today;
}

/** Made once: building a DateTimeFormat costs far more than formatting with it, and every search asks for today. */
const JAKARTA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

/** Today's date in WIB (Asia/Jakarta): expiry is judged by the Indonesian calendar day, not by UTC. */
export function todayIso(now: Date): string {
  return JAKARTA_DAY.format(now);
}
