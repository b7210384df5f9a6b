import { runAllConformance } from '@s2b2b/storage-testkit';
import { createMemoryStorage } from './memory-storage.js';

runAllConformance('memory', async () => ({ storage: createMemoryStorage() }));
