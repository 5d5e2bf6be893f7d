import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CLOCK, WorkflowEngine } from '@grif/engine';
import { WriteTransactions } from '@grif/persistence';
import { GrifRuntime } from '@grif/runtime';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { SchemasController } from './documents/schemas.controller';
import { RecordsOfficeController } from './records/records-office.controller';
import { RecordsOfficeService } from './records/records-office.service';
import { RegistersController } from './registers/registers.controller';
import { RegistersService } from './registers/registers.service';
import { HealthController } from './health/health.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { AuditService } from './audit/audit.service';
import { GrifExceptionFilter } from './http/grif-exception.filter';
import { IdentityService } from './identity/identity.service';
import { FirstStart } from './first-start';
import { REPOSITORY_PROVIDERS } from './repository.providers';

/** The HTTP face of one runtime; the runtime is built before Nest so start-up errors are one clear line. */
@Module({})
export class AppModule {
  static forRuntime(rt: GrifRuntime): DynamicModule {
    return {
      module: AppModule,
      controllers: [AuthController, DocumentsController, SchemasController, RegistersController, RecordsOfficeController, NotificationsController, AuditController, HealthController],
      providers: [
        { provide: GrifRuntime, useValue: rt },
        { provide: WorkflowEngine, useValue: rt.engine },
        { provide: WriteTransactions, useValue: rt.transactions },
        { provide: CLOCK, useValue: rt.clock },
        ...REPOSITORY_PROVIDERS,
        IdentityService,
        FirstStart,
        DocumentsService,
        RegistersService,
        RecordsOfficeService,
        AuditService,
        NotificationsService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GrifExceptionFilter },
      ],
    };
  }
}
