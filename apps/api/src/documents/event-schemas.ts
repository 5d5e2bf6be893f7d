/** The payload schema of every event, for forms built from them: the contract's, as the UI bundles it too. */
export { documentEventJsonSchemas as eventPayloadSchemas } from '@grif/contracts';
