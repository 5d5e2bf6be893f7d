import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  auditEventPageSchema,
  auditEventQuerySchema,
  historyPdfQuerySchema,
  statechartSchema,
  timelineSchema,
} from '@grif/contracts';
import type { Actor, Lang } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AUDITORS, Roles } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors, ApiPdfAnswer, ApiQueryOf } from '../http/api-contract';
import { ExportLang } from '../http/export-lang.decorator';
import { EventsService } from './events.service';
import { HistoryPdfService } from './history-pdf.service';
import { StatechartService } from './statechart.service';
import { TimelineService } from './timeline.service';

/** The auditor's workbench: read-only views of the school's history. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles(...AUDITORS)
@Controller('api/audit')
export class AuditWorkbenchController {
  constructor(
    private readonly events: EventsService,
    private readonly timelines: TimelineService,
    private readonly charts: StatechartService,
    private readonly prints: HistoryPdfService,
  ) {}

  @Get('events')
  @ApiQueryOf(auditEventQuerySchema)
  @ApiAnswer(200, auditEventPageSchema, "The school's events, newest first, with names (never ids) of who and what.")
  @ApiErrors(400, 401, 403)
  search(@CurrentActor() actor: Actor, @Query() q: Record<string, string>) {
    return this.events.search(actor, q);
  }

  @Get('instances/:id/timeline')
  @ApiAnswer(200, timelineSchema, "Every step of an instance's history with the recorded context's change at it.")
  @ApiErrors(401, 403, 404)
  timeline(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.timelines.timeline(actor, id);
  }

  @Get('instances/:id/statechart')
  @ApiAnswer(
    200,
    statechartSchema,
    "The instance's machine read from its definition, with the current state and the path taken.",
  )
  @ApiErrors(401, 403, 404)
  statechart(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.charts.chart(actor, id);
  }

  @Get('instances/:id/history.pdf')
  @ApiQueryOf(historyPdfQuerySchema)
  @ApiPdfAnswer("The instance's history on paper (A4, the acts' journal layout), in ky or ru.")
  @ApiErrors(400, 401, 403, 404)
  historyPdf(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() q: Record<string, string>,
    @ExportLang() lang: Lang,
  ) {
    return this.prints.print(actor, id, q, lang);
  }
}
