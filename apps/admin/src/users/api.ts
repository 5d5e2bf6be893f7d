/** The users routes (docs/api.md, "Users and roles"), through the one door to the API. */
import { request } from '../api';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type UserView = Schemas['UserView'];
export type UserCreated = Schemas['UserCreated'];
export type CreateUserRequest = Schemas['CreateUserRequest'];
export type AppointmentView = Schemas['AppointmentView'];
export type AppointRequest = Schemas['AppointRequest'];
export type EndAppointmentRequest = Schemas['EndAppointmentRequest'];
export type PasswordReset = Schemas['PasswordReset'];
export type AccountEventView = Schemas['AccountEventView'];

const user = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: () => request<UserView[]>('/api/users'),
  create: (body: CreateUserRequest) => request<UserCreated>('/api/users', { method: 'POST', body }),
  disable: (id: string, reason: string) =>
    request<UserView>(`${user(id)}/disable`, { method: 'POST', body: { reason } }),
  enable: (id: string) => request<UserView>(`${user(id)}/enable`, { method: 'POST' }),
  resetPassword: (id: string) => request<PasswordReset>(`${user(id)}/password-reset`, { method: 'POST' }),
  events: (id: string) => request<AccountEventView[]>(`${user(id)}/events`),
  appointments: (id: string) => request<AppointmentView[]>(`${user(id)}/appointments`),
  appoint: (id: string, body: AppointRequest) =>
    request<AppointmentView>(`${user(id)}/appointments`, { method: 'POST', body }),
  end: (id: string, appointmentId: string, body: EndAppointmentRequest) =>
    request<AppointmentView>(`${user(id)}/appointments/${encodeURIComponent(appointmentId)}/end`, {
      method: 'POST',
      body,
    }),
};
