import type { EngineTx } from './ports';

/**
 * The transaction as it is, except that writing to the outbox is noticed: the relay is told after a commit
 * only when there is something for it (most transitions arm no deadline and notify nobody).
 */
export function noticingOutbox(tx: EngineTx, noticed: () => void): EngineTx {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'addOutbox')
        return (...args: Parameters<EngineTx['addOutbox']>) => {
          noticed();
          return target.addOutbox(...args);
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
