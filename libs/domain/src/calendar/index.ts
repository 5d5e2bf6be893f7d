export * from './working-calendar';
export * from './default-calendar';
export { KYRGYZ_SHIPPED_ENTRIES } from './kyrgyz-dates';
export { ummAlQuraDates } from './umm-al-qura';
export { dayInfo, daysBetween, isWorkingDay } from './day-info';
export { isWorkingTime, endOfWorkingDay, nextWorkingMoment, addWorkingHours, addWorkingDays } from './working-time';
