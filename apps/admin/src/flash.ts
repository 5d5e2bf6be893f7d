/**
 * A confirmation carried to the next page: after registering, the new document's page says so,
 * with the number the journal gave it. Kept in memory only: a reload does not repeat it.
 */
export interface Registration {
  id: string;
  regNumber: string;
}

let justRegistered: Registration | undefined;

export function rememberRegistration(r: Registration): void {
  justRegistered = r;
}

/** The registration of this document, if it was made just now (read without clearing: StrictMode renders twice). */
export function registrationOf(id: string): Registration | undefined {
  return justRegistered?.id === id ? justRegistered : undefined;
}

export function forgetRegistration(id: string): void {
  if (justRegistered?.id === id) justRegistered = undefined;
}
