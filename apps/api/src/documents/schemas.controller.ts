import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RULES } from '@grif/domain';
import { eventPayloadSchemas } from './event-schemas';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api')
export class SchemasController {
  /** JSON Schema of each document event's payload: the UI builds its forms from these. */
  @Get('schemas/document-events')
  documentEvents() {
    return eventPayloadSchemas;
  }

  /** The Regulation's rules Grif enforces, in Kyrgyz, Russian and English. */
  @Get('rules')
  rules() {
    return RULES;
  }
}
