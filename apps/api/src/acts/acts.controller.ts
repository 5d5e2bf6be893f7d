import { Body, Controller, Get, Headers, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  actCreatedSchema,
  actEventAcceptedSchema,
  actEventRequestSchema,
  actListItemSchema,
  actListQuerySchema,
  actPrintoutQuerySchema,
  actVerificationSchema,
  actViewSchema,
  completeSignatureRequestSchema,
  createActRequestSchema,
  destructionCandidateSchema,
  prepareSignatureRequestSchema,
  preparedSignatureSchema,
} from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser, CitesRule, Roles } from '../auth/roles.decorator';
import { AnswerStatus } from '../http/answer-status';
import { eventRequest, EventRoute } from '../http/event-route';
import { ApiAnswer, ApiErrors, ApiJsonBody, ApiPdfAnswer, ApiQueryOf } from '../http/api-contract';
import { pdfFile } from '../http/pdf-file';
import { ActSigning } from './act-signing.service';
import { ActsService } from './acts.service';

@ApiTags('acts')
@ApiBearerAuth()
@Controller('api/acts')
export class ActsController {
  constructor(
    private readonly acts: ActsService,
    private readonly signing: ActSigning,
  ) {}

  @Get('destruction/candidates')
  @Roles('records_clerk')
  @CitesRule('R-4.1d')
  @ApiAnswer(200, destructionCandidateSchema.array(), 'Documents in storage whose retention has run out (R-4.1d).')
  @ApiErrors(401, 403)
  candidates(@CurrentActor() actor: Actor) {
    return this.acts.candidates(actor);
  }

  @AnyUser("R-4.1d, R-4.2.6: the workflow's creator roles decide (clerk: destruction; director: custody transfer)")
  @Post()
  @UseInterceptors(AnswerStatus)
  @ApiJsonBody(createActRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key answers the same 201 again' })
  @ApiAnswer(201, actCreatedSchema, 'A draft destruction act (R-4.1d) or an acceptance-transfer inventory (R-4.2.6).')
  @ApiErrors(400, 401, 403, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined) {
    return this.acts.create(actor, body, key);
  }

  @AnyUser(
    'the records office and the commission see every act (the commission: destruction acts); anyone else the acts naming them',
  )
  @Get()
  @ApiQueryOf(actListQuerySchema)
  @ApiAnswer(200, actListItemSchema.array(), 'Acts, newest first; `awaiting=me`: those waiting for your signature.')
  @ApiErrors(401)
  list(@CurrentActor() actor: Actor, @Query('awaiting') awaiting: string | undefined) {
    return this.acts.list(actor, awaiting === 'me');
  }

  @AnyUser(
    "the act's canSee: the records office (and the commission for destruction acts), or a person it names; anyone else 404",
  )
  @Get(':id')
  @ApiAnswer(200, actViewSchema, 'The act, its items and signers, and the events the caller may send now.')
  @ApiErrors(401, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.acts.get(actor, id);
  }

  @AnyUser("the act's canSee, then the event's roles (a signer signs only at their turn)")
  @EventRoute(actEventRequestSchema, actEventAcceptedSchema)
  send(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    return this.acts.send(actor, id, eventRequest(body, headers));
  }

  @AnyUser(
    "the act's canSee: the records office (and the commission for destruction acts), or a person it names; anyone else 404",
  )
  @Get(':id/pdf')
  @ApiPdfAnswer('The latest revision: the rendered act with every signature made so far.')
  @ApiErrors(401, 404)
  async pdf(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const { pdf, number } = await this.acts.pdf(actor, id);
    return pdfFile(`${number}.pdf`, pdf);
  }

  @AnyUser(
    "the act's canSee: the records office (and the commission for destruction acts), or a person it names; anyone else 404",
  )
  @Get(':id/printout')
  @ApiQueryOf(actPrintoutQuerySchema)
  @ApiPdfAnswer(
    "A paper copy to file: the act with each signature's time and the signed PDF's SHA-256 (itself unsigned).",
  )
  @ApiErrors(401, 404)
  async printout(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('lang') lang: string | undefined) {
    const { pdf, number } = await this.acts.printout(actor, id, lang);
    return pdfFile(`${number}-print.pdf`, pdf);
  }

  @AnyUser(
    "the act's canSee: the records office (and the commission for destruction acts), or a person it names; anyone else 404",
  )
  @Get(':id/verify')
  @ApiAnswer(200, actVerificationSchema, 'Each signature of the stored PDF checked, and the PDF against its history.')
  @ApiErrors(401, 404)
  verify(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.acts.verify(actor, id);
  }

  @AnyUser("the act's canSee, then SIGN: only the signer whose turn it is")
  @Post(':id/signing')
  @ApiJsonBody(prepareSignatureRequestSchema)
  @ApiAnswer(201, preparedSignatureSchema, 'Step one of a signature by a token: the data to sign (EU DSS style).')
  @ApiErrors(400, 401, 403, 404, 409, 422)
  prepare(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.signing.prepare(actor, id, body);
  }

  @AnyUser("the signing session is the caller's own, of that act, in their school")
  @Post(':id/signing/:sessionId')
  @UseInterceptors(AnswerStatus)
  @ApiJsonBody(completeSignatureRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAnswer(200, actEventAcceptedSchema, 'Step two: the signature value goes into the act as SIGN.')
  @ApiErrors(400, 401, 403, 404, 409, 422)
  complete(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.signing.complete(actor, id, sessionId, body, key);
  }
}
