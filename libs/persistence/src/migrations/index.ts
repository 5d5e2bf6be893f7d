import { InitialSchema20261126 } from './20261126-initial-schema.migration';

/** Listed explicitly so the same list runs from ts (tests) and from dist (npm start). */
export const MIGRATIONS = [{ name: 'InitialSchema20261126', class: InitialSchema20261126 }];
