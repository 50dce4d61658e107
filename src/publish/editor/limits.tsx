/** When the intake budgets and the login throttling refused requests: counts per period, nothing about who. */
import { type Lang, translator } from '../i18n.ts';
import { type EditorUser, EditorPage } from './shell.tsx';

const text = translator({
  en: {
    title: 'Limits',
    intro:
      'How often the limits refused a request in the last {days} days, per period of {minutes} minutes. Caravan counts refusals only: it keeps no address, and nothing that tells who was refused.',
    period: 'Period starting',
    none: 'No limit refused anything in the last {days} days.',
    budgets:
      'Budgets per period: {clientReports} reports and {clientMiB} MiB per client; {totalReports} reports and {totalMiB} MiB in all.',
    client_reports: 'Reports from one client',
    client_bytes: 'Bytes from one client',
    total_reports: 'Reports in all',
    total_bytes: 'Bytes in all',
    disk_reserve: 'Disk nearly full',
    login_client: 'Logins from one client',
    login_account: 'Logins to one account',
  },
  ru: {
    title: 'Ограничения',
    intro:
      'Сколько раз ограничения отклонили запросы за последние {days} дн., по периодам в {minutes} мин. Caravan считает только отказы: он не хранит адресов и ничего, что говорило бы, кому отказано.',
    period: 'Начало периода',
    none: 'За последние {days} дн. ограничения ничего не отклонили.',
    budgets:
      'Лимиты на период: {clientReports} сообщений и {clientMiB} МиБ от одного клиента; {totalReports} сообщений и {totalMiB} МиБ всего.',
    client_reports: 'Сообщения от одного клиента',
    client_bytes: 'Байты от одного клиента',
    total_reports: 'Сообщения всего',
    total_bytes: 'Байты всего',
    disk_reserve: 'Диск почти заполнен',
    login_client: 'Входы с одного клиента',
    login_account: 'Входы в одну учётную запись',
  },
});

export const LIMIT_NAMES = [
  'client_reports',
  'client_bytes',
  'total_reports',
  'total_bytes',
  'disk_reserve',
  'login_client',
  'login_account',
] as const;

export interface LimitsPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  days: number;
  periodSeconds: number;
  budget: { clientReports: number; clientBytes: number; totalReports: number; totalBytes: number };
  hits: readonly { period_start: Date; limit_name: string; refusals: number }[];
}

export function LimitsPage(props: LimitsPageProps) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  const periods = new Map<number, Map<string, number>>();
  for (const h of props.hits) {
    const row = periods.get(h.period_start.getTime()) ?? new Map<string, number>();
    row.set(h.limit_name, (row.get(h.limit_name) ?? 0) + h.refusals);
    periods.set(h.period_start.getTime(), row);
  }
  const mib = (n: number) => Math.round(n / 2 ** 20);
  const b = props.budget;
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="limits">
      <h1>{t('title')}</h1>
      <p>{t('intro', { days: props.days, minutes: Math.round(props.periodSeconds / 60) })}</p>
      <p class="meta">
        {t('budgets', {
          clientReports: b.clientReports,
          clientMiB: mib(b.clientBytes),
          totalReports: b.totalReports,
          totalMiB: mib(b.totalBytes),
        })}
      </p>
      {periods.size === 0 ? (
        <p id="limit-hits-none">{t('none', { days: props.days })}</p>
      ) : (
        <table id="limit-hits">
          <thead>
            <tr>
              <th scope="col">{t('period')}</th>
              {LIMIT_NAMES.map((name) => (
                <th scope="col">{t(name)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...periods].map(([start, row]) => (
              <tr>
                <td>{new Date(start).toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
                {LIMIT_NAMES.map((name) => (
                  <td data-limit={name}>{row.get(name) ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </EditorPage>
  );
}
