import type { Messages } from './en.js';

/** Russian texts; the words follow the web app's Russian catalogue (web/src/i18n/ru). */
export const ru: Messages = {
  'invitation.subject.request': 'Приглашение: {{title}}',
  'invitation.subject.update': 'Изменённое приглашение: {{title}}',
  'invitation.subject.cancel': 'Отменено: {{title}}',
  'invitation.invited': 'Вы приглашены на встречу «{{title}}».',
  'invitation.cancelled': 'Встреча «{{title}}» отменена.',
  'invitation.allDay': '{{date}} (весь день)',
  'invitation.location': 'Место: {{location}}',
  'invitation.organiser': 'Организатор: {{name}} <{{email}}>',
  'invitation.from': '{{name}} через Rapport',
  'rsvp.accept': 'Принять',
  'rsvp.decline': 'Отклонить',
  'rsvp.tentative': 'Возможно',
  'rsvp.status.accepted': 'Вы приняли это приглашение.',
  'rsvp.status.declined': 'Вы отклонили это приглашение.',
  'rsvp.status.tentative': 'Вы предварительно приняли это приглашение.',
  'rsvp.status.needsAction': 'Вы ещё не ответили.',
  'rsvp.change': 'Изменить ответ:',
  'notification.subject': '{{kind}}: {{title}}',
  'notification.kind.reminder': 'Напоминание',
  'notification.kind.assigned': 'Назначено вам',
  'notification.kind.mention': 'Вас упомянули',
  'notification.kind.rsvp': 'Ответ на приглашение',
  'notification.kind.custom': 'Уведомление',
  'notification.kind.invitation': 'Приглашение',
};
