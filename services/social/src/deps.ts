import type { Models } from './models';
import type { RegisterPort } from './register/register.port';

/** What every social resolver is built with: the models and the register (through the graph). */
export interface SocialDeps {
  models: Models;
  register: RegisterPort;
}
