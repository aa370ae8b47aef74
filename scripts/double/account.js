// The signed-in user's own account: the rules cognito-local lacks or gets wrong in ChangePassword, DeleteUser,
// GetUserAttributeVerificationCode and SetUserMFAPreference (GetUser, UpdateUserAttributes and VerifyUserAttribute are
// right in cognito-local once the access token is checked: handlers.js forwards them).
//
// ChangePassword with a wrong PreviousPassword is NotAuthorizedException "Incorrect username or password." (cognito-local
// says InvalidPasswordException, which means a policy failure); the pool's policy is checked on ProposedPassword:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html
// DeleteUser removes the user; their tokens stop working (the double revokes every session of the user, so a later call
// with them is NotAuthorizedException, as in Cognito, and a refresh is refused):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUser.html
// GetUserAttributeVerificationCode sends the code to the attribute named and says where (CodeDeliveryDetails; masked by
// server.js); an attribute the user does not have is InvalidParameterException. cognito-local answers {} and picks the
// destination from the pool's auto-verified attributes:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAttributeVerificationCode.html
// SetUserMFAPreference changes only the factors it names: the preferred method stays preferred unless the request turns
// it off or prefers another (cognito-local clears PreferredMfaSetting on any request that names no preferred one):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
// Turning SMS on for a user with no phone_number is InvalidParameterException "User does not have delivery config set to
// turn on SMS_MFA" (cognito-local accepts it, and the user's next sign-in then fails). An unverified number is accepted,
// as by Cognito (aws-amplify/amplify-js#11259; older wording "User does not have a phone_number set to turn on SMS MFA",
// aws-amplify/amplify-js#618; the same sentence for SOFTWARE_TOKEN_MFA: aws/aws-sdk-js-v3#4645).
// UpdateUserAttributes, modelled by cognito-local as Cognito's default (no AttributesRequireVerificationBeforeUpdate): a
// new email or phone number replaces the old one at once, marked unverified, and a code is sent to it (a pool with the
// setting keeps the old value, verified, until VerifyUserAttribute; cognito-local follows the pool option
// UserAttributeUpdateSettings, which the seed's pools leave unset, as a new Cognito pool does):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserAttributes.html
//   https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';
import { enforcePolicy } from './password-policy.js';
import { attribute } from './store.js';

const SETTINGS = { SMS_MFA: 'SMSMfaSettings', SOFTWARE_TOKEN_MFA: 'SoftwareTokenMfaSettings', EMAIL_OTP: 'EmailMfaSettings' };
const MEDIUM = { email: 'EMAIL', phone_number: 'SMS' };

/** `signedIn(req)`: the checked claims of req.AccessToken (tokens.js access), with poolId. */
export function createAccount({ store, upstream, tokens, signedIn }) {
  async function userOf(claims) {
    const user = await store.user(claims.poolId, claims.username);
    if (!user) throw notAuthorized('User does not exist.');
    return user;
  }

  return {
    async ChangePassword(req) {
      const claims = await signedIn(req);
      if (!req.PreviousPassword || !req.ProposedPassword) throw invalidParameter('Missing required parameter PreviousPassword or ProposedPassword');
      enforcePolicy(req.ProposedPassword, (await store.pool(claims.poolId)).Options);
      const user = await userOf(claims);
      if (user.Password !== req.PreviousPassword) throw notAuthorized('Incorrect username or password.');
      return upstream('ChangePassword', req);
    },

    async DeleteUser(req) {
      const claims = await signedIn(req);
      const answer = await upstream('DeleteUser', req);
      if (answer.status === 200) tokens.revokeUser(claims.poolId, claims.username);
      return answer;
    },

    async GetUserAttributeVerificationCode(req) {
      const claims = await signedIn(req);
      const name = req.AttributeName;
      if (!MEDIUM[name]) throw invalidParameter(`Cannot send a verification code for ${name ?? 'no attribute'}: only email and phone_number are verified`);
      const user = await userOf(claims);
      const value = attribute({ Attributes: [...(user.Attributes ?? []), ...(user.UnverifiedAttributeChanges ?? [])] }, name);
      if (!value) throw invalidParameter(`User has no ${name} to verify`);
      const answer = await upstream('GetUserAttributeVerificationCode', req);
      if (answer.status !== 200) return answer;
      return { CodeDeliveryDetails: { AttributeName: name, DeliveryMedium: MEDIUM[name], Destination: value } };
    },

    async SetUserMFAPreference(req) {
      const claims = await signedIn(req);
      const user = await userOf(claims);
      const named = (type) => req[SETTINGS[type]];
      const prefersAnother = Object.keys(SETTINGS).some((type) => named(type)?.PreferredMfa === true);
      const current = user.PreferredMfaSetting;
      const forward = { ...req };
      if (current && !prefersAnother && !named(current) && (user.UserMFASettingList ?? []).includes(current)) {
        forward[SETTINGS[current]] = { Enabled: true, PreferredMfa: true };
      }
      if (req.SMSMfaSettings?.Enabled && !attribute(user, 'phone_number')) {
        throw invalidParameter('User does not have delivery config set to turn on SMS_MFA');
      }
      if (req.EmailMfaSettings?.Enabled) {
        // Email MFA needs the pool's email configuration (the Essentials feature plan), which the seed's pools lack.
        throw new CognitoError('InvalidParameterException', 'Email MFA is not configured for this user pool.');
      }
      return upstream('SetUserMFAPreference', forward);
    },
  };
}
