import { inProcessClient } from '../support/clients.js';
import { contractSuite } from './contract-suite.js';

contractSuite('the in-process dispatcher', async (core) => ({ ...inProcessClient(core), close: () => undefined }));
