/**
 * The built-in demo fixture: what a new user gets with no account and no network.
 *
 * A live "Demo service" with templates of every type (several versions, an archived one, lists,
 * conditionals, a file link, an unsubscribe link, letters with a contact block), plus a trial-mode
 * service so trial and team-key rules can be seen. Key secrets are not here: they are generated on
 * first start and kept in the data folder.
 */
import type { Fixture } from './fixtures';

const DEMO_SERVICE_ID = '64463fc4-02e5-43e7-b441-aac003ef740a';
const TRIAL_SERVICE_ID = 'dab0ff5a-3251-4fe9-8a02-9f65ca7ec728';

const DEMO_TEMPLATES = {
  smsVerification: 'a5b94c4b-376a-4420-91ae-68aa418e7e93',
  smsAppointment: '6ba989f1-7bc9-436b-a804-8fce5eb35393',
  smsDocuments: 'e5bc9b9f-fe6f-4753-94ac-d640bb228d68',
  emailWelcome: '45a43ade-3b3c-4e0f-b76d-3988f1125b2f',
  emailPasswordReset: '9418259d-ef7c-4d78-9a5e-8a5f2bf4426b',
  emailDocument: '2a507a50-8ec6-4b82-bfa3-c5e0f828936c',
  emailNewsletter: '1283922b-abc7-4a57-b184-39510aeee581',
  letterAppointment: 'd14287c3-b5dc-4197-95da-760a8c86ee39',
  letterDecision: 'c386aa62-f624-433c-b026-8828cc58cce6',
  smsArchived: '3826e383-e3a7-4427-9b2f-45d723010704',
  trialSms: '20eeabff-8614-4269-9bfa-63694fae77d1',
  trialEmail: 'e4e458ee-309c-4f4d-b3d4-2fa316fbbdc6',
} as const;

const CREATED = '2026-01-05T09:30:00.000000Z';
const EDITED = '2026-03-12T14:05:00.000000Z';
const AUTHOR = 'notify-admin@example.gov.uk';

