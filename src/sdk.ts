/**
 * The slice of the AWS SDK the engine uses. cognito.ts loads this module with import() so the first paint of the
 * sign-in form never waits for the SDK, and a bundler keeps only these commands.
 */
export {
  CognitoIdentityProviderClient,
  AssociateSoftwareTokenCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
