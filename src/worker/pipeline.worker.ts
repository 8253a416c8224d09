// The worker entry: wires the pipeline service to comlink and nothing else. Bytes are transferred.
import * as Comlink from 'comlink';
import { createPipelineService } from './service';
import type { PipelineApi } from './api';

const service = createPipelineService(() => performance.now());

const transferBytes = <A extends unknown[]>(f: (...a: A) => Promise<Uint8Array>) =>
  async (...a: A) => {
    const bytes = await f(...a);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  };

const api: PipelineApi = {
  ...service,
  csv: transferBytes(service.csv),
  zip: transferBytes(service.zip),
  manifest: transferBytes(service.manifest),
  parquet: transferBytes(service.parquet),
  exportFile: transferBytes(service.exportFile),
  liveCsv: transferBytes(service.liveCsv),
};

Comlink.expose(api);
