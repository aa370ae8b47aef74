import type { CodeDelivery } from './status.js';

export interface ForgotPasswordState {
  screen: 'forgot-password';
  username: string;
}

export interface ConfirmForgotPasswordState {
  screen: 'confirm-forgot-password';
  username: string;
  delivery?: CodeDelivery;
}
