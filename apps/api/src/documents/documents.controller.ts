import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  documentEventRequestSchema, documentListQuerySchema, documentPageSchema, documentRegisteredSchema, documentViewSchema, eventAcceptedSchema,
  historyItemSchema, holderAtQuerySchema, holderAtSchema, registerDocumentRequestSchema,
} from '@grif/contracts';
import { ApiAnswer, ApiErrors, ApiJsonBody, ApiQueryOf, ApiRegisterAnswer } from '../http/api-contract';
import type { AuthedRequest } from '../auth/auth.guard';
import { DocumentsService } from './documents.service';
import { answer as registerAnswer } from '../registers/register-answer';
import { RegistersService } from '../registers/registers.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly registers: RegistersService,
  ) {}

  @Post()
  @ApiJsonBody(registerDocumentRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key answers the same 201 again, without a second registration' })
  @ApiAnswer(201, documentRegisteredSchema, 'Registered with the next journal number (R-4.1b).')
  @ApiErrors(400, 401, 403, 409, 422)
  async register(@Req() req: AuthedRequest, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response) {
    const out = await this.documents.register(req.auth.actor, body, key);
    res.status(out.status);
    return out.body;
  }

  @Get()
  @ApiQueryOf(documentListQuerySchema)
  @ApiRegisterAnswer(documentPageSchema, 'Documents; staff see only what is issued to them now')
  @ApiErrors(400, 401, 403)
  async list(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return registerAnswer(res, 'registration', await this.registers.documents(req.auth.actor, q));
  }

  @Get(':id/holder-at')
  @ApiQueryOf(holderAtQuerySchema)
  @ApiAnswer(200, holderAtSchema, 'Who held the document at that moment, folded from its history.')
  @ApiErrors(400, 401, 403, 404)
  holderAt(@Req() req: AuthedRequest, @Param('id') id: string, @Query('at') at: string) {
    return this.registers.holderAt(req.auth.actor, id, at);
  }

  @Get(':id')
  @ApiAnswer(200, documentViewSchema, 'The document, with the events the caller may send now and those a rule blocks.')
  @ApiErrors(401, 403, 404)
  get(@Req() req: AuthedRequest, @Param('id') id: string) {
    return this.documents.get(req.auth.actor, id);
  }

  @Post(':id/events')
  @ApiJsonBody(documentEventRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version you read; 409 if it moved on' })
  @ApiAnswer(200, eventAcceptedSchema, 'Accepted (or the same answer again for a repeated Idempotency-Key).')
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async send(
    @Req() req: AuthedRequest,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { type, ...payload } = body ?? {};
    const out = await this.documents.send(req.auth.actor, id, { type: type as string, payload, idempotencyKey, ifMatch });
    res.status(out.status);
    return { state: out.body.state, version: out.body.version };
  }

  @Get(':id/history')
  @ApiAnswer(200, historyItemSchema.array(), 'The hash-chained history, oldest first.')
  @ApiErrors(401, 403, 404)
  history(@Req() req: AuthedRequest, @Param('id') id: string) {
    return this.documents.history(req.auth.actor, id);
  }
}
