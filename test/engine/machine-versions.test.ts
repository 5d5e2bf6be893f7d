import { WorkflowInstance } from '@grif/persistence';
import { startGrif, startHarness } from '../support/harness';
import { registerDocument } from '../support/documents';

describe('machine versions', () => {
  it('boot fails loudly when the database holds instances of a machine version this build does not register', async () => {
    const h = await startHarness();
    try {
      const doc = await registerDocument(h.rt.engine, h.actor('clerk'));
      expect(await h.rt.transactions.reader().findOneOrFail(WorkflowInstance, { id: doc.id })).toMatchObject({
        machineId: 'document',
        machineVersion: 1,
      });
      await h.rt.transactions.run((em) => em.nativeUpdate(WorkflowInstance, { id: doc.id }, { machineVersion: 99 }));
      await expect(startGrif('core', h.db.settings)).rejects.toThrow(/unregistered machine versions: document@99/);
    } finally {
      await h.close();
    }
  });
});
