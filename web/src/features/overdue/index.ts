export { MyTasksViews } from './MyTasksViews';
export { MY_TASKS_VIEWS, type MyTasksView, myTasksCondition, parseMyTasks, withMyTasks, withOverdueFields } from './my-tasks';
export { OverdueCue, TaskDue, useOverdueColor } from './OverdueCue';
export { isOverdue } from './overdue';
