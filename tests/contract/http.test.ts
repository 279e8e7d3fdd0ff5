import { startHttpDesk } from '../support/clients.js';
import { contractSuite } from './contract-suite.js';

contractSuite('the HTTP web host', async (core) => {
  const desk = await startHttpDesk(core);
  return { ...desk.client, close: desk.close };
});
