// Errors the double answers itself, in the shape Cognito (and cognito-local) use: HTTP 400 with
// {"__type": "<Exception>", "message": "..."}; clients read the code from __type (or the x-amzn-errortype header).
export class CognitoError extends Error {
  constructor(type, message) {
    super(message);
    this.type = type;
  }
}

export const notAuthorized = (message) => new CognitoError('NotAuthorizedException', message);
export const invalidParameter = (message) => new CognitoError('InvalidParameterException', message);
