import { expect } from 'chai';
import { writeZip } from '../../../src/adapters/documents/zip.js';
import { sniffDocumentType } from '../../../src/domain/resumes/file-type.js';
import { imageOnlyPdf, renamedExe, resumeDocx, scannedPagePng, singleColumnPdf } from '../../support/fixtures/resumes.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffDocumentType', () => {
  it('recognises PDFs by %PDF- and DOCX by a ZIP naming word/document.xml', async () => {
    expect(sniffDocumentType(await singleColumnPdf())).to.equal('pdf');
    expect(sniffDocumentType(await imageOnlyPdf())).to.equal('pdf');
    expect(sniffDocumentType(await resumeDocx())).to.equal('docx');
    expect(sniffDocumentType(ascii('\ufeff\n%PDF-1.4\n'))).to.equal('pdf');
  });

  it('refuses everything else, whatever the file is called', () => {
    expect(sniffDocumentType(renamedExe())).to.equal(undefined);
    expect(sniffDocumentType(scannedPagePng())).to.equal(undefined);
    expect(sniffDocumentType(new Uint8Array(0))).to.equal(undefined);
    expect(sniffDocumentType(ascii('PK\u0003\u0004xl/workbook.xml'))).to.equal(undefined); // an .xlsx
    // The words in a ZIP are not the entry: a text file that mentions them is no DOCX.
    expect(sniffDocumentType(writeZip(new Map([['readme.txt', ascii('see word/document.xml')]])))).to.equal(undefined);
    expect(sniffDocumentType(writeZip(new Map([['word/document.xml', ascii('<w:document/>')]])))).to.equal('docx');
    // Nor is a DOCX stored whole inside another ZIP: its entries are not the archive's.
    const docx = writeZip(new Map([['word/document.xml', ascii('<w:document/>')]]));
    expect(sniffDocumentType(writeZip(new Map([['resume.docx', docx]])))).to.equal(undefined);
    expect(sniffDocumentType(ascii('junk before %PDF-1.4'))).to.equal(undefined);
    expect(sniffDocumentType(ascii('{\\rtf1 a resume'))).to.equal(undefined);
  });
});
