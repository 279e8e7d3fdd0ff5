import { startPortDesk } from '../support/clients.js';
import { contractSuite } from './contract-suite.js';

contractSuite('the core process port', async () => {
  const desk = await startPortDesk();
  return { dataDir: desk.dataDir, clock: desk.clock, transport: { ...desk.client, close: () => undefined }, dispose: desk.dispose };
});