export function defaultFixture(): Fixture {
  return {
    services: [
      {
        id: DEMO_SERVICE_ID,
        name: 'Demo service',
        active: true,
        restricted: false,
        permissions: ['sms', 'email', 'letter', 'international_sms', 'international_letters', 'inbound_sms'],
        prefix_sms: true,
        email_sender_local_part: 'demo.service',
        contact_link: 'https://www.example.gov.uk/contact',
        rate_limit: 3000,
        limits: { email: 250_000, sms: 250_000, letter: 20_000, international_sms: 100 },
        data_retention_days: 7,
        email_reply_to: [
          {
            id: 'c4fe13c6-6ab8-48c7-a1e8-65695e99fe23',
            email_address: 'help@example.gov.uk',
            is_default: true,
            archived: false,
          },
          {
            id: 'b7eede72-7c69-4c46-a52c-249cb5aca83c',
            email_address: 'appointments@example.gov.uk',
            is_default: false,
            archived: false,
          },
        ],
        sms_senders: [
          {
            id: 'a6fafb98-2906-4607-9055-7ac39906887e',
            sms_sender: 'GOVUK',
            is_default: true,
            archived: false,
            is_inbound_number: false,
          },
          {
            id: 'a2d435c3-c9e0-4758-9f58-09c07277415d',
            sms_sender: '07700900500',
            is_default: false,
            archived: false,
            is_inbound_number: true,
          },
        ],
        inbound_number: '07700900500',
        team_members: [
          {
            name: 'Ada Developer',
            email_address: 'ada.developer@example.gov.uk',
            mobile_number: '07700900111',
          },
          { name: 'Sam Support', email_address: 'sam.support@example.gov.uk', mobile_number: '07700900654' },
        ],
        guest_list: ['tester@example.gov.uk', '07700900321'],
        callbacks: {},
        outcomes: [
          { recipient: '07700900404', status: 'permanent-failure' },
          { recipient: '07700900408', status: 'temporary-failure' },
          { recipient: '07700900500', status: 'technical-failure' },
          { recipient: 'bounce@example.gov.uk', status: 'permanent-failure' },
          { recipient: 'full-inbox@example.gov.uk', status: 'temporary-failure' },
        ],
        api_keys: [
          { name: 'demo test key', key_type: 'test' },
          { name: 'demo team key', key_type: 'team' },
          { name: 'demo live key', key_type: 'normal' },
        ],
        templates: [
          {
            id: DEMO_TEMPLATES.smsVerification,
            name: 'Verification code',
            type: 'sms',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              { version: 1, content: 'Your code is ((code)).', created_at: CREATED, created_by: AUTHOR },
              {
                version: 2,
                content: 'Hello ((name)), your verification code is ((code)). It expires in 10 minutes.',
                created_at: EDITED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.smsAppointment,
            name: 'Appointment reminder',
            type: 'sms',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                content:
                  'Reminder: your appointment is on ((date)) at ((time)).((bring documents?? Please bring your documents.)) Reply STOP to cancel.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.smsDocuments,
            name: 'Documents needed',
            type: 'sms',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                content: 'Please bring ((documents)) to your appointment.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.emailWelcome,
            name: 'Welcome email',
            type: 'email',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                subject: 'Welcome to the service',
                content: 'Dear ((name)),\n\nThank you for registering.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
              {
                version: 2,
                subject: 'Welcome to the service, ((name))',
                content:
                  '# Your account is ready\n\nDear ((name)),\n\nThank you for registering. Your reference is ((reference number)).\n\n## What happens next\n\n* we check your details\n* we email you within 5 working days\n\n^ Do not reply to this email.\n\nFind out more at https://www.gov.uk',
                created_at: EDITED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.emailPasswordReset,
            name: 'Password reset',
            type: 'email',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                subject: 'Reset your password',
                content:
                  'Hello ((name)),\n\nUse this link to reset your password: ((reset link))\n\nThe link expires in 1 hour. If you did not ask to reset your password, you can ignore this email.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.emailDocument,
            name: 'Your document',
            type: 'email',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                subject: 'Your ((document type)) is ready',
                content:
                  'Dear ((name)),\n\nYour ((document type)) is ready. Download it here:\n\n((link to file))\n\nPlease bring:((items))',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.emailNewsletter,
            name: 'Monthly update',
            type: 'email',
            archived: false,
            hidden: false,
            has_unsubscribe_link: true,
            versions: [
              {
                version: 1,
                subject: 'Monthly update – ((month))',
                content:
                  'Hello ((name)),\n\nHere is what changed this month.\n\n---\n\nYou get this email because you subscribed.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.letterAppointment,
            name: 'Appointment letter',
            type: 'letter',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                subject: 'Your appointment on ((date))',
                content:
                  'Dear ((name)),\n\nYour appointment is on ((date)) at ((time)).\n\n# Where to go\n\nDemo Service Centre, 1 High Street, London.\n\nPlease bring:\n\n* this letter\n* photo ID',
                letter_contact_block: 'Demo Service\n1 High Street\nLondon\nSW1A 1AA\n0300 123 4567',
                postage: 'second',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.letterDecision,
            name: 'Decision letter (first class)',
            type: 'letter',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                subject: 'Decision on application ((application number))',
                content:
                  'Dear ((name)),\n\nWe have made a decision on your application.\n\n((decision))\n\nIf you disagree you can ask us to look again within 30 days.',
                letter_contact_block: 'Decisions team\nDemo Service\n((team phone))',
                postage: 'first',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.smsArchived,
            name: 'Old reminder (archived)',
            type: 'sms',
            archived: true,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                content: 'This template is no longer used.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
        ],
        received_texts: [
          { user_number: '447700900111', content: 'Yes, I can make the appointment.' },
          { user_number: '447700900654', content: 'Please call me back' },
          { user_number: '447700900321', content: 'STOP' },
        ],
      },
      {
        id: TRIAL_SERVICE_ID,
        name: 'Trial service',
        active: true,
        restricted: true,
        permissions: ['sms', 'email', 'letter'],
        prefix_sms: false,
        email_sender_local_part: 'trial.service',
        contact_link: null,
        rate_limit: 3000,
        limits: { email: 50, sms: 50, letter: 50, international_sms: 100 },
        data_retention_days: 7,
        email_reply_to: [],
        sms_senders: [
          {
            id: 'cb0f8df4-7d7e-4d35-b048-1142ba433ec9',
            sms_sender: 'GOVUK',
            is_default: true,
            archived: false,
            is_inbound_number: false,
          },
        ],
        inbound_number: null,
        team_members: [
          {
            name: 'Ada Developer',
            email_address: 'ada.developer@example.gov.uk',
            mobile_number: '07700900111',
          },
        ],
        guest_list: [],
        callbacks: {},
        outcomes: [],
        api_keys: [
          { name: 'trial test key', key_type: 'test' },
          { name: 'trial team key', key_type: 'team' },
        ],
        templates: [
          {
            id: DEMO_TEMPLATES.trialSms,
            name: 'Trial text',
            type: 'sms',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                content: 'Hello ((name)), this is a trial message.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
          {
            id: DEMO_TEMPLATES.trialEmail,
            name: 'Trial email',
            type: 'email',
            archived: false,
            hidden: false,
            has_unsubscribe_link: false,
            versions: [
              {
                version: 1,
                subject: 'Trial',
                content: 'Hello ((name)), this is a trial email.',
                created_at: CREATED,
                created_by: AUTHOR,
              },
            ],
          },
        ],
        received_texts: [],
      },
    ],
  };
}
