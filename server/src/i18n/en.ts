/**
 * The server's English texts: the emails and the RSVP page people outside the CRM see.
 * English is the fallback language, so every other catalogue must have exactly these keys.
 */
export const en = {
  // Meeting invitation emails.
  'invitation.subject.request': 'Invitation: {{title}}',
  'invitation.subject.update': 'Updated invitation: {{title}}',
  'invitation.subject.cancel': 'Cancelled: {{title}}',
  'invitation.invited': 'You are invited to "{{title}}".',
  'invitation.cancelled': 'The meeting "{{title}}" was cancelled.',
  'invitation.allDay': '{{date}} (all day)',
  'invitation.location': 'Location: {{location}}',
  'invitation.organiser': 'Organiser: {{name}} <{{email}}>',
  'invitation.from': '{{name}} via Rapport',
  // The answers, as links in the email and on the RSVP page.
  'rsvp.accept': 'Accept',
  'rsvp.decline': 'Decline',
  'rsvp.tentative': 'Tentative',
  // The RSVP page.
  'rsvp.status.accepted': 'You accepted this invitation.',
  'rsvp.status.declined': 'You declined this invitation.',
  'rsvp.status.tentative': 'You tentatively accepted this invitation.',
  'rsvp.status.needsAction': 'You have not answered yet.',
  'rsvp.change': 'Change your answer:',
  // Notification emails: the subject is the kind, then the notification's title.
  'notification.subject': '{{kind}}: {{title}}',
  'notification.kind.reminder': 'Reminder',
  'notification.kind.assigned': 'Assigned to you',
  'notification.kind.mention': 'You were mentioned',
  'notification.kind.rsvp': 'Invitation answered',
  'notification.kind.custom': 'Notification',
  'notification.kind.invitation': 'Invitation',
} as const;

export type MessageKey = keyof typeof en;
/** A catalogue of one language: every key of the English one, no other. */
export type Messages = Record<MessageKey, string>;
