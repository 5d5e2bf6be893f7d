import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { certificateViewSchema, enrolCertificateRequestSchema } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { CertificatesService } from './certificates.service';

@ApiTags('acts')
@ApiBearerAuth()
@Controller('api/me/certificate')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @AnyUser("the caller's own signing certificate only")
  @Get()
  @ApiAnswer(200, certificateViewSchema, 'Your enrolled signing certificate, if any.')
  @ApiErrors(401)
  mine(@CurrentActor() actor: Actor) {
    return this.certificates.mine(actor);
  }

  @AnyUser("the caller's own signing certificate only")
  @Post()
  @ApiJsonBody(enrolCertificateRequestSchema)
  @ApiAnswer(201, certificateViewSchema, 'Enrolled: the key is kept only sealed under your passphrase.')
  @ApiErrors(400, 401, 422)
  enrol(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.certificates.enrol(actor, body);
  }
}
