export * from './act';
export * from './labels';
export { renderAct } from './render-act';
export * from './pades/sign';
export * from './pades/demo-ca';
