import { Body, Controller, Get, Headers, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  documentEventRequestSchema,
  documentListQuerySchema,
  documentPageSchema,
  documentRegisteredSchema,
  documentViewSchema,
  duePreviewQuerySchema,
  duePreviewSchema,
  eventAcceptedSchema,
  historyItemSchema,
  holderAtQuerySchema,
  holderAtSchema,
  registerDocumentRequestSchema,
} from '@grif/contracts';
import type { Actor, Lang } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser, CitesRule, READERS, Roles } from '../auth/roles.decorator';
import { AnswerStatus } from '../http/answer-status';
import { eventRequest, EventRoute } from '../http/event-route';
import { ExportLang } from '../http/export-lang.decorator';
import { ApiAnswer, ApiErrors, ApiJsonBody, ApiQueryOf, ApiRegisterAnswer } from '../http/api-contract';
import { DocumentsService } from './documents.service';
import { DuePreviewService } from './due-preview.service';
import { registerAnswer } from '../registers/register-answer';
import { RegistersService } from '../registers/registers.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly registers: RegistersService,
    private readonly dues: DuePreviewService,
  ) {}

  @AnyUser("R-4.1b: the document workflow's registrar roles decide (the records clerk)")
  @Post()
  @UseInterceptors(AnswerStatus)
  @ApiJsonBody(registerDocumentRequestSchema)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'the same key answers the same 201 again, without a second registration',
  })
  @ApiAnswer(201, documentRegisteredSchema, 'Registered with the next journal number (R-4.1b).')
  @ApiErrors(400, 401, 403, 409, 422)
  register(@CurrentActor() actor: Actor, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined) {
    return this.documents.register(actor, body, key);
  }

  @AnyUser('the records office sees every document of the school; staff only what is issued to them now')
  @Get()
  @ApiQueryOf(documentListQuerySchema)
  @ApiRegisterAnswer(documentPageSchema, 'Documents; staff see only what is issued to them now')
  @ApiErrors(400, 401, 403)
  async list(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    return registerAnswer('registration', await this.registers.documents(actor, q), lang);
  }

  @Get(':id/holder-at')
  @Roles(...READERS)
  @ApiQueryOf(holderAtQuerySchema)
  @ApiAnswer(200, holderAtSchema, 'Who held the document at that moment, folded from its history.')
  @ApiErrors(400, 401, 403, 404)
  holderAt(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('at') at: string) {
    return this.registers.holderAt(actor, id, at);
  }

  @Get(':id/due-preview')
  @Roles('records_clerk')
  @CitesRule('R-4.2.4')
  @ApiQueryOf(duePreviewQuerySchema)
  @ApiAnswer(200, duePreviewSchema, 'When an ISSUE made now would be due back (R-4.2.3), before the clerk confirms.')
  @ApiErrors(400, 401, 403, 404)
  duePreview(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: Record<string, string>) {
    return this.dues.preview(actor, id, q);
  }

  @AnyUser('canSeeDocument: the records office, or the person it is issued to now; anyone else 404')
  @Get(':id')
  @ApiAnswer(200, documentViewSchema, 'The document, with the events the caller may send now and those a rule blocks.')
  @ApiErrors(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.documents.get(actor, id);
  }

  @AnyUser("canSeeDocument, then the event's roles (only the holder acknowledges, R-4.2.1)")
  @EventRoute(documentEventRequestSchema, eventAcceptedSchema)
  send(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    return this.documents.send(actor, id, eventRequest(body, headers));
  }

  @AnyUser("canSeeDocument; a holder reads no earlier holder's purpose")
  @Get(':id/history')
  @ApiAnswer(200, historyItemSchema.array(), 'The hash-chained history, oldest first.')
  @ApiErrors(401, 403, 404)
  history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.documents.history(actor, id);
  }
}
