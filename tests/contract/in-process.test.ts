import { inProcessClient } from '../support/clients.js';
import { contractSuite, inThisProcess } from './contract-suite.js';

contractSuite('the in-process dispatcher', inThisProcess(async (core) => ({ ...inProcessClient(core), close: () => undefined })));
