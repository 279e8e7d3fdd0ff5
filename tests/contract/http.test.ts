import { startHttpDesk } from '../support/clients.js';
import { contractSuite, inThisProcess } from './contract-suite.js';

contractSuite(
  'the HTTP web host',
  inThisProcess(async (core) => {
    const desk = await startHttpDesk(core);
    return { ...desk.client, close: desk.close };
  }),
);
