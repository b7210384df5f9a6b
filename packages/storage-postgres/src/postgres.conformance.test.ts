import { runAllConformance } from '@s2b2b/storage-testkit';
import { createPostgresStorage } from './postgres-storage.js';
import { dropSchema, freshSchema, testTargets } from './testing/test-clients.js';

for (const target of testTargets()) {
  runAllConformance(target.name, async () => {
    const client = await target.connect();
    const schema = freshSchema();
    const storage = createPostgresStorage({ client, schema });
    await storage.migrate();
    return {
      storage,
      cleanup: async () => {
        await dropSchema(client, schema);
        await target.release(client);
      },
    };
  });
}
