/** Every 4xx body: a code for programs, a sentence for people, the rule when one refused. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  rule?: string;
  fields?: { field: string; message: string }[];
}
