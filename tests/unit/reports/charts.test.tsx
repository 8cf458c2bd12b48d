import { describe, expect, it } from 'vitest';
import { BarChart, barWidth, FunnelChart, shorten, stepConversion } from '../../../views/reports/charts.js';

const html = async (el: unknown) => String(await (el as { toString(): string | Promise<string> }).toString());
const widths = (svg: string) => [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));

describe('bar charts', () => {
  it('draws bars proportional to the largest value, with every value printed', async () => {
    const svg = await html(
      <BarChart
        id="c"
        title="Pertemuan per provinsi"
        width={520}
        bars={[
          { label: 'Nusa Tenggara Barat', value: 40, display: '40' },
          { label: 'Jawa Timur', value: 10, display: '10' },
          { label: 'Jawa Barat', value: 0, display: '0' },
        ]}
      />,
    );
    const [a, b, c] = widths(svg);
    expect(a).toBe(184);
    expect(b).toBe(46);
    expect(c).toBe(0);
    expect(svg).toContain('>40</text>');
    expect(svg).toContain('>0</text>');
  });

  it('is an accessible image with a title and a text description of the numbers', async () => {
    const svg = await html(
      <BarChart id="x" title="Judul" bars={[{ label: 'A', value: 1, display: 'Rp 1 juta' }]} />,
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="x-title x-desc"');
    expect(svg).toContain('<title id="x-title">Judul</title>');
    expect(svg).toContain('<desc id="x-desc">A: Rp 1 juta</desc>');
  });

  it('escapes labels (company names are user input)', async () => {
    const svg = await html(
      <BarChart id="x" title="t" bars={[{ label: '<script>x</script> & Co', value: 1, display: '1' }]} />,
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('survives an empty chart and all-zero values', async () => {
    expect(widths(await html(<BarChart id="e" title="t" bars={[]} />))).toEqual([]);
    expect(barWidth(0, 0, 300)).toBe(0);
    expect(barWidth(1, 1_000_000, 300)).toBe(1);
  });

  it('shortens long labels on the axis only', () => {
    expect(shorten('PT Teknologi Pendukung Otomotif Smartpolitan (demo)')).toBe(
      'PT Teknologi Pendukung Otomot…',
    );
    expect(shorten('Jawa Timur')).toBe('Jawa Timur');
  });
});

describe('the funnel', () => {
  const steps = [
    { label: 'Permintaan', count: 200, display: '200' },
    { label: 'Diterima', count: 150, display: '150' },
    { label: 'Terlaksana', count: 0, display: '0' },
    { label: 'Transaksi', count: 0, display: '0' },
  ];

  it('shows each step with its share of the step before', async () => {
    const svg = await html(<FunnelChart id="f" title="Corong" steps={steps} />);
    expect(svg).toContain('>200</text>');
    expect(svg).toContain('>150 (75%)</text>');
    expect(svg).toContain('>0 (0%)</text>');
    expect(widths(svg)).toEqual([340, 255, 0, 0]);
  });

  it('has no share for the first step or after an empty one', () => {
    expect(stepConversion(steps, 0)).toBeNull();
    expect(stepConversion(steps, 1)).toBe(75);
    expect(stepConversion(steps, 3)).toBeNull();
  });
});
