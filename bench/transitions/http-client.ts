/** A client of Grif's HTTP API as a program uses it: a Bearer token, JSON, Idempotency-Key and If-Match. */
export class HttpClient {
  private constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  static async signIn(base: string, username: string, password: string): Promise<HttpClient> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { token?: string };
    if (res.status !== 200 || !body.token) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
    return new HttpClient(base, body.token);
  }

  /** POST /api/documents/{id}/events; answers the new version. */
  async send(id: string, type: string, payload: object, key: string, version: number): Promise<number> {
    const res = await fetch(`${this.base}/api/documents/${id}/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.token}`,
        'idempotency-key': key,
        'if-match': String(version),
      },
      body: JSON.stringify({ type, ...payload }),
    });
    const body = (await res.json()) as { version?: number };
    if (res.status !== 200 || typeof body.version !== 'number')
      throw new Error(`${type}: ${res.status} ${JSON.stringify(body)}`);
    return body.version;
  }
}
