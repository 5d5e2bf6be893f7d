import type { ReactElement } from 'react';
import { UserPage } from './UserPage';
import { UsersList } from './UsersList';

/** `#/users` lists the accounts; `#/users/<id>` is one of them with its appointments. */
export function Users({ id }: { id?: string }): ReactElement {
  return id ? <UserPage key={id} id={id} /> : <UsersList />;
}
