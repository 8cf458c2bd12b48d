import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { decodeWords, htmlToText, MAIL_LIMITS, mailAttachment, parseMail } from '../../../src/mail/parse.js';

/** The same transport the app's mailer renders .eml messages with. */
async function render(msg: Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0]) {
  const tr = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await tr.sendMail({ from: 'Pasok <noreply@pasok.test>', ...msg });
  return (info.message as Buffer).toString('utf8');
}

const ICS = 'BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n';

describe('the bounded MIME reader', () => {
  it('reads a multipart/mixed message with an alternative body and an .ics attachment', async () => {
    const raw = await render({
      to: 'Siti Aminah <siti@example.test>',
      subject: 'Jadwal temu usaha — nilai Rp 1,2 miliar ✓ (Sumbawa Barat)',
      date: new Date('2026-03-02T01:30:00Z'),
      text: 'Halo Siti,\nJadwal Anda pukul 09.30 WITA.\nSalam — Pasok',
      html: '<p>Halo <b>Siti</b></p>',
      attachments: [
        { filename: 'jadwal temu.ics', content: ICS, contentType: 'text/calendar; method=PUBLISH' },
      ],
    });
    const m = parseMail(raw);
    expect(m.subject).toBe('Jadwal temu usaha — nilai Rp 1,2 miliar ✓ (Sumbawa Barat)');
    expect(m.from).toBe('Pasok <noreply@pasok.test>');
    expect(m.to).toBe('Siti Aminah <siti@example.test>');
    expect(m.date?.toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(m.text).toBe('Halo Siti,\nJadwal Anda pukul 09.30 WITA.\nSalam — Pasok');
    expect(m.htmlText).toBe('Halo Siti');
    expect(m.attachments).toEqual([
      { index: 2, filename: 'jadwal temu.ics', contentType: 'text/calendar', size: Buffer.byteLength(ICS) },
    ]);
    expect(mailAttachment(raw, 2)?.content.toString('utf8')).toBe(ICS);
    expect(mailAttachment(raw, 0)).toBeNull();
    expect(m.truncated).toBe(false);
  });

  it('decodes quoted-printable and base64 UTF-8 bodies', async () => {
    const long = `${'Pengecoran logam untuk smelter AMMAN — ton/bulan. '.repeat(6)}ü`;
    const qp = parseMail(await render({ to: 'a@x.test', subject: 's', text: long }));
    expect(qp.text).toBe(long);
    const b64 = parseMail(
      await render({ to: 'a@x.test', subject: 's', text: 'Kedua 二 ✓', textEncoding: 'base64' } as never),
    );
    expect(b64.text).toBe('Kedua 二 ✓');
  });

  it('reads non-ASCII attachment names (RFC 2231) and lists non-text parts as attachments', async () => {
    const raw = await render({
      to: 'a@x.test',
      subject: 's',
      text: 't',
      attachments: [
        {
          filename: 'Sertifikat Halal — 2025.pdf',
          content: Buffer.from('%PDF-1.4 x'),
          contentType: 'application/pdf',
        },
      ],
    });
    const [a] = parseMail(raw).attachments;
    expect(a).toMatchObject({
      filename: 'Sertifikat Halal — 2025.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
  });

  it('reduces an HTML-only message to text, dropping scripts, styles and images', async () => {
    const m = parseMail(
      await render({
        to: 'a@x.test',
        subject: 's',
        html: '<style>p{color:red}</style><p>Halo &amp; selamat</p><script>alert(1)</script><img src="http://evil/x.png"><p>Baris&nbsp;dua &#8594; &#x2713;</p>',
      }),
    );
    expect(m.text).toBeNull();
    expect(m.htmlText).toBe('Halo & selamat\nBaris dua → ✓');
    expect(htmlToText('<script>never closed <p>x</p>')).toBe('');
  });

  it('decodes RFC 2047 words in Latin-1 and base64, joining adjacent words', () => {
    expect(decodeWords('=?ISO-8859-1?Q?Caf=E9?= =?UTF-8?B?4pyT?=')).toBe('Café✓');
    expect(decodeWords('plain text')).toBe('plain text');
    expect(decodeWords('=?x-unknown?Z?abc?=')).toBe('=?x-unknown?Z?abc?=');
  });

  it('reads a hand-written CRLF message with a Latin-1 quoted-printable body', () => {
    const raw = [
      'From: a@x.test',
      'To: b@x.test',
      'Subject: Hi',
      'Date: not a date',
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=E9 con=',
      'tinues',
    ].join('\r\n');
    const m = parseMail(raw);
    expect(m.text).toBe('Café continues');
    expect(m.date).toBeNull();
  });

  it('stays bounded on hostile input: deep nesting, many parts, missing boundaries', () => {
    let nested = 'text/plain body';
    for (let i = 0; i < 20; i++)
      nested = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${i === 0 ? 'Content-Type: text/plain\n\nleaf' : nested}\n--b${i}--\n`;
    expect(parseMail(nested).truncated).toBe(true);
    const many = `Content-Type: multipart/mixed; boundary="x"\n\n${'--x\nContent-Type: application/octet-stream\n\nA\n'.repeat(500)}--x--\n`;
    const m = parseMail(many);
    expect(m.attachments.length).toBeLessThanOrEqual(MAIL_LIMITS.parts);
    expect(parseMail('Content-Type: multipart/mixed\n\nno boundary').truncated).toBe(true);
    expect(parseMail('').subject).toBe('');
  });

  it('cuts an oversized message and says so', () => {
    const raw = `Subject: big\nContent-Type: text/plain\n\n${'x'.repeat(MAIL_LIMITS.bytes + 10)}`;
    const m = parseMail(raw);
    expect(m.truncated).toBe(true);
    expect(m.text!.length).toBeLessThanOrEqual(MAIL_LIMITS.textChars);
  });
});
