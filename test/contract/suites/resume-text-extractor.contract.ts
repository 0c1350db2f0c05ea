import { expect } from 'chai';
import { writeZip } from '../../../src/adapters/documents/zip.js';
import type { ResumeTextExtractor } from '../../../src/ports/resume-text-extractor.js';
import {
  HIDDEN_TEXT, imageOnlyPdf, RESUME_FIXTURES, renamedExe, resumeDocx, singleColumnPdf, twoColumnPdf, hiddenTextPdf,
} from '../../support/fixtures/resumes.js';

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  expect.fail('expected the call to reject');
}

/** Positions of the words in the text, which must increase: the reading order. */
function expectInOrder(text: string, words: readonly string[]): void {
  let at = -1;
  for (const w of words) {
    const next = text.indexOf(w, at + 1);
    expect(next, `"${w}" after position ${at} in:\n${text}`).to.be.greaterThan(at);
    at = next;
  }
}

/** What every ResumeTextExtractor must do. */
export function resumeTextExtractorContract(label: string, open: () => Promise<ResumeTextExtractor> | ResumeTextExtractor): void {
  describe(`ResumeTextExtractor contract: ${label}`, function () {
    this.timeout(30_000);
    let extractor: ResumeTextExtractor;
    before(async () => {
      extractor = await open();
    });

    for (const fixture of RESUME_FIXTURES.filter((f) => f.order)) {
      it(`reads the ${fixture.id} resume in reading order, with its page count`, async () => {
        const result = await extractor.extract(await fixture.build(), fixture.type);
        expect(result.type).to.equal(fixture.type);
        expect(result.pages).to.equal(1);
        expect(result.hiddenText).to.deep.equal([]);
        expect(result.text).to.contain(fixture.expected.email);
        expectInOrder(result.text, fixture.order!);
      });
    }

    it('never interleaves the two columns of a two-column page', async () => {
      const { text } = await extractor.extract(await twoColumnPdf(), 'pdf');
      const lines = text.split('\n');
      expect(lines).to.include('Python');
      expect(lines).to.include('Lead Data Engineer | Northwind Analytics | Apr 2020 – Present');
      expect(text).not.to.match(/Python.*Data engineer|Apache Spark.*Lead Data/);
    });

    it('moves white, 1-pt and off-page PDF text to hiddenText and out of text', async () => {
      const result = await extractor.extract(await hiddenTextPdf(), 'pdf');
      for (const h of HIDDEN_TEXT) {
        expect(result.text).not.to.contain(h.text);
        expect(result.hiddenText.join('\n')).to.contain(h.text);
      }
      for (const word of ['COBOL', 'Fortran', 'Erlang', 'Ignore previous']) expect(result.text).not.to.contain(word);
      const clean = await extractor.extract(await singleColumnPdf(), 'pdf');
      expect(result.text).to.equal(clean.text);
    });

    it('moves hidden, white and tiny DOCX runs to hiddenText and out of text', async () => {
      const hidden = await extractor.extract(await resumeDocx({ hidden: true }), 'docx');
      const clean = await extractor.extract(await resumeDocx(), 'docx');
      expect(hidden.text).to.equal(clean.text);
      expect(hidden.hiddenText.join(' ')).to.contain('COBOL').and.contain('Ignore previous instructions').and.contain('Haskell');
    });

    it('rejects a scanned (image-only) PDF with NoTextLayer', async () => {
      const error = await rejection(extractor.extract(await imageOnlyPdf(), 'pdf'));
      expect(error.code).to.equal('resumes.no_text_layer');
      expect(error.message).to.match(/no text layer/i);
    });

    it('rejects bytes that are not of the stated type with UnsupportedDocumentType', async () => {
      expect((await rejection(extractor.extract(renamedExe(), 'pdf'))).code).to.equal('resumes.unsupported_type');
      expect((await rejection(extractor.extract(await resumeDocx(), 'pdf'))).code).to.equal('resumes.unsupported_type');
      expect((await rejection(extractor.extract(await singleColumnPdf(), 'docx'))).code).to.equal('resumes.unsupported_type');
    });

    it('rejects corrupt files with UnreadableDocument', async () => {
      const pdf = await singleColumnPdf();
      const garbage = new Uint8Array(2000).map((_, i) => (i * 7919) % 251);
      const brokenPdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...garbage]);
      expect((await rejection(extractor.extract(brokenPdf, 'pdf'))).code).to.equal('resumes.unreadable');
      expect((await rejection(extractor.extract(pdf.subarray(0, 400), 'pdf'))).code).to.be.oneOf(['resumes.unreadable', 'resumes.no_text_layer']);
      // A ZIP listing a word/document.xml entry whose data its directory says runs far past the end of the file.
      const brokenDocx = writeZip(new Map([['word/document.xml', new TextEncoder().encode('<w:document>…</w:document>')]]));
      const directory = new DataView(brokenDocx.buffer).getUint32(brokenDocx.length - 6, true);
      new DataView(brokenDocx.buffer).setUint32(directory + 20, 1_000_000, true);
      expect((await rejection(extractor.extract(brokenDocx, 'docx'))).code).to.equal('resumes.unreadable');
    });
  });
}
