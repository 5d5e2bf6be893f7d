import type { NewUser } from './identity.service';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_SCHOOL = 'Ш. Сүеркулов атындагы №35 орто мектеби';

const order = (n: number) => ({ orderNumber: `№${n}-к`, orderDate: '2026-09-01' });
/** R-4.1d: the standing destruction commission, appointed by order; its chair (the first appointed) signs first. */
const commission = { role: 'commission_member' as const, orderNumber: '№9-к', orderDate: '2026-09-01' };
const commissionChair = { role: 'commission_member' as const, orderNumber: '№8-к', orderDate: '2026-08-31' };

/** Demo mode only: one person per role, all with the same published password. */
export const DEMO_PEOPLE: NewUser[] = [
  {
    username: 'director',
    displayName: 'Айгүл Асанова (директор)',
    password: DEMO_PASSWORD,
    roles: [
      { role: 'director', ...order(1) },
      { role: 'admin', ...order(1) },
    ],
  },
  {
    username: 'clerk',
    displayName: 'Нуржан Токтогулова (иш кагаздары)',
    password: DEMO_PASSWORD,
    roles: [{ role: 'records_clerk', ...order(2) }, commission],
  },
  {
    username: 'security',
    displayName: 'Бакыт Осмонов (маалыматтык коопсуздук)',
    password: DEMO_PASSWORD,
    roles: [{ role: 'security_officer', ...order(3) }, commissionChair],
  },
  {
    username: 'teacher',
    displayName: 'Гүлнара Жумабаева (мугалим)',
    password: DEMO_PASSWORD,
    roles: [{ role: 'staff', ...order(4) }],
  },
  {
    username: 'teacher2',
    displayName: 'Эрлан Садыков (мугалим)',
    password: DEMO_PASSWORD,
    roles: [{ role: 'staff', ...order(5) }],
  },
  {
    username: 'auditor',
    displayName: 'Чолпон Мамытова (аудитор)',
    password: DEMO_PASSWORD,
    roles: [{ role: 'auditor', ...order(6) }],
  },
  {
    username: 'support',
    displayName: 'Тимур Бекмуратов (техникалык колдоо)',
    password: DEMO_PASSWORD,
    roles: [{ role: 'tech_support', ...order(7) }, commission],
  },
  {
    // the clerk-to-be, with no role until an acceptance-transfer act makes them the records clerk.
    username: 'clerk2',
    displayName: 'Азамат Исаков (иш кагаздары, кабыл алуучу)',
    password: DEMO_PASSWORD,
    roles: [],
  },
];
