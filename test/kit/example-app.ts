/**
 * Stands for a developer's own code under test: a service that sends through Notify with the
 * published client. Nothing here knows about the sandbox; the tests point it at one.
 */
import { NotifyClient } from 'notifications-node-client';

export const TEMPLATES = {
  signInCode: '7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918',
  welcome: '8f7e6d5c-4b3a-4291-9a8b-7c6d5e4f3a2b',
  appointment: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

export interface Address {
  name: string;
  lines: string[];
  postcode: string;
}

export function exampleApp(baseUrl: string, apiKey: string) {
  const client = new NotifyClient(baseUrl, apiKey);
  return {
    /** Sends a sign-in code, trying once more if Notify answers with a server error. */
    async sendSignInCode(phoneNumber: string): Promise<{ id: string; code: string }> {
      const code = String(Math.floor(100_000 + Math.random() * 900_000));
      const send = () =>
        client.sendSms(TEMPLATES.signInCode, phoneNumber, {
          personalisation: { code },
          reference: 'sign-in',
        });
      let response;
      try {
        response = await send();
      } catch (err) {
        const status = (err as { response?: { status?: number } }).response?.status ?? 0;
        if (status < 500) throw err;
        response = await send();
      }
      return { id: response.data.id, code };
    },
    async sendWelcome(emailAddress: string, name: string): Promise<string> {
      return (await client.sendEmail(TEMPLATES.welcome, emailAddress, { personalisation: { name } })).data.id;
    },
    async sendAppointmentLetter(to: Address, date: string): Promise<string> {
      const personalisation: Record<string, string> = { name: to.name, date, postcode: to.postcode };
      [to.name, ...to.lines].forEach((line, i) => (personalisation[`address_line_${i + 1}`] = line));
      return (await client.sendLetter(TEMPLATES.appointment, { personalisation })).data.id;
    },
    async statusOf(id: string): Promise<string> {
      return (await client.getNotificationById(id)).data.status;
    },
    async latestReply(): Promise<string | null> {
      return (await client.getReceivedTexts()).data.received_text_messages[0]?.content ?? null;
    },
  };
}
