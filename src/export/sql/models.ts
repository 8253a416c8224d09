// Every model of the project in build order (each only refers to models before it).
import type { SqlModel } from './model';
import { stagingModels } from './staging';
import { identityModels } from './silver-identity';
import { eventModels } from './silver-events';
import { goldModels } from './gold';
import { exportModels } from './export-views';

export function allModels(): SqlModel[] {
  return [...stagingModels(), ...identityModels(), ...eventModels(), ...goldModels(), ...exportModels()];
}
