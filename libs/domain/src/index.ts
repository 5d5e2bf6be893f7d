export * from './roles';
export * from './classification';
export * from './registration';
export * from './calendar';
export * from './rules';
export * from './errors';
export * from './clearance';
export * from './deadlines';
