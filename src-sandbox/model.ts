/**
 * The sandbox's in-memory model: what Notify keeps in its database, reduced to what the API shows.
 */
import type { InternalStatus, TemplateType } from '../src-shared/statuses';
import type { FixtureService, FixtureTemplate, KeyType } from './fixtures';

export type Service = Omit<FixtureService, 'api_keys' | 'templates' | 'received_texts'>;

export interface ApiKey {
  id: string;
  serviceId: string;
  name: string;
  keyType: KeyType;
  secret: string;
  /** ms since epoch, or null while the key is live. */
  revokedAt: number | null;
}

export type Template = FixtureTemplate;

export type Postage = 'first' | 'second' | 'economy' | 'europe' | 'rest-of-world';

export interface StoredNotification {
  id: string;
  serviceId: string;
  apiKeyId: string | null;
  keyType: KeyType;
  type: TemplateType;
  templateId: string;
  templateVersion: number;
  /** The recipient as supplied, trimmed (email or phone); null for letters. */
  to: string | null;
  /** Normalised recipient, used for outcome rules and guest-list checks. */
  normalisedTo: string | null;
  reference: string | null;
  body: string;
  subject: string | null;
  /** Letter address as returned in `line_1`…`line_6` and `postcode`. */
  address: { lines: (string | null)[]; postcode: string | null } | null;
  status: InternalStatus;
  createdAt: number; // µs since epoch
  sentAt: number | null; // µs
  updatedAt: number | null; // µs
  billableUnits: number;
  rateMultiplier: number;
  postage: Postage | null;
  international: boolean;
  oneClickUnsubscribeUrl: string | null;
  createdByName: string | null;
  /** True for notifications that came from a CSV job (only listed with include_jobs). */
  fromJob: boolean;
  precompiled: boolean;
  /** What the sandbox saw happen, for its own inspector; not part of Notify's API. */
  history: { status: InternalStatus; at: number }[];
}

export interface ReceivedText {
  id: string;
  serviceId: string;
  userNumber: string;
  notifyNumber: string;
  content: string;
  createdAt: number; // µs
}

export interface UnsubscribeRequest {
  notificationId: string;
  serviceId: string;
  emailAddress: string | null;
  at: number; // µs
}

/** A recipient's complaint about an email (marked as spam), as Notify records one from its provider. */
export interface Complaint {
  id: string;
  notificationId: string;
  serviceId: string;
  /** The address the email went to. */
  emailAddress: string;
  at: number; // µs, the complaint's date
}
