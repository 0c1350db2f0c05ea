import { expect } from 'chai';
import { findGutter, pageLines, type TextBox } from '../../../src/adapters/documents/pdf-layout.js';

const box = (text: string, x: number, y: number, size = 10): TextBox => ({ text, x, y, width: text.length * size * 0.5, size });

describe('PDF reading order', () => {
  it('reads two columns left then right although their lines share baselines', () => {
    const left = ['SKILLS', 'Python', 'Go', 'Kafka', 'Docker'].map((t, i) => box(t, 30, 700 - i * 14));
    const right = ['EXPERIENCE', 'Lead Engineer at Acme', 'Built the payments platform', 'Cut latency by 40%', 'Mentored six engineers']
      .map((t, i) => box(t, 230, 700 - i * 14));
    const interleaved = left.flatMap((l, i) => [l, right[i]!]);
    expect(findGutter(interleaved)).to.be.within(60, 230);
    expect(pageLines(interleaved)).to.deep.equal([
      'SKILLS', 'Python', 'Go', 'Kafka', 'Docker', '',
      'EXPERIENCE', 'Lead Engineer at Acme', 'Built the payments platform', 'Cut latency by 40%', 'Mentored six engineers',
    ]);
  });

  it('finds the columns of a page a file declares absurdly wide, looking at a bounded number of places', () => {
    // 2,000,000 points wide (the width is the file's to declare): swept point by point, this held the server for a minute.
    const left = ['SKILLS', 'Python', 'Go', 'Kafka', 'Docker'].map((t, i) => box(t, 30, 700 - i * 14));
    const right = ['EXPERIENCE', 'Lead Engineer at Acme', 'Built the payments platform', 'Cut latency by 40%', 'Mentored six engineers']
      .map((t, i) => box(t, 1_999_000, 700 - i * 14));
    const boxes = left.flatMap((l, i) => [l, right[i]!]);
    let probes = 0;
    const counted = boxes.map((b) => new Proxy(b, { get: (target, key) => (key === 'x' && probes++, Reflect.get(target, key)) }));
    expect(findGutter(counted)).to.be.within(100, 1_999_000);
    expect(probes).to.be.below(200_000);
    expect(pageLines(boxes).slice(0, 6)).to.deep.equal(['SKILLS', 'Python', 'Go', 'Kafka', 'Docker', '']);
  });

  it('keeps a full-width name above both columns', () => {
    const boxes = [
      box('Maria Garcia — Data Engineer — maria@example.org — London', 30, 740, 12),
      ...['Python', 'Spark', 'Airflow', 'Kafka'].map((t, i) => box(t, 30, 700 - i * 14)),
      ...['Lead Data Engineer, Northwind', 'Designed the streaming platform', 'Cut costs by 35%', 'Owned the data warehouse']
        .map((t, i) => box(t, 230, 700 - i * 14)),
    ];
    const lines = pageLines(boxes);
    expect(lines[0]).to.match(/^Maria Garcia/);
    expect(lines.indexOf('Airflow')).to.be.lessThan(lines.indexOf('Cut costs by 35%'));
  });

  it('does not split a single column whose dates sit flush right', () => {
    const boxes: TextBox[] = [];
    let y = 700;
    for (let job = 0; job < 4; job++) {
      boxes.push(box(`Senior Engineer, Company ${job}`, 50, y), box('Jan 2020 – Present', 470, y));
      y -= 14;
      for (let b = 0; b < 3; b++) {
        boxes.push(box('• Delivered a long line of results that runs across most of the page width', 50, y));
        y -= 14;
      }
    }
    expect(findGutter(boxes)).to.equal(undefined);
    const lines = pageLines(boxes);
    expect(lines[0]).to.equal('Senior Engineer, Company 0\tJan 2020 – Present');
  });

  it('reads a table or a grid of aligned words row by row, not column by column', () => {
    const words = ['Led', 'migration', 'of', 'services', 'to', 'Kubernetes'];
    const boxes = Array.from({ length: 12 }, (_, row) => words.map((w, col) => box(w, 50 + col * 80, 700 - row * 14))).flat();
    expect(findGutter(boxes)).to.equal(undefined);
    expect(pageLines(boxes)[0]).to.equal('Led\tmigration\tof\tservices\tto\tKubernetes');
  });

  it('groups words into lines by baseline, left to right, and marks a new block with a blank line', () => {
    const boxes = [box('World', 80, 700), box('Hello', 50, 700.5), box('Next', 50, 686), box('Block', 50, 640)];
    expect(pageLines(boxes)).to.deep.equal(['Hello World', 'Next', '', 'Block']);
  });
});
