import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';

/** The compliance matrix: each clause of the Regulation, the code that enforces it and the tests that prove it. */
@Module({ controllers: [ComplianceController], providers: [ComplianceService] })
export class ComplianceModule {}
