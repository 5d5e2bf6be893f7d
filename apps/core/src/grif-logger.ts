import { ConsoleLogger } from '@nestjs/common';

/** Nest's own start-up chatter: one line per module and route, every start. */
const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * Nest's console logger without the start-up listing, so what Grif itself says is what a newcomer reads.
 * A failed start-up is not logged here with its stack: main prints its message as one line and exits 1.
 */
export class GrifLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'ExceptionHandler') return;
    super.error(message, ...(rest as string[]));
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) return;
    super.log(message, ...(rest as string[]));
  }
}
