import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldIssue, GrifError } from '@grif/domain';
import { controlIssue } from './input-inspection';

/**
 * Path parameters (`/api/documents/%00`), named as the route names them: a control character is 400
 * before the handler looks anything up. The query string and the body are checked earlier, in
 * request-edge.ts; path parameters only exist once a route matched.
 */
@Injectable()
export class PathParameterPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'param') return value;
    // `@Param('id')` gives the one value, `@Param()` all of them by name.
    const named = typeof value === 'string' ? [[meta.data ?? 'path', value]] : Object.entries(value ?? {});
    const issues = named
      .flatMap(([name, v]) => (typeof v === 'string' ? [controlIssue(name, v)] : []))
      .filter((i) => i);
    if (issues.length) throw new GrifError('invalid', 'CONTROL_CHARACTERS', { fields: issues as FieldIssue[] });
    return value;
  }
}
