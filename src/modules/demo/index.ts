export { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_REGION, type DemoAccount } from './seed-demo.ts';
