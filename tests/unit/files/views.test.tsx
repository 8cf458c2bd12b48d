import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../src/files/repo.js';
import { translator } from '../../../src/i18n/index.js';
import { EvidenceLink, FileLink } from '../../../views/files/FileLink.js';
import { MediaGallery } from '../../../views/files/MediaGallery.js';
import { UploadForm } from '../../../views/files/UploadForm.js';

const t = translator('id');
const html = async (el: unknown) => String(await (el as { toString(): string | Promise<string> }).toString());
const SUPPLIER = '11111111-1111-4111-8111-111111111111';
const CERT = '22222222-2222-4222-8222-222222222222';

describe('UploadForm', () => {
  it('posts multipart to /files without JavaScript and labels the file input', async () => {
    const out = await html(
      <UploadForm t={t} supplierId={SUPPLIER} purpose="evidence" certificationId={CERT} next="/s/1" />,
    );
    expect(out).toContain('action="/files"');
    expect(out).toContain('enctype="multipart/form-data"');
    expect(out).toContain(`name="certification_id" value="${CERT}"`);
    expect(out).toContain(`<label for="upload-evidence-${CERT}-file">`);
    expect(out).toContain('accept="application/pdf,image/jpeg,image/png,image/webp"');
    expect(out).not.toContain('name="caption"');
  });

  it('offers a labelled caption for photos and accepts images only', async () => {
    const out = await html(<UploadForm t={t} supplierId={SUPPLIER} purpose="photo" />);
    expect(out).toContain(`<label for="upload-photo-${SUPPLIER}-caption">`);
    expect(out).toContain('accept="image/jpeg,image/png,image/webp"');
  });
});

const item = (over: Partial<MediaItem> = {}): MediaItem => ({
  id: '33333333-3333-4333-8333-333333333333',
  filename: 'foto.png',
  mime: 'image/png',
  sizeBytes: 2048,
  createdAt: new Date(),
  kind: 'photo',
  caption: null,
  position: 0,
  ...over,
});

describe('MediaGallery and FileLink', () => {
  it('escapes captions and file names', async () => {
    const out = await html(
      <MediaGallery t={t} items={[item({ caption: '<script>x</script>', filename: '"><img>' })]} />,
    );
    expect(out).not.toContain('<script>x');
    expect(out).toContain('alt="&lt;script&gt;x&lt;/script&gt;"');
    const link = await html(
      <FileLink t={t} file={item({ filename: '<b>a</b>.png', sizeBytes: 3_500_000 })} />,
    );
    expect(link).toContain('&lt;b&gt;a&lt;/b&gt;.png');
    expect(link).toContain('href="/files/33333333-3333-4333-8333-333333333333"');
    expect(link).toContain('(PNG, 3,3 MB)');
  });

  it('shows delete buttons and the shared limit to editors only', async () => {
    const items = [item()];
    expect(await html(<MediaGallery t={t} items={items} />)).not.toContain('/delete');
    const editor = await html(<MediaGallery t={t} items={items} canEdit total={12} next="/s/1" />);
    expect(editor).toContain('action="/files/33333333-3333-4333-8333-333333333333/delete"');
    expect(editor).toContain('12 dari 12 gambar');
    expect(editor).toContain('Galeri sudah penuh');
  });

  it('says when a certification has no evidence yet', async () => {
    expect(await html(<EvidenceLink t={t} file={undefined} />)).toContain('Belum ada bukti.');
  });
});
