/**
 * The 201 body of a templated send (text message, email or letter). One builder for all three so
 * the keys stay in Flask's sorted order and the `template` and `uri` links are made one way.
 */
import type { SandboxRequest } from '../http';
import type { Service } from '../model';

/** The 201 body of a templated send, built with its keys already in Flask's sorted order. */
export function createdResponse(
  req: SandboxRequest,
  service: Service,
  templateId: string,
  version: number,
  id: string,
  reference: string | null,
  content: Record<string, unknown>,
  sanitisedContent?: Record<string, unknown>,
) {
  return {
    content,
    id,
    reference,
    sanitised_content: sanitisedContent,
    scheduled_for: null,
    template: {
      id: templateId,
      uri: `${req.urlRoot}services/${service.id}/templates/${templateId}`,
      version,
    },
    uri: `${req.urlRoot}v2/notifications/${id}`,
  };
}
