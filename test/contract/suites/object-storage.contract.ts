import { expect } from 'chai';
import { InvalidStorageKey } from '../../../src/domain/shared/domain-error.js';
import type { ObjectStorage } from '../../../src/ports/object-storage.js';

export function objectStorageContract(label: string, open: () => Promise<ObjectStorage>): void {
  describe(`ObjectStorage contract: ${label}`, () => {
    let storage: ObjectStorage;
    before(async () => {
      storage = await open();
    });

    it('round-trips bytes and content type, replaces on put, and deletes', async () => {
      const bytes = new Uint8Array([0, 1, 2, 250, 255]);
      await storage.put('c1/r1.pdf', bytes, 'application/pdf');
      expect(await storage.exists('c1/r1.pdf')).to.equal(true);
      const got = await storage.get('c1/r1.pdf');
      expect(Array.from(got!.data)).to.deep.equal([0, 1, 2, 250, 255]);
      expect(got!.contentType).to.equal('application/pdf');
      await storage.put('c1/r1.pdf', new Uint8Array([9]), 'application/octet-stream');
      expect(Array.from((await storage.get('c1/r1.pdf'))!.data)).to.deep.equal([9]);
      await storage.delete('c1/r1.pdf');
      expect(await storage.exists('c1/r1.pdf')).to.equal(false);
      expect(await storage.get('c1/r1.pdf')).to.equal(undefined);
    });

    it('lists the keys under a prefix, in order, with when they were stored', async () => {
      const before = Date.now() - 60_000;
      await storage.put('lst/b/2.pdf', new Uint8Array([2]), 'application/pdf');
      await storage.put('lst/a/1.pdf', new Uint8Array([1]), 'application/pdf');
      await storage.put('lst/a/3.docx', new Uint8Array([3]), 'application/octet-stream');
      await storage.put('lstx/other.pdf', new Uint8Array([4]), 'application/pdf');
      const listed = await storage.list('lst');
      expect(listed.map((o) => o.key)).to.deep.equal(['lst/a/1.pdf', 'lst/a/3.docx', 'lst/b/2.pdf']);
      for (const o of listed) expect(o.storedAt.getTime()).to.be.greaterThan(before);
      expect((await storage.list('lst/a')).map((o) => o.key)).to.deep.equal(['lst/a/1.pdf', 'lst/a/3.docx']);
      expect(await storage.list('nothing-here')).to.deep.equal([]);
      await storage.delete('lst/a/1.pdf');
      expect((await storage.list('lst/a')).map((o) => o.key)).to.deep.equal(['lst/a/3.docx']);
    });

    it('treats a missing key as absent and deleting it as a no-op', async () => {
      expect(await storage.get('never/stored.bin')).to.equal(undefined);
      await storage.delete('never/stored.bin');
    });

    for (const bad of ['../escape', 'a/../../etc/passwd', '/abs', 'a//b', 'a/./b', '', 'a\\b', 'a/b/', '..', 'x y', 'a/\u0000b']) {
      it(`refuses the key ${JSON.stringify(bad)}`, async () => {
        let error: unknown;
        try {
          await storage.put(bad, new Uint8Array([1]), 'text/plain');
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(InvalidStorageKey);
      });
    }
  });
}
