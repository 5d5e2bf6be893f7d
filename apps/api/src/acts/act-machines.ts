/** The machines that end in a signed act: `/api/acts` reads them, and a signature goes through ActSigning. */
export const ACT_MACHINES: readonly string[] = ['destruction', 'custody_transfer', 'breach_case'];
