import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RULES } from '@grif/domain';
import { documentEventJsonSchemasSchema, rulesSchema } from '@grif/contracts';
import { AnyUser } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors } from '../http/api-contract';
import { eventPayloadSchemas } from './event-schemas';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api')
export class SchemasController {
  /** JSON Schema of each document event's payload: the UI builds its forms from these. */
  @AnyUser('no school data: the event schemas are the same for everyone')
  @Get('schemas/document-events')
  @ApiAnswer(200, documentEventJsonSchemasSchema, 'The JSON Schema of each event payload, by event type.')
  @ApiErrors(401, 403)
  documentEvents() {
    return eventPayloadSchemas;
  }

  /** The Regulation's rules Grif enforces, in Kyrgyz, Russian and English. */
  @AnyUser("no school data: the Regulation's text")
  @Get('rules')
  @ApiAnswer(200, rulesSchema, 'The rules by id, each in Kyrgyz, Russian and English.')
  @ApiErrors(401, 403)
  rules() {
    return RULES;
  }
}
