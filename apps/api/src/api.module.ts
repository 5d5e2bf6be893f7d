import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CoreModule, CoreModuleOptions, loadConfig } from '@grif/core';
import { JobsModule, JobsOptions } from '@grif/worker';
import { AuditController } from './audit/audit.controller';
import { AuditExportController } from './audit/export.controller';
import { AuditExportService } from './audit/export.service';
import { ExportSigningKeys } from './audit/export-signing-key';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { LoginLogController } from './auth/login-log.controller';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { ReferenceNames } from './documents/reference-names';
import { SchemasController } from './documents/schemas.controller';
import { DuePreviewService } from './documents/due-preview.service';
import { RecordsOfficeController } from './records/records-office.controller';
import { RecordsOfficeService } from './records/records-office.service';
import { RegistersController } from './registers/registers.controller';
import { JournalPrints } from './registers/journal-prints.service';
import { RegistersService } from './registers/registers.service';
import { HealthController } from './health/health.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { AuditService } from './audit/audit.service';
import { AuditWorkbenchController } from './audit/timeline.controller';
import { EventsService } from './audit/events.service';
import { HistoryPdfService } from './audit/history-pdf.service';
import { StatechartService } from './audit/statechart.service';
import { TimelineService } from './audit/timeline.service';
import { GrifExceptionFilter } from './http/grif-exception.filter';
import { DatabaseRecoveryInterceptor } from './http/database-recovery.interceptor';
import { IdentityModule } from './identity/identity.module';
import { QueueBoardModule } from './admin/queue-board.module';
import { FirstStart } from './first-start';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { DeadlineBoardController } from './deadlines/deadline-board.controller';
import { DeadlineBoardService } from './deadlines/deadline-board.service';
import { SchoolSettingsController } from './calendar/school-settings.controller';
import { SchoolSettingsService } from './calendar/school-settings.service';
import { ActsModule } from './acts/acts.module';
import { ComplianceModule } from './compliance/compliance.module';
import { DemoActs } from './identity/demo-acts';
import { BreachesController } from './breaches/breaches.controller';
import { BreachesService } from './breaches/breaches.service';
import { BreachLimitsController } from './breaches/breach-limits.controller';
import { BreachStatsController } from './breaches/breach-stats.controller';
import { BreachStatsService } from './breaches/breach-stats.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

export interface ApiOptions {
  /** Also run every job processor and the reconciler in this process (`npm start`). */
  worker?: boolean;
  jobs?: JobsOptions;
}

/** The HTTP API over the core; with `worker`, the worker's processors too. */
@Module({})
export class ApiModule {
  static forRoot(
    config: CoreModuleOptions = { useFactory: () => loadConfig() },
    options: ApiOptions = {},
  ): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRootAsync(config),
        IdentityModule,
        QueueBoardModule,
        ActsModule,
        ComplianceModule,
        ...(options.worker ? [JobsModule.register(options.jobs)] : []),
      ],
      controllers: [
        AuthController,
        LoginLogController,
        DocumentsController,
        SchemasController,
        RegistersController,
        RecordsOfficeController,
        NotificationsController,
        AuditController,
        AuditWorkbenchController,
        AuditExportController,
        HealthController,
        CalendarController,
        DeadlineBoardController,
        SchoolSettingsController,
        // Before BreachesController: GET /api/breaches/stats is not GET /api/breaches/:id.
        BreachStatsController,
        BreachesController,
        BreachLimitsController,
        UsersController,
      ],
      providers: [
        FirstStart,
        DemoActs,
        BreachesService,
        BreachStatsService,
        CalendarService,
        DeadlineBoardService,
        SchoolSettingsService,
        DuePreviewService,
        DocumentsService,
        ReferenceNames,
        RegistersService,
        JournalPrints,
        RecordsOfficeService,
        AuditService,
        TimelineService,
        EventsService,
        StatechartService,
        HistoryPdfService,
        AuditExportService,
        ExportSigningKeys,
        NotificationsService,
        UsersService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GrifExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: DatabaseRecoveryInterceptor },
      ],
    };
  }
}
